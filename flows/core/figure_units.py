"""Attach currencies and units to number tokens: "$1.13bn", "c $16.4 million", "5 €", "three-hour",
"5 feet 2 inches", "thirteen dollars and forty-five cents", "five years old", "an hour and a half"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows.core.figure_numbers import Num, _trie, find_numbers
from flows.core.units import (
    DIGIT_SUFFIXES,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    GLUED_ONLY,
    MEASURE_UNITS,
    ORDINAL_WORDS,
    PERCENT_WORDS,
    SCALE_WORDS,
    TIME_UNITS,
)


@dataclass(slots=True)
class Cand:
    """A figure under construction (mutable; frozen into a Figure at the end)."""

    start: int
    end: int
    value: float | None
    form: str  # card | frac | ord | date | year
    words: bool
    scale: float = 1.0  # trailing multiplier of the number ("seven thousand" → 1000)
    unit: str | None = None
    kind: str | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    approx: bool = False
    date_value: str | None = None
    measures: str | None = None
    hyphen_adj: bool = False  # "three-hour discussion"
    age: bool = False
    num_end: int = 0  # end of the numeric core (before the unit)


def _alt(words: list[str]) -> str:
    """Regex alternation of literal surfaces, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_SUFFIX_CODES = [c for c in CURRENCY_CODES if c != "try"] + ["m" + c for c in ("usd", "aud", "eur", "gbp", "cad")]
_UNIT_SURFACES = (list(TIME_UNITS) + list(MEASURE_UNITS) + list(PERCENT_WORDS) + list(CURRENCY_WORDS)
                  + _SUFFIX_CODES + ["€", "£", "¥", "₹", "yo", "y.o."])
UNIT_RE = re.compile(rf"(?P<sep>[ \t]?[-‐][ \t]?|[ \t\u00a0]*)(?P<u>{_trie(_UNIT_SURFACES)})(?![a-z0-9²])")
# what a UNIT_RE match can begin with: a separator character or the first character of a unit surface
_UNIT_RE_HEADS = frozenset(" \t\u00a0-‐") | frozenset(u[0] for u in _UNIT_SURFACES)
_A_UNIT_RE = re.compile(r"(?:^|[ \t]+)an?[ \t]+")
_CUR_SYM_RE = re.compile(r"(?:(?<![a-z])(us|c|ca|hk|au|nz)[ \t]?|(?<![a-z])(a))?([$£€¥₹₽₴₩₪])[ \t]?$")
_CUR_CODE_RE = re.compile(rf"(?<![a-z])({_alt(_SUFFIX_CODES)})[ \t]?$")
_FEET_IN_RE = re.compile(r"(?:[ \t]+and)?[ \t]+(\d+(?:\.\d+)?)[ \t]*(?:inches|inch|in)\b")
_DOLLAR_CENTS_RE = re.compile(r"(?:[ \t]+and)?[ \t]+([a-z]+(?:[ -][a-z]+)?|\d{1,2})(?:[ \t]+cents?)?\b")
_AND_HALF_RE = re.compile(r"[ \t]+and[ \t]+(?:an?[ \t]+)?half\b")
_AGE_RE = re.compile(r"[ \t-]+old\b|[ \t]+of[ \t]+age\b")
_APOS_RE = re.compile(r"['’](?=[ \t])")
_MONEY_CONTEXT_RE = re.compile(r"\b(?:cost|costs|spent|spend|paid|pay|worth|fined|fine|price|sold|bought|raised|"
                               r"won|owed|earn|earned|salary|budget|£)\b[^.;]{0,40}$")
_CUR_CHARS = frozenset("$£€¥₹₽₴₩₪")
_CODE_TAILS = frozenset(c[-4:] for c in _SUFFIX_CODES) | frozenset(c[-3:] for c in _SUFFIX_CODES)
_CODE_ENDS = frozenset(c[-3:] for c in _CODE_TAILS)  # every code tail ends with one of these


def make_cand(n: Num, low: str, text: str) -> Cand | None:
    """Turn a number token into a candidate figure with its unit; None when it is part of an id ("24brussels")."""
    if n.form == "frac" and n.words and low[n.end:n.end + 1] == "-":
        _ordinal_compound(n, low)  # "a third-party campaign" is an ordinal, not a fraction
    c = Cand(n.start, n.end, n.value, n.form, n.words, _trailing_scale(low, n) if n.scaled else 1.0, num_end=n.end)
    currency = _currency_before(low, text, c)
    if currency is None and not n.words and n.start > 0 and (low[n.start - 1].isalpha() or low[n.start - 1] in "_@"):
        return None  # digits glued to letters on the left: "G7", "BA117", "a320", "@user_1"
    if not _attach_unit(c, low, text, currency):
        return None
    if c.unit is None and currency is not None:
        c.unit = currency
    if c.form == "ord" and c.unit is not None and c.unit not in ("percent",):
        c.form = "card"
    return c


