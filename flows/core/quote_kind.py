"""Pass 2 of quote extraction: classify a quote as full, partial or scare from its form and context."""

from __future__ import annotations

import re

from flows.core.lexicon import SCARE_INTRODUCERS

_WORD_RE = re.compile(r"[^\W\d_][\w’'-]*|\d[\w,.]*")
_SMALL = frozenset("a an the and or of in on at to for with by from as vs nor but is are".split())
# A lower-case word that is not a small title word ("the", "of"): one hit means the quote is not a Title.
_LOWER_WORD_RE = re.compile(
    r"(?<![\w’'-])(?!(?:a|an|the|and|or|of|in|on|at|to|for|with|by|from|as|vs|nor|but|is|are)(?![\w’'-]))[a-z]"
)
_INNER_SENTENCE_RE = re.compile(r"[.!?…][\"”’»']?\s+[\"“‘«]?[A-Z]")
# The last word before trailing blanks, matched at the start of the reversed text: a forward search for
# r"([\w’'-]+)[ \t\xa0]*$" would retry at every offset. "$" may stand before a final newline, hence the "\n?".
_LAST_WORD_REVERSED_RE = re.compile(r"\n?[ \t\xa0]*([\w’'-]+)")
SHORT_WORDS = 4  # a nested quote (or an unattributed headline fragment) this short is a term, not speech
SCARE_WORDS = 2  # an unattributed quote of one or two words is a scare quote; three or more words are someone's words


def words(text: str) -> list[str]:
    """Word tokens of a quote."""
    return _WORD_RE.findall(text)


def is_title(quote: str) -> bool:
    """Title-cased names of shows, slogans and headlines ("Fox News Sunday", "America First")."""
    if len(quote) > 90 or not quote[:1].isupper() and not quote[:1].isdigit():
        return False
    if _LOWER_WORD_RE.search(quote):
        return False
    ws = words(quote)
    if not 2 <= len(ws) <= 8 or quote.rstrip().endswith("?"):
        return False
    caps = 0
    for w in ws:
        if w[0].isupper() or w[0].isdigit():
            caps += 1
        elif w.lower() not in _SMALL:
            return False
    return caps >= 2 and ws[0][0].isupper()


def _last_word(text: str) -> str:
    """The last word of text when only blanks follow it, else "" (the word right before a quote mark)."""
    m = _LAST_WORD_REVERSED_RE.match(text[::-1])
    return m.group(1)[::-1] if m else ""


_INTRODUCER_ENDINGS = tuple(SCARE_INTRODUCERS)


def form_kind(quote: str, prefix: str) -> str:
    """Full for sentence-like speech introduced by a cue or starting a sentence, partial otherwise."""
    p = prefix.rstrip(" \t\xa0\n([—–-")
    if not p or p[-1] in ".!?:":
        return "full"
    if p[-1] == "," and (quote[:1].isupper() or quote.count(" ") >= SHORT_WORDS):
        return "full"
    if _INNER_SENTENCE_RE.search(quote):
        return "full"
    return "partial"


def classify(quote: str, prefix: str, nested: bool, headline: bool) -> str:
    """Kind before attribution: "scare" for terms and short nested quotes, "title" for titles, else full/partial."""
    if nested and len(quote) < 60 and len(words(quote)) <= SHORT_WORDS:
        return "scare"
    # the word before the quote introduces a term ("so-called", "dubbed", "the phrase"); tested inline (this runs
    # for every quote), the cheap necessary condition first: most prefixes end with no introducer at all
    tail = prefix[-24:]
    if tail.rstrip(" \t\xa0\n").lower().endswith(_INTRODUCER_ENDINGS) and _last_word(tail).lower() in SCARE_INTRODUCERS:
        return "scare"
    c = quote[:1]
    if not headline and (c.isupper() or c.isdigit()) and is_title(quote):  # (is_title's own first test, inlined)
        return "title"
    return form_kind(quote, prefix)


_TITLE_PLACES = frozenset("on in at of to from with for by about via".split())  # "said on “Meet the Press”"


def settle_title(method: str | None, prefix: str, quote: str = "") -> str:
    """A title is someone's words only when a speech verb before it introduces it ("called her “Miss Piggy”"), or
    when it is cut off by a comma before a speech tag ("“Back To Basics,” Ortega said, “…”")."""
    last = _last_word(prefix[-24:]).lower()
    if last in _TITLE_PLACES or prefix.rstrip().endswith(("’s", "'s")):
        return "scare"
    if method == "verb_after" and quote.endswith(",") and not prefix.strip(" \t\xa0\n\"“‘'«(["):
        return "partial"  # the title opens its sentence and a tag follows its comma
    return "partial" if method in ("verb_before", "according_to", "colon", "continuation") else "scare"


def demote_unattributed(kind: str, quote: str) -> str:
    """A short quote nobody is said to have said is a scare quote, unless it is a whole sentence."""
    sentence = quote.rstrip()[-1:] in ".!?" and quote.lstrip()[:1].isupper()
    if len(words(quote)) <= SCARE_WORDS and not (kind == "full" and sentence):
        return "scare"
    return kind
