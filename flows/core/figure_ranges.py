"""Merge neighbouring figures into ranges ("six to seven hours", "between 44 mg and 50 mg", "two or three
weeks", "five, six, seven thousand") and share units across lists ("45 and 50 mg")."""

from __future__ import annotations

import re

from flows.core.figure_units import Cand
from flows.core.units import unit_family

_IN_RE = re.compile(r"[ \t]+(?:in|out[ \t]+of)[ \t]+")
_DASH_RE = re.compile(r"[ \t]*(?:-|–|—|‐)[ \t]*|[ \t]+(?:to|through|thru|till|until)[ \t]+")
_OR_RE = re.compile(r"[ \t]+or[ \t]+")
_AND_RE = re.compile(r"[ \t]+and[ \t]+")
_COMMA_RE = re.compile(r",[ \t]+(?:and[ \t]+|or[ \t]+)?")
_BETWEEN_RE = re.compile(r"\bbetween[ \t]+$")
_EITHER_RE = re.compile(r"\beither[ \t]+$")
_LOWER_BOUND = frozenset({"above", "over", "more than", "at least"})
_UPPER_BOUND = frozenset({"below", "under", "less than", "up to", "at most"})
_RANGEABLE = frozenset({"card", "frac", "year"})
# first non-blank character of every connector above ("in"/"out of", dashes, "to"/"through"/"till"/"until",
# "or", "and", ","): a cheap test that spares the regexes for other gaps ("Story 1 (revision 0)")
_CONNECTOR_HEADS = frozenset("io-–—‐tua,")
_MAX_GAP = 12  # longest connector text between two merged numbers (", and ", " through ", " out of ")


def merge_ranges(cands: list[Cand], low: str) -> list[Cand]:
    """One left-to-right pass merging adjacent candidates into ranges; returns the new list."""
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        if i + 1 == len(cands) or cands[i + 1].start - cands[i].end > _MAX_GAP:
            out.append(cands[i])  # no neighbour close enough for a list or a range (the common case)
            i += 1
            continue
        merged, nxt = _try_list(cands, i, low)
        if merged is None:
            merged, nxt = _try_pair(cands, i, low)
        out.append(merged if merged is not None else cands[i])
        i = nxt if merged is not None else i + 1
    return out


def _try_pair(cands: list[Cand], i: int, low: str) -> tuple[Cand | None, int]:
    """Range of cands[i] and cands[i+1] when the gap is a range connector."""
    if i + 1 >= len(cands):
        return None, i + 1
    a, b = cands[i], cands[i + 1]
    if b.start - a.end > _MAX_GAP:
        return None, i + 1
    if a.form not in _RANGEABLE or b.form not in _RANGEABLE or not _units_compatible(a, b):
        return None, i + 1
    gap = low[a.end:b.start]
    if gap.strip(" \t")[:1] not in _CONNECTOR_HEADS:  # no connector below can match: skip the regexes
        _share_unit(a, b, gap)
        return None, i + 1
    start = a.start
    if _IN_RE.fullmatch(gap) and a.unit is None is b.unit and a.form == b.form == "card" \
            and a.value and b.value and a.value < b.value and b.scale == 1 and a.scale == 1:
        frac = Cand(a.start, b.end, a.value / b.value, "frac", a.words, num_end=b.end)  # "one in five"
        frac.qualifier, frac.approx = a.qualifier, a.approx
        return frac, i + 2
    if a.unit is not None and b.unit is None and b.scale == 1 and gap.strip() not in ("-", "–", "—", "‐"):
        return None, i + 1  # "$5 million to 20 firms": 'to' is a preposition here
    if _DASH_RE.fullmatch(gap):
        if gap.strip() in ("-", "‐") and (a.words != b.words):
            return None, i + 1
    elif _OR_RE.fullmatch(gap):
        if _EITHER_RE.search(low, max(0, a.start - 10), a.start) or not _close(a, b):
            return None, i + 1
    elif _AND_RE.fullmatch(gap) and (m := _BETWEEN_RE.search(low, max(0, a.start - 10), a.start)):
        start = m.start()
    elif _AND_RE.fullmatch(gap) and a.qualifier in _LOWER_BOUND and b.qualifier in _UPPER_BOUND:
        start = a.start
    else:
        _share_unit(a, b, gap)
        return None, i + 1
    merged = _build(a, b, start, low)
    if merged is None:
        return None, i + 1
    return merged, i + 2


