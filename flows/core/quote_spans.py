"""Pass 1 of quote extraction: pair quote marks into spans (no attribution, no I/O)."""

from __future__ import annotations

import re
from typing import NamedTuple

# The candidate marks and line breaks. Each candidate character is looked for with a pattern of its own that opens
# with that literal character, which the regex engine skips to with a plain character scan; one pattern over a class
# of all of them costs a class test per character of the document instead (that scan took ~2.5x the instructions).
# Characters absent from the text (most of the sixteen) cost one `in` scan. The lookarounds after the character run
# only on hits and drop, in C, the two commonest hits that are never marks: an apostrophe between two letters or
# digits (don't, Putin’s) and the second newline of a paragraph break. A newline followed by a blank run that holds
# another newline (a paragraph break) takes that run, which is all a paragraph-break decision needs, and marks it with
# group 1. The hits of all patterns, merged by offset, are the candidates of one scan with the union class (a
# newline's blank run holds no other candidate, and every other hit is one character). The few decisions that need
# more context (doubled '' marks, feet and inches) are made per hit.
_CANDIDATE_RES = tuple(
    (
        ch,
        re.compile(
            re.escape(ch)
            + (
                r"(?<!\n\n)(?:[ \t\xa0\r]*(\n)[ \t\xa0\r\n]*)?"  # group 1: a paragraph break
                if ch == "\n"
                else r"(?:(?<![^\W_].)|(?![^\W_]))"
                if ch in "'‘’‚‛‹›"
                else ""
            )
        ),
    )
    for ch in "\n“”„‟«»\"'‘’‚‛‹›`"
)
_START = re.Match.start
_tuple_new = tuple.__new__  # builds a NamedTuple without its Python-level __new__
_FEET_INCH_RE = re.compile(r"\d['’′]\d{1,2}$")
_SINGLE_MARKS = frozenset("'‘’‚‛‹›")
_DOUBLE_MARKS = frozenset(["“", "”", "„", "‟", "«", "»", '"', "''", "``"])
_OPEN_GLYPHS = frozenset(["“", "„", "‟", "«", "‘", "‚", "‛", "‹", "``"])
_CLOSE_GLYPHS = frozenset(["”", "»", "’", "›"])
_ALL_MARK_CHARS = "“”„‟«»\"'‘’‚‛‹›`"
_OPEN_PREV = frozenset(" \t\n\r\xa0([{—–-/" + _ALL_MARK_CHARS)
_CLOSE_NEXT = frozenset(" \t\n\r\xa0.,;:!?)]}—–-…/*" + _ALL_MARK_CHARS)
_SPACE = frozenset(" \t\n\r\xa0")
_INNER_CLOSERS = frozenset("’'”»")  # ‘above the president,’ ” closes two quotes with a space between
_LOOSE_CLOSE_AFTER = frozenset(",.!?")  # punctuation a closing mark set off by a space still follows
_HARD_LINE_END = frozenset(".!?:;\"”’»)…")
_LINE_OPENER_RE = re.compile(r"[ \t\xa0]*(?:''|``|[“„‟«\"])")
_DECADE_RE = re.compile(r"\d0s\b|\d\d\b")
_WORD_RE = re.compile(r"\w")
# The signature line of a pull quote: a capitalized name (and affiliation) of up to twelve words, then the closing mark
_SIGNATURE_LINE_RE = re.compile(r"[A-Z][^\s“”\"]*+(?:[ \t\xa0][^\s“”\"]++){0,11}+[\"”][ \t\xa0]*+(?:\n|$)")


class RawSpan(NamedTuple):
    """A paired (or paragraph-unclosed) quote region before classification."""

    start: int  # first quoted character (after the opening mark and spaces)
    end: int  # one past the last quoted character
    open_at: int  # offset of the opening mark
    close_at: int  # offset of the closing mark, -1 when unclosed at a paragraph end
    method: str


# The pairing rule named from the two glyphs (opening + closing); any other pair is "pair:mismatched".
_PAIR_METHODS = {
    **dict.fromkeys(("“”", "‘’", "„“", "„”", "‚’"), "pair:curly"),
    **dict.fromkeys(('""', "''"), "pair:straight"),
    **dict.fromkeys(("''''", "````", "``''"), "pair:double_apostrophe"),
    **dict.fromkeys(("«»", "‹›", "»«", "›‹"), "pair:guillemet"),
}


def _is_hard_newline(text: str, i: int, j: int, line_start: int) -> bool:
    """A single newline ends a paragraph unless it looks like a hard wrap inside running text."""
    k = i - 1
    while k >= line_start and text[k] in " \t\xa0\r":
        k -= 1
    if k < line_start or text[k] in _HARD_LINE_END:
        return True
    if i - line_start < 25:
        return True
    if text[k] in ",—–-" or text[k].islower():
        return False  # a wrapped line inside running text, even before an opening mark
    return _LINE_OPENER_RE.match(text, j) is not None


