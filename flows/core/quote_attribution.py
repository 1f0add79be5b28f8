"""Pass 3 of quote extraction: ordered attribution sieves over the text around one quote."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import islice
from operator import itemgetter
from typing import NamedTuple

from flows.core.lexicon import (
    CAPITALIZED_SPEECH_VERBS,
    GROUP_NOUNS,
    NOMINAL_NOUNS,
    PARTY_PLURALS,
    SPEECH_NOUNS,
    TITLES,
)
from flows.core.quote_mentions import Mention, clean_name, mention_after, mention_before, token_matches, tokens
from flows.core.quote_patterns import (
    ACCORDING_RE,
    COLON_INTRO_RE,
    FAST_TAG_RE,
    MODIFIER_SET,
    PERIOD_END_RE,
    SENTENCE_END_RE,
    SPEECH_FORMS,
    TRANSCRIPT_LABEL_RE,
    VERB_RE,
)
from flows.core.quote_spans import RawSpan

_new = tuple.__new__  # builds a NamedTuple without its Python-level __new__ (see quote_mentions)
# map() with these reads token texts and match ends in C: fewer instructions than a comprehension's loop
_TEXT = itemgetter(0)
_END = re.Match.end

_POSSESSIVE_TOKEN_RE = re.compile(r"^(?:[A-Z][\w.-]*[’']s|[Hh]is|[Hh]er)$")
_POSSESSIVE_HINT_RE = re.compile(r"[’']s|[Hh](?:is|er)")  # every possessive token holds one of these
_OPENING_ONLY_RE = re.compile(r"[ \t\xa0\n\"“‘'«(\[`]*")
_DASH_RE = re.compile(r"[ \t\xa0]*[―—–-]+[ \t\xa0]*(?=[A-Z][\w.’'-]*(?:[ \t][A-Z][\w.’'-]*)*[ \t\xa0]*(?:[,.]|$|\n))")
_DASH_HINT = frozenset("―—–\n-")  # a dash signature starts within three characters of the quote's end
_HEADLINE_WORD_RE = re.compile(r"[^\W\d_][\w’'-]{3,}")  # words of four letters or more decide Title Case
_ED_END_RE = re.compile(r"ed\b")  # every past-tense tag verb ends so ("pressed", "beamed")
_TWO_CAPS_RE = re.compile(r"[A-Z][A-Z]")  # every all-caps speech verb ("SAID") holds two capitals in a row
_NOTHING_RE = re.compile(r"[\s\"”’'»]*$")  # only spaces and closing marks up to the limit
_WINDOW = 260  # characters of context read before a quote (and after it, for a later cue)
_TAG_WINDOW = 170  # characters read after a quote for its speech tag, appositions included
# A name right after one of these is an object, not a subject ("to Twitter", "in Columbia").
_PREPOSITIONS = frozenset(
    "through across around during since until like throughout inside outside behind beyond within without upon via "
    "per between among in at of from to with on for by about near toward towards against into over under than".split()
)
_NOT_SUBJECT_AFTER = _PREPOSITIONS | {"who", "whom", "whose", "which", "that"}  # "Putin, whom Trump praised"
_SUBORDINATORS = frozenset("as while when although though if after before since because despite once unless".split())
_PARTICIPLE_LEAD = frozenset(", and while before after by then also".split())  # ", saying", "and noted"


class Attribution(NamedTuple):
    """Who said a quote, how that was found, and the cue that showed it."""

    mention: Mention
    cue: str | None
    method: str


class DocContext:
    """Per-document data the sieves share: paragraphs, sentence starts, top-level spans."""

    def __init__(
        self, text: str, spans: list[RawSpan], blocks: list[int], top: list[bool], ends: list[int] | None = None
    ) -> None:
        self.text = text
        self.spans = spans
        self.blocks = blocks
        self.top = top
        self.opens = [s.open_at for s in spans]
        self.ends = ends if ends is not None else [close_end(text, s) for s in spans]
        self.end_of = dict(zip(self.opens, self.ends))  # opening-mark offset -> offset past the closing mark
        self._sentences: list[list[int] | None] = [None] * len(blocks)  # sentence starts per paragraph, lazily
        self.block_ends = blocks[1:] + [len(text)]  # end offset of each paragraph
        self._title_case: bool | None = None
        self.has_according = "ccording to" in text  # one substring scan spares a regex search per quote
        self.has_reported = " reported" in text  # likewise for the outlet's report tag (sieve_reported)
        self.first_verb: dict[tuple[int, int], int] = {}  # window -> offset of its first VERB_RE hit, -1 for none
        self.subjects: dict[tuple[int, int], Mention | None] = {}  # memo of first_subject per (sentence start, end)

    def title_case_headline(self) -> bool:
        """True when the first paragraph is a Title Case headline, where every quote would look like a title."""
        if self._title_case is None:
            ws = _HEADLINE_WORD_RE.findall(self.text, 0, self.block_end(0))
            caps = sum(1 for w in ws if w[0].isupper())
            self._title_case = len(ws) > 0 and caps >= 0.6 * len(ws)
        return self._title_case

    def block_of(self, pos: int) -> int:
        """Index of the paragraph holding offset pos."""
        return bisect_right(self.blocks, pos) - 1

    def block_end(self, b: int) -> int:
        """End offset of paragraph b."""
        return self.block_ends[b]

    def sentence_starts(self, b: int) -> list[int]:
        """Sentence start offsets within paragraph b, from one regex scan of the paragraph (cached; paragraphs
        without quotes are never scanned)."""
        got = self._sentences[b]
        if got is None:
            text, start, end = self.text, self.blocks[b], self.block_ends[b]
            para = text[start:end]  # (`in` on one slice: str.find(sub, start, end) parses its arguments per call)
            ends = (  # PERIOD_END_RE when the paragraph holds no other sentence-final mark (two or three C scans)
                SENTENCE_END_RE if "?" in para or "!" in para or "…" in para else PERIOD_END_RE
            )
            got = [start]
            got.extend(map(_END, ends.finditer(text, start, end)))
            self._sentences[b] = got
        return got

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence holding pos."""
        b = bisect_right(self.blocks, pos) - 1
        starts = self._sentences[b] or self.sentence_starts(b)  # the cache read inline: this runs ~30k times per MB
        return starts[bisect_right(starts, pos) - 1]

    def sentence_bounds(self, pos: int, last: int) -> tuple[int, int]:
        """Start of the sentence holding pos and end of the sentence holding last (last >= pos), in one look-up
        when both lie in one paragraph."""
        b = bisect_right(self.blocks, pos) - 1
        starts = self._sentences[b] or self.sentence_starts(b)
        start = starts[bisect_right(starts, pos) - 1]
        end = self.block_ends[b]
        if last >= end:
            return start, self.sentence_end(last)
        k = bisect_right(starts, last)
        return start, (starts[k] if k < len(starts) else end)

    def sentence_end(self, pos: int) -> int:
        """End of the sentence holding pos (next sentence start or paragraph end)."""
        b = bisect_right(self.blocks, pos) - 1
        starts = self._sentences[b] or self.sentence_starts(b)
        k = bisect_right(starts, pos)
        return starts[k] if k < len(starts) else self.block_ends[b]


def close_end(text: str, span: RawSpan) -> int:
    """Offset just past the closing mark (the paragraph end for unclosed quotes)."""
    if span.close_at < 0:
        return span.end
    return span.close_at + (2 if text.startswith(("''", "``"), span.close_at) else 1)