def _try_list(cands: list[Cand], i: int, low: str) -> tuple[Cand | None, int]:
    """'five, six, seven thousand' → one range scaled by the shared multiplier of the last item."""
    j = i
    while j + 1 < len(cands) and _list_link(cands[j], cands[j + 1], low):
        j += 1
    if j - i < 2 or cands[j].scale == 1 or cands[j].form != "card":
        return None, i + 1
    items = cands[i:j + 1]
    scale = items[-1].scale
    vals = [c.value * scale if c is not items[-1] else c.value for c in items if c.value is not None]
    if any(v >= items[-1].value for v in vals[:-1]):  # type: ignore[operator]
        return None, i + 1
    last = items[-1]
    return Cand(items[0].start, last.end, (min(vals) + max(vals)) / 2, "card", True, scale, last.unit,
                low=min(vals), high=max(vals), num_end=last.num_end, hyphen_adj=last.hyphen_adj), j + 1


def _list_link(a: Cand, b: Cand, low: str) -> bool:
    """Whether a bare small number a continues a comma list towards b ('five, six, …')."""
    return b.start - a.end <= _MAX_GAP and a.unit is None and a.scale == 1 and a.form == "card" \
        and low.startswith(",", a.end) and _COMMA_RE.fullmatch(low, a.end, b.start) is not None


def _units_compatible(a: Cand, b: Cand) -> bool:
    """Both unitless, one unitless, or same unit family."""
    if a.unit is None or b.unit is None:
        return True
    return a.unit == b.unit or (unit_family(a.unit) is not None and unit_family(a.unit) == unit_family(b.unit))


def _close(a: Cand, b: Cand) -> bool:
    """'two or three' is a range; '10 bln or 10 tln' are alternatives."""
    if a.value is None or b.value is None:
        return False
    lo = a.value * (b.scale if a.scale == 1 else 1)
    return 0 < lo < b.value <= lo * 10


def _share_unit(a: Cand, b: Cand, gap: str) -> None:
    """'45 and 50 mg': the first item takes the unit of the second (span unchanged)."""
    if a.unit is None and b.unit is not None and gap.strip(" \t,") in ("and", "or", "") and not a.words \
            and a.form == "card" and b.form == "card" and not b.hyphen_adj:
        a.unit = b.unit


def _build(a: Cand, b: Cand, start: int, low: str) -> Cand | None:
    """Range candidate spanning a..b with shared unit and scale."""
    lo, hi = a.value or 0.0, b.value or 0.0
    if a.scale == 1 and b.scale > 1 and lo * b.scale <= hi:
        lo *= b.scale
    elif b.scale == 1 and a.scale > 1 and hi * a.scale >= lo and hi < lo:
        hi *= a.scale
    unit = b.unit or a.unit
    form = "year" if a.form == b.form == "year" else "card"
    if not lo < hi:
        return None  # "3-2", "52% to 48%", "50-50": scores and comparisons, not ranges
    c = Cand(start, b.end, (lo + hi) / 2, form, a.words and b.words, b.scale, unit, low=min(lo, hi),
             high=max(lo, hi), num_end=b.num_end, hyphen_adj=b.hyphen_adj, age=b.age or a.age)
    c.qualifier, c.approx = a.qualifier if a.qualifier not in _LOWER_BOUND else None, a.approx
    return c