class _Scanner:
    """Mutable state for one left-to-right pass over the marks of a document."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[RawSpan] = []
        self.blocks: list[int] = [0]
        self.double: list[tuple[int, int, str]] = []  # (mark offset, mark end, glyph)
        self.single: list[tuple[int, int, str]] = []
        self.chain = False  # previous paragraph ended inside an unclosed multi-paragraph quote

    def emit(self, opened: tuple[int, int, str], close_at: int, close_end: int, method: str) -> None:
        """Record a span if it holds at least one word character."""
        text, start, end = self.text, opened[1], close_at
        while start < end and text[start] in _SPACE:  # _trimmed, inlined: this runs for every quote
            start += 1
        while end > start and text[end - 1] in _SPACE:
            end -= 1
        # (a first character that \w matches spares the regex call)
        if end > start and (text[start].isalnum() or text[start] == "_" or _WORD_RE.search(text, start, end)):
            # RawSpan(start, end, …), this runs for every quote
            self.spans.append(_tuple_new(RawSpan, (start, end, opened[0], close_at if close_end else -1, method)))

    def paragraph_end(self, end: int, next_start: int) -> None:
        """Close the paragraph: keep a multi-paragraph quote, drop unbalanced marks."""
        text = self.text
        chained = False
        if self.double:  # most paragraphs end with no quote open: nothing to look at
            continues = next_start < len(text) and _LINE_OPENER_RE.match(text, next_start) is not None
            opened = self.double[0]
            lead = text[self.blocks[-1] : opened[0]].rstrip()
            at_start = not lead
            if (continues and (at_start or lead[-1] in ":,.!?")) or (self.chain and at_start):
                self.emit(opened, end, 0, "open:paragraph")
                chained = continues
            elif at_start and len(self.double) == 1 and end < next_start and _SIGNATURE_LINE_RE.match(text, next_start):
                # "“The fact is …⏎Josh Bivens, Economic Policy Institute.”": a pull quote signed on its last line
                self.emit(opened, end, 0, "open:signature")
            elif lead[-1:] in (".", "!", "?") and len(self.double) == 1 and self.spans and (
                self.spans[-1].open_at >= self.blocks[-1]
            ):  # “…,” said Baron. “His candidacy … (the second half of a split quote lost its closing mark)
                self.emit(opened, end, 0, "open:paragraph")
        self.chain = chained
        if self.double:
            self.double.clear()
        if self.single:
            self.single.clear()
        if next_start < len(text):
            self.blocks.append(next_start)


def _is_measure(text: str, i: int, j: int, tok: str) -> bool:
    """Feet and inch marks after digits (5'10", 6'2) are not quote marks."""
    if tok in ("'", "’", "′"):
        return j < len(text) and text[j].isdigit()
    return tok in ('"', "''", "″") and _FEET_INCH_RE.search(text, max(0, i - 4), i) is not None


def find_spans(text: str) -> tuple[list[RawSpan], list[int]]:
    """Pair quote marks in `text`; return spans sorted by start and the start offsets of paragraphs."""
    sc = _Scanner(text)
    line_start, skip_to, n = 0, -1, len(text)
    double, single = sc.double, sc.single  # (the scanner clears these lists in place, never replaces them)
    hits: list[re.Match[str]] = []
    for ch, pattern in _CANDIDATE_RES:
        if ch in text:
            hits.extend(pattern.finditer(text))
    hits.sort(key=_START)
    for m in hits:
        i = m.start()
        if m.lastindex:  # a newline and the blank run after it that holds another newline: a paragraph break
            j = m.end()
            if double or single or sc.chain or j >= n:
                sc.paragraph_end(i, j)
            else:  # the common case, inlined: no quote open, nothing chained, another paragraph follows
                sc.blocks.append(j)
            line_start = j
            continue
        if i < skip_to:  # (the second mark of '' or ``; never a newline)
            continue
        tok = m[0]
        if tok == "\n":  # a single newline
            if _is_hard_newline(text, i, i + 1, line_start):
                sc.paragraph_end(i, i + 1)
            line_start = i + 1
            continue
        j = i + 1
        if tok in _SINGLE_MARKS:  # (the scan dropped the apostrophes inside words: don't, Putin's)
            if tok == "'" and j < n and text[j] == "'":
                tok, j, skip_to = "''", j + 1, j + 1
        elif tok == "`":
            if j < n and text[j] == "`":
                tok, j, skip_to = "``", j + 1, j + 1
            else:
                continue
        prev = text[i - 1] if i else "\n"
        if prev.isdigit() and _is_measure(text, i, j, tok):
            continue
        # Push or pop the mark, inlined (this runs for every mark): a mark after a space or an opening bracket
        # opens, one before a space or punctuation closes, the glyph breaking ties
        stack = double if tok in _DOUBLE_MARKS else single
        nxt = text[j] if j < n else "\n"
        can_open = prev in _OPEN_PREV and nxt not in _SPACE
        can_close = i > 0 and (prev not in _SPACE or text[i - 2 : i - 1] in _INNER_CLOSERS) and nxt in _CLOSE_NEXT
        if can_open != can_close:
            opens = can_open
        elif tok in _OPEN_GLYPHS:
            opens = True
        elif tok in _CLOSE_GLYPHS:
            opens = False
        elif can_open:  # straight mark touching marks on both sides
            opens = not stack
        elif stack and tok == '"' and text[i - 2 : i - 1] in _LOOSE_CLOSE_AFTER and prev == " ":
            opens = False  # “…a disgrace that he is doing this, " Trump said”: a closing mark set loose by a space
        else:
            continue  # skip
        if opens:
            if stack is single and _DECADE_RE.match(text, j):
                continue  # ’90s, ’16: elided digits, not a quote
            stack.append((i, j, tok))
        elif stack:
            opened = stack.pop()
            sc.emit(opened, i, j, _PAIR_METHODS.get(opened[2] + tok, "pair:mismatched"))
    sc.paragraph_end(n, n)
    sc.spans.sort()
    return sc.spans, sc.blocks