def _subject_of_verb(toks: list[re.Match[str]], vi: int, lo: int) -> tuple[Mention | None, bool]:
    """Subject of the verb at token vi, reading an apposition between commas; returns (mention, appositive)."""
    if vi - 1 >= lo and toks[vi - 1][0] == ",":
        if toks[vi][0].endswith("ing"):
            return None, False  # ", saying," opens a participle phrase, not "Name, apposition, said"
        commas = [c for c in range(lo, vi - 1) if toks[c][0] == ","]
        for c in commas:  # "Mr. Slinker, whose latest start-up, Paradata, uses big data, said": the owner speaks
            if toks[c + 1][0] == "whose":
                m = mention_before(toks[:c], lo)
                if m is not None and m.kind == "name" and not _object_position(toks, m.start):
                    return m, True
                break
        for c in reversed(commas[-3:]):  # nearest apposition first: "In posts Sunday, Mr. Frum, a writer, wrote"
            m = mention_before(toks[:c], lo)
            if m is not None and m.kind == "name" and _object_position(toks, m.start):
                continue  # "Clinton, at a town hall in Columbus, Ohio, said": a place after a preposition
            nominal = c > lo and toks[c - 1][0].lower() in NOMINAL_NOUNS
            if (nominal or m is None or m.kind != "name") and _name_ends(toks, vi - 2) and (
                toks[c + 1][0].lower() not in _PREPOSITIONS  # "James, 22, of Flint, Mich., said": no inner name
            ):
                inner = mention_before(toks[: vi - 1], c + 1)  # "Google's chief executive, Laszlo Bock, told"
                if inner is not None and inner.kind == "name" and not _object_position(toks, inner.start):
                    return inner, True
            if m is not None and m.kind == "name":
                return m, True
        return None, False
    m = mention_before(toks[:vi], lo)
    if m is not None and m.kind == "name":
        k = _index_at(toks, m.start, lo)
        of_at, j = -1, k - 1
        while j - 1 >= lo and k - j < 9:  # "Lewis of the James Martin Center for Nonproliferation Studies wrote"
            w = toks[j][0]
            if w in ("of", "from"):
                if toks[j - 1][0][:1].isupper():
                    of_at = j  # the earliest "of" of the organisation's name
            elif w not in _ORG_LINKS and not w[:1].isupper():
                break
            j -= 1
        if of_at > lo:
            owner = mention_before(toks[:of_at], lo)  # "Mayor Tom Reyes of Springfield said": Reyes speaks
            if owner is not None and owner.kind == "name" and owner.name.lower() not in TITLES:
                return owner, False  # (not "Secretary" of "Secretary of State John Kerry said")
    if m is not None and m.kind == "nominal":
        issuer = _issuer(toks, m.start, lo)  # "Marta Lindqvist issued a statement saying"
        if issuer is not None:
            return issuer, False
    if m is None and vi - 1 > lo and toks[vi - 1][0] == "to":
        for k in range(vi - 2, (lo if lo > vi - 6 else vi - 6) - 1, -1):  # "Bryne went on to say", "was quick to add"
            w = toks[k][0]
            if k and toks[k - 1][0].lower() in _PREPOSITIONS:
                continue
            if (w[:1].isupper() or w.lower() in ("he", "she", "they")) and _verb_like(toks[k + 1][0]):
                return mention_before(toks[: k + 1], lo), False
    if m is not None and m.kind == "name" and m.start > 4 and toks[vi].string.startswith("and ", m.start - 4) and (
        toks[vi][0][-1:] != "s"  # ("Obama and Clinton says" is no pair)
    ):
        return _joint_subject(toks, m, lo) or m, False
    return m, False


def _joint_subject(toks: list[re.Match[str]], m: Mention, lo: int) -> Mention | None:
    """Two names joined by "and" that open their clause speak together ("When terrorists are revealed …, Obama and
    Clinton call them “lone wolves”", "Trump and Ryan issued a statement describing …")."""
    k = _index_at(toks, m.start, lo)
    if k - 2 < lo or toks[k - 1][0] != "and" or not toks[k - 2][0][:1].isupper():
        return None
    first = mention_before(toks[: k - 1], lo, possessive=False)
    if first is None or first.kind != "name":
        return None
    j = _index_at(toks, first.start, lo)
    if j < 0 or (j > lo and toks[j - 1][0] not in ",;" and toks[j - 1][0].lower() not in _CLAUSE_OPENERS):
        return None  # "Trump praised Obama and Clinton said …": the first name is an object
    return _new(Mention, (first.start, m.end, "name", f"{first.name} and {m.name}"))


_ORG_LINKS = frozenset("the for and on &".split())  # small words inside an organisation's name


def _name_ends(toks: list[re.Match[str]], k: int) -> bool:
    """Token k ends a capitalized word, or a parenthesis after one ("Marcia Price (D-Newport News)")."""
    w = toks[k][0]
    if w == ")":
        while k > 0 and toks[k][0] != "(":
            k -= 1
        w = toks[k - 1][0] if k > 0 else ""
    return w[:1].isupper()


def _index_at(toks: list[re.Match[str]], start: int, lo: int) -> int:
    """Index (from lo on) of the token starting at offset start, -1 if none (tokens are sorted by start)."""
    i = bisect_left(toks, start, lo, key=re.Match.start)
    return i if i < len(toks) and toks[i].start() == start else -1


_ISSUING_VERBS = frozenset("issued released sent posted published put wrote tweeted emailed gave".split())


def _issuer(toks: list[re.Match[str]], start: int, lo: int) -> Mention | None:
    """The subject that issued a document noun ("Lindqvist released a statement saying"): a document does not
    speak."""
    k = _index_at(toks, start, lo)
    if k - 1 <= lo or toks[k - 1][0] not in _ISSUING_VERBS:
        return None
    m = mention_before(toks[: k - 1], lo)
    return m if m is not None and m.kind in ("name", "pronoun") else None


_VERB_TOKENS = frozenset(
    [v for f in SPEECH_FORMS for v in (f, f.upper(), f + ".")]
    + [v for f in CAPITALIZED_SPEECH_VERBS for v in (f, f + ".")]
)


_ED = ("ed", "ed.")


def _tag_verb(w: str) -> bool:
    """A speech verb, or any past-tense verb in tag position ("Hannity pressed", "beamed Donald Hartley")."""
    return w in _VERB_TOKENS or (w.endswith(("ed", "ed.")) and len(w) > 4 and w[0].islower())


_TAG_BREAKERS = frozenset("but and or while as that which in on at to for with by of from so because when if".split())


_TITLE_ABBREV_RE = re.compile(r"[A-Z][a-z]{1,3}\.$")  # "Del.", "Sen.", "Gov." before a name; no sentence end


def _starts_tag(toks: list[re.Match[str]], lo: int, start: int) -> bool:
    """The subject opens the tag, possibly after lower-case descriptors ("” former congressman Dan Maffei said")."""
    for k in range(lo, lo + 10 if lo + 10 < len(toks) else len(toks)):  # (min() inlined)
        t = toks[k]
        if t.start() >= start:
            return True
        w = t[0]
        if w == "," and k > lo and toks[k - 1][0].lower() in NOMINAL_NOUNS:
            continue  # "” Scott's niece, state Del. Marcia Price, shouted": a description set off by a comma
        if w in "“”\"" and _name_aside(toks, k, lo):
            continue  # Marcia "Cia" Price
        if w == "and" and k > lo and toks[k - 1][0][:1].isupper() and toks[k + 1][0][:1].isupper():
            continue  # "” Edward-Isaac Dovere and Gabriel Debenedetti wrote": joint authors
        if not w[:1].isalpha() or (w.endswith(".") and not _TITLE_ABBREV_RE.match(w)) or (
            w.lower() in _TAG_BREAKERS
            or (w in _VERB_TOKENS and not (k + 1 < len(toks) and _TITLE_ABBREV_RE.match(toks[k + 1][0])))
        ):  # ("state Del. Marcia Price": "state" before a title is no verb)
            return False  # "” Clinton campaign manager Robby Mook wrote" passes; "” But Trump said" does not
    return False


