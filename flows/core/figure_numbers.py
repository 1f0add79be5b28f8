"""Number tokens: digits ("1,000", ".23", "10k", "1 crore"), number words ("one hundred and six", "a dozen",
"two thirds of a million"), fractions ("3/4", "½", "one-eighth") and ordinals ("21st", "twenty-fifth").

Everything here works on the *lowercased* text (same length as the original), returns character offsets, and
never looks at units, currencies or context beyond the number itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows.core.units import (
    DIGIT_SUFFIXES,
    FRACTION_WORDS,
    ORDINAL_WORDS,
    SCALE_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
    VULGAR_FRACTIONS,
)


@dataclass(slots=True)
class Num:
    """One number token: [start, end) in the text, its value and its form."""

    start: int
    end: int
    value: float
    form: str  # "card" | "frac" | "ord"
    words: bool  # spelled out in words
    scaled: bool = False  # carries a multiplier word/suffix (thousand, million, k, bn)


def _trie(words: list[str]) -> str:
    """Regex for a set of literal words as a character trie (much faster than a flat alternation in `re`)."""
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict[str, dict]) -> str:
    """Serialize one trie node."""
    alts = [re.escape(ch) + _emit(sub) for ch, sub in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def match_covering(pattern: re.Pattern[str], starts: re.Pattern[str], low: str, lo: int, hi: int, anchor: int
                   ) -> re.Match[str] | None:
    """The match `for m in pattern.finditer(low, lo, hi)` would reach first with m.start() <= anchor < m.end(),
    or None where that loop stops (a match starting after the anchor, or no match).

    Faster than that loop: `pattern` is tried only where `starts` matches (a one-character or zero-width
    pattern matching wherever `pattern` can start, a superset), and only up to the anchor, where finditer would
    try every position on to `hi`. Each call into a large pattern costs thousands of instructions, so the few
    tries pay off. For patterns that never match empty.
    """
    resume = lo
    for s in starts.finditer(low, lo, hi):
        p = s.start()
        if p > anchor:
            break
        if p < resume:
            continue
        m = pattern.match(low, p, hi)  # lookbehinds and \b see the text before p, as in finditer
        if m is None:
            continue
        if m.end() > anchor:
            return m
        resume = m.end()  # finditer resumes after a match
    return None


_ATOMS = list(UNITS_WORDS) + list(TENS_WORDS) + ["hundred", "thousand", "million", "billion", "trillion",
                                                 "lakh", "lakhs", "crore", "crores", "dozen"]
_FRACS = [w for w in FRACTION_WORDS]
_ORDS = list(ORDINAL_WORDS)
W_ATOM = rf"(?:{_trie(sorted(set(_ATOMS + _FRACS + _ORDS)))})"
_A_NEXT = r"(?:half|quarter|dozen|hundred|thousand|million|billion|third|fourth|fifth|sixth|seventh|eighth|" \
          r"ninth|tenth|hundredth|thousandth)"
_JOIN = r"(?:[ \t]+and[ \t]+(?:(?:a|an)[ \t]+)?|[ \t]+an?[ \t]+(?=(?:thousand|million|billion|dozen)\b)|[ \t]+|-)"
_OF_A = r"(?:[ \t]+of[ \t]+an?[ \t]+(?:thousand|million|billion|trillion)\b)?"
_DIG = r"(?:\d{1,3}(?:[,\u202f\u00a0]\d{2})*(?:[,\u202f\u00a0]\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_DSCALE = r"(?:(?:[ \t]?(?:bn|bln|mn|tln|tn)|k|b)\b|[ \t]+(?:hundred|thousand|million|billion|trillion|" \
          r"lakhs?|crores?)\b(?:[ \t]+(?:lakhs?|crores?)\b)*)?"
_FRAC_TAIL = r"(?:[ \t]+and[ \t]+(?:an?[ \t]+)?(?:half|quarter|third|one[ \t]+half)\b)?"
_VULGAR = "".join(VULGAR_FRACTIONS)

NUM_RE = re.compile(
    rf"(?P<mixed>(?<![\d.,/])\d+[ \t\u00a0]+\d+/\d+(?![\d/]))"
    rf"|(?P<slash>(?<![\d.,/])\d+/\d+(?![\d/]))"
    rf"|(?P<ordd>(?<![\d.,])\d+(?:st|nd|rd|th)\b)"
    rf"|(?P<vul>\d*[{_VULGAR}])"
    rf"|(?P<dig>(?:\bminus[ \t]+|(?<![\w.,\-−])[-−])?(?<![\d.,])(?:{_DIG}){_DSCALE}{_FRAC_TAIL})"
    rf"|(?P<words>\b(?:(?:minus|negative)[ \t]+)?(?:an?[ \t]+(?={_A_NEXT}\b))?{W_ATOM}(?:{_JOIN}{W_ATOM})*\b{_OF_A})"
)
_WORD_RE = re.compile(r"[a-z]+")
_ALLOWED_DEN = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 100})


_MONTH_WORDS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                "nov", "dec"]
_ARTICLE_UNITS = ["hour", "penny", "dime", "nickel"]
NUMBER_WORDS = frozenset(_ATOMS + _FRACS + _ORDS)
MONTH_WORDS = frozenset(_MONTH_WORDS)
_KEYWORDS = sorted(NUMBER_WORDS | MONTH_WORDS | set(_ARTICLE_UNITS))
# A literal-space prefix lets `re` jump between spaces with a fast literal search (about twice as fast as a
# character-class prefix); keywords after other delimiters are made space-led below, the text start a match.
# No capture group: the keyword is the match minus its space (a group costs a little at every space tried).
SPACE_WORD_RE = re.compile(rf" (?:{_trie(_KEYWORDS)})(?![a-z])")
_START_WORD_RE = re.compile(rf"({_trie(_KEYWORDS)})(?![a-z])")
# opening marks only: a keyword glued after ",", ".", ";", ":" or a closing quote is too rare to pay for.
# scan_anchors turns these into spaces (str.replace keeps offsets) so one literal-space scan finds them all;
# a few str.replace calls cost far less than a character-class scan over every character.
_OTHER_DELIMS = ("\n", "\t", "\u00a0", '"', "“", "‘", "'", "(", "[", "-", "—", "–", "/")
_ASCII_DELIMS = tuple(d for d in _OTHER_DELIMS if d.isascii())  # all an ASCII text can hold
_DIGITS = "0123456789"


def scan_anchors(low: str) -> list[tuple[int, int, str]]:
    """Fast passes: (start, end, type) of digit runs ("d"), vulgar fractions ("v") and keywords ("w")."""
    ascii_only = low.isascii()  # O(1) in CPython; spares the searches for non-ASCII characters
    spaced = low
    for delim in _ASCII_DELIMS if ascii_only else _OTHER_DELIMS:
        spaced = spaced.replace(delim, " ")
    out = [(m.start() + 1, m.end(), "w") for m in SPACE_WORD_RE.finditer(spaced)]
    first = _START_WORD_RE.match(low)
    if first is not None:
        out.append((0, first.end(), "w"))
    out.extend(_digit_runs(low))
    for ch in [] if ascii_only else [ch for ch in _VULGAR if ch in low]:
        i = low.find(ch)
        while i >= 0:
            out.append((i, i + 1, "v"))
            i = low.find(ch, i + 1)
    out.sort()
    return out


def _digit_runs(low: str) -> list[tuple[int, int, str]]:
    """Maximal runs of ASCII digits, found with str.find (much faster than a regex scan on prose)."""
    pos: list[int] = []
    for ch in _DIGITS:
        i = low.find(ch)
        while i >= 0:
            pos.append(i)
            i = low.find(ch, i + 1)
    if not pos:
        return []
    pos.sort()
    runs: list[tuple[int, int, str]] = []
    start = prev = pos[0]
    for p in pos[1:]:
        if p != prev + 1:
            runs.append((start, prev + 1, "d"))
            start = p
        prev = p
    runs.append((start, prev + 1, "d"))
    return runs


def find_numbers(low: str, anchors: list[tuple[int, int, str]] | None = None) -> list[Num]:
    """Number tokens of the lowercased text, in order, parsed at anchor positions."""
    out: list[Num] = []
    done = 0
    for a_start, a_end, typ in anchors if anchors is not None else scan_anchors(low):
        if a_start < done or (typ == "w" and low[a_start:a_end] not in NUMBER_WORDS):
            continue
        if typ == "d" and _plain_digits(low, a_start, a_end):
            out.append(Num(a_start, a_end, float(low[a_start:a_end]), "card", False))
            done = a_end
            continue
        if typ == "w" and _lone_number_word(low, a_start, a_end):
            value, form = _LONE_WORDS[low[a_start:a_end]]
            out.append(Num(a_start, a_end, value, form, True))
            done = a_end
            continue
        m = _match_at(low, a_start, typ)
        if m is None:
            continue
        done = m.end()
        if m.lastgroup == "words":
            out.extend(_parse_words(low, m.start(), m.end()))
            continue
        tok = _parse_digit_token(m.lastgroup, m.group(), m.start(), m.end())
        if tok is not None:
            out.append(tok)
    return out


# After a digit run, characters that may extend it into a longer token ("1,000", "1.5", "3/4", "2 1/4", "21st",
# "10k", "5 million", "5 and a half", "3½"): the run is a plain number only when none of them follows.
_EXTENDERS = frozenset(" \t\u00a0\u202f,./" + _VULGAR)
# Words that a digit run plus one space may continue into (scale words, "and a half"); prefixes are enough.
_SPACED_TAILS = ("bn", "bln", "mn", "tln", "tn", "hundred", "thousand", "million", "billion", "trillion",
                 "lakh", "crore", "and")


def _plain_digits(low: str, start: int, end: int) -> bool:
    """Whether NUM_RE at this digit run (from _match_at) would match exactly the run as a plain cardinal.

    A shortcut for the most common token: no sign, decimal point or separator before it, and nothing after it
    that could continue it. When unsure it answers False and the regex decides.
    """
    prev = low[start - 1] if start else " "
    if prev in "-−.," or prev.isalnum() or (prev == " " and low.endswith("minus", 0, start - 1)):
        return False
    nxt = low[end:end + 1]
    if not nxt:
        return True
    if nxt == " ":  # a space continues the number only into digits ("2 1/4") or a scale word / "and"
        after = low[end + 1:end + 2]
        if after.isalpha():
            return not low.startswith(_SPACED_TAILS, end + 1)
        return not after.isalnum() and after not in _EXTENDERS
    if nxt in ",.":  # "1,000", "1.5" need a digit (\d is str.isdecimal) after the separator
        return not low[end + 1:end + 2].isdecimal()
    return nxt not in _EXTENDERS and not nxt.isalnum()


# Words the shortcut below may read alone, with the value and form _parse_words gives them: cardinals, and the
# ordinals that are no fraction word ("first", "second", "eleventh"; "third" can be "a third", a fraction).
_LONE_WORDS: dict[str, tuple[float, str]] = {
    **{w: (float(v), "card") for w, v in (UNITS_WORDS | TENS_WORDS).items()},
    **{w: (float(v), "ord") for w, v in ORDINAL_WORDS.items() if w not in FRACTION_WORDS},
}
# What may follow a number word and continue the number: more number words, joiners, "of a million".
_CONTINUING_WORDS = NUMBER_WORDS | {"and", "a", "an", "of"}
_LETTERS_RE = re.compile(r"[a-z]+")
_BLANK = frozenset(" \t")


def _lone_number_word(low: str, start: int, end: int) -> bool:
    """Whether NUM_RE (via _match_at) would read this keyword alone ("one", "twenty", "first", "seven-member").

    A shortcut like _plain_digits: no "minus"/"negative" before it and no number word or joiner after it (after a
    hyphen, no number word); when unsure it answers False and the regex decides.
    """
    if low[start:end] not in _LONE_WORDS or low.endswith(("minus ", "negative "), 0, start):
        return False
    nxt = low[end:end + 1]
    if not nxt:
        return True
    if nxt in _BLANK:
        after = low[end + 1:end + 2]
        if "a" <= after <= "z":  # a number word continues only into a whole number word or a joiner
            return _LETTERS_RE.match(low, end + 1).group() not in _CONTINUING_WORDS  # type: ignore[union-attr]
        return after not in _BLANK
    if nxt == "-":  # the hyphen joins only a whole number word ("twenty-one"), not "seven-member"
        after = low[end + 1:end + 2]
        if "a" <= after <= "z":
            return _LETTERS_RE.match(low, end + 1).group() not in NUMBER_WORDS  # type: ignore[union-attr]
        return True
    return nxt != "_" and not nxt.isalnum()  # \b needs a non-word character after it


def _match_at(low: str, p: int, typ: str) -> re.Match[str] | None:
    """NUM_RE match at an anchor, first trying to include a prefix ("minus ", "a ", "-", ".")."""
    # every prefix ends with one of _PREFIX_ENDS: without one before p none can match, so skip the loop
    for back in _PREFIXES.get(typ, ()) if p and low[p - 1] in _PREFIX_ENDS else ():
        q = p - len(back)
        if back == "-" and q >= 2 and low[q - 1] == " " and low[q - 2].isdigit():
            continue  # "75 -300mm": a dash between numbers, not a minus sign
        if q >= 0 and low.startswith(back, q):
            m = NUM_RE.match(low, q)
            if m is not None:
                return m
    return NUM_RE.match(low, p)


_PREFIXES: dict[str, tuple[str, ...]] = {"d": ("minus ", "-", "−", "."), "w": ("minus ", "negative ", "a ", "an "),
                                         "v": ()}
_PREFIX_ENDS = frozenset(back[-1] for backs in _PREFIXES.values() for back in backs)


def _parse_digit_token(kind: str | None, s: str, start: int, end: int) -> Num | None:
    """Value of a digit-based token ("1,234.5 million", "3/4", "2 1/4", "21st", "½")."""
    if kind == "ordd":
        return Num(start, end, float(s[:-2]), "ord", False)
    if kind == "vul":
        whole = s[:-1]
        return Num(start, end, (float(whole) if whole else 0.0) + VULGAR_FRACTIONS[s[-1]], "frac", False)
    if kind in ("slash", "mixed"):
        parts = s.split()
        num, den = parts[-1].split("/")
        if int(den) not in _ALLOWED_DEN or int(den) == 0:
            return None
        whole = float(parts[0]) if len(parts) == 2 else 0.0
        return Num(start, end, whole + int(num) / int(den), "frac", False)
    return _parse_dig(s, start, end)


_DIG_HEAD = re.compile(rf"[-−]?(?:{_DIG})")


def _parse_dig(s: str, start: int, end: int) -> Num:
    """Digits with optional thousands separators, scale suffix/words and '… and a half' tail."""
    sign = 1.0
    if s.startswith("minus"):
        s = "-" + s[5:].lstrip()
    head = _DIG_HEAD.match(s)
    assert head is not None
    raw = head.group().replace(",", "").replace("\u202f", "").replace("\u00a0", "").replace("−", "-")
    value = float(raw)
    rest = s[head.end():]
    frac = 0.0
    if " and " in rest or "\tand" in rest:
        rest, _, tail = rest.partition("and")
        frac = 1 / FRACTION_WORDS[tail.split()[-1]]
    scale, scaled = 1.0, False
    for w in _WORD_RE.findall(rest):
        scale *= DIGIT_SUFFIXES.get(w) or SCALE_WORDS.get(w, 1.0)
        scaled = True
    return Num(start, end, sign * (value + frac) * scale, "card", False, scaled)


def _parse_words(low: str, start: int, end: int) -> list[Num]:
    """Split a run of number words into numbers and evaluate each."""
    toks = [(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(low, start, end)]
    out: list[Num] = []
    i = 0
    while i < len(toks):
        j, num = _eval_words(toks, i)
        if num is not None:
            out.append(num)
        i = max(j, i + 1)
    return out


def _eval_words(toks: list[tuple[str, int, int]], i: int) -> tuple[int, Num | None]:
    """Evaluate the longest number starting at toks[i]; return (next index, Num)."""
    first = i
    sign = -1.0 if toks[i][0] in ("minus", "negative") else 1.0
    i += sign < 0
    st = _WordState()
    n = len(toks)
    while i < n:
        w = toks[i][0]
        if w in ("a", "an"):
            if st.seen and st.last == "frac" and i + 1 < n and toks[i + 1][0] in SCALE_WORDS:
                i += 1  # "half a million"
                continue
            if st.seen or i + 1 >= n:
                break
            st.current, st.last, i = 1.0, "a", i + 1
            continue
        if w == "and":
            i, stop = _eval_and(toks, i, st)
            if stop:
                break
            continue
        step = _word_step(w, st.last, st.total, st.current, st.seen)
        if step is None:
            break
        st.total, st.current, st.form, st.last = step
        st.scaled = st.scaled or w in SCALE_WORDS or w == "dozen"
        st.seen, i = True, i + 1
        if st.form == "ord":
            break
        if st.form == "frac" and i < n and toks[i][0] == "of":
            st.total, st.current, i = _of_a_scale(toks, i, st.total + st.current)
    if not st.seen or (st.form == "frac" and i - first == 1 and toks[first][0] not in ("half", "halves")):
        return i, None
    return i, Num(toks[first][1], toks[i - 1][2], sign * (st.total + st.current), st.form, True, st.scaled)


@dataclass(slots=True)
class _WordState:
    """Accumulator of the word-number evaluator."""

    total: float = 0.0
    current: float = 0.0
    form: str = "card"
    last: str = ""
    scaled: bool = False
    seen: bool = False


def _eval_and(toks: list[tuple[str, int, int]], i: int, st: _WordState) -> tuple[int, bool]:
    """Handle 'and' at toks[i]: fraction tail ('and a half'), joiner ('hundred and six') or stop."""
    if not st.seen or i + 1 >= len(toks):
        return i, True
    frac = _fraction_after_and(toks, i + 1)
    if frac is not None:
        st.total, st.current, st.form, st.last = _add_fraction(st.total + st.current, frac[0])
        return frac[1], True
    if not _and_continues(toks, i + 1, st.last):
        return i, True
    return i + 1, False


def _and_continues(toks: list[tuple[str, int, int]], k: int, last: str) -> bool:
    """Whether 'and' at k-1 joins number words ("hundred and six", "two hundred and two thousand")."""
    w = toks[k][0]
    return last in ("hundred", "thousand", "million", "billion", "lakh", "crore") and (
        w in UNITS_WORDS or w in TENS_WORDS)


def _fraction_after_and(toks: list[tuple[str, int, int]], k: int) -> tuple[float, int] | None:
    """'and a half' / 'and one fourth' / 'and two thirds' / 'and half' → (fraction, index after it)."""
    w = toks[k][0]
    numer = 1.0
    if w in ("a", "an", "one") or (w in UNITS_WORDS and 1 < UNITS_WORDS[w] < 10):
        numer = 1.0 if w in ("a", "an") else float(UNITS_WORDS[w])
        k += 1
        if k >= len(toks):
            return None
        w = toks[k][0]
    if w in FRACTION_WORDS and w != "second" and FRACTION_WORDS[w] < 100:
        return numer / FRACTION_WORDS[w], k + 1
    return None


def _of_a_scale(toks: list[tuple[str, int, int]], i: int, value: float) -> tuple[float, float, int]:
    """'two thirds of a million' → multiply the fraction by the scale."""
    if i + 2 < len(toks) and toks[i + 1][0] in ("a", "an") and toks[i + 2][0] in SCALE_WORDS:
        return value * SCALE_WORDS[toks[i + 2][0]], 0.0, i + 3
    return value, 0.0, i


def _word_step(w: str, last: str, total: float, current: float, seen: bool
               ) -> tuple[float, float, str, str] | None:
    """Fold one number word into (total, current); None when it starts a new number."""
    if w in UNITS_WORDS:
        if last in UNITS_WORDS or last in ("teen", "a") or (last in TENS_WORDS and UNITS_WORDS[w] >= 10):
            return None
        if last == "frac":
            return None
        return total, current + UNITS_WORDS[w], "card", w if UNITS_WORDS[w] < 10 else "teen"
    if w in TENS_WORDS:
        if last in UNITS_WORDS or last in TENS_WORDS or last in ("teen", "a", "frac"):
            return None
        return total, current + TENS_WORDS[w], "card", w
    if w == "dozen":
        return total, (current or 1.0) * 12, "card", "dozen"
    if w in SCALE_WORDS:
        return _scale_step(w, last, total, current)
    return _frac_or_ord_step(w, last, total, current, seen)


def _scale_step(w: str, last: str, total: float, current: float) -> tuple[float, float, str, str] | None:
    """hundred/thousand/million…: multiply the pending group."""
    scale = SCALE_WORDS[w]
    if last == "frac":
        return (total + current) * scale, 0.0, "card", w
    if scale == 100:
        return total, (current or 1.0) * 100, "card", "hundred"
    if last in SCALE_WORDS and SCALE_WORDS[last] > 100 and current == 0:
        return total * scale, 0.0, "card", w  # "three lakh crore"
    return total + (current or 1.0) * scale, 0.0, "card", w.rstrip("s")


def _frac_or_ord_step(w: str, last: str, total: float, current: float, seen: bool
                      ) -> tuple[float, float, str, str] | None:
    """Fraction ("two thirds", "a half", "and a quarter") or ordinal ("twenty-fifth", "two hundredth")."""
    if w in FRACTION_WORDS and (w != "second"):
        den = FRACTION_WORDS[w]
        plural = w.endswith("s") or w == "halves"
        if w in ("half", "halves", "quarter", "quarters") or plural or last in ("a", "one", "and") \
                or (last in UNITS_WORDS and w not in ORDINAL_WORDS):
            return _fraction(den, last, total, current)
        if last in UNITS_WORDS and den not in (100, 1000):
            return _fraction(den, last, total, current)
    if w in ORDINAL_WORDS:
        if last in ("a",) or (seen and last == "frac"):
            return None
        return total, current + ORDINAL_WORDS[w] if ORDINAL_WORDS[w] < 100 else (current or 1.0) * ORDINAL_WORDS[w], \
            "ord", w
    return None


def _fraction(den: int, last: str, total: float, current: float) -> tuple[float, float, str, str]:
    """Apply a fraction word to the pending number."""
    if last in ("a", "one") and current == 1.0 and total > 0:  # "… and a half" after a whole part
        return _add_fraction(total, 1.0 / den)
    if last == "and":
        return _add_fraction(total + current, 1.0 / den)
    if last in ("a", "one") or current == 0:
        numer = 1.0 if last in ("a", "one", "") or current == 0 else current
        return total, numer / den if current <= 1 else current / den, "frac", "frac"
    if total > 0:  # "three and one fourth" arrives as total=3 current=1
        return _add_fraction(total, current / den)
    return total, current / den, "frac", "frac"


def _add_fraction(whole: float, frac: float) -> tuple[float, float, str, str]:
    """'two million and one half' → (2 + 1/2) million; 'five and a quarter' → 5.25."""
    scale = 1.0
    for s in (1e12, 1e9, 1e6, 1e3):
        if whole >= s and whole % s == 0:
            scale = s
            break
    return (whole / scale + frac) * scale, 0.0, "frac", "frac"
