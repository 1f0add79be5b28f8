"""Pass 3 of quote extraction: ordered attribution sieves over the text around one quote."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from flows.core.lexicon import SPEECH_NOUNS
from flows.core.quote_mentions import Mention, clean_name, mention_after, mention_before, tokens
from flows.core.quote_patterns import (
    ACCORDING_RE,
    COLON_INTRO_RE,
    SENTENCE_END_RE,
    ABBREVIATION_END_RE,
    SPEECH_FORMS,
    TRANSCRIPT_LABEL_RE,
)
from flows.core.quote_spans import RawSpan

_LEAD_PUNCT_RE = re.compile(r"[ \t\xa0]*[,—–-]?[ \t\xa0]*")
_POSSESSIVE_TOKEN_RE = re.compile(r"^(?:[A-Z][\w.-]*[’']s|[Hh]is|[Hh]er)$")
_OPENING_ONLY_RE = re.compile(r"[ \t\xa0\n\"“‘'«(\[`]*")
_WINDOW = 260  # characters of context read on each side of a quote


class Attribution(NamedTuple):
    """Who said a quote, how that was found, and the cue that showed it."""

    mention: Mention
    cue: str | None
    method: str


class DocContext:
    """Per-document data the sieves share: paragraphs, sentence starts, top-level spans."""

    def __init__(self, text: str, spans: list[RawSpan], blocks: list[int], top: list[bool]) -> None:
        self.text = text
        self.spans = spans
        self.blocks = blocks
        self.top = top
        self.opens = [s.open_at for s in spans]
        self.ends = [close_end(text, s) for s in spans]
        self._sentences: dict[int, list[int]] = {}

    def block_of(self, pos: int) -> int:
        """Index of the paragraph holding offset pos."""
        return bisect_right(self.blocks, pos) - 1

    def block_end(self, b: int) -> int:
        """End offset of paragraph b."""
        return self.blocks[b + 1] if b + 1 < len(self.blocks) else len(self.text)

    def sentence_starts(self, b: int) -> list[int]:
        """Sentence start offsets within paragraph b (cached)."""
        got = self._sentences.get(b)
        if got is None:
            start = self.blocks[b]
            text, got = self.text, [start]
            for m in SENTENCE_END_RE.finditer(text, start, self.block_end(b)):
                i = m.start()
                if text[i] != "." or not ABBREVIATION_END_RE.search(text, max(start, i - 5), i):
                    got.append(m.end())
            self._sentences[b] = got
        return got

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence holding pos."""
        starts = self.sentence_starts(self.block_of(pos))
        return starts[bisect_right(starts, pos) - 1]

    def sentence_end(self, pos: int) -> int:
        """End of the sentence holding pos (next sentence start or paragraph end)."""
        b = self.block_of(pos)
        starts = self.sentence_starts(b)
        k = bisect_right(starts, pos)
        return starts[k] if k < len(starts) else self.block_end(b)


def close_end(text: str, span: RawSpan) -> int:
    """Offset just past the closing mark (the paragraph end for unclosed quotes)."""
    if span.close_at < 0:
        return span.end
    return span.close_at + (2 if text.startswith(("''", "``"), span.close_at) else 1)


def _subject_of_verb(toks: list[re.Match[str]], vi: int, lo: int) -> tuple[Mention | None, bool]:
    """Subject of the verb at token vi, reading an apposition between commas; returns (mention, appositive)."""
    if vi - 1 >= lo and toks[vi - 1].group() == ",":
        for c in range(lo, vi - 1):
            if toks[c].group() == ",":
                m = mention_before(toks[: c], lo)
                if m is not None and m.kind == "name":
                    return m, True
                break
        return None, False
    return mention_before(toks[:vi], lo), False


def _is_verb(tok: str) -> bool:
    """True for an inflected speech verb token."""
    return tok.lower().rstrip(".") in SPEECH_FORMS