def _short_tag(toks: list[re.Match[str]], vi: int) -> bool:
    """After a quote that ends its sentence, accept only a short tag sentence ("” King said.")."""
    for k in range(vi, vi + 8 if vi + 8 < len(toks) else len(toks)):  # (min() inlined)
        if toks[k][0].endswith(".") and len(toks[k][0]) > 3:
            return True
    return False


def _fast_tag(text: str, pos: int, limit: int) -> Attribution | None:
    """The frequent "NAME said" / "said NAME" tags in one regex match; None sends the quote to the full sieve."""
    m = FAST_TAG_RE.match(text, pos, limit)
    return None if m is None else _tag_of(m)


def _tag_of(m: re.Match[str]) -> Attribution | None:
    """The attribution a FAST_TAG_RE match spells."""
    g = "n1" if m.group("n1") else "n2"
    run = m.group(g)
    if run in ("he", "she", "they", "we", "I"):
        who = _new(Mention, (m.start(g), m.end(g), "pronoun", None))
    else:
        name = clean_name(run.split())
        if name is None:
            if g != "n2" or run not in _PREPOSITION_SURNAMES:
                return None
            name = run  # "…,” From said": a preposition cannot be a verb's subject, so it is a surname (Al From)
        who = _new(Mention, (m.start(g), m.end(g), "name", name))
    return _new(Attribution, (who, m.group("v1") or m.group("v2"), "verb_after"))


# Why: capitalized prepositions that are also surnames; right before a speech verb after a quote they name someone.
_PREPOSITION_SURNAMES = frozenset({"From", "Near", "Upon", "Amid", "Per"})


def sieve_tag(ctx: DocContext, span: RawSpan, limit: int) -> Attribution | None:
    """Only the frequent "NAME said" / "said NAME" tag right after the quote (the fast path of sieve_after)."""
    if ctx.text[span.end - 1 : span.end] in ".…":
        return None
    pos = ctx.end_of[span.open_at]
    return None if _NOTHING_RE.match(ctx.text, pos, limit) else _fast_tag(ctx.text, pos, limit)


# After "NAME said" the tag ends its clause: punctuation, or a time or place adjunct ("The Post reported in 1991.")
_TAG_END_RE = re.compile(r"[ \t]*(?:[.,;!?]|$|(?:in|on|at|last|this|after|before|during|earlier|later)\b)")


_TAG_OPENERS = SPEECH_FORMS | {"he", "she", "they", "we"}  # lower-case words that can open a FAST_TAG_RE tag


def sieve_end_tag(ctx: DocContext, span: RawSpan, limit: int) -> Attribution | None:
    """A fragment quoted inside the writer's sentence and followed by a plain tag that closes the clause names the
    tag's subject, not a cue before it ("… could be termed “influence peddling,” The Washington Post reported." /
    "he “grabbed ahold of …” said Drew Heiserman, a …"). Not a participle ("…,” blaming Bloomberg) nor a tag that
    opens a clause of its own ("…,” Trump said: “…” / "…” Santilli expressed a desire to …")."""
    text = ctx.text
    if text[span.end - 1 : span.end] in ".…":
        return None
    pos = ctx.end_of[span.open_at]
    seg = text[pos : pos + 24].lstrip(" \t")  # a necessary condition first (most fragments run on in lower case):
    if seg[:1] == ",":  # the tag opens with a capital, or with a speech verb or pronoun in lower case
        seg = seg[1:].lstrip(" \t")
    if not seg[:1].isupper():
        first = seg.split(None, 1)
        if not first or first[0] not in _TAG_OPENERS:
            return None
    m = FAST_TAG_RE.match(text, pos, limit)
    if m is None:
        return None
    if m.group("v2"):
        if _TAG_END_RE.match(text, m.end(), limit) is None:
            return None
    elif m.group("v1").endswith("ing"):
        return None
    return _tag_of(m)


# A sentence that ends with an outlet's report tag: ", CNN reported." / ", reported the Washington Examiner."
_REPORTED_END_RE = re.compile(
    r",[ \t]+(?:(?:the|The)[ \t]+)?(?P<n1>[A-Z][\w.&’'-]*(?:[ \t]+[A-Z][\w.&’'-]*){0,4})[ \t]+reported"
    r"|,[ \t]+reported[ \t]+(?:the[ \t]+)?(?P<n2>[A-Z][\w.&’'-]*(?:[ \t]+[A-Z][\w.&’'-]*){0,4})"
)
_TAIL_RE = re.compile(r"[^\w]*(?:(?:in|on|last|this|earlier)[ \t]+\w+[^\w]*)?$")  # the tag ends the sentence


def sieve_reported(ctx: DocContext, span: RawSpan, sent_end: int) -> Attribution | None:
    """A fragment in a sentence that ends with ", X reported." is the outlet's report ("… calling it “…,”
    suggesting …, CNN reported.", "… is “central” to the platform, reported the Washington Examiner.")."""
    pos = ctx.end_of[span.open_at]
    i = ctx.text.rfind(" reported", pos, sent_end)
    if i < 0:
        return None
    m = None
    for m in _REPORTED_END_RE.finditer(ctx.text, max(pos, i - 60), sent_end):
        pass
    if m is None or _TAIL_RE.match(ctx.text, m.end(), sent_end) is None:
        return None
    g = "n1" if m.group("n1") else "n2"
    name = clean_name(m.group(g).split())
    if not name:
        return None
    return _new(Attribution, (_new(Mention, (m.start(g), m.end(g), "name", name)), "reported", "verb_later"))


