"""Speaker mentions next to a cue: parse a few tokens into a name, pronoun, group or nominal mention."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from flows.core.lexicon import (
    CAPITALIZED_SPEECH_VERBS,
    HEADLINE_VERBS,
    CAPITALIZED_STOPWORDS,
    DEMONYMS,
    FEMALE_FIRST_NAMES,
    GROUP_NOUNS,
    MALE_FIRST_NAMES,
    NAME_PARTICLES,
    NOMINAL_NOUNS,
    NON_PERSON_HEADS,
    PARTY_PLURALS,
    PRONOUN_GENDER,
    TITLES,
    UNRESOLVABLE_PRONOUNS,
)
from flows.core.name_titles import job_title_end
from flows.core.quote_patterns import ASCII_TOKEN_RE, MODIFIER_SET, TOKEN_RE

# Mention(...) and Attribution(...) are built as _new(Mention, (...)): tuple.__new__ skips the NamedTuple's
# Python-level __new__ (one frame fewer per mention; the same tuple).
_new = tuple.__new__

_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
_STRIP = TITLES | DEMONYMS | CAPITALIZED_STOPWORDS
_ORG_STRIP = CAPITALIZED_STOPWORDS  # "the Justice Department" keeps "Justice"
_ABBREV = frozenset("mr. mrs. ms. dr. st. jr. sr. sen. rep. gov. gen. lt. col. capt. maj. sgt. adm. rev. prof. u.s. u.k. d.c. inc. co. corp.".split())
_RIGHT_STOPS = frozenset(
    "by said says told added in at on during to with after before while when who whose which as about for from last this that because but "
    "and or earlier later in an a yesterday today recently".split()
)
_DETS = frozenset("the a an one two three four five several some many both most other another his her their its our".split())
_HONORIFICS = frozenset("mr mrs ms dr sen rep gov gen lt col capt adm rev prof sir".split())
# Why: capitalized two-letter words that are no surname (the others are CAPITALIZED_STOPWORDS or honorifics).
_TWO_LETTER_WORDS = frozenset(
    "is be do go oh ok up us me am ah hi mr ms dr st jr sr lt mt ft co no re vs ya yo ga ky la md mo pa vt va".split()
)  # (and the two-letter state abbreviations: "Rawlings, 59, of Bowie, Md.")
_POSSESSIVE_END = re.compile(r"[’']s$")
_OWNER_ENDS = ("’s", "'s", "s’", "s'")


class Mention(NamedTuple):
    """A speaker mention: surface span, kind (name/pronoun/group/nominal) and cleaned name for kind name."""

    start: int
    end: int
    kind: str
    name: str | None


def _end(tok: re.Match[str]) -> int:
    """End offset of a token without a sentence-final period ("Markov." -> "Markov")."""
    w = tok[0]
    # (w[-1:] == ".": a one-character slice is a cached string, cheaper than endswith's argument parsing)
    if w[-1:] == "." and w.lower() not in _ABBREV and not (len(w) == 2 and w[0].isupper()) and "." not in w[:-1]:
        return tok.end() - 1
    return tok.end()


def _is_cap(tok: str) -> bool:
    """A capitalized word that may belong to a name (memoized: the same words are tested over and over)."""
    got = _CAP_MEMO.get(tok)
    if got is None:
        if len(_CAP_MEMO) > 50_000:
            _CAP_MEMO.clear()
        got = _CAP_MEMO[tok] = (
            (tok[:1].isupper() or (tok[:3] in _ARABIC_ARTICLES and tok[3:4].isupper()))  # "al-Baghdadi"
            and tok.lower().rstrip(".") not in CAPITALIZED_STOPWORDS
            and not ("-" in tok and tok.rpartition("-")[2].rstrip(".,") in _ADJECTIVE_SUFFIXES)  # "Trump-style"
        )
    return got


_CAP_MEMO: dict[str, bool] = {}
# Why: months that are also surnames; after a known first name they are the surname ("Theresa May", "Brian May").
_MONTH_SURNAMES = frozenset({"may", "march", "april", "june", "august"})
_FIRST_NAMES = FEMALE_FIRST_NAMES | MALE_FIRST_NAMES


def _month_surname(toks, i: int, lo: int) -> bool:
    """Token i is a month-like surname right after a known first name ("Theresa May said")."""
    return i > lo and toks[i][0] in ("May", "March", "April", "June", "August") and \
        toks[i - 1][0].lower() in _FIRST_NAMES
# Why: the article joined to an Arabic surname is lowercase but belongs to the name ("Abu Bakr al-Baghdadi").
_ARABIC_ARTICLES = frozenset({"al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "an-", "ar-"})


# a capitalized word joined to one of these is an adjective, not a name ("Republican-leaning"; not "Ban Ki-moon")
_ADJECTIVE_SUFFIXES = frozenset(
    "style leaning led based backed born like owned controlled run funded affiliated aligned friendly minded "
    "inspired oriented sponsored allied era".split()
)


def clean_name(words: list[str]) -> str | None:
    """Strip titles, demonyms and stopwords from the front and possessives from the end of a name run."""
    return _clean_name(tuple(words))


@lru_cache(maxsize=8192)
def _clean_name(words: tuple[str, ...]) -> str | None:
    """Cached body of clean_name (the same runs recur within and across documents)."""
    words = list(words)
    lows = [w.lower() for w in words]
    for k in range(1, len(lows)):
        if words[k] in CAPITALIZED_SPEECH_VERBS or words[k] in HEADLINE_VERBS:  # "General Reveals" in a headline
            words, lows = words[:k], lows[:k]
            break
    # an owner before the name ("NBC’s Chuck Todd", "Fox News’ Bret Baier"): the name is the two or more words after
    for k in range(len(words) - 3, -1, -1):
        if lows[k].endswith(_OWNER_ENDS):
            words, lows = words[k + 1 :], lows[k + 1 :]
            break
    # a shouted dateline or headline before the name ("CHICAGO Rahm Emanuel", "ECONOMY FAVORS TRUMP David Wasserman")
    if words and words[0].isupper():
        k = 0
        while k < len(words) and words[k].isupper() and words[k].isalpha() and len(words[k]) > 2:
            k += 1
        if k and len(words) - k > 1 and not any(w.isupper() for w in words[k:]):
            words, lows = words[k:], lows[k:]
    while words and lows[-1].rstrip(".") in CAPITALIZED_STOPWORDS and not (
        len(lows) > 1 and lows[-1] in _MONTH_SURNAMES and lows[-2] in _FIRST_NAMES
    ):  # "Trump Tuesday" loses its weekday; "Theresa May" keeps her surname
        words, lows = words[:-1], lows[:-1]
    i = job_title_end(words)  # past a compound job title ("Finance Minister Ana Lopez" -> 2)
    # an organisation's name keeps its title-like words ("Justice Department", "Defense Ministry")
    strip = _ORG_STRIP if len(lows) > 1 and lows[-1].rstrip(".") in NON_PERSON_HEADS else _STRIP
    while i < len(words) - 1 and (lows[i] in strip or lows[i].rstrip(".") in strip):
        if lows[i] in DEMONYMS and lows[i + 1].rstrip(".") not in _STRIP:
            break  # "German Ortega" is a name; "Russian President ..." is not
        i += 1
    rest = words[i:]
    if rest:
        rest[-1] = _POSSESSIVE_END.sub("", rest[-1]).rstrip(".") if rest[-1].lower() not in _ABBREV else rest[-1]
    honorific = i > 0 and words[i - 1].lower().rstrip(".") in _HONORIFICS
    if len(rest) == 1 and not honorific and (rest[0].lower().rstrip(".") in TITLES or rest[0].lower() in DEMONYMS):
        return None
    if len(rest) > 1 and all(w.isupper() for w in rest):
        return None  # an all-caps run is a shouted headline, not a name
    if not rest or not any(w[:1].isupper() for w in rest) or (len(rest) == 1 and len(rest[0]) < 3 and not (
        len(rest[0]) == 2 and rest[0][1].islower() and rest[0].lower() not in _TWO_LETTER_WORDS
        and rest[0].lower() not in CAPITALIZED_STOPWORDS  # "It’s" without its "’s"
    )):  # a two-letter surname stands alone ("Xi said", "Oz told"); "Mr", "Is", "Up" do not
        return None
    return " ".join(rest)


_FINDITER = TOKEN_RE.finditer
_ASCII_FINDITER = ASCII_TOKEN_RE.finditer


def token_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The tokens of text[start:end], lazily (ASCII_TOKEN_RE's scan for a pure-ASCII text: the same tokens)."""
    return (_ASCII_FINDITER if text.isascii() else _FINDITER)(text, start, end)


