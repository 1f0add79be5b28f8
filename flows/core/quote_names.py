"""Passes 4 and 5 of quote extraction: full names within a document, and pronoun speakers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from flows.core.lexicon import CAPITALIZED_STOPWORDS, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES
from flows.core.quote_mentions import clean_name

_CAP_RUN_RE = re.compile(
    r"[A-Z][\w.-]*(?:[’'][\w.-]+)*(?:[ \t]+(?:(?:de|da|del|van|von|der|bin|al|la|le|di|du)[ \t]+)?"
    r"[A-Z][\w.-]*(?:[’'][\w.-]+)*)+"
)
_ABBREV = frozenset("mr. mrs. ms. dr. st. jr. sr. sen. rep. gov. gen. lt. col. capt. u.s. u.k.".split())
_POSSESSIVE_RE = re.compile(r"[’']s$")


def _run_words(run: str) -> list[str]:
    """Words of a capitalized run, cut after any token that ends a sentence ("Putin. Trump" -> ["Trump"])."""
    ws = run.split()
    for i in range(len(ws) - 2, -1, -1):
        w = ws[i]
        if w.endswith(".") and w.lower() not in _ABBREV and not (len(w) == 2 or "." in w[:-1]):
            return ws[i + 1 :]
        if w.lower() in CAPITALIZED_STOPWORDS:
            return ws[i + 1 :]
    return ws


def full_names(text: str, short: Iterable[str]) -> dict[str, str]:
    """Map each one-word speaker name to the most frequent longer name ending with it in the document."""
    wanted = set(short)
    if not wanted:
        return {}
    counts: dict[str, Counter[str]] = {}
    for m in _CAP_RUN_RE.finditer(text):
        run = m.group()
        tail = _POSSESSIVE_RE.sub("", run[run.rfind(" ") + 1 :]).rstrip(".,")
        if tail not in wanted:
            continue
        ws = _run_words(run)
        last = _POSSESSIVE_RE.sub("", ws[-1]).rstrip(".,") if ws else ""
        if last not in wanted or len(ws) < 2:
            continue
        ws[-1] = last
        name = clean_name(ws)
        if name and " " in name and name.rsplit(" ", 1)[-1] == last:
            counts.setdefault(last, Counter())[name] += 1
    return {s: c.most_common(1)[0][0] for s, c in counts.items()}


def name_gender(name: str | None, surface: str = "") -> str | None:
    """Gender suggested by a first name or an honorific, None when unknown."""
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


def pick_antecedent(cands: list[tuple[int, str]], pos: int, gender: str | None, learned: dict[str, str]) -> str | None:
    """Most recent candidate name before pos whose gender (known or learned) fits the pronoun."""
    best: tuple[int, str] | None = None
    for cpos, name in cands:
        if cpos >= pos or (best is not None and cpos <= best[0]):
            continue
        g = learned.get(name) or name_gender(name)
        if gender is None or g is None or g == gender:
            best = (cpos, name)
    return best[1] if best else None