def sieve_after(ctx: DocContext, span: RawSpan, limit: int) -> Attribution | None:
    """A speech tag right after the quote: "…,” said Bondarev / "…,” Putin said / "…,” the report stated."""
    text = ctx.text
    quote_end = text[span.end - 1] if span.end > span.start else ""
    pos = ctx.end_of[span.open_at]
    if _NOTHING_RE.match(text, pos, limit):
        return None  # the quote ends its paragraph (or runs into the next quote)
    if quote_end not in ".…":
        fast = _fast_tag(text, pos, limit)
        if fast is not None:
            return fast
    end = pos + _TAG_WINDOW
    if end > limit:  # (min() inlined)
        end = limit
    if _ED_END_RE.search(text, pos, end) is None and VERB_RE.search(text, pos, end) is None and (
        _TWO_CAPS_RE.search(text, pos, end) is None
    ):
        return None  # a tag needs a speech verb or an -ed verb: with none in the window, spare the tokenizing
    toks = tokens(text, pos, end)
    lo = 1 if toks and toks[0][0] in ",—–" else 0
    tag_only = quote_end in ".…" and not lo
    if len(toks) > lo and _tag_verb(toks[lo][0]):
        verb = toks[lo][0].rstrip(".,")
        m = mention_after(toks, lo + 1)
        if m is not None and m.kind != "name" and _complement_subject(toks, m.end):
            m = None  # "Manafort, citing “…,” said the candidate could be …": the subject of what was said
        if m is not None and (m.kind == "name" or verb in _VERB_TOKENS) and (not tag_only or _short_tag(toks, lo)):
            return _new(Attribution, (m, verb, "verb_after"))
        if (lo or quote_end == ",") and verb.endswith("ing") and verb in _VERB_TOKENS:
            sent_start = ctx.sentence_start(span.open_at)
            m = first_subject(ctx, tokens(text, sent_start, span.open_at))
            return _new(Attribution, (m, verb, "verb_after")) if m is not None else None
    for vi in range(lo, lo + 40 if lo + 40 < len(toks) else len(toks)):  # (min() inlined)
        w = toks[vi][0]
        # _tag_verb inlined (this loop runs over every token of the tag window), cheapest test first
        if w in _VERB_TOKENS or (
            w.endswith(_ED) and len(w) > 4 and w[0].islower() and vi > lo and toks[vi - 1][0] != ","
        ):
            m, appos = _subject_of_verb(toks, vi, lo)
            if m is not None and m.kind not in ("name", "pronoun") and w not in _VERB_TOKENS:
                m = None  # "“activist” investors and others focused on …": any verb needs a named subject to tag
            if tag_only and m is not None and w not in _VERB_TOKENS and not w.endswith(".") and (
                vi + 1 < len(toks) and toks[vi + 1][0] != ","
            ):  # "“… welfare.” Rubio has aggressively supported the subsidies.": after a quote that ends its sentence
                m = None  # a verb that is no speech verb tags only when it ends the clause ("“…” Trump beamed.")
            if (m is None or m.kind not in ("name", "pronoun")) and w in _VERB_TOKENS:
                m = _opening_name(toks, lo, vi) or m
            if m is not None and _starts_tag(toks, lo, m.start) and (not tag_only or _short_tag(toks, vi)):
                return _new(Attribution, (m, w.rstrip(".,"), "apposition" if appos else "verb_after"))
            if toks[vi - 1][0] != "," and w in _VERB_TOKENS:
                break
        if (w in ";:“”\"«»(" and not _name_aside(toks, vi, lo)) or (
            w[-1:] == "." and vi > lo and not w[:-1].isupper() and len(w) > 4
            and (vi + 1 == len(toks) or toks[vi + 1][0] not in ",)")  # "Rep. Glenn Thompson, R-Pa., said", "(D-Ore.)"
        ):
            break
    return None


_FINITE_AUX = frozenset("could would was were is are will has had have should can might may must".split())


def _complement_subject(toks: list[re.Match[str]], end: int) -> bool:
    """A finite auxiliary follows the mention ending at offset end: it opens a reported clause."""
    k = bisect_left(toks, end, key=re.Match.end)
    return k + 1 < len(toks) and toks[k].end() == end and toks[k + 1][0] in _FINITE_AUX


def _opening_name(toks: list[re.Match[str]], lo: int, vi: int) -> Mention | None:
    """The name opening a tag whose apposition holds a relative clause and no closing comma ("” Nate Silver, the
    polling guru who founded fivethirtyeight.com tweeted")."""
    j = lo
    while j < vi and toks[j][0][:1].isupper():
        j += 1
    if j == lo or j >= vi or toks[j][0] != ",":
        return None
    if not any(t[0] in ("who", "whose") for t in toks[j + 1 : vi]) or any(t[0] in ",;" for t in toks[j + 1 : vi]):
        return None
    m = mention_before(toks[:j], lo)
    return m if m is not None and m.kind == "name" else None


def _name_aside(toks: list[re.Match[str]], vi: int, lo: int) -> bool:
    """A parenthesis after a name ("Price (D-Newport News)") or a nickname in quotes inside one (Marcia "Cia"
    Price) does not end a speech tag."""
    if vi <= lo or not toks[vi - 1][0][:1].isupper():
        return False
    w = toks[vi][0]
    if w == "(":
        return True
    if w in "“\"" and vi + 2 < len(toks) and toks[vi + 1][0][:1].isupper() and toks[vi + 2][0] in "”\"":
        return True  # the opening mark of a nickname
    return (  # the closing mark of a nickname
        w in "”\"" and vi - 2 >= lo and toks[vi - 2][0] in "“\"" and vi + 1 < len(toks) and toks[vi + 1][0][:1].isupper()
    )


def first_subject(ctx: DocContext, toks: list[re.Match[str]]) -> Mention | None:
    """Subject of a clause, for participles like "saying": a name or he/she right before a finite verb, else the
    first name or subject pronoun, skipping names after prepositions and a leading subordinate clause."""
    ws = list(map(_TEXT, toks))  # the token texts, cut once for both readings (tok[0] makes a new string each time)
    k, n = 0, len(ws)
    if n > 1 and ws[0].lower() in _SUBORDINATORS and not ws[1][:1].isupper():
        # the clause ends at its comma; with none (the comma can sit inside a closing quote: "After saying it was
        # “fine,” she left") the subject is looked for from the start
        k = next((i + 1 for i in range(n) if ws[i] == ","), 0)
    return _subject_before_verb(ctx, toks, k, ws) or _first_mention(ctx, toks, k, ws)


def _verb_like(w: str) -> bool:
    """A lower-case finite verb after a subject ("Walsh provided", "Trump opened", "he said")."""
    return w[:1].islower() and (w in _VERB_TOKENS or w in _AUXILIARIES or (len(w) > 3 and w.endswith(("ed", "s"))))


def _subject_before_verb(ctx: DocContext, toks: list[re.Match[str]], k: int, ws: list[str]) -> Mention | None:
    """The first name run or he/she directly followed by a finite verb (ws: the token texts)."""
    n = len(ws)
    while k < n:
        w = ws[k]
        if not w[:1].isupper() and w not in ("he", "she"):
            k += 1  # only a capitalized run or he/she can be the subject
            continue
        j = k + 1
        while j < n and ws[j][:1].isupper():
            j += 1
        v = j
        if w[:1].isupper() and j + 1 < n and ws[j] in ("of", "from") and ws[j + 1][:1].isupper():
            v = j + 1  # "Reyes of Springfield said": the place belongs to the name before the verb
            while v < n and ws[v][:1].isupper():
                v += 1
        if v < n and _verb_like(ws[v]) and not (k and ws[k - 1].lower() in _NOT_SUBJECT_AFTER) and not (
            ws[k].lower() in _PREPOSITIONS  # "With Democratic leaders worried": a sentence-initial prepositional phrase
        ):
            if j == k + 1 and w in ("he", "she", "He", "She"):
                return _new(Mention, (toks[k].start(), toks[k].end(), "pronoun", None))
            if w[:1].isupper():
                m = mention_before(toks[:j], k, possessive=False)
                if m is not None and m.kind == "name" and (j - k > 1 or k > 0 or _named_subject(ctx.text, toks, j, w)):
                    return m
        k = j if w[:1].isupper() else k + 1
    return None


