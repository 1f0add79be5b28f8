"""Compiled patterns shared by the quote passes (speech-verb trie, tokens, sentence ends)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from flows.core.lexicon import CAPITALIZED_SPEECH_VERBS, IRREGULAR_SPEECH_FORMS, SPEECH_VERB_LEMMAS, VERB_MODIFIERS

# snapped, admitted, referred
_DOUBLE_FINAL = frozenset({"snap", "quip", "admit", "plan", "spot", "regret", "rebut", "chat", "refer"})


def inflections(lemma: str) -> set[str]:
    """Regular -s, -ed and -ing forms of an English verb lemma."""
    if lemma in _DOUBLE_FINAL:
        stem = lemma + lemma[-1]
        return {lemma, lemma + "s", stem + "ed", stem + "ing"}
    if lemma.endswith("e"):
        return {lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return {lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    plural = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s")
    return {lemma, plural, lemma + "ed", lemma + "ing"}


def trie_regex(words: Iterable[str]) -> str:
    """A regex alternation factored as a prefix trie, so matching costs one branch per character."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_to_regex(trie)


def _trie_to_regex(node: dict) -> str:
    """Render one trie node; the empty key marks the end of a word."""
    end = "" in node
    alts = [re.escape(ch) + _trie_to_regex(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if end:
        return "(?:" + body + ")?"
    return body


SPEECH_FORMS: frozenset[str] = frozenset(
    IRREGULAR_SPEECH_FORMS | {f for lemma in SPEECH_VERB_LEMMAS for f in inflections(lemma)}
)
_VERB_FORMS = SPEECH_FORMS | CAPITALIZED_SPEECH_VERBS
# The lookahead after the first \b tests the word's first letter against one class before the trie's alternation,
# which the engine walks letter by letter: at a word's end (a space follows) or at a word that starts no speech verb
# the attempt fails after one test (the same matches).
VERB_RE = re.compile(
    r"\b(?=[" + "".join(sorted({f[0] for f in _VERB_FORMS})) + r"])(?:" + trie_regex(_VERB_FORMS) + r")\b"
)
_VERB_LOWER = trie_regex(SPEECH_FORMS)
# (a title abbreviation may stand inside the run too: "said Arkansas Gov. Mike Huckabee")
_NAME_TOKEN = r"(?:[A-Z]\.|(?:Gov|Sen|Rep|Lt|Gen|Col|Capt)\.|[A-Z][\w’'-]*)"
_NAME_RUN = rf"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt)\.[ \t]+)?{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{0,3}}"
# Phrasal verbs that are speech tags only right after a quote ("…?” Trump went on; “…,” she shot back): "went" or
# "shot" alone are no speech verbs, so they are not in the verb lexicon.
_PHRASAL_TAG = (
    r"(?:went|goes|go|shot|shoots|fired|fires|hit|hits|chimed|chimes|broke|breaks|cut|cuts|pushed|pushes|weighed|"
    r"weighs|piped|pipes|pressed|presses|lashed|lashes|spoke|speaks)[ \t]+(?:on|back|in|up|out)"
)
# The common speech tags right after a quote ("…,” Putin said" / "…,” said Bondarev"), matched in one regex call.
FAST_TAG_RE = re.compile(
    r"[ \t]*,?[ \t]*(?:"
    rf"(?P<v1>{_VERB_LOWER})[ \t]+(?P<n1>{_NAME_RUN})(?=[ \t]*[,.;]|[ \t]+(?:in|on|at|who|during|to|after|before)\b)"
    rf"|(?P<n2>{_NAME_RUN}|he|she|they|we|I)[ \t]+(?P<v2>{_VERB_LOWER}|{_PHRASAL_TAG})\b)"
)
MODIFIER_SET = VERB_MODIFIERS

# Word tokens (keeping abbreviations such as "U.S." and "Mr." whole) and the punctuation that bounds mentions. The
# pattern opens with one character class (every character a token can start with), which gives the regex engine a
# character-class prefix to skip spaces with; a lookbehind on that first character then picks the branch (word,
# number, punctuation). The explicit ASCII ranges inside the classes are redundant with \w but are tested first, as a
# bitmap, before the Unicode category look-up that \w costs per character. The quantifiers are possessive: every
# part after the first character is optional, so the engine never backtracks into them and the tokens are the same
# as with plain ones, but it keeps no backtracking state (tokenizing ~15% cheaper than a leading lookahead and
# greedy quantifiers).
_LETTER = r"(?:[a-zA-Z]|[^\W\d_])"
_WORD_TAIL = r"[a-zA-Z0-9\w’'&-]*+"
TOKEN_RE = re.compile(
    r"[a-zA-Z0-9\w,;:()“”\"«»—–]"
    rf"(?:(?<=[^\W\d_]){_WORD_TAIL}(?:\.{_LETTER}{_WORD_TAIL})*+\.?+|(?<=\d){_WORD_TAIL}|(?<=[,;:()“”\"«»—–]))"
)
# The same tokens for a pure-ASCII text (str.isascii() is a flag read): there \w is [a-zA-Z0-9_], so every class
# compiles to one bitmap test per character instead of a bitmap, a Unicode category look-up and six literals.
_A_TAIL = r"[a-zA-Z0-9_'&-]*+"
ASCII_TOKEN_RE = re.compile(
    r"[a-zA-Z0-9_,;:()\"]"
    rf"(?:(?<=[a-zA-Z]){_A_TAIL}(?:\.[a-zA-Z]{_A_TAIL})*+\.?+|(?<=[0-9]){_A_TAIL}|(?<=[,;:()\"]))"
)
# A sentence ends at . ! ? (optionally followed by closing marks) and space before a capital, unless the first mark is
# the period of an abbreviation ("Mr.", "Sen.", an initial "J."). The abbreviations are fixed-width negative
# lookbehinds placed after the first mark, so they only run where a mark was found and the scan stays on the fast
# character-class path (a leading lookbehind would be tried at every offset).
_ABBREVIATIONS = "Mr Mrs Ms Dr St Jr Sr Sen Rep Gov Gen Lt Col Capt Sgt Rev Prof No Vol".split()
_BY_LENGTH: dict[int, list[str]] = {}
for _a in _ABBREVIATIONS:
    _BY_LENGTH.setdefault(len(_a), []).append(_a)
# One lookbehind per abbreviation length (an alternation of equal-width words is still fixed-width): three
# lookbehinds instead of nineteen per mark, the same matches (~25% faster scan).
_SENTENCE_END_REST = (
    "".join(rf"(?<!\b(?:{'|'.join(g)})\.)" for _, g in sorted(_BY_LENGTH.items()))
    + r"(?<!\b[A-Z]\.)[.!?…]*[\"”’»']*[ \t\xa0\n]+(?=(?:''|``|[\"“‘«(\[])?[A-Z0-9])"
)
SENTENCE_END_RE = re.compile(r"[.!?…]" + _SENTENCE_END_REST)
# The same pattern led by "." alone, for text without "!", "?" and "…" (most paragraphs), where it finds the same
# ends: a pattern that opens with one literal is searched for with a plain character scan, and the class test per
# character that the pattern above costs is most of a paragraph's scan (~30% fewer instructions).
PERIOD_END_RE = re.compile(r"\." + _SENTENCE_END_REST)
ACCORDING_RE = re.compile(r"\b[Aa]ccording to\b")
TRANSCRIPT_LABEL_RE = re.compile(r"(?P<name>[A-Z][A-Z.’'-]+(?:[ \t][A-Z][A-Z.’'-]+){0,3})[ \t]*:[ \t]+")
COLON_INTRO_RE = re.compile(
    r"[\"“‘'«]?(?P<name>[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3})[ \t]*:[ \t]"
)