def _ordinal_compound(n: Num, low: str) -> None:
    """Re-read 'a third' in 'a third-party …' as the ordinal 'third'."""
    last = low[n.start:n.end].split()[-1]
    if last in ORDINAL_WORDS:
        n.start, n.value, n.form = n.end - len(last), float(ORDINAL_WORDS[last]), "ord"


def _trailing_scale(low: str, n: Num) -> float:
    """Multiplier carried by the last word of the number ("seven thousand" → 1000, "1.5bn" → 1e9)."""
    if not n.scaled:
        return 1.0
    tail = low[max(n.start, n.end - 9):n.end]
    last = tail.rsplit(None, 1)[-1].lstrip("0123456789.,")
    return SCALE_WORDS.get(last) or DIGIT_SUFFIXES.get(last, 1.0)


def _currency_before(low: str, text: str, c: Cand) -> str | None:
    """Currency symbol or code right before the number; widens c.start to cover it."""
    left = low[max(0, c.start - 8):c.start]
    stripped = left.rstrip(" \t")
    last = stripped[-1:]
    if not last:
        return None
    if last not in _CUR_CHARS and not (last.isalpha() and stripped[-3:] in _CODE_ENDS and
                                       stripped.rsplit(None, 1)[-1][-4:].lstrip("$") in _CODE_TAILS):
        return None
    m = _CUR_SYM_RE.search(left)
    if m:
        sym, prefix = m.group(3), m.group(1) or m.group(2)
        at = c.start - len(left) + m.start()
        if prefix == "us" and " " in m.group(0)[:3] and text[at:at + 2] != "US":
            prefix = None  # "gave us $5": the pronoun, not "US $"
        if prefix is None or sym != "$":
            c.start -= len(m.group(0)) - (m.start(3) - m.start())
            return CURRENCY_SYMBOLS[sym]
        c.start -= len(m.group(0))
        return CURRENCY_SYMBOLS.get(prefix + "$", "usd")
    m = _CUR_CODE_RE.search(left)
    if m:
        code = m.group(1)
        c.start -= len(m.group(0))
        if len(code) == 4 and code.startswith("m"):
            c.value = (c.value or 0) * 1e6
            code = code[1:]
        return CURRENCY_CODES[code]
    return None


def _attach_unit(c: Cand, low: str, text: str, currency: str | None) -> bool:
    """Match a unit right after the number; False when letters glued to the digits are not a unit."""
    m = UNIT_RE.match(low, c.end) if low[c.end:c.end + 1] in _UNIT_RE_HEADS else None
    if m is None and c.form == "frac":
        a = _A_UNIT_RE.match(low, c.end)
        m = UNIT_RE.match(low, a.end()) if a else None
        m = m if m is not None and m.group("sep") == "" else None
    if m is not None and not _unit_ok(m, c, low, text, currency):
        m = None
    if m is None:
        return not (not c.words and c.end < len(low) and "a" <= low[c.end] <= "z"
                    and not _glued_ok(c, low, currency))
    _apply_unit(c, m, low, currency)
    return True


def _glued_ok(c: Cand, low: str, currency: str | None) -> bool:
    """Letters glued to digits that are still a figure: "£600m" (million), "1960s" (decade)."""
    nxt = low[c.end:c.end + 2]
    if nxt[:1] == "m" and not nxt[1:2].isalpha() and (currency or _plural_follows(low, c.end + 1)):
        c.value, c.scale, c.end = (c.value or 0) * 1e6, 1e6, c.end + 1
        return True
    if nxt[:1] == "s" and not nxt[1:2].isalpha() and c.end - c.start == 4:
        c.form, c.end = "decade", c.end + 1
        return True
    if nxt[:1] == "s" and not nxt[1:2].isalpha() and c.end - c.start == 2 and c.value and c.value % 10 == 0:
        c.low, c.high, c.end = c.value, c.value + 9, c.end + 1  # "in his mid-20s", "the '90s"
        return True
    return c.form == "ord"


_NEXT_WORD_RE = re.compile(r"[ \t]+([a-z]+)")