def _first_mention(ctx: DocContext, toks: list[re.Match[str]], k: int, ws: list[str]) -> Mention | None:
    """The first name or subject pronoun of a clause, skipping names after prepositions (ws: the token texts)."""
    n = len(toks)
    while k < n:
        w = ws[k]
        low = w.lower()
        if low in ("he", "she"):
            return _new(Mention, (toks[k].start(), toks[k].end(), "pronoun", None))
        if low in GROUP_NOUNS and k < 3 and w not in PARTY_PLURALS:
            return _new(Mention, (toks[0].start(), toks[k].end(), "group", None))
        if not w[:1].isupper():
            k += 1
            continue
        j = k + 1
        while j < n and ws[j][:1].isupper():
            j += 1
        if not (k and ws[k - 1].lower() in _PREPOSITIONS) and low not in _PREPOSITIONS:
            m = mention_before(toks[:j], k)
            if m is not None and m.kind == "name" and (j - k > 1 or k > 0 or _named_subject(ctx.text, toks, j, w)):
                return m
        k = j if w[:1].isupper() else k + 1
    return None


def _named_subject(text: str, toks: list[re.Match[str]], j: int, word: str) -> bool:
    """A lone sentence-initial capital is a name if a speech verb follows ("Putin stated") or it recurs mid-sentence
    (any verb is not enough: "Pressure is building", "Talk compared to")."""
    nxt = toks[j][0] if j < len(toks) else ""
    if nxt in _VERB_TOKENS and nxt[:1].islower():
        return True
    return _seen_inside(text, word)


_AUXILIARIES = frozenset(
    "is was has had will would went told also then can could did does should didn’t doesn’t wasn’t isn’t hasn’t "
    "won’t can’t didn't doesn't wasn't isn't hasn't won't can't".split()
)


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
    lo = span.open_at - _WINDOW
    if lo < seg_start:  # (max() inlined)
        lo = seg_start
    hit = VERB_RE.search(ctx.text, lo, span.open_at)
    ctx.first_verb[(lo, span.open_at)] = hit.start() if hit is not None else -1
    if hit is None:
        if _GENERIC_ED_RE.search(ctx.text, lo + 3, span.open_at) is None:  # (its three letters from lo on)
            return None
        return _generic_before(tokens(ctx.text, lo, span.open_at))
    toks = tokens(ctx.text, lo, span.open_at)
    fallback: re.Match[str] | None = None
    subordinate: Attribution | None = None
    verbs = [k for k, t in enumerate(toks) if t[0] in _VERB_TOKENS]
    for vi in verbs:
        t = toks[vi]
        w = t[0]
        if _noun_use(toks, vi):
            continue  # "In a Facebook post, Beck wrote": "post" is a noun here, Facebook does not speak
        if vi + 2 < len(toks) and toks[vi + 1][0] == "by" and vi and toks[vi - 1][0].lower() in _BE_FORMS:
            agent = mention_after(toks, vi + 2)  # "Sanders was asked by host Bill Maher, “…”": the asker speaks
            if agent is not None and agent.kind == "name":
                return _new(Attribution, (agent, w.rstrip("."), "verb_before"))
        m, appos = _subject_of_verb(toks, vi, 0)
        if (
            m is not None
            and not appos
            and (m.kind == "nominal" or not w.endswith("ing"))
            and (m.kind != "name" or m.end <= toks[vi - 1].start())  # not "Share via Trump stated" (a joined line)
            and _object_position(toks, m.start)
        ):
            # "In New York … declared": a name after a preposition is not the verb's subject; a gerund's is ("with
            # Trump saying", "with both leaders mentioning"), but not a document's ("In a statement announcing")
            m = None
        if m is not None:
            got = _new(Attribution, (m, w.rstrip("."), "apposition" if appos else "verb_before"))
            if not appos and _in_subordinate_clause(toks, m.start):
                # "When Ortega spoke …, Lindqvist said “…”": the main clause's speaker comes first
                subordinate = subordinate or got
                continue
            if subordinate is None and verbs[-1] > vi:
                return _trailing_clause(toks, verbs, vi) or _coordinated_clause(toks, verbs, vi, got) or got
            return got
        if subordinate is not None:
            continue
        if (vi == 0 or toks[vi - 1][0] in ",;—–") and w.lower() not in _TELL_FORMS:
            # "Said Dorothy Poynter, who grew up with Ali, “…”" (but not ", telling Reuters, “…”")
            m = mention_after(toks, vi + 1)
            if m is not None and m.kind == "name" and not _object_of(toks, vi, m):
                return _new(Attribution, (m, w.rstrip("."), "verb_before"))
        lead = toks[vi - 1][0].lower() if vi else ","
        if fallback is None or (w.endswith("ing") and lead in _PARTICIPLE_LEAD):
            fallback = t
    if subordinate is not None:
        return _main_after_subordinate(toks) or subordinate
    if fallback is None:
        return _generic_before(toks)
    return None


def _main_after_subordinate(toks: list[re.Match[str]]) -> Attribution | None:
    """After a subordinate clause that holds the only speech verb, a named main-clause subject with any verb that
    introduces the quote speaks ("After Brown criticized Bill Clinton, Hillary shot back, “…”", "When Trump
    suggested …, Rubio fired back forcefully: “…”")."""
    n = len(toks)
    if n < 4 or toks[-1][0] not in ",:":
        return None
    c = n - 2
    while c > 0 and toks[c][0] != ",":
        c -= 1
    j = c + 1
    while j < n and toks[j][0][:1].isupper():
        j += 1
    if j == c + 1 or n - 1 - j > 3 or not all(t[0][:1].islower() for t in toks[j:-1]):
        return None  # a name, then one to three lower-case words (a verb, its particle, an adverb)
    m = mention_before(toks[:j], c + 1)
    return _new(Attribution, (m, toks[j][0], "verb_before")) if m is not None and m.kind == "name" else None


def _trailing_clause(toks: list[re.Match[str]], verbs: list[int], vi: int) -> Attribution | None:
    """A speech verb of a subordinate clause that follows the main verb and holds the quote speaks for it
    ("…,” Trump said, after Becky Quick said he had called Rubio the “personal senator”", "Rubio suggested …, while
    Cruz said that the “stakes …”")."""
    for vj in verbs:
        if vj <= vi or toks[vj][0].endswith("ing") or _noun_use(toks, vj):
            continue
        m, appos = _subject_of_verb(toks, vj, vi + 1)
        if m is not None and m.kind == "name" and _in_subordinate_clause(toks, m.start) and (
            not _object_position(toks, m.start)
        ):
            rest = toks[vj].string[toks[vj].end() : toks[-1].end()]
            if " - " in rest or any(c in rest for c in ",;:—–"):
                return None  # the clause closed before the quote ("said that when Warren railed …, “…”")
            return _new(Attribution, (m, toks[vj][0].rstrip("."), "apposition" if appos else "verb_before"))
    return None


def _coordinated_clause(
    toks: list[re.Match[str]], verbs: list[int], vi: int, got: Attribution
) -> Attribution | None:
    """A later clause joined by "and"/"but" with its own named subject and speech verb introduces the quote ("At one
    point, a woman asked for a photo and Clinton said, “…”"), not the first clause's subject."""
    for vj in verbs:
        v = vj - 1  # the name run right before the verb (and its modifiers), then "and"/"but" before it
        while v > vi + 1 and toks[v][0] in MODIFIER_SET:
            v -= 1
        k = v
        while k > vi + 1 and toks[k][0][:1].isupper():
            k -= 1
        if k == v or k <= vi + 1 or toks[k][0] not in ("and", "but") or toks[vj][0].endswith("ing"):
            continue
        m = mention_before(toks[:vj], k + 1)
        if m is None or m.kind != "name" or (got.mention.kind == "name" and got.mention.name == m.name):
            continue
        if not _object_position(toks, m.start):
            if any(t[0] == "that" for t in toks[vi + 1 : k]):
                return None  # "The Journal notes that Coulter tweeted …, and Trump later called Haley “…”": the
                # second clause is coordinated inside the reported complement; its reporter stays the source
            return _new(Attribution, (m, toks[vj][0].rstrip("."), "verb_before"))
    return None


