"""Passes 4 and 5 of quote extraction: full names within a document, and pronoun speakers."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter
from collections.abc import Iterable

from flows.core.lexicon import (
    CAPITALIZED_STOPWORDS,
    FEMALE_FIRST_NAMES,
    MALE_FIRST_NAMES,
    NAME_PARTICLES,
    NON_PERSON_HEADS,
)
from flows.core.quote_mentions import clean_name

# The possessive quantifiers never give back what backtracking could not use anyway (a word character is no
# blank, a blank no capital or particle), and the ASCII ranges are tested before \w's Unicode look-up: the same
# matches, ~40% faster.
# Name particles between the words of a run ("Jose Eduardo dos Santos", "Ursula von der Leyen"): up to two per word.
_PARTICLES_ALT = "|".join(sorted((re.escape(p) for p in NAME_PARTICLES), key=len, reverse=True))
# One to four name words before the end; the first word is spelled out (not "(?:word){1,4}") so that the pattern
# opens with a character class, which the search skips to (the same matches as a repeat from the first word on).
_NAME_WORD = r"[A-Z][a-zA-Z0-9\w.’'-]*+[ \t]++(?:(?:" + _PARTICLES_ALT + r")[ \t]++){0,2}+"
_PRECEDING_RE = re.compile(_NAME_WORD + r"(?:" + _NAME_WORD + r"){0,3}$")
_MAX_OCCURRENCES = 12  # enough mentions to find the full name; bounds the cost on long documents
_ENOUGH = 2  # a full name seen this often is taken without reading further mentions
_ABBREV = frozenset("mr. mrs. ms. dr. st. jr. sr. sen. rep. gov. gen. lt. col. capt. u.s. u.k.".split())


def _run_words(run: str) -> list[str]:
    """Words of a capitalized run, cut after any token that ends a sentence ("Putin. Trump" -> ["Trump"])."""
    ws = run.split()
    for i in range(len(ws) - 2, -1, -1):
        w = ws[i]
        if w[-1:] == "." and w.lower() not in _ABBREV and not (len(w) == 2 or "." in w[:-1]):
            return ws[i + 1 :]
        if w.lower() in CAPITALIZED_STOPWORDS:
            return ws[i + 1 :]
    return ws


def full_names(text: str, short: Iterable[str]) -> dict[str, str]:
    """Map each one-word speaker name to the most frequent longer name ending with it in the document."""
    out: dict[str, str] = {}
    find = text.find
    for last in set(short):
        counts: dict[str, int] = {}  # a plain dict: a Counter per name costs more than the look-ups it serves
        i, seen, size = find(last), 0, len(last)
        while i >= 0 and seen < _MAX_OCCURRENCES:
            seen += 1  # every occurrence counts towards the bound, a usable one or not
            # usable: after a blank that follows a letter or a period, and not followed by a letter or digit
            if i > 1 and text[i - 1] in " \t" and (text[i - 2].isalpha() or text[i - 2] == "."):
                if not text[i + size : i + size + 1].isalnum():
                    prev = text[i - 40 if i > 40 else 0 : i - 1].rsplit(None, 1)  # (max() inlined)
                    if prev and (prev[-1][:1].isupper() or prev[-1] in NAME_PARTICLES):
                        m = _PRECEDING_RE.search(text, i - 60 if i > 60 else 0, i)
                        if m is not None:
                            ws = _run_words(m[0] + last)
                            name = clean_name(ws) if len(ws) > 1 else None
                            if name and " " in name and name.endswith(last):
                                n = counts[name] = counts.get(name, 0) + 1
                                if n >= _ENOUGH:
                                    break
            i = find(last, i + size)
        if counts:
            best, top = "", 0
            for name, n in counts.items():  # the first most frequent, as Counter.most_common (a loop: no max())
                if n > top:
                    best, top = name, n
            out[last] = best
    return out


def name_gender(name: str | None, surface: str = "") -> str | None:
    """Gender suggested by a first name or an honorific, None when unknown."""
    if surface:  # (most calls pass no surface: the two startswith calls are skipped)
        low = surface.lower()
        if low.startswith(("mrs", "ms")):
            return "f"
        if low.startswith("mr"):
            return "m"
    if not name:
        return None
    first = name.split()[0].lower()
    if first in FEMALE_FIRST_NAMES:
        return "f"
    if first in MALE_FIRST_NAMES:
        return "m"
    return None


def is_person(name: str) -> bool:
    """False for names of organisations and places ("Islamic State", "State Department"), which no he/she refers to."""
    return name.rsplit(None, 1)[-1].lower() not in NON_PERSON_HEADS


def pick_antecedent(cands: list[tuple[int, str]], pos: int, gender: str | None, learned: dict[str, str]) -> str | None:
    """Most recent candidate name before pos whose gender (known or learned) fits the pronoun.

    `cands` are in text order (as _resolve_pronouns builds them), so walk back from pos and stop at the first
    fit: linear in the distance to the antecedent, not in the number of quotes (a long transcript stays fast).
    """
    for i in range(bisect_left(cands, pos, key=itemgetter(0)) - 1, -1, -1):
        name = cands[i][1]
        g = learned.get(name) or name_gender(name)
        if (gender is None or g is None or g == gender) and (gender is None or is_person(name)):
            return name
    return None
