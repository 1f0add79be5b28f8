"""Calendar dates: "August 15, 2025", "the 09th of May", "2018-7-6", "2/29/2020", "Jan/3", "February 2022".

Works on the lowercased text; the original text is consulted only to tell the month "May" from the modal "may".
Returns (start, end, iso) where iso is "YYYY-MM-DD", "--MM-DD" (no year) or "YYYY-MM" (no day).
"""

from __future__ import annotations

import re

from flows.core.figure_numbers import MONTH_WORDS, NUMBER_WORDS, _parse_words, _trie, match_covering, scan_anchors
from flows.core.units import ORDINAL_WORDS, TENS_WORDS, UNITS_WORDS

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MON = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_WKD = r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)" \
       r"\b\.?,?[ \t]+)?"
_UNITS = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_TENS = "twenty|thirty"
_ORD = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
_DAYW = rf"(?:(?:{_TENS})[ \t-](?:{_ORD}|{_UNITS})|{_ORD}|{_UNITS}|{_TENS})"
_DAYD = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_ALLTENS = "|".join(TENS_WORDS)
_YEARW = rf"(?:two thousand(?:(?:[ \t]+and)?[ \t]+(?:(?:{_ALLTENS})(?:[ \t-](?:{_UNITS}))?|{_UNITS}))?" \
         rf"|(?:nineteen|eighteen|twenty)[ \t]+(?:(?:{_ALLTENS})(?:[ \t-](?:{_UNITS}))?|{_UNITS}))"
_YEARD = r"(?:1[5-9]\d\d|20\d\d)(?!\d|,\d)"
_YEAR = rf"(?:{_YEARD}|{_YEARW})\b"
_END = r"(?![\d:/])"

_NOT_AFTER = r"(?<![\w.,$£€])"
DATE_RE = re.compile(
    rf"{_NOT_AFTER}(?:(?P<md>{_WKD}(?P<m1>{_MON})(?:,?[ \t]+(?:the[ \t]+)?(?P<d1>{_DAYD}{_END})|[ \t]+(?:the[ \t]+)?(?P<d1w>{_DAYW}\b))"
    rf"(?:,?[ \t]+(?:of[ \t]+)?(?P<y1>{_YEAR}))?)"
    rf"|(?P<dm>{_WKD}(?:the[ \t]+(?=\d))?(?P<d2>{_DAYD}|{_DAYW})\.?(?:[ \t]+of)?[ \t]+(?P<m2>{_MON})"
    rf"(?:,?[ \t]+(?:of[ \t]+)?(?P<y2>{_YEAR}))?)"
    rf"|(?P<ymd>{_WKD}(?P<y3>\d{{4}})(?P<s3>[-/.])(?P<m3>\d{{1,2}}|{_MON})(?P=s3)(?P<d3>\d{{1,2}})\b{_END})"
    rf"|(?P<mdy>{_WKD}(?P<m4>\d{{1,2}}|{_MON})(?P<s4>[-/])(?P<d4>\d{{1,2}})(?:(?P=s4)(?P<y4>\d{{4}}|\d{{2}}))?"
    rf"\b{_END})"
    rf"|(?P<dmy>(?P<d5>\d{{1,2}})\.(?P<m5>\d{{1,2}})\.(?P<y5>\d{{4}})\b)"
    rf"|(?P<my>(?P<m6>{_MON}),?[ \t]+(?P<y6>{_YEARD})\b))"
)
# where a DATE_RE match can start: every alternative begins with a weekday, a month, "the", a day word (units,
# ordinals, twenty, thirty) or a digit, after the same lookbehind (the words as prefixes: a superset)
_DATE_START_WORDS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "the", "twenty", "thirty",
                     *MONTHS, *UNITS_WORDS, *ORDINAL_WORDS]
_DATE_START_RE = re.compile(rf"{_NOT_AFTER}(?=\d|{_trie(sorted(set(_DATE_START_WORDS)))})")


def find_dates(low: str, text: str, anchors: list[tuple[int, int, str]] | None = None
               ) -> list[tuple[int, int, str]]:
    """Calendar dates as (start, end, iso), searched in small windows around digit and month-name anchors."""
    if anchors is None:
        anchors = scan_anchors(low)
    out: list[tuple[int, int, str]] = []
    done = 0
    for a_start, a_end, typ in anchors:
        if a_start < done or typ == "v" or (typ == "w" and low[a_start:a_end] not in MONTH_WORDS):
            continue
        if typ == "d" and (low[a_end:a_end + 1] not in _DATE_SEPS or not _NUMERIC_HINT_RE.match(low, a_end)):
            continue  # digit-led dates need two separators ("2018-7-6", "2/29/2020", "13.5.2015")
        if typ == "w" and not _number_near(low, a_start, a_end):
            continue
        m = match_covering(DATE_RE, _DATE_START_RE, low, max(done, a_start - 30), min(len(low), a_end + 80),
                           a_start)
        if m is not None:
            iso = _iso(m, text)
            if iso is not None:
                out.append((m.start(), m.end(), iso))
                done = m.end()
    return out