def _object_of(toks: list[re.Match[str]], vi: int, m: Mention) -> bool:
    """The name after a verb is its object when a lower-case word follows it ("…, praises Clinton as “…”"); an
    inverted subject ends at punctuation or at the quote ("…, said Dorothy Poynter, who …", "Said Poynter: “…”")."""
    k = bisect_left(toks, m.end, vi + 1, key=re.Match.end)
    return k < len(toks) and toks[k].end() == m.end and k + 1 < len(toks) and toks[k + 1][0][:1].islower()


_BE_FORMS = frozenset("is are was were be been being".split())  # before a passive speech verb ("was asked by")
_TELL_FORMS = frozenset("tell tells told telling".split())  # the name after "told" is the hearer, not the speaker
_NOUN_DETERMINERS = frozenset("a an his her their its our my your another every each".split())
_NOUN_FORMS = frozenset(  # speech verbs that double as nouns ("a Twitter post", "his Fox News interview comments")
    "post posts tweet tweets comment comments report reports call calls claim claims note notes statement answer "
    "answers reply replies remark remarks warning quip quips joke jokes vow vows pledge pledges promise promises "
    "plea pleas blast blasts rip rips".split()
)


def _noun_use(toks: list[re.Match[str]], vi: int) -> bool:
    """A speech verb used as a noun: after a possessive ("Trump’s claim that") or after capitalized modifiers that
    follow a determiner or preposition ("a Facebook post", "a series of Twitter posts")."""
    w = toks[vi][0]
    if w not in _NOUN_FORMS or vi == 0:
        return False
    prev = toks[vi - 1][0]
    if prev.endswith(("’s", "'s")) or prev.lower() in _NOUN_DETERMINERS:
        return True
    k = vi - 1
    while k >= 0 and toks[k][0][:1].isupper():
        k -= 1
    if k == vi - 1 or k < 0:
        return False
    before = toks[k][0].lower()
    return before in _NOUN_DETERMINERS or before in _PREPOSITIONS


def _object_position(toks: list[re.Match[str]], start: int) -> bool:
    """True when the mention starting at offset start follows a preposition ("in New York", "on the Mall")."""
    k = _index_at(toks, start, 0)
    if k > 1 and toks[k - 1][0].lower() in _ARTICLES:
        k -= 1
    if k > 1 and toks[k - 1][0] == "of" and toks[k - 2][0][:1].isupper():
        return False  # "Speaker of the House Paul Ryan", "Secretary of State John Kerry": "of" inside a title
    if k <= 0 or toks[k - 1][0].lower() not in _PREPOSITIONS:
        return False
    return "\n" not in toks[k].string[toks[k - 1].end() : toks[k].start()]  # a line break ends the phrase


_ARTICLES = frozenset("the a an".split())


_CLAUSE_OPENERS = frozenset(  # ("what": a free relative, "Despite what he wrote …, Cross said")
    "when while as although though if because whether how why where after before since once unless what".split()
)


def _in_subordinate_clause(toks: list[re.Match[str]], start: int) -> bool:
    """True when the subject at offset start sits in a subordinate clause ("When Ortega spoke", "how the
    council votes"), i.e. a subordinator comes between the last comma (or the window start) and the subject."""
    after = start
    aside = False
    for k in range(len(toks) - 1, -1, -1):
        t = toks[k]
        if t.start() >= start:
            continue
        w = t[0]
        if w in ",;:—–“”\"«»()" or "―" in t.string[t.end() : after]:  # the horizontal bar is no token
            if w == ")" and not aside:
                aside = True  # a parenthesis after a name ("Reid (D-Nev.) told reporters that he …") is skipped
            elif not (aside and w == "("):
                return False
            else:
                aside = False
        if aside:
            continue
        after = t.start()
        if w.lower() in _CLAUSE_OPENERS:
            return True
    return False


def sieve_participle(ctx: DocContext, seg_start: int, sent_start: int, span: RawSpan) -> Attribution | None:
    """A speech verb before the quote without its own subject ("…, saying, “…”"): the clause subject speaks."""
    lo = span.open_at - _WINDOW
    if lo < seg_start:  # (max() inlined)
        lo = seg_start
    first = ctx.first_verb.get((lo, span.open_at), lo)  # where sieve_before saw the window's first verb, if it looked
    if first < 0:
        return None
    fallback: re.Match[str] | None = None
    led = False
    for v in VERB_RE.finditer(ctx.text, first, span.open_at):
        vs = v.start()
        lead = ctx.text[lo if lo > vs - 6 else vs - 6 : vs].split()  # (max() inlined)
        lead_word = lead[-1].lower() if lead else ","
        if v[0] in _NOUN_FORMS and (lead_word.endswith(("’s", "'s")) or lead_word in _NOUN_DETERMINERS):
            continue  # "Trump’s claim that", "his remarks": a noun, which the possessive sieve reads
        is_led = lead_word in _PARTICIPLE_LEAD or lead_word.endswith(",")  # ", saying", "and joked"
        if fallback is None or (is_led and (not led or v[0].endswith("ing"))):
            fallback, led = v, led or is_led
    if fallback is None:
        return None
    toks = outside_tokens(ctx, sent_start, fallback.start())
    m = _relative_subject(toks) or first_subject(ctx, toks)
    return _new(Attribution, (m, fallback[0], "verb_before")) if m is not None else None


def _relative_subject(toks: list[re.Match[str]]) -> Mention | None:
    """The named subject of an object relative clause still open at the end of toks (", which Trump had called a
    “disaster” and promised to", ", which President Obama on Friday declared"): the clause is the quote's, not its
    antecedent's."""
    if not toks or toks[0].string.find(", wh", toks[0].start(), toks[-1].start()) < 0:
        return None  # (one C scan spares the token loop)
    for k in range(len(toks) - 1, 0, -1):
        w = toks[k][0]
        if w in _RELATIVE_OBJECTS:
            if toks[k - 1][0] != "," or k + 1 >= len(toks) or not toks[k + 1][0][:1].isupper():
                return None
            j = k + 1
            while j < len(toks) and toks[j][0][:1].isupper():
                j += 1
            m = mention_before(toks[:j], k + 1, possessive=False)
            return m if m is not None and m.kind == "name" else None
        if w in ",;:—–()":
            return None
    return None


_RELATIVE_OBJECTS = frozenset(("which", "whom"))


# "[a-z]{3,}ed" before "," / ":" / "that", looked for from its "ed" (a literal the search skips to), the three letters
# checked behind it: whether a window holds one is all the sieve asks, and it is searched for from lo + 3 on
_GENERIC_ED_RE = re.compile(r"ed\b(?=[ \t]*[,:]|[ \t]+that\b)(?<=[a-z]{3}ed)")


def _generic_before(toks: list[re.Match[str]]) -> Attribution | None:
    """A past-tense verb after a named subject, before ":" / "," or "that": "Hannity interjected: “…”"."""
    for vi in range(len(toks) - 1, 0, -1):
        w = toks[vi][0]
        if not (w[:1].islower() and len(w) > 4 and w.endswith("ed")):
            continue
        nxt = toks[vi + 1][0] if vi + 1 < len(toks) else ","
        if nxt in (",", ":", "that"):
            m = mention_before(toks[:vi])
            if m is not None and m.kind in ("name", "pronoun"):
                return _new(Attribution, (m, w, "verb_before"))
    return None