def sieve_after(ctx: DocContext, span: RawSpan, limit: int) -> Attribution | None:
    """A speech tag right after the quote: "…,” said Bondarev / "…,” Putin said / "…,” the report stated."""
    text = ctx.text
    quote_end = text[span.end - 1] if span.end > span.start else ""
    pos = close_end(text, span)
    lead = _LEAD_PUNCT_RE.match(text, pos, limit)
    if quote_end in ".…" and not (lead and "," in lead.group()):
        return None
    toks = tokens(text, pos, min(limit, pos + _WINDOW))
    lo = 1 if toks and toks[0].group() in ",—–" else 0
    if len(toks) > lo and _is_verb(toks[lo].group()):
        verb = toks[lo].group().rstrip(".")
        m = mention_after(toks, lo + 1)
        if m is not None:
            return Attribution(m, verb, "verb_after")
        if (lo or quote_end == ",") and verb.endswith("ing"):
            sent_start = ctx.sentence_start(span.open_at)
            m = first_subject(ctx, tokens(text, sent_start, span.open_at))
            return Attribution(m, verb, "verb_after") if m is not None else None
    for vi in range(lo, min(len(toks), lo + 40)):
        w = toks[vi].group()
        if _is_verb(w):
            m, appos = _subject_of_verb(toks, vi, lo)
            if m is not None and m.start == toks[lo].start():
                return Attribution(m, w.rstrip("."), "apposition" if appos else "verb_after")
            if toks[vi - 1].group() != ",":
                break
        if w in ";:“”\"«»(" or (w.endswith(".") and vi > lo and not w[:-1].isupper() and len(w) > 4):
            break
    return None


_PREPOSITIONS = frozenset("in at of from to with on for by about near toward towards against into over under than".split())
_SUBORDINATORS = frozenset("as while when although though if after before since because despite once unless".split())
_PARTICIPLE_LEAD = frozenset(", and while before after by then also".split())


def first_subject(ctx: DocContext, toks: list[re.Match[str]]) -> Mention | None:
    """First name or subject pronoun of a clause, skipping names after prepositions: the subject of "saying"."""
    k, n = 0, len(toks)
    if n and toks[0].group().lower() in _SUBORDINATORS:
        k = next((i + 1 for i in range(n) if toks[i].group() == ","), n)
    while k < n:
        w = toks[k].group()
        j = k + 1
        while j < n and toks[j].group()[:1].isupper():
            j += 1
        if w.lower() in ("he", "she"):
            return Mention(toks[k].start(), toks[k].end(), "pronoun", None)
        if w[:1].isupper() and not (k and toks[k - 1].group().lower() in _PREPOSITIONS):
            m = mention_before(toks[:j], k)
            if m is not None and m.kind == "name" and (j - k > 1 or k > 0 or _seen_inside(ctx.text, w)):
                return m
        k = j if w[:1].isupper() else k + 1
    return None


def _seen_inside(text: str, word: str) -> bool:
    """True when a sentence-initial word also occurs mid-sentence, so it is a name, not just capitalized."""
    i = text.find(" " + word)
    while i > 0:
        if text[i - 1] not in ".!?\n\"“”":
            return True
        i = text.find(" " + word, i + 1)
    return False


def sieve_before(ctx: DocContext, seg_start: int, sent_start: int, span: RawSpan) -> Attribution | None:
    """A speech verb before the quote in its sentence: "Putin stated, “…”", "Filippenko, an analyst, noted: “…”"."""
    toks = tokens(ctx.text, max(seg_start, span.open_at - _WINDOW), span.open_at)
    fallback: re.Match[str] | None = None
    for vi, t in enumerate(toks):
        w = t.group()
        if not _is_verb(w):
            continue
        m, appos = _subject_of_verb(toks, vi, 0)
        if m is not None:
            return Attribution(m, w.rstrip("."), "apposition" if appos else "verb_before")
        lead = toks[vi - 1].group().lower() if vi else ","
        if fallback is None or (w.endswith("ing") and lead in _PARTICIPLE_LEAD):
            fallback = t
    if fallback is None:
        return None
    m = first_subject(ctx, outside_tokens(ctx, sent_start, fallback.start()))
    return Attribution(m, fallback.group().rstrip("."), "verb_before") if m is not None else None


