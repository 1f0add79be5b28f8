"""Cross-document speaker canonicalization: one name per person across the warehouse."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from flows.core.lexicon import NAME_PARTICLES
from flows.core.quote_mentions import clean_name

_POSSESSIVE_RE = re.compile(r"[’']s$")
_SPACE_RE = re.compile(r"\s+")
SURNAME_SIMILARITY = 85  # rapidfuzz ratio above which two surnames are spellings of one name (Zelensky/Zelenskyy)
FIRST_NAME_SIMILARITY = 80  # same for first names (Volodymyr/Volodimir)
MIN_FUZZY_LENGTH = 5  # shorter surnames (Kew, Lee) only match exactly


def _clean(name: str) -> list[str]:
    """NFC, strip titles, honorifics and possessives; return the name's words."""
    text = _SPACE_RE.sub(" ", unicodedata.normalize("NFC", name)).strip(" ,.")
    words = [w for w in text.split(" ") if w]
    if words:
        words[-1] = _POSSESSIVE_RE.sub("", words[-1])
    cleaned = clean_name(words) if words else None
    return (cleaned or " ".join(words)).split()


def _has_given_name(words: list[str]) -> bool:
    """True for a full name: a word before the surname that is no particle ("Jose dos Santos", not "dos Santos")."""
    return any(w.lower() not in NAME_PARTICLES for w in words[:-1])


def _surname_key(surname: str, keys: list[str]) -> str | None:
    """An existing surname cluster this surname is a spelling of, if any."""
    if surname in keys:
        return surname
    if len(surname) < MIN_FUZZY_LENGTH or surname.isupper() or not keys:
        return None
    hit = process.extractOne(surname, keys, scorer=fuzz.ratio, score_cutoff=SURNAME_SIMILARITY)
    if hit is None or hit[0][:1].lower() != surname[:1].lower():
        return None
    return hit[0]


def _cluster_surnames(parsed: dict[str, list[str]]) -> dict[str, str]:
    """Map each surname spelling to its cluster's most frequent spelling."""
    freq = Counter(words[-1] for words in parsed.values() if words)
    cluster_of: dict[str, str] = {}
    members: dict[str, list[str]] = {}
    for surname, _ in freq.most_common():
        key = _surname_key(surname, list(members))
        if key is None:
            members[surname] = [surname]
            cluster_of[surname] = surname
        else:
            members[key].append(surname)
            cluster_of[surname] = key
    best = {k: max(v, key=lambda s: (freq[s], -len(s))) for k, v in members.items()}
    return {s: best[k] for s, k in cluster_of.items()}


def _first_name_groups(fulls: Counter[tuple[str, ...]]) -> list[list[tuple[str, ...]]]:
    """Group full-name variants of one surname by (fuzzy) first name, most mentioned first."""
    groups: list[list[tuple[str, ...]]] = []
    for variant, _ in fulls.most_common():
        for group in groups:
            if fuzz.ratio(group[0][0].lower(), variant[0].lower()) >= FIRST_NAME_SIMILARITY:
                group.append(variant)
                break
        else:
            groups.append([variant])
    return groups


def _canonical_full(group: list[tuple[str, ...]], fulls: Counter[tuple[str, ...]], surname: str) -> str:
    """The most frequent, then shortest, spelling in a first-name group, with the canonical surname."""
    best = max(group, key=lambda v: (fulls[v], -len(v)))
    return " ".join((*best[:-1], surname))


def canonical_speakers(names: Iterable[str]) -> dict[str, str]:
    """Map every speaker name seen across documents to one canonical name.

    "Zelensky", "Zelenskyy" and "Volodymyr Zelensky" all map to "Volodymyr Zelensky"; titles are stripped
    ("President Donald Trump" -> "Donald Trump"); a surname alone maps to the most mentioned full name.
    """
    raw = [n for n in names if n and n.strip()]
    parsed = {n: _clean(n) for n in raw}
    spelling = _cluster_surnames(parsed)
    by_surname: dict[str, Counter[tuple[str, ...]]] = {}
    for n in raw:
        words = parsed[n]
        if _has_given_name(words):
            by_surname.setdefault(spelling[words[-1]], Counter())[tuple(words)] += 1
    full_of: dict[tuple[str, str], str] = {}
    default_of: dict[str, str] = {}
    for surname, fulls in by_surname.items():
        for group in _first_name_groups(fulls):
            canon = _canonical_full(group, fulls, surname)
            default_of.setdefault(surname, canon)
            for variant in group:
                full_of[(surname, variant[0])] = canon
    out: dict[str, str] = {}
    for n in raw:
        words = parsed[n]
        if not words:
            out[n] = n.strip()
            continue
        surname = spelling[words[-1]]
        if _has_given_name(words):
            out[n] = full_of.get((surname, words[0]), " ".join((*words[:-1], surname)))
        else:  # a surname alone, with its particles ("dos Santos") when no full name is known
            out[n] = default_of.get(surname, " ".join((*words[:-1], surname)))
    return out