def sieve_according(ctx: DocContext, sent_start: int, sent_end: int) -> Attribution | None:
    """"according to X" anywhere in the quote's sentence."""
    if not ctx.has_according or ctx.text.find("ccording to", sent_start, sent_end) < 0:
        return None  # a substring scan is far cheaper than the regex search it spares
    m = ACCORDING_RE.search(ctx.text, sent_start, sent_end)
    if m is None:
        return None
    who = mention_after(tokens(ctx.text, m.end(), min(sent_end, m.end() + 120)))
    return _new(Attribution, (who, "according to", "according_to")) if who is not None else None


def sieve_colon(ctx: DocContext, sent_start: int, span: RawSpan) -> Attribution | None:
    """A name and colon before the quote: "Pence: … ‘Mocking’ …", "A lesson from Loretta Lynch: ‘…’"."""
    m = COLON_INTRO_RE.match(ctx.text, sent_start, span.open_at + 1)
    if m is not None:
        toks = tokens(ctx.text, m.start("name"), m.end("name"))
    else:
        colon = ctx.text.rfind(":", sent_start, span.open_at)
        if colon < 0 or ctx.text[colon + 1 : span.open_at].strip(" \t\xa0\n\"“‘'«"):
            return None
        toks = tokens(ctx.text, max(sent_start, colon - 80), colon)
    who = mention_before(toks)
    if who is None and toks and toks[-1][0].lower() in SPEECH_NOUNS:
        who = first_subject(ctx, outside_tokens(ctx, sent_start, colon))  # "Obama is rolling out a message: “…”"
    elif m is None and who is not None and who.kind == "name" and _addressee(toks, who.start):
        # "McConnell … delivered a blunt message to Trump: “…”", "contrasted …, with Clinton: “…”": the name after
        # "to" or "with" is the addressee or the object; the clause's subject speaks
        who = first_subject(ctx, outside_tokens(ctx, sent_start, who.start))
        if who is not None and who.kind == "name" and ctx.text.find("\n", who.start, colon) >= 0:
            who = None
    if who is None or who.kind != "name":
        return None
    return _new(Attribution, (who, ":", "colon"))


_ADDRESSEE_PREPOSITIONS = frozenset("to with on at against about for".split())  # not "from", "by": sources


def _addressee(toks: list[re.Match[str]], start: int) -> bool:
    """The name at offset start follows a preposition that makes it an addressee or object ("a message to Trump")."""
    k = _index_at(toks, start, 0)
    if k > 1 and toks[k - 1][0].lower() in _ARTICLES:
        k -= 1
    while k > 1 and toks[k - 1][0][:1].islower() and toks[k - 1][0].lower() not in _PREPOSITIONS and k > len(toks) - 6:
        k -= 1  # "to the Dutch newspaper NRC Handelsblad"
    return k > 0 and toks[k - 1][0].lower() in _ADDRESSEE_PREPOSITIONS


def sieve_dash(ctx: DocContext, span: RawSpan, limit: int) -> Attribution | None:
    """A dash signature after the quote: "“…” ― Sonya Herridge"."""
    pos = ctx.end_of[span.open_at]
    if _DASH_HINT.isdisjoint(ctx.text[pos : pos + 3]):  # (a set test in C, cheaper than a regex call)
        return None
    m = _DASH_RE.match(ctx.text, pos, limit)
    if m is None:
        b = ctx.block_of(span.open_at)
        if b + 1 >= len(ctx.blocks) or ctx.text[pos : ctx.blocks[b + 1]].strip():
            return None
        limit = ctx.block_end(b + 1)
        m = _DASH_RE.match(ctx.text, ctx.blocks[b + 1], limit)
        if m is None:
            return None
    who = mention_after(tokens(ctx.text, m.end(), min(limit, m.end() + 80)))
    if who is None or who.kind != "name":
        return None
    return _new(Attribution, (who, "―", "dash"))


def sieve_signature(ctx: DocContext, span: RawSpan) -> Attribution | None:
    """The signature line of a pull quote: "“…⏎Josh Bivens, Economic Policy Institute.”" names its speaker."""
    text = ctx.text
    lo = text.find("\n", span.end) + 1
    hi = text.find("\n", lo)
    who = mention_after(tokens(text, lo, len(text) if hi < 0 else hi)) if lo else None
    if who is None or who.kind != "name":
        return None
    return _new(Attribution, (who, None, "signature"))


def sieve_transcript(ctx: DocContext, span: RawSpan) -> tuple[Attribution, int] | None:
    """An all-caps speaker label opening a transcript quote ("WALLACE: …"); returns the new quote start."""
    if not ctx.text[span.start : span.start + 2].isupper():
        return None
    m = TRANSCRIPT_LABEL_RE.match(ctx.text, span.start, span.end)
    if m is None or len(m.group("name")) < 3:
        return None
    name = clean_name(m.group("name").title().split())
    if name is None:
        return None
    who = _new(Mention, (m.start("name"), m.end("name"), "name", name))
    return _new(Attribution, (who, ":", "transcript_label")), m.end()


def sieve_possessive(ctx: DocContext, seg_start: int, span: RawSpan) -> Attribution | None:
    """A possessive before the quote: "Trump’s parting words to Putin, “…”", "his assertion that “…”"."""
    lo = span.open_at - 90
    if lo < seg_start:  # (max() inlined)
        lo = seg_start
    if _POSSESSIVE_HINT_RE.search(ctx.text, lo, span.open_at) is None:
        return None  # no token of the window can be a possessive: spare the tokenizing
    toks = tokens(ctx.text, lo, span.open_at)
    for k in range(len(toks) - 1, -1, -1):
        w = toks[k][0]
        if not _POSSESSIVE_TOKEN_RE.match(w):
            continue
        near_end = len(toks) - k <= 3
        has_noun = any(t[0].lower() in SPEECH_NOUNS for t in toks[k + 1 : k + 5])
        if not (near_end or has_noun):
            return None
        if w.lower() in ("his", "her"):
            who = _new(Mention, (toks[k].start(), toks[k].end(), "pronoun", None))
            return _new(Attribution, (who, "’s", "possessive"))
        m = mention_before(toks[: k + 1], possessive=True)
        if m is None:
            return None
        if not has_noun and m.kind == "name":  # ("she has learned her lesson: “…”": a pronoun owner stays)
            agent = _possessive_object(ctx, toks, m.start, span)
            if agent is not None:
                return agent
        return _new(Attribution, (m, "’s", "possessive"))
    return None


def _possessive_object(ctx: DocContext, toks: list[re.Match[str]], start: int, span: RawSpan) -> Attribution | None:
    """An owner that is the object of the clause's verb, and no speech noun after it: the clause's named subject
    judges the owner's thing in the quote's words ("Cruz … questioned Trump's “New York values”", "Sanders credited
    Clinton's victory to “a closed primary”"). A finite past verb only: a participle may modify a noun ("all-male
    lineups discussing Donald Trump's “woman's card” remark")."""
    k = _index_at(toks, start, 0)
    if k < 1:
        return None
    verb = toks[k - 1][0]
    if not (len(verb) > 4 and verb.islower() and verb.endswith("ed")):  # (not "lineups discussing Trump's")
        return None
    m = first_subject(ctx, outside_tokens(ctx, ctx.sentence_start(span.open_at), toks[k - 1].start()))
    return _new(Attribution, (m, verb, "verb_before")) if m is not None and m.kind == "name" else None


