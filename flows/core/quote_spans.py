"""Pass 1 of quote extraction: pair quote marks into spans (no attribution, no I/O)."""

from __future__ import annotations

import re
from typing import NamedTuple

# One scan finds every candidate mark and line break. The pattern opens with a single character class, which keeps
# the regex engine on its fast path (a leading alternation or lookbehind is three times slower); the lookarounds
# after it run only on hits and drop, in C, the two commonest hits that are never marks: an apostrophe between two
# letters or digits (don't, Putin’s) and the second newline of a paragraph break. The few decisions that need more
# context (doubled '' marks, feet and inches) are made per hit.
_TOKEN_RE = re.compile(
    r"[\n“”„‟«»\"'‘’‚‛‹›`]"
    r"(?:(?<=[“”„‟«»\"`])|(?<=\n)(?<!\n\n)|(?<=['‘’‚‛‹›])(?:(?<![^\W_].)|(?![^\W_])))"
)
_SPACE_RUN_RE = re.compile(r"[ \t\xa0\r\n]*")
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
_HARD_LINE_END = frozenset(".!?:;\"”’»)…")
_LINE_OPENER_RE = re.compile(r"[ \t\xa0]*(?:''|``|[“„‟«\"])")
_DECADE_RE = re.compile(r"\d0s\b|\d\d\b")
_WORD_RE = re.compile(r"\w")


class RawSpan(NamedTuple):
    """A paired (or paragraph-unclosed) quote region before classification."""

    start: int  # first quoted character (after the opening mark and spaces)
    end: int  # one past the last quoted character
    open_at: int  # offset of the opening mark
    close_at: int  # offset of the closing mark, -1 when unclosed at a paragraph end
    method: str


def _role(text: str, i: int, j: int, mark: str, has_open: bool) -> str:
    """Classify one mark as "open", "close" or "skip" from its neighbours, glyph as tie-break."""
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[j] if j < len(text) else "\n"
    can_open = prev in _OPEN_PREV and nxt not in _SPACE
    can_close = i > 0 and (prev not in _SPACE or text[i - 2 : i - 1] in _INNER_CLOSERS) and nxt in _CLOSE_NEXT
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if mark in _OPEN_GLYPHS:
        return "open"
    if mark in _CLOSE_GLYPHS:
        return "close"
    if can_open:  # straight mark touching marks on both sides
        return "close" if has_open else "open"
    return "skip"


def _method(open_mark: str, close_mark: str) -> str:
    """Name the pairing rule from the two glyphs."""
    pair = open_mark + close_mark
    if pair in ("“”", "‘’", "„“", "„”", "‚’"):
        return "pair:curly"
    if pair in ('""', "''"):
        return "pair:straight"
    if pair in ("''''", "````", "``''"):
        return "pair:double_apostrophe"
    if pair in ("«»", "‹›", "»«", "›‹"):
        return "pair:guillemet"
    return "pair:mismatched"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past surrounding whitespace."""
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


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
        start, end = _trimmed(self.text, opened[1], close_at)
        if end > start and _WORD_RE.search(self.text, start, end):
            self.spans.append(RawSpan(start, end, opened[0], close_at if close_end else -1, method))

    def mark(self, i: int, j: int, mark: str) -> None:
        """Push or pop one quote mark."""
        stack = self.double if mark in _DOUBLE_MARKS else self.single
        role = _role(self.text, i, j, mark, bool(stack))
        if role == "open":
            if stack is self.single and _DECADE_RE.match(self.text, j):
                return  # ’90s, ’16: elided digits, not a quote
            stack.append((i, j, mark))
        elif role == "close" and stack:
            opened = stack.pop()
            self.emit(opened, i, j, _method(opened[2], mark))

    def paragraph_end(self, end: int, next_start: int) -> None:
        """Close the paragraph: keep a multi-paragraph quote, drop unbalanced marks."""
        text = self.text
        continues = next_start < len(text) and _LINE_OPENER_RE.match(text, next_start) is not None
        chained = False
        if self.double:
            opened = self.double[0]
            lead = text[self.blocks[-1] : opened[0]].rstrip()
            at_start = not lead
            if (continues and (at_start or lead[-1] in ":,")) or (self.chain and at_start):
                self.emit(opened, end, 0, "open:paragraph")
                chained = continues
        self.chain = chained
        self.double.clear()
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
    for m in _TOKEN_RE.finditer(text):
        i = m.start()
        if i < skip_to:
            continue
        tok = m.group()
        if tok == "\n":
            j = _SPACE_RUN_RE.match(text, i).end()
            if text.count("\n", i, j) > 1:
                sc.paragraph_end(i, j)
                skip_to, line_start = j, j
                continue
            if _is_hard_newline(text, i, i + 1, line_start):
                sc.paragraph_end(i, i + 1)
            line_start = i + 1
            continue
        j = i + 1
        if tok in _SINGLE_MARKS:
            if 0 < i and j < n and text[i - 1].isalnum() and text[j].isalnum():
                continue  # apostrophe inside a word: don't, Putin's
            if tok == "'" and j < n and text[j] == "'":
                tok, j, skip_to = "''", j + 1, j + 1
        elif tok == "`":
            if j < n and text[j] == "`":
                tok, j, skip_to = "``", j + 1, j + 1
            else:
                continue
        if i and text[i - 1].isdigit() and _is_measure(text, i, j, tok):
            continue
        sc.mark(i, j, tok)
    sc.paragraph_end(n, n)
    sc.spans.sort()
    return sc.spans, sc.blocks
