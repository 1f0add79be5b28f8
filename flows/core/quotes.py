"""Direct-quote extraction: pair marks, classify, attribute by ordered sieves, canonicalize, resolve pronouns."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, fields

from flows.core import quote_attribution as sv
from flows.core.quote_attribution import Attribution, DocContext, close_end
from flows.core.quote_kind import SHORT_WORDS, classify, demote_unattributed, settle_title, words
from flows.core.quote_mentions import Mention, is_unresolvable, mention_before, pronoun_gender
from flows.core.quote_names import full_names, is_person, name_gender, pick_antecedent
from flows.core.quote_spans import RawSpan, find_spans
from flows.core.records import Quote

_new = tuple.__new__  # builds a NamedTuple without its Python-level __new__ (see quote_mentions)

_BLANK_LINE_RE = re.compile(r"\n[ \t\xa0]*\n")
_COLON_END_RE = re.compile(r":[ \t\xa0\n]*$")
_OPENING_ONLY_RE = re.compile(r"[ \t\xa0\n\"“‘'«(\[`]*")  # spaces and opening marks only
_OPENING_CHARS = frozenset(" \t\xa0\n\"“‘'«([`")  # the same characters
# words that introduce the quote after them: a colon, or a speech verb and a comma ("but said, “…”")
_INTRO_RE = re.compile(
    r"(?::|\b(?:said|says|added|asked|wrote|replied|responded|declared|told \w+),)[ \t\xa0]*[\"“‘'«`]*$"
)
_DASHES = ("-", "—", "―", "–")  # a dash introduction ("Romney -- ''…''") ends with one of these before the quote
_SUBJECT_SENTENCES = 4  # sentences looked back at for a pronoun's antecedent
_CONTINUATION_GAP = 160  # a paragraph-opening quote continues the previous paragraph's quote if it ended this close


@dataclass(slots=True)
class _Draft:
    """Mutable working record for one quote before it becomes a frozen Quote."""

    span: RawSpan
    start: int
    end: int
    kind: str
    block: int
    index: int
    top: bool = True
    attribution: Attribution | None = None
    speaker: str | None = None
    method: str | None = None
    sentence: tuple[int, int] = (0, 0)  # start of the quote's sentence, end of the sentence holding its close


def _top_level(text: str, spans: list[RawSpan], ends: list[int] | None = None) -> list[bool]:
    """Flag spans that are not nested inside an earlier span (ends: each span's close_end, if known)."""
    if ends is None:
        ends = [close_end(text, s) for s in spans]
    flags, outer_end = [], -1
    for s, end in zip(spans, ends):
        nested = s.open_at < outer_end
        flags.append(not nested)
        if not nested:
            outer_end = end
    return flags


def _previous_top(ctx: DocContext, drafts: list[_Draft], block: int, speech: bool = False) -> _Draft | None:
    """The last top-level quote already drafted in the given paragraph (skipping scare quotes if speech)."""
    for d in reversed(drafts):
        if d.block < block:
            return None
        if d.block == block and d.top and not (speech and d.kind == "scare"):
            return d
    return None


def _continuation(ctx: DocContext, drafts: list[_Draft], d: _Draft) -> Attribution | None:
    """Speaker of the previous quote or sentence in the paragraph, or of the previous paragraph."""
    prev = _previous_top(ctx, drafts, d.block, speech=True)
    if prev is not None:
        same_sentence = ctx.sentence_start(prev.span.open_at) == ctx.sentence_start(d.span.open_at)
        return _copy(prev) if same_sentence or sv.starts_sentence(ctx, d.span) else None
    sent = ctx.sentence_start(d.span.open_at)
    if sent > ctx.blocks[d.block] and sv.starts_sentence(ctx, d.span):
        before = ctx.sentence_start(sent - 1)  # "X called him a master. “He showed again and again …”"
        got = sv.sieve_before(ctx, before, before, RawSpan(sent, sent, sent, sent, ""))
        if got is not None and got.mention.kind == "name":
            return _new(Attribution, (got.mention, got.cue, "continuation"))
        if got is None:
            m = sv.first_subject(ctx, sv.outside_tokens(ctx, before, sent))  # "X identified …. “…”"
            if m is not None and m.kind == "name":
                return _new(Attribution, (m, None, "continuation"))
    if d.block == 0 or not sv.starts_block(ctx, d.span):
        return None
    return _previous_paragraph(ctx, drafts, d)


def _previous_paragraph(ctx: DocContext, drafts: list[_Draft], d: _Draft) -> Attribution | None:
    """A paragraph-opening quote continues the previous paragraph: its "X said:" intro, its last quote, or
    (for a paragraph that is only a quote) the subject of its last sentence."""
    pb = d.block - 1
    pstart, pend = ctx.blocks[pb], ctx.blocks[d.block]
    if _COLON_END_RE.search(ctx.text, pstart if pstart > pend - 8 else pend - 8, pend):  # (max() inlined)
        colon_at = ctx.text.rindex(":", pstart, pend)
        fake = RawSpan(colon_at, colon_at, colon_at, colon_at, "")
        got = sv.sieve_before(ctx, ctx.sentence_start(max(pstart, colon_at - 1)), pstart, fake)
        if got is not None:
            return _new(Attribution, (got.mention, got.cue, "continuation"))
    prev = _previous_top(ctx, drafts, pb, speech=True)
    if prev is not None and pend - ctx.ends[prev.index] <= _CONTINUATION_GAP:
        return _copy(prev)
    if pb > 0 and ctx.text[ctx.ends[d.index] : ctx.block_end(d.block)].strip() == "":
        last = ctx.sentence_start(pstart if pstart > pend - 2 else pend - 2)
        m = sv.first_subject(ctx, sv.outside_tokens(ctx, last, pend))
        if m is not None and m.kind == "name":
            return _new(Attribution, (m, None, "continuation"))
    return None


def _copy(prev: _Draft) -> Attribution | None:
    """Reuse an earlier quote's attribution as a continuation."""
    if prev.attribution is None:
        return None
    return _new(Attribution, (prev.attribution.mention, prev.attribution.cue, "continuation"))


def _attribute(ctx: DocContext, drafts: list[_Draft], d: _Draft) -> Attribution | None:
    """Run the sieves in order and return the first attribution found."""
    span, text = d.span, ctx.text
    prev = _previous_top(ctx, drafts, d.block)
    prev_end = ctx.ends[prev.index] if prev is not None else ctx.blocks[d.block]
    sent_start, sent_end = d.sentence  # computed once, when the draft was made
    seg_start = sent_start if sent_start >= prev_end else prev_end  # max(), without its argument parsing
    b_end = ctx.block_ends[d.block]
    nxt = d.index + 1
    spans, end = ctx.spans, ctx.ends[d.index]
    while nxt < len(spans) and (
        not ctx.top[nxt] or (spans[nxt].open_at - end < 80 and spans[nxt].end - spans[nxt].start < 20 and _nickname(ctx, nxt))
    ):  # a nickname inside the tag's name (“…,” Marcia "Cia" Price said) does not end the tag
        nxt += 1
    limit = spans[nxt].open_at if nxt < len(spans) and spans[nxt].open_at < b_end else b_end
    # Sieves that read the writer's words before the quote are skipped when there are none (a quote opening its
    # sentence or following another quote directly): they could find nothing, and most quotes are like that.
    before = seg_start < span.open_at and (  # (the first character mostly settles it without the regex call)
        text[seg_start] not in _OPENING_CHARS or _OPENING_ONLY_RE.fullmatch(text, seg_start, span.open_at) is None
    )
    if before and seg_start == prev_end and prev is not None and prev.attribution is not None and (
        prev_end <= prev.attribution.mention.start < span.open_at
        and text[span.open_at - 2 : span.open_at].strip() == ","
    ):  # “In breaking news,” Axelrod tweeted last January, “…,” after …: the tag between the halves speaks for both
        return _copy(prev)
    if not before:
        first = sv.sieve_after(ctx, span, limit)
    elif d.block and text[span.open_at - 3 : span.open_at].rstrip(" \t\xa0")[-1:] in _DASHES and (
        intro := sv.sieve_dash_intro(ctx, seg_start, span)
    ):  # "including the former candidate Mitt Romney -- ''…'' --": the name before the dashes speaks
        first = intro
    elif d.kind in ("partial", "title"):  # a fragment inside the writer's sentence: its cue usually comes first
        first = (
            sv.sieve_end_tag(ctx, span, limit)
            or (ctx.has_reported and sv.sieve_reported(ctx, span, sent_end))
            or sv.sieve_before(ctx, seg_start, sent_start, span)
            or sv.sieve_after(ctx, span, limit)
        )
    elif _introduced(text, seg_start, span.open_at):
        # a quote the words before it introduce ("but said, “…,” promising the Friends …"): a plain tag after it
        # ("…,” she said) still comes first, then the cue before it, then any other cue after it
        first = (
            sv.sieve_tag(ctx, span, limit)
            or sv.sieve_before(ctx, seg_start, sent_start, span)
            or sv.sieve_after(ctx, span, limit)
        )
    else:
        first = sv.sieve_after(ctx, span, limit) or sv.sieve_before(ctx, seg_start, sent_start, span)
    if first is not None:
        return first
    got = sv.sieve_participle(ctx, seg_start, sent_start, span) if before else None
    got = got or sv.sieve_dash(ctx, span, limit)  # a cue in the sentence beats a byline dash after it
    got = got or sv.sieve_according(ctx, sent_start, sent_end)
    sentence_before = before or sent_start < seg_start
    if got is None and sentence_before:
        got = sv.sieve_colon(ctx, sent_start, span) or (sv.sieve_possessive(ctx, seg_start, span) if before else None)
        if got is not None and got.mention.kind == "pronoun" and prev is not None and prev.attribution is not None and (
            ctx.sentence_start(prev.span.open_at) == sent_start
        ):  # “…” and that she has learned her lesson: “…”: the sentence's speaker goes on; "her" is the object's
            got = _copy(prev)
        elif got is not None and got.method == "possessive":
            # “Trump’s “excesses” are sickening, Hollande said”: a speech tag later in the sentence beats the owner
            got = sv.sieve_later(ctx, span, sent_end) or got
    return (
        got
        or _continuation(ctx, drafts, d)
        or sv.sieve_later(ctx, span, sent_end)
        or (sv.sieve_headline(ctx, span) if d.block == 0 else None)
        or _weak(ctx, drafts, d, sent_start, sentence_before)
    )


_NICKNAME_RE = re.compile(r"[A-Z][\w.’'-]*[ \t][\"“‘'][A-Z][\w.’'-]*[\"”’'][ \t][A-Z]")


def _nickname(ctx: DocContext, k: int) -> bool:
    """Span k is a nickname quoted inside a name (Marcia "Cia" Price): the speech tag reads past it."""
    s = ctx.spans[k]
    if not ctx.text[s.start : s.start + 1].isupper():
        return False  # (the caller tests the length first: this runs for the quote after every quote)
    i = ctx.text.rfind(" ", s.open_at - 30 if s.open_at > 30 else 0, s.open_at - 1) + 1  # (max() inlined)
    return _NICKNAME_RE.match(ctx.text, i, ctx.ends[k] + 2) is not None


def _introduced(text: str, seg_start: int, open_at: int) -> bool:
    """The words before the quote end with a colon or "said," (cheap test of the last characters first)."""
    tail = text[seg_start if seg_start > open_at - 3 else open_at - 3 : open_at].rstrip(" \t\xa0\"“‘'«`")
    if tail[-1:] not in (":", ","):
        return False
    lo = open_at - 40
    if lo < seg_start:  # (max() inlined)
        lo = seg_start
    return _INTRO_RE.search(text, lo, open_at) is not None


def _weak(
    ctx: DocContext, drafts: list[_Draft], d: _Draft, sent_start: int, sentence_before: bool
) -> Attribution | None:
    """Last resorts without a speech cue: the subject of the writer's clause (not in the headline, which has its own
    sieve), then an earlier quote of the paragraph. On PolNeAR even one- and two-word quotes reached this way are
    mostly someone's words, so there is no length floor (a floor of two words trades .003 speaker accuracy for .001
    F1 on dev)."""
    if sentence_before and d.block:
        got = sv.sieve_subject(ctx, sent_start, d.span)
        if got is not None:
            return got
    return _same_paragraph(ctx, drafts, d)


def _same_paragraph(ctx: DocContext, drafts: list[_Draft], d: _Draft) -> Attribution | None:
    """Nothing else applies: an earlier quote of the paragraph gives its speaker
    (“…,” Ortega said. Instead, “…”)."""
    prev = _previous_top(ctx, drafts, d.block, speech=True)
    return _copy(prev) if prev is not None else None


def _draft(ctx: DocContext, drafts: list[_Draft], k: int) -> _Draft:
    """Classify and attribute span k."""
    span, text = ctx.spans[k], ctx.text
    block = bisect_right(ctx.blocks, span.open_at) - 1  # ctx.block_of, inlined
    last = ctx.ends[k] - 1
    bounds = ctx.sentence_bounds(span.open_at, last if last >= span.open_at else span.open_at)  # (max(), inlined)
    prefix_start = bounds[0]  # a sentence never starts before its paragraph
    quote = text[span.start : span.end]
    kind = classify(quote, text[prefix_start : span.open_at], not ctx.top[k], block == 0 and ctx.title_case_headline())
    d = _Draft(span, span.start, span.end, kind, block, k, ctx.top[k], None, None, None, bounds)  # (all positional)
    if kind == "scare" or not ctx.top[k]:
        d.kind = "scare" if kind == "title" else kind  # quotes nested in a quote are not attributed
        return d
    label = sv.sieve_transcript(ctx, span) if text[span.start : span.start + 2].isupper() else None
    if label is not None:
        d.attribution, d.start = label
        d.kind = "full"
        return d
    d.attribution = (span.method == "open:signature" and sv.sieve_signature(ctx, span)) or _attribute(ctx, drafts, d)
    if block == 0 and ctx.title_case_headline():
        d.attribution = sv.sieve_title_headline(ctx, span, d.attribution)
    if kind == "title":
        d.kind = settle_title(d.attribution.method if d.attribution else None, text[prefix_start : span.open_at], quote)
        if d.kind == "scare":
            d.attribution = None
    elif d.attribution is None and block > 0:
        d.kind = demote_unattributed(kind, quote)
    elif kind == "partial" and _continues_split(ctx, drafts, d):
        d.kind = "full"
    elif d.attribution is None and len(words(quote)) <= SHORT_WORDS:
        d.kind = "partial"  # an unattributed fragment quoted in a headline
    return d


def _continues_split(ctx: DocContext, drafts: list[_Draft], d: _Draft) -> bool:
    """The second half of a quote split by a tag (“The root causes,” he added, “must be resolved.”) is full."""
    prev = _previous_top(ctx, drafts, d.block, speech=True)
    if prev is None or prev.kind != "full" or ctx.sentence_start(prev.span.open_at) != ctx.sentence_start(d.span.open_at):
        return False
    gap = ctx.text[ctx.ends[prev.index] : d.span.open_at]
    return ctx.text[prev.end - 1] == "," and gap.rstrip()[-1:] == "," and len(gap) < 60


def _canonicalize(text: str, drafts: list[_Draft], full: dict[str, str]) -> None:
    """Give every named speaker its full in-document name ("Bondarev" -> "Boris Bondarev")."""
    for d in drafts:
        a = d.attribution
        if a is not None and a.mention.kind == "name" and a.mention.name is not None:  # _named(d), inlined
            name = a.mention.name
            d.speaker = full.get(name, name)
            d.method = a.method


def _named(d: _Draft) -> bool:
    """True when the draft is attributed to a named mention."""
    return d.attribution is not None and d.attribution.mention.kind == "name" and d.attribution.mention.name is not None


_NAME_TAIL_RE = re.compile(r"\S*(?:[ \t]+[A-Z]\S*)*")  # the rest of a word and the capitalized words after it


def _sentence_subjects(ctx: DocContext, d: _Draft, pos: int, floor: int) -> Iterator[tuple[int, str]]:
    """Subjects (first names) of the last few sentences before pos and after floor, in this and the previous
    paragraph, latest first (sentences before the latest named speaker cannot hold a more recent antecedent).
    Lazy: the caller stops at the first subject that fits, so earlier sentences are rarely parsed."""
    seen = 0
    for b in (d.block, d.block - 1) if d.block else (0,):  # the previous paragraph is split only when reached
        starts = ctx.sentence_starts(b)
        n = len(starts)
        for i in range(bisect_left(starts, pos) - 1, -1, -1):  # sentences starting before pos, latest first
            s = starts[i]
            if s < floor or seen == _SUBJECT_SENTENCES:
                return
            seen += 1
            # the sentence's end (ctx.sentence_end, read off this paragraph's starts); in the pronoun's own sentence
            # only the words before the pronoun
            end = starts[i + 1] if i + 1 < n else ctx.block_ends[b]
            if end > s + 200:  # (min() of the three, inlined)
                end = s + 200
            if end > pos:
                end = pos
            if end == s + 200 < pos:  # a cut at 200 characters splits no word or name ("Ma|rkus Wolf", "Mrs. |Clinton")
                end = _NAME_TAIL_RE.match(ctx.text, end, pos).end()
            m = ctx.subjects.get((s, end), False)
            if m is False:
                m = ctx.subjects[(s, end)] = sv.first_subject(ctx, sv.outside_tokens(ctx, s, end, cap=30))
            if m is not None and m.kind == "name" and m.start < pos:
                yield m.start, m.name


def _resolve_pronouns(ctx: DocContext, drafts: list[_Draft], full: dict[str, str], searched: set[str]) -> None:
    """Resolve he/she speakers to the most recent compatible sentence subject or, failing that, named speaker
    (full: the full names found for the one-word names in `searched`)."""
    cands: list[tuple[int, str]] = []
    learned: dict[str, str] = {}
    looked = set(searched)  # one-word names whose full form was already searched for (found or not)
    for d in drafts:
        a = d.attribution
        if a is None:
            continue
        if d.speaker:
            cands.append((d.span.open_at, d.speaker))
            continue
        surface = ctx.text[a.mention.start : a.mention.end]
        if surface in ("it", "It") and a.mention.kind == "pronoun":
            # "The Security Council condemned the test … to what it called “…”": "it" is the organisation that
            # heads its own sentence (never a person, never an earlier sentence's subject)
            own = ctx.sentence_start(a.mention.start)
            m = sv.first_subject(ctx, sv.outside_tokens(ctx, own, a.mention.start, cap=30))
            if m is not None and m.kind == "name" and not is_person(m.name):
                d.speaker, d.method = m.name, "pronoun"
                continue
        if a.mention.kind != "pronoun" or is_unresolvable(surface):
            d.method = a.method
            continue
        gender = pronoun_gender(surface)
        name = None
        own = ctx.sentence_start(a.mention.start)
        # "Eric Trump's father gave his charity “…”": a possessive pronoun refers back to a named owner earlier in its
        # sentence, unless that sentence has a named subject of its own
        owner = _possessive_owner(ctx, own, a.mention.start) if surface in ("his", "her", "His", "Her") else None
        for start, n in _sentence_subjects(ctx, d, a.mention.start, cands[-1][0] if cands else 0):
            if owner is not None and start < own:
                break
            n = _full(ctx, n, full, looked)
            g = learned.get(n) or name_gender(n)
            if (gender is None or g is None or g == gender) and (gender is None or is_person(n)):
                name = n
                break
        if name is None and owner is not None:
            n = _full(ctx, owner, full, looked)
            g = learned.get(n) or name_gender(n)
            name = n if gender is None or g is None or g == gender else None
        if name is None:
            name = pick_antecedent(cands, a.mention.start, gender, learned)
        d.method = "pronoun" if name else a.method
        d.speaker = name
        if name and gender and name_gender(name) is None:
            learned[name] = gender


def _full(ctx: DocContext, n: str, full: dict[str, str], looked: set[str]) -> str:
    """The in-document full name of n, searched for once per one-word name."""
    if " " not in n and n not in looked:
        looked.add(n)
        full.update(full_names(ctx.text, (n,)))
    return full.get(n, n)


def _possessive_owner(ctx: DocContext, start: int, end: int) -> str | None:
    """The last named owner ("Eric Trump’s") in text[start:end], outside quotes."""
    if "’s" not in ctx.text[start:end] and "'s" not in ctx.text[start:end]:
        return None
    toks = sv.outside_tokens(ctx, start, end)
    for k in range(len(toks) - 1, -1, -1):
        w = toks[k][0]
        if w[:1].isupper() and w.endswith(("’s", "'s")):
            m = mention_before(toks[: k + 1], possessive=True)
            return m.name if m is not None and m.kind == "name" else None
    return None


# Quote is a frozen slots dataclass: its generated __init__ sets each of the 13 fields through object.__setattr__,
# which costs twice what calling the slots' own setters does. _new_quote builds the same record that way (Quote has no
# __post_init__ to skip; tests/unit/test_quotes.py checks the two give equal records). Unpacking the 13 setters fails
# at import if the record's fields ever change.
(_S0, _S1, _S2, _S3, _S4, _S5, _S6, _S7, _S8, _S9, _S10, _S11, _S12) = (
    getattr(Quote, f.name).__set__ for f in fields(Quote)
)
_NEW = object.__new__


def _new_quote(
    start: int, end: int, text: str, kind: str, paragraph: int, method: str, speaker: str | None,
    mention: str | None, mention_start: int | None, mention_end: int | None, cue: str | None, how: str | None,
    sentence: str | None,
) -> Quote:  # fmt: skip
    """Quote(start, end, …, sentence) with the fields in declaration order, set through the slots' own setters."""
    q = _NEW(Quote)
    _S0(q, start)
    _S1(q, end)
    _S2(q, text)
    _S3(q, kind)
    _S4(q, paragraph)
    _S5(q, method)
    _S6(q, speaker)
    _S7(q, mention)
    _S8(q, mention_start)
    _S9(q, mention_end)
    _S10(q, cue)
    _S11(q, how)
    _S12(q, sentence)
    return q


def _record(ctx: DocContext, d: _Draft, blank_lines: list[int], sentences: dict[tuple[int, int], str | None]) -> Quote:
    """Freeze a draft into a Quote record (sentences: the sentence strings already cut, by bounds)."""
    text, a = ctx.text, d.attribution
    sentence = sentences.get(d.sentence, "")
    if sentence == "":  # quotes of one sentence share its string
        sentence = sentences[d.sentence] = text[d.sentence[0] : d.sentence[1]].strip() or None
    if a is None:  # positional arguments in field order: the record is built ~10k times per MB
        return _new_quote(d.start, d.end, text[d.start : d.end], d.kind, bisect_right(blank_lines, d.start),
                          d.span.method, d.speaker, None, None, None, None, None, sentence)  # fmt: skip
    m = a.mention
    return _new_quote(d.start, d.end, text[d.start : d.end], d.kind, bisect_right(blank_lines, d.start), d.span.method,
                      d.speaker, text[m.start : m.end], m.start, m.end, a.cue, d.method, sentence)  # fmt: skip


def _blank_lines(text: str, stop: int) -> list[int]:
    """Offsets of the matches of _BLANK_LINE_RE (a newline, blanks, a newline) in text[:stop]."""
    return [m.start() for m in _BLANK_LINE_RE.finditer(text, 0, stop)]


def extract_quotes(text: str) -> list[Quote]:
    """Return every direct quote in normalized `text`, sorted by start offset."""
    spans, blocks = find_spans(text)
    if not spans:
        return []
    ends = [  # close_end(text, s), inlined
        s.end if s.close_at < 0 else s.close_at + (2 if text.startswith(("''", "``"), s.close_at) else 1) for s in spans
    ]
    ctx = DocContext(text, spans, blocks, _top_level(text, spans, ends), ends)
    drafts: list[_Draft] = []
    for k in range(len(spans)):
        drafts.append(_draft(ctx, drafts, k))
    short = {  # the names of the _named(d) drafts (the test inlined)
        m.name
        for d in drafts
        if d.attribution is not None and (m := d.attribution.mention).kind == "name" and m.name is not None
    }
    searched = {n for n in short if " " not in n}
    full = full_names(text, searched)
    _canonicalize(text, drafts, full)
    _resolve_pronouns(ctx, drafts, full, searched)
    # blank lines before the last quote are all that paragraph indexes need (a blank line holds no quote text)
    stop = 0
    for d in drafts:  # max(d.start for d in drafts), without a generator and max()'s argument parsing
        if d.start > stop:
            stop = d.start
    blank_lines = _blank_lines(text, stop)
    sentences: dict[tuple[int, int], str | None] = {}
    return [_record(ctx, d, blank_lines, sentences) for d in drafts]