def sieve_later(ctx: DocContext, span: RawSpan, sent_end: int) -> Attribution | None:
    """A subject and speech verb later in the same sentence ("«…» of consensus, Trump stated")."""
    pos = ctx.end_of[span.open_at]
    if pos >= sent_end:
        return None
    end = pos + _WINDOW
    if end > sent_end:  # (min() inlined)
        end = sent_end
    if VERB_RE.search(ctx.text, pos, end) is None and _TWO_CAPS_RE.search(ctx.text, pos, end) is None:
        return None  # no speech verb (nor an all-caps one) anywhere in the window: spare the tokenizing
    toks = outside_tokens(ctx, pos, end)
    for vi, t in enumerate(toks):
        w = t[0]
        if w in _VERB_TOKENS:
            m, _ = _subject_of_verb(toks, vi, 0)
            if m is None and vi and toks[vi - 1][0] == ",":
                m = mention_after(toks, vi + 1)
            if m is not None:
                return _new(Attribution, (m, w.rstrip("."), "verb_later"))
    return None


def outside_tokens(ctx: DocContext, start: int, end: int, cap: int = 0) -> list[re.Match[str]]:
    """Tokens of text[start:end] that lie outside every quote (marks included); only the first `cap` if given
    (the rest of the window is then never tokenized)."""
    out: list[re.Match[str]] = []
    # (min()/max() of two ints are written as conditionals here and on the other hot paths: the builtins parse
    # their arguments and keywords on every call, ~1k instructions)
    k = bisect_right(ctx.opens, start) - 1
    if k < 0:
        k = 0
    pos = start
    while pos < end:
        while k < len(ctx.spans) and ctx.ends[k] <= pos:
            k += 1
        if k < len(ctx.spans) and ctx.spans[k].open_at <= pos:
            pos = ctx.ends[k]
            continue
        stop = end if k >= len(ctx.spans) or end <= ctx.spans[k].open_at else ctx.spans[k].open_at
        if not cap:
            out.extend(token_matches(ctx.text, pos, stop))  # (no intermediate list)
        else:
            out.extend(islice(token_matches(ctx.text, pos, stop), cap - len(out)))
            if len(out) >= cap:
                break
        pos = stop
    return out


def starts_block(ctx: DocContext, span: RawSpan) -> bool:
    """True when only whitespace and opening marks precede the quote in its paragraph."""
    b = ctx.block_of(span.open_at)
    return _OPENING_ONLY_RE.fullmatch(ctx.text, ctx.blocks[b], span.open_at + 1) is not None


def starts_sentence(ctx: DocContext, span: RawSpan) -> bool:
    """True when only whitespace and opening marks precede the quote in its sentence."""
    return _OPENING_ONLY_RE.fullmatch(ctx.text, ctx.sentence_start(span.open_at), span.open_at + 1) is not None


def sieve_subject(ctx: DocContext, sent_start: int, span: RawSpan) -> Attribution | None:
    """Last resort: the subject of the writer's clause that holds the quote, whatever its verb ("Ortega backs “a
    steady rise in wages”", "Lindqvist hit back, faulting the plan for “…”")."""
    if span.open_at <= sent_start:
        return None
    toks = outside_tokens(ctx, sent_start, span.open_at)
    m = _relative_subject(toks) or first_subject(ctx, toks)
    if m is None or m.kind not in ("name", "pronoun"):
        return None
    k = _index_at(toks, m.start, 0)
    t = k - 2 if k > 1 and toks[k - 1][0] == "the" else k - 1  # the word before the subject (and its article)
    if t >= 0 and toks[t][0] == "that":
        # "Rubio’s catch phrase was that Crist “…”", "Two analysts found that the Air Force is “…”": the subject of
        # a complement clause is described, not quoted; the main clause's subject or owner is the source (if it
        # names none, the clause's subject stays: a relative "that" as in "the contest that Nixon won")
        main = _clause_owner(toks) or first_subject(ctx, toks[:t])
        if main is not None and main.kind in ("name", "pronoun"):
            m = main
    return _new(Attribution, (m, None, "subject"))


def _clause_owner(toks: list[re.Match[str]]) -> Mention | None:
    """A possessive name opening the clause ("Rubio’s catch phrase …", "Sanders’ email notes …")."""
    j = 0
    while j < len(toks) and j < 4 and toks[j][0][:1].isupper():
        w = toks[j][0]
        if w.endswith(("’s", "'s", "s’", "s'")):
            name = clean_name([t[0] for t in toks[:j]] + [w[:-2] if w.endswith("s") else w[:-1]])
            return _new(Mention, (toks[0].start(), toks[j].end(), "name", name)) if name else None
        j += 1
    return None


def sieve_headline(ctx: DocContext, span: RawSpan) -> Attribution | None:
    """A headline that opens with a name gives its quote to that name ("Laura Bush sees ‘Hope’")."""
    toks = outside_tokens(ctx, ctx.blocks[0], span.open_at)
    m = first_subject(ctx, toks)
    if m is None or m.kind != "name" or not toks or m.start != toks[0].start():
        return None
    return _new(Attribution, (m, None, "headline"))


_LEAD_RUN_RE = re.compile(r"[ \t\xa0]*([A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,2})")


def sieve_title_headline(ctx: DocContext, span: RawSpan, got: Attribution | None) -> Attribution | None:
    """In a Title Case headline every word is capitalized, so the sieves cannot tell the name from the verb
    ("Trump Just Announced Who He ‘Would Love’ …", "Gingrich Takes Talk Of Being Trump’s Running Mate ‘…’"): the
    headline's first words name the speaker when the body uses them too (the longest of the first three words that
    it does). Replaces no attribution, a possessive, or a colon intro that does not open the headline."""
    if got is not None and (got.method not in ("possessive", "colon") or got.mention.start <= ctx.blocks[0] + 1):
        return got
    m = _LEAD_RUN_RE.match(ctx.text, ctx.blocks[0], span.open_at)
    if m is None:
        return got
    body = ctx.block_ends[0]
    words = m[1].split()
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n])
        if ctx.text.find(phrase, body) >= 0:
            name = clean_name(words[:n])
            if name is None or name.lower() in GROUP_NOUNS:
                return got
            start = m.start(1)
            return _new(Attribution, (_new(Mention, (start, start + len(phrase), "name", name)), None, "headline"))
    return got


_DASH_INTRO_RE = re.compile(r"([A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,3})[ \t]*(?:--|[—―–])[ \t]*$")
_DASH_AFTER_RE = re.compile(r"[ \t]*(?:--|[—―–])")


def sieve_dash_intro(ctx: DocContext, seg_start: int, span: RawSpan) -> Attribution | None:
    """A name introducing a quote set off by a pair of dashes ("including the former candidate Mitt Romney -- ''…''
    -- and …"): the name right before the first dash speaks, whatever the clause's verb."""
    if _DASH_AFTER_RE.match(ctx.text, ctx.end_of[span.open_at]) is None:
        return None
    m = _DASH_INTRO_RE.search(ctx.text, seg_start if seg_start > span.open_at - 60 else span.open_at - 60, span.open_at)
    if m is None:
        return None
    name = clean_name(m[1].split())
    if name is None:
        return None
    return _new(Attribution, (_new(Mention, (m.start(1), m.end(1), "name", name)), "--", "dash"))