def sieve_according(ctx: DocContext, sent_start: int, sent_end: int) -> Attribution | None:
    """"according to X" anywhere in the quote's sentence."""
    m = ACCORDING_RE.search(ctx.text, sent_start, sent_end)
    if m is None:
        return None
    who = mention_after(tokens(ctx.text, m.end(), min(sent_end, m.end() + 120)))
    return Attribution(who, "according to", "according_to") if who is not None else None


def sieve_colon(ctx: DocContext, sent_start: int, span: RawSpan) -> Attribution | None:
    """A name and colon opening the sentence or headline: "Pence: … ‘Mocking’ …", "Trump: “…”"."""
    m = COLON_INTRO_RE.match(ctx.text, sent_start, span.open_at + 1)
    if m is None:
        return None
    toks = tokens(ctx.text, m.start("name"), m.end("name"))
    who = mention_before(toks)
    if who is None or who.kind != "name":
        return None
    return Attribution(who, ":", "colon")


def sieve_transcript(ctx: DocContext, span: RawSpan) -> tuple[Attribution, int] | None:
    """An all-caps speaker label opening a transcript quote ("WALLACE: …"); returns the new quote start."""
    m = TRANSCRIPT_LABEL_RE.match(ctx.text, span.start, span.end)
    if m is None or len(m.group("name")) < 3:
        return None
    name = clean_name(m.group("name").title().split())
    if name is None:
        return None
    who = Mention(m.start("name"), m.end("name"), "name", name)
    return Attribution(who, ":", "transcript_label"), m.end()


def sieve_possessive(ctx: DocContext, seg_start: int, span: RawSpan) -> Attribution | None:
    """A possessive before the quote: "Trump’s parting words to Putin, “…”", "his assertion that “…”"."""
    toks = tokens(ctx.text, max(seg_start, span.open_at - 90), span.open_at)
    for k in range(len(toks) - 1, -1, -1):
        w = toks[k].group()
        if not _POSSESSIVE_TOKEN_RE.match(w):
            continue
        near_end = len(toks) - k <= 3
        has_noun = any(t.group().lower() in SPEECH_NOUNS for t in toks[k + 1 : k + 5])
        if not (near_end or has_noun):
            return None
        if w.lower() in ("his", "her"):
            return Attribution(Mention(toks[k].start(), toks[k].end(), "pronoun", None), "’s", "possessive")
        m = mention_before(toks[: k + 1], possessive=True)
        return Attribution(m, "’s", "possessive") if m is not None else None
    return None


def sieve_later(ctx: DocContext, span: RawSpan, sent_end: int) -> Attribution | None:
    """A subject and speech verb later in the same sentence ("«…» of consensus, Trump stated")."""
    pos = close_end(ctx.text, span)
    toks = outside_tokens(ctx, pos, min(sent_end, pos + _WINDOW))
    for vi, t in enumerate(toks):
        w = t.group()
        if _is_verb(w):
            m, _ = _subject_of_verb(toks, vi, 0)
            if m is not None:
                return Attribution(m, w.rstrip("."), "verb_later")
    return None


def outside_tokens(ctx: DocContext, start: int, end: int) -> list[re.Match[str]]:
    """Tokens of text[start:end] that lie outside every quote (marks included)."""
    out: list[re.Match[str]] = []
    k = max(0, bisect_right(ctx.opens, start) - 1)
    pos = start
    while pos < end:
        while k < len(ctx.spans) and ctx.ends[k] <= pos:
            k += 1
        if k < len(ctx.spans) and ctx.spans[k].open_at <= pos:
            pos = ctx.ends[k]
            continue
        stop = min(end, ctx.spans[k].open_at) if k < len(ctx.spans) else end
        out.extend(tokens(ctx.text, pos, stop))
        pos = stop
    return out


def starts_block(ctx: DocContext, span: RawSpan) -> bool:
    """True when only whitespace and opening marks precede the quote in its paragraph."""
    b = ctx.block_of(span.open_at)
    return _OPENING_ONLY_RE.fullmatch(ctx.text, ctx.blocks[b], span.open_at + 1) is not None


def starts_sentence(ctx: DocContext, span: RawSpan) -> bool:
    """True when only whitespace and opening marks precede the quote in its sentence."""
    return _OPENING_ONLY_RE.fullmatch(ctx.text, ctx.sentence_start(span.open_at), span.open_at + 1) is not None
