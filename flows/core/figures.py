"""Figure extraction: numbers, money, percentages, durations, measures, dates, years, ranges and rates.

Ordered rule passes over the normalized text (all offsets index `text`):

1. claim spans that are dates (figure_dates) or never figures (phone numbers, times of day, ids, "one-on-one");
2. find number tokens (figure_numbers) outside claimed spans;
3. attach currency and unit (figure_units), article-numbers with a cue ("under an hour", "a penny");
4. attach qualifiers (bounds such as "more than" are inside the span, pure hedges such as "roughly" are not);
5. merge ranges and lists ("six to seven hours", "five, six, seven thousand"), share units ("45 and 50 mg");
6. attach rates ("a week", "/hour"), classify kind, find the `measures` noun phrase, drop negatives, dedupe.

Conventions (aligned with shared/data/figures/dev.jsonl): ranges carry low/high and value = midpoint; money
values are in the currency's unit (cents for "50 cents", unit "cent"); percentages are 0–100 ("20%" → 20).
"""

from __future__ import annotations

from operator import attrgetter

from flows.core.figure_context import (
    article_figures,
    attach_age_apposition,
    attach_qualifier,
    attach_rate,
    find_measures,
    in_name_with_digits,
    in_proper_name,
    is_discourse_ordinal,
    is_pronoun_one,
    negative_spans,
)
from flows.core.figure_dates import find_dates
from flows.core.figure_numbers import find_numbers, scan_anchors
from flows.core.figure_ranges import merge_ranges
from flows.core.figure_units import Cand, make_cand
from flows.core.records import Figure
from flows.core.units import CURRENCY_CODES, PERCENT_WORDS, TIME_UNITS, unit_family

_CURRENCIES = frozenset(CURRENCY_CODES.values()) | {"cent", "penny", "dime", "nickel", "franc", "fim", "nlg"}
_PERCENTS = frozenset(PERCENT_WORDS.values())
_TIMES = frozenset(TIME_UNITS.values())


def extract_figures(text: str) -> list[Figure]:
    """Return every numeric figure in normalized `text`, sorted by start offset."""
    low = _lower(text)
    anchors = scan_anchors(low)
    dates = [Cand(s, e, None, "date", False, date_value=iso, kind="date", num_end=e)
             for s, e, iso in find_dates(low, text, anchors)]
    blocked = sorted([(c.start, c.end) for c in dates] + negative_spans(low, anchors))
    cands: list[Cand] = []
    for n in find_numbers(low, anchors):
        if blocked and _overlaps(blocked, n.start, n.end):  # nothing blocked: spare the call
            continue
        c = make_cand(n, low, text)
        if c is not None:
            cands.append(c)
    cands.extend(a for a in article_figures(low, anchors) if not _overlaps(blocked, a.start, a.end))
    cands = _dedupe(cands)
    for c in cands:
        _mark_year(c, low)
        attach_qualifier(c, low)
    cands = merge_ranges(cands, low)
    for c in cands:
        attach_age_apposition(c, text)
        attach_rate(c, low, text)
        c.kind = _classify(c)
        find_measures(c, text)
    kept = [c for c in cands if not (_is_negative(c, low) or in_proper_name(c, text) or in_name_with_digits(c, text))]
    return [_freeze(c, text) for c in _dedupe(kept + dates)]


def _lower(text: str) -> str:
    """Lowercase with offsets preserved (characters whose lowercase changes length are kept as is)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any span (spans sorted by start)."""
    for s, e in spans:
        if s >= end:
            return False
        if e > start:
            return True
    return False


def _mark_year(c: Cand, low: str) -> None:
    """A bare four-digit number 1800–2100 (no separators, unit or currency) is a year; '1960s' a decade."""
    if c.form == "decade":  # "1960s" → 1960–1969 (value stays the decade's first year)
        base = c.value or 0.0
        c.form, c.low, c.high = "year", base, base + 9
        return
    if c.form == "card" and c.unit is None and c.end - c.start == 4:
        s = low[c.start:c.end]
        if s.isdigit() and 1800 <= int(s) <= 2100:
            c.form = "year"


def _classify(c: Cand) -> str:
    """Kind from the form and the unit."""
    if c.form in ("date", "year", "ordinal"):
        return c.form
    if c.form == "ord":
        return "ordinal"
    if c.unit is None:  # the common case, as the tests below would conclude
        return "count"
    unit = c.unit.split("/")[0]
    if unit in _PERCENTS:
        return "percent"
    if unit in _CURRENCIES:
        return "money"
    if c.unit is not None and "/" in c.unit and unit not in _TIMES and not _is_measure(unit):
        return "rate"
    if unit in _TIMES:
        return "measure" if c.age else ("rate" if "/" in (c.unit or "") else "duration")
    return "measure" if c.unit else "count"


def _is_measure(unit: str) -> bool:
    """Whether a unit is a physical unit from the unit table."""
    return unit_family(unit) not in (None, "currency", "percent")


def _is_negative(c: Cand, low: str) -> bool:
    """Drop pronoun 'one', bare fraction words ('third quarter'), 'the second half'."""
    if not c.words and c.kind != "ordinal":
        return False  # every test below needs a spelled-out number or an ordinal ("21st")
    if is_discourse_ordinal(c, low):
        return True
    if is_pronoun_one(c, low) or (low[c.start:c.end] == "one" and (c.measures or "").lower() in ("one", "ones")):
        return c.unit is None and c.low is None
    if c.kind == "ordinal" and low.endswith("for the ", 0, c.start) and low.startswith(" time", c.end):
        return True  # "for the first time" is an idiom, not a quantity
    if c.kind == "ordinal" and low.startswith((" quarter", " half"), c.end):
        return True  # period designators ("third quarter", "first half"), not quantities
    s = low[c.start:c.end]
    if s in ("quarter", "third", "fourth", "fifth", "quarters", "thirds") and c.form == "frac":
        return True
    if s == "half" and low[max(0, c.start - 7):c.start].rstrip().endswith(("the", "first", "second")):
        return True
    return False


_START, _END = attrgetter("start"), attrgetter("end")


def _dedupe(cands: list[Cand]) -> list[Cand]:
    """Keep the longest of overlapping candidates; result sorted by start."""
    # by start, longest first: two stable sorts on C-level keys (end descending, then start) give the order of
    # key=(start, -(end - start)) without a Python call per candidate
    ordered = sorted(sorted(cands, key=_END, reverse=True), key=_START)
    out: list[Cand] = []
    for c in ordered:
        if out and c.start < out[-1].end:
            if c.end - c.start > out[-1].end - out[-1].start:
                out[-1] = c
            continue
        out.append(c)
    return out


def _freeze(c: Cand, text: str) -> Figure:
    """Immutable Figure from a candidate."""
    value = c.value
    date_value = c.date_value
    if c.kind == "year" and c.value is not None and c.low is None:
        date_value = f"{int(c.value):04d}"
    # positional in field order (start_char, end_char, surface, kind, value, low, high, unit, qualifier,
    # is_approximate, date_value, measures): keyword arguments cost measurably on this per-figure path
    return Figure(c.start, c.end, text[c.start:c.end], c.kind or "count", value, c.low, c.high, c.unit,
                  c.qualifier, c.approx, date_value, c.measures)