def _plural_follows(low: str, pos: int) -> bool:
    """Whether the next word looks like a plural noun ('people', 'barrels'), for '10m people' = 10 million."""
    m = _NEXT_WORD_RE.match(low, pos)
    if m is None:
        return False
    w = m.group(1)
    return w in ("people", "children", "men", "women") or (w.endswith("s") and not w.endswith(("ss", "us", "is"))
                                                          and len(w) > 3)


def _unit_ok(m: re.Match[str], c: Cand, low: str, text: str, currency: str | None) -> bool:
    """Reject ambiguous unit readings (spaced one-letter symbols, 'm' after money, 'in' as preposition)."""
    u, sep = m.group("u"), m.group("sep")
    if c.form == "ord" and u not in ("%",):
        return False
    if currency and (u == "m" or u in MEASURE_UNITS and u not in CURRENCY_WORDS):
        return False
    if u == "m" and sep == "" and _plural_follows(low, m.end()):
        return False  # "10m people": million, handled in _glued_ok
    if u in GLUED_ONLY and sep != "":
        return u in ("c", "f") and text[m.start("u")].isupper() and sep.strip() == ""
    if len(u) == 1 and u.isalpha() and u not in ("c", "f") and text[m.start("u")].isupper():
        return False  # "5G", "4K", "3D" are names, not grams/…
    return not (u.isalpha() and sep == "" and c.words)


def _apply_unit(c: Cand, m: re.Match[str], low: str, currency: str | None) -> None:
    """Set unit, extend the span, and fold compound tails (feet+inches, dollars+cents, 'and a half')."""
    u = m.group("u")
    c.end = m.end()
    c.hyphen_adj = "-" in m.group("sep") or "‐" in m.group("sep")
    if u in ("yo", "y.o."):
        c.unit, c.age = "year", True
        return
    unit = _normalize(u, c, low)
    if unit.startswith("m") and len(unit) == 4 and unit[1:] in CURRENCY_CODES:
        c.value, unit = (c.value or 0) * 1e6, unit[1:]
    c.unit = currency if currency and unit in ("usd",) and currency != "usd" else unit
    _compound_tail(c, low)
    if c.unit in TIME_UNITS.values():
        a = _AGE_RE.match(low, c.end)
        if a:
            c.age, c.end = True, a.end()
    if u.endswith("s") and low.startswith(("'", "’"), c.end):  # _APOS_RE needs one of these first
        ap = _APOS_RE.match(low, c.end)
        if ap:
            c.end = ap.end()


def _normalize(u: str, c: Cand, low: str) -> str:
    """Normalized unit for a matched surface, resolving pound (gbp vs lb)."""
    if u in ("pound", "pounds"):
        money = c.scale > 1 or _MONEY_CONTEXT_RE.search(low, max(0, c.start - 50), c.start) is not None
        return "gbp" if money else "lb"
    if u in CURRENCY_CODES or (u.startswith("m") and u[1:] in CURRENCY_CODES):
        return CURRENCY_CODES.get(u, u)
    for table in (TIME_UNITS, MEASURE_UNITS, PERCENT_WORDS, CURRENCY_WORDS):
        if u in table:
            return table[u]
    return {"€": "eur", "£": "gbp", "¥": "jpy", "₹": "inr"}[u]


def _compound_tail(c: Cand, low: str) -> None:
    """'5 feet 2 inches', 'thirteen dollars and forty-five cents', 'one hour and a half'."""
    if c.unit == "foot":
        m = _FEET_IN_RE.match(low, c.end)
        if m:
            c.value, c.end = (c.value or 0) + float(m.group(1)) / 12, m.end()
    elif c.unit == "usd" and low[c.num_end:c.end].strip().startswith("dollar"):
        m = _DOLLAR_CENTS_RE.match(low, c.end)
        if m:
            cents = _small_number(m.group(1))
            if cents is not None and 0 < cents < 100:
                c.value, c.end = (c.value or 0) + cents / 100, m.end()
    elif c.unit in TIME_UNITS.values():
        m = _AND_HALF_RE.match(low, c.end)
        if m:
            c.value, c.end = (c.value or 0) + 0.5, m.end()


def _small_number(s: str) -> float | None:
    """Value of a short number in digits or words ("45", "forty-five"), else None."""
    if s.isdigit():
        return float(s)
    nums = find_numbers(s)
    return nums[0].value if len(nums) == 1 and nums[0].end == len(s) and nums[0].start == 0 else None