_NUMERIC_HINT_RE = re.compile(r"[-/.](?:\d{1,2}|[a-z]{3,9}\.?)[-/.]\d")
_DATE_SEPS = frozenset("-/.")  # the first character _NUMERIC_HINT_RE needs
_NEXT_WORD_RE = re.compile(r"[ \t.,/-]+(?:the[ \t]+)?([a-z]+|[0-9])")
# the word before a month: "([a-z]+|[0-9])\.?(?:[ \t]+of)?[ \t]+$" searched in the 24 characters before it,
# written backwards and matched once on the reversed window (a search ending at "$" retries every start
# position, ~60k instructions a call). Greedy backwards = leftmost forwards; "\n?" is "$" before a final newline.
_PREV_WORD_REVERSED_RE = re.compile(r"\n?[ \t]+(?:fo[ \t]+)?\.?([a-z]+|[0-9])")


def _number_near(low: str, start: int, end: int) -> bool:
    """Cheap pre-check for a month name: a digit or number word right before or after it."""
    m = _NEXT_WORD_RE.match(low, end)
    if m and (m.group(1).isdigit() or m.group(1) in NUMBER_WORDS):
        return True
    p = _PREV_WORD_REVERSED_RE.match(low[max(0, start - 24):start][::-1])
    if p is None:
        return False
    w = p.group(1)[::-1]
    return w.isdigit() or w.rstrip("stndrh") == "" or w in NUMBER_WORDS or w[-2:] in ("st", "nd", "rd", "th")


def _iso(m: re.Match[str], text: str) -> str | None:
    """ISO string for one date match, or None when it is not a valid date."""
    g = m.groupdict()
    if g["md"] or g["dm"]:
        mon_s, day_s, year_s = (g["m1"], g["d1"] or g["d1w"], g["y1"]) if g["md"] else (g["m2"], g["d2"], g["y2"])
        if mon_s.rstrip(".") == "may" and not _may_is_month(m, text, day_s):
            return None
        return _fmt(_year(year_s), MONTHS[mon_s.rstrip(".")], _day(day_s))
    if g["ymd"]:
        return _fmt(int(g["y3"]), _month(g["m3"]), int(g["d3"]))
    if g["mdy"]:
        return _mdy(g["m4"], g["d4"], g["y4"], g["s4"])
    if g["dmy"]:
        return _fmt(int(g["y5"]), int(g["m5"]), int(g["d5"]))
    month = MONTHS[g["m6"].rstrip(".")]
    if g["m6"].startswith("may") and not _may_is_month(m, text, None):
        return None
    return f"{int(g['y6']):04d}-{month:02d}"


def _mdy(mon: str, day: str, year: str | None, sep: str) -> str | None:
    """Month-first numeric or abbreviated date ("2/29/2020", "Jan/3", "Sep-23-2020")."""
    month = _month(mon)
    if month is None:
        return None
    if not mon.isdigit():
        return _fmt(_year(year) if year else None, month, int(day))
    if year is None:
        return None  # "24/7", "9-11", "3-2" are not dates without a year
    y = int(year) + (2000 if len(year) == 2 and int(year) < 50 else 1900 if len(year) == 2 else 0)
    m_, d_ = int(mon), int(day)
    if m_ > 12 >= d_:
        m_, d_ = d_, m_
    return _fmt(y, m_, d_)


def _may_is_month(m: re.Match[str], text: str, day: str | None) -> bool:
    """'May' (capitalized, or lowercase followed by digits) is the month, not the modal verb."""
    i = m.group().lower().find("may") + m.start()
    return text[i] == "M" or (day is not None and day[:1].isdigit())


def _month(s: str) -> int | None:
    """Month number from digits or a month name."""
    if s.isdigit():
        return int(s) if 1 <= int(s) <= 12 else None
    return MONTHS.get(s.rstrip("."))


def _day(s: str) -> int | None:
    """Day of month from "15", "1st", "twenty nine", "twenty-first"."""
    digits = s.rstrip("stndrh")
    if digits.isdigit():
        return int(digits)
    nums = _parse_words(s, 0, len(s))
    if not nums:
        return None
    value = sum(n.value for n in nums) if len(nums) == 2 and nums[0].value in (20, 30) else nums[0].value
    return int(value)


def _year(s: str | None) -> int | None:
    """Year from digits or words ("two thousand and thirty two", "nineteen eighty six")."""
    if s is None:
        return None
    if s.isdigit():
        return int(s)
    nums = _parse_words(s, 0, len(s))
    if len(nums) == 2:
        return int(nums[0].value * 100 + nums[1].value)
    return int(nums[0].value) if nums else None


def _fmt(year: int | None, month: int | None, day: int | None) -> str | None:
    """Validate and format; None for impossible dates."""
    if month is None or day is None or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if day > (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