def tokens(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Word and punctuation tokens of text[start:end], as re.Match objects: tok[0] is the token's text (the item
    look-up is ~20% cheaper than tok.group(), and these functions read token texts hundreds of thousands of times)."""
    return list((_ASCII_FINDITER if text.isascii() else _FINDITER)(text, start, end))


def _name_run_left(toks: list[re.Match[str]], i: int) -> int:
    """Index of the first token of the capitalized run ending at token i."""
    j = i
    memo = _CAP_MEMO
    while j - 1 >= 0:
        w = toks[j - 1][0]
        cap = memo.get(w)  # _is_cap's memo read inline: most words were tested before
        if cap is None:
            cap = _is_cap(w)
        if cap or (w.lower() in NAME_PARTICLES and j - 2 >= 0 and _is_cap(toks[j - 2][0])):
            j -= 1
        else:
            break
    return j


def _nominal(toks: list[re.Match[str]], lo: int, i: int) -> Mention:
    """A group or nominal mention ending at token i, with up to three descriptors before it."""
    head = toks[i][0].lower()
    j = i
    while j - 1 >= lo and i - j < 3 and toks[j - 1][0][:1].isalpha() and toks[j - 1][0].lower() not in MODIFIER_SET:
        j -= 1
        if toks[j][0].lower() in _DETS:
            break
    caps = [t[0] for t in toks[j:i] if _is_cap(t[0])]
    kind = "group" if head in GROUP_NOUNS else "nominal"
    name = clean_name(caps) if caps and kind == "nominal" and head not in TITLES else None
    return _new(Mention, (toks[j].start(), toks[i].end(), "name" if name else kind, name))


def mention_before(toks: list[re.Match[str]], lo: int = 0, possessive: bool = False) -> Mention | None:
    """Parse the subject that ends at the last token (the word right before a speech verb)."""
    i = len(toks) - 1
    w = ""
    while i >= lo:
        w = toks[i][0]  # skip modifiers and lower-case -ly adverbs between the subject and its verb
        if not (w.lower() in MODIFIER_SET or (len(w) > 4 and w[-2:] == "ly" and w.islower())):
            break
        i -= 1
    if i >= lo and w == ")":  # (w is toks[i][0] whenever i >= lo here)
        while i >= lo and toks[i][0] != "(":
            i -= 1
        i -= 1
        w = toks[i][0] if i >= lo else ""
    if i < lo:
        return None
    lw = w.lower()
    if lw in _SUBJECT_PRONOUNS:
        return _new(Mention, (toks[i].start(), toks[i].end(), "pronoun", None))
    if w[-1:] in "’'" and w[-2:-1] == "s":  # w.endswith(("s’", "s'")) (w is never empty)
        return None  # "Sanders’ comments": a plural possessive owns, it does not speak
    cap = _CAP_MEMO.get(w)
    if cap is None:
        cap = _is_cap(w)
    if cap and lw in GROUP_NOUNS and w not in PARTY_PLURALS and (i == lo or not _is_cap(toks[i - 1][0])):
        return _new(Mention, (toks[i].start(), toks[i].end(), "group", None))  # "Pollsters agree", "Democrats said"
    if (cap or _month_surname(toks, i, lo)) and (possessive or not _POSSESSIVE_END.search(w)):
        j = _name_run_left(toks, i)
        if j < lo:  # (max() inlined)
            j = lo
        name = clean_name([t[0] for t in toks[j : i + 1]])
        if name is None and j == i and lw in TITLES and (i == lo or toks[i - 1][0].lower() not in _DETS):
            name = w  # "King says" is a surname; "the President said" is not
        if name:
            end = _end(toks[i]) - (2 if possessive and _POSSESSIVE_END.search(w) else 0)
            return _new(Mention, (toks[j].start(), end, "name", name))
        return _nominal(toks, lo, i) if lw.rstrip(".") in NOMINAL_NOUNS else None
    if lw in GROUP_NOUNS or lw in NOMINAL_NOUNS:
        return _nominal(toks, lo, i)
    if lw == "who" and i - 1 > lo and toks[i - 1][0] == ",":
        return mention_before(toks[: i - 1], lo)  # "Donald Trump Jr., who suggested …"
    return None


def mention_after(toks: list[re.Match[str]], lo: int = 0, apposed: bool = True) -> Mention | None:
    """Parse the subject that follows a speech verb ("said former diplomat Boris Bondarev, who ..."); a description
    or an owner followed by a name between commas gives the name ("said the bureau's director, James B. Comey,",
    "said Rubio’s deputy campaign manager, Rich Beeson")."""
    words: list[re.Match[str]] = []
    for t in toks[lo : lo + 9]:
        w = t[0]
        if not w[:1].isalnum() or (w.lower() in _RIGHT_STOPS and (words or w.lower() not in _DETS)):
            break
        words.append(t)
        if w.endswith(".") and w.lower() not in _ABBREV and not (len(w) == 2 and w[0].isupper()):
            break
    if not words:
        return None
    first = words[0][0].lower()
    if first in _SUBJECT_PRONOUNS:
        return _new(Mention, (words[0].start(), words[0].end(), "pronoun", None))
    after = lo + len(words)  # the token the description stopped at
    for k, t in enumerate(words):
        if k and t[0].lower() == "of":
            head = [w[0] for w in words[:k] if _is_cap(w[0])]
            if head and clean_name(head) and _is_cap(words[k - 1][0]):
                words = words[:k]
                break
    caps = [k for k, t in enumerate(words) if _is_cap(t[0]) or _month_surname(words, k, 0)]
    if caps:
        k = caps[-1]
        j = _name_run_left(words, k)
        if _POSSESSIVE_END.search(words[k][0]):
            # "elicited Putin's playful ..." names an owner, not a speaker ("Clinton's introducer, actress X" names X)
            return _apposed_name(toks, after) if apposed else None
        name = clean_name([t[0] for t in words[j : k + 1]])
        if name:
            return _new(Mention, (words[0].start(), _end(words[k]), "name", name))
    for k in range(len(words) - 1, -1, -1):
        lw = words[k][0].lower().rstrip(".")
        if lw in GROUP_NOUNS or lw in NOMINAL_NOUNS:
            kind = "group" if lw in GROUP_NOUNS else "nominal"
            return (_apposed_name(toks, after) if apposed else None) or _new(Mention, (
                words[0].start(), _end(words[k]), kind, None
            ))
    return None


def _apposed_name(toks: list[re.Match[str]], i: int) -> Mention | None:
    """A name set off by a comma within a few words after token i ("his best friend at Lehigh, Bruce Turry")."""
    for k in range(i, min(len(toks), i + 4)):
        w = toks[k][0]
        if w == ",":
            m = mention_after(toks, k + 1, apposed=False)
            return m if m is not None and m.kind == "name" else None
        if not w[:1].isalnum():
            return None
    return None


def pronoun_gender(surface: str) -> str | None:
    """Gender implied by a pronoun mention, None when it fits anyone."""
    return PRONOUN_GENDER.get(surface.lower())


def is_unresolvable(surface: str) -> bool:
    """Pronouns like "they" or "we" that never resolve to one named person."""
    return surface.lower() in UNRESOLVABLE_PRONOUNS
