"""Context around a figure: hedges/bounds ("roughly", "more than", "or more"), rates ("a week", "/hour"),
article-numbers ("under an hour", "a penny"), the counted noun phrase (`measures`), and negative filters
("one of", "one another", ids, phone numbers, times of day)."""

from __future__ import annotations

import re

from flows.core.figure_numbers import match_covering
from flows.core.figure_units import Cand
from flows.core.lexicon import CAPITALIZED_STOPWORDS
from flows.core.units import APPROX_QUALIFIERS, QUALIFIER_OPS, TIME_UNITS

_Q_LEFT = sorted((q for q in QUALIFIER_OPS if not q.startswith("or ") and not q.startswith("and ")),
                 key=len, reverse=True)
OUTSIDE_SPAN = APPROX_QUALIFIERS | {"exactly", "precisely"}  # hedges stay outside the span; bounds inside
QUAL_RIGHT_RE = re.compile(r"[ \t]+(or more|or less|or fewer|or over|and over|and more|or so)\b")
_NOT_RATE = r"(?![ \t]+(?:earlier|ago|later|before|after|prior|previously|since|on|from|into|in|of)\b)"
RATE_RE = re.compile(r"(?:[ \t]*/[ \t]*|[ \t]+(?:a|an|per|each|every)[ \t]+)(second|minute|hour|day|week|month|year|"
                     r"annum)\b" + _NOT_RATE)
NOUN_RATE_RE = re.compile(r"[ \t]+([a-z]+)[ \t]+(?:a|an|per|each|every)[ \t]+(day|week|month|year|hour)\b" + _NOT_RATE)
# "$5 million annually", "40,000 vehicles daily": the period as an adverb
_ADVERB_PERIODS = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year",
                   "annually": "year"}
_ADVERBS = "|".join(_ADVERB_PERIODS)
ADVERB_RATE_RE = re.compile(rf"[ \t]+({_ADVERBS})\b" + _NOT_RATE)
NOUN_ADVERB_RATE_RE = re.compile(rf"[ \t]+([a-z]+)[ \t]+({_ADVERBS})\b" + _NOT_RATE)
A_UNIT_RE = re.compile(r"\b(an?)[ \t]+(hour|minute|day|week|month|year|decade|penny|dime|nickel)\b")
_A_UNIT_VALUE_UNIT = {"penny": "penny", "dime": "dime", "nickel": "nickel"}
_A_UNIT_CUE_RE = re.compile(r"\b(?:under|about|around|nearly|almost|over|roughly|approximately|within|"
                            r"more than|less than|just over|just under|at least|up to|only|just)[ \t]+$")
_OF_RE = re.compile(r"[ \t]+of[ \t]+(?:(?:the|their|his|her|its|our|your|these|those|this|that|all|them)[ \t]+)?")
_WORD_RE = re.compile(r"[ \t]+([A-Za-z][A-Za-z’'\-]*)")
_ONE_BEFORE_RE = re.compile(r"\b(?:the|this|that|which|each|every|any|no|another|some|no|big|little|only|last|"
                            r"next|new|old|such|what|someone|anyone|everyone|a|one|the other)[ \t]+$")
_ONE_AFTER_RE = re.compile(r"(?:[ \t]+(?:of|another|or another|by one|at a time|after another|thing|way|"
                           r"side|hand|day|point|time|more|too|ever|is|was|were|are|that|who|which)\b"
                           r"|[ \t]*[,.;:!?”\"’)]|[ \t]*$|[ \t]+(?:in|on|at|for|with|to|from|and|or|but)\b)")
NEG_DIGIT_RE = re.compile(
    r"(?P<intl>\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5})"
    r"|(?P<phone>(?:\+\d{1,3}[ .-]?|\b1[ .-])?(?:\(\d{2,4}\)[ .-]?|\b\d{3}[ .-])\d{3}[ .-]\d{4}\b)"
    r"|(?P<time>\b\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[ap]\.?m\b\.?)?|\b\d{1,2}[ \t]?(?:[ap]\.m\.|[ap]m\b)"
    r"|\b\d{1,2}[ \t]+o['’]clock\b)"
    r"|(?P<id>(?:\bno\.|#)[ \t]?\d+|=[\"']\d+[\"']|\b[a-z]+-\d+\b(?<!mid-\d\d\d\d)|\b\d+(?:-[a-z]+)+-\d+\b)"
)
# where a NEG_DIGIT_RE match can start: "+", "(", "#", "=", or at a word boundary a digit, "no." or an id
# prefix ("f-3…"); zero-width, so it reads past the start without consuming it
_NEG_DIGIT_START_RE = re.compile(r"(?=[+(#=]|\b(?:\d|no\.|[a-z]+-\d))")
NEG_WORD_RE = re.compile(r"[a-z]+-on-[a-z]+\b|one[ \t]+by[ \t]+one\b|first[ \t]+(?:of[ \t]+all|lady|minister)\b")
STOP: frozenset[str] = frozenset(
    "a an the of in on at to for from by with and or but as is are was were be been being has have had do does "
    "did will would could should may might must can shall that which who whom whose this these those it its "
    "their his her our your my they them he she we you i there here than then so not no nor also just only "
    "about into over under after before during since until while when where why how all any each every both "
    "more most less least very such said says say told according per more than what some other another "
    "rather even still yet again ago later earlier already ever between among against across through toward "
    "towards within without behind beyond near like via despite amid along around upon onto off out up down "
    "if because although though whether".split())
_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "police", "staff", "troops", "personnel",
                                "cattle", "feet", "teeth", "mice", "geese", "data", "media", "crew"})
_LY_NOUNS = frozenset({"supply", "family", "assembly", "rally", "ally", "italy", "july", "anomaly", "monopoly",
                       "reply", "belly", "lily", "bully", "daily", "weekly", "monthly", "quarterly", "fly"})
_LEMMA = {"people": "person", "children": "child", "men": "man", "women": "woman"}


_Q_LEFT_SET = frozenset(_Q_LEFT)
_OPENERS = "“\"‘'«‹„([—–-"  # opening marks and dashes glued to the first word of a qualifier
_Q_MAX_WORDS = max(len(q.split()) for q in _Q_LEFT_SET)


def _qualifier_before(low: str, start: int) -> tuple[str, int] | None:
    """Longest qualifier phrase (1–3 words) ending right before `start`, with its start offset."""
    if start == 0 or low[start - 1] not in " \t":
        return None
    prev = low[max(0, start - 16):start].rsplit(None, 1)[-1:]
    if not prev or prev[0].lstrip(_OPENERS) not in _Q_LAST_WORDS:
        return None
    base = max(0, start - 26)
    # a k-word phrase below needs the last word to be a one-word qualifier (k = 1) or the word before it to
    # be the second-to-last word of a longer one: "of" and "to" are frequent, "upwards of", "up to" rare.
    # str.split() and _TOKEN_RE (\S+) cut the same words.
    tail = low[base:start].split()[-2:]
    if tail[-1].lstrip(_OPENERS) not in _Q_ONE_WORD and (len(tail) < 2 or
                                                          tail[0].lstrip(_OPENERS) not in _Q_SECOND_TO_LAST):
        return None
    toks = [(m.start(), m.group().lstrip(_OPENERS)) for m in _TOKEN_RE.finditer(low, base, start)]
    toks = toks[-_Q_MAX_WORDS:]
    for k in range(len(toks), 0, -1):
        phrase = " ".join(t for _, t in toks[-k:])
        if phrase in _Q_LEFT_SET:
            first_pos, first_tok = toks[-k]
            q_start = first_pos + len(low[first_pos:start].split(None, 1)[0]) - len(first_tok)
            if q_start == 0 or not low[q_start - 1].isalpha():
                return phrase, q_start
    return None


_TOKEN_RE = re.compile(r"\S+")
_BLANKS = frozenset(" \t")
_QUAL_RIGHT_SECOND = frozenset(" \toa")  # what QUAL_RIGHT_RE can have after its first blank
_Q_LAST_WORDS = frozenset(q.split()[-1] for q in _Q_LEFT_SET)
_Q_ONE_WORD = frozenset(q for q in _Q_LEFT_SET if " " not in q)
_Q_SECOND_TO_LAST = frozenset(q.split()[-2] for q in _Q_LEFT_SET if " " in q)


def attach_qualifier(c: Cand, low: str) -> None:
    """Hedge/bound left of the number (bounds widen the span, pure hedges do not) or 'or more' right of it."""
    found = _qualifier_before(low, c.start)
    if found is not None:
        q, q_start = found
        c.qualifier = q
        c.approx = q in APPROX_QUALIFIERS
        if q not in OUTSIDE_SPAN:
            c.start = q_start
    r = QUAL_RIGHT_RE.match(low, c.end) if low[c.end:c.end + 1] in _BLANKS and \
        low[c.end + 1:c.end + 2] in _QUAL_RIGHT_SECOND else None
    if r:
        if r.group(1) == "or so":
            c.qualifier, c.approx = c.qualifier or "or so", True
        else:
            c.qualifier, c.end = r.group(1), r.end()


def attach_rate(c: Cand, low: str, text: str) -> None:
    """'$15.4/hour' → usd/hour; 'seven thousand people a week' → person/week (span covers the rate)."""
    m = RATE_RE.match(low, c.end) if c.unit is not None and "/" not in c.unit else None
    if m and c.unit != m.group(1):
        c.unit, c.end = f"{c.unit}/{'year' if m.group(1) == 'annum' else m.group(1)}", m.end()
        return
    ly = "ly" in low[c.end:c.end + 40]  # every adverb period ends so: one substring test spares two regexes
    if ly and c.unit is not None and "/" not in c.unit and (a := ADVERB_RATE_RE.match(low, c.end)):
        if c.unit != _ADVERB_PERIODS[a.group(1)]:  # not "12 hours daily"
            c.unit, c.end = f"{c.unit}/{_ADVERB_PERIODS[a.group(1)]}", a.end()
        return
    if c.unit is None and c.form in ("card", "frac"):
        n = NOUN_RATE_RE.match(low, c.end) or (NOUN_ADVERB_RATE_RE.match(low, c.end) if ly else None)
        if n and n.group(1) not in STOP:
            noun = text[n.start(1):n.end(1)]
            period = _ADVERB_PERIODS.get(n.group(2), n.group(2))
            c.unit, c.end, c.measures = f"{_lemma(n.group(1))}/{period}", n.end(), noun


def article_figures(low: str, anchors: list[tuple[int, int, str]]) -> list[Cand]:
    """'under an hour', 'an hour and a half', 'a penny': the article read as one, only with a cue."""
    out: list[Cand] = []
    for a_start, a_end, typ in anchors:
        if typ != "w":
            continue
        word = low[a_start:a_end]
        if word not in ("hour", "penny", "dime", "nickel", "half"):
            continue
        m = A_UNIT_RE.search(low, max(0, a_start - 14 if word == "half" else a_start - 4), a_end)
        if m is None or m.end(2) > a_end + (0 if word != "half" else -4):
            continue
        unit = _A_UNIT_VALUE_UNIT.get(m.group(2)) or TIME_UNITS[m.group(2)]
        half = re.match(r"[ \t]+and[ \t]+(?:an?[ \t]+)?half\b", low[m.end():m.end() + 16])
        cue = _A_UNIT_CUE_RE.search(low, max(0, m.start() - 20), m.start())
        if (word == "half" and half is None) or not (half or cue or unit in ("penny", "dime", "nickel")):
            continue
        end = m.end() + (half.end() if half else 0)
        out.append(Cand(m.start(), end, 1.5 if half else 1.0, "card", True, unit=unit, num_end=m.end(1)))
    return out


_HYPHEN_NOUN_RE = re.compile(r"-([A-Za-z]{2,})\b(?!-)")
_OF_SECOND = frozenset(" \to")  # what _OF_RE can have after its first blank


def find_measures(c: Cand, text: str) -> None:
    """Noun phrase the figure counts or describes: 'people', 'aides', 'discussion', 'Ukraine'."""
    if c.measures is not None or c.kind in ("date", "year"):
        return
    nxt = text[c.end:c.end + 1]
    hy = _HYPHEN_NOUN_RE.match(text, c.end) if c.unit is None and nxt == "-" else None
    of = _OF_RE.match(text, c.end) if nxt in _BLANKS and text[c.end + 1:c.end + 2] in _OF_SECOND else None
    if hy is not None and hy.group(1).lower() not in STOP:
        c.measures = hy.group(1)  # "a 46-page report" → page
    elif of is not None:
        c.measures = _head_noun(text, of.end() - 1, need_plural=False)
    elif c.hyphen_adj:
        c.measures = _head_noun(text, c.end, need_plural=False)
    elif c.unit is None:
        c.measures = _head_noun(text, c.end, need_plural=c.kind == "count" and c.value != 1)
    else:
        c.measures = _subject_of_amount_verb(text, c.start) or _subject_by_words(text, c.start)


# "The bridge cost (roughly) $60 million", "The talks lasted 12 hours": an amount that ends a clause measures
# the subject of its verb, so two outlets' figures for the same bridge or talks can be compared.
_AMOUNT_VERB_BEFORE_RE = re.compile(
    r"\b([A-Za-z][a-z]+)[ \t]+(?:cost|costs|lasted|lasts|took|totaled|totalled|totals|amounted[ \t]+to|"
    # "will cost", "is expected to cost", "could last"
    r"(?:(?:will|would|could|can|may|might|should|must)|(?:(?:is|are|was|were|be)[ \t]+)?(?:expected|likely|"
    r"projected|estimated|set|going)[ \t]+to)[ \t]+(?:cost|last|take|total|amount[ \t]+to))[ \t]+"
    r"(?:(?:about|around|roughly|nearly|almost|approximately|some|just|over|under|more[ \t]+than|less[ \t]+than|"
    r"at[ \t]+least|up[ \t]+to)[ \t]+)?[$€£¥]?$")


def _subject_of_amount_verb(text: str, start: int) -> str | None:
    """The noun right before "cost"/"lasted"/"took"/"totaled" when the figure follows the verb, else None."""
    if start < 6 or not text[start - 1:start].isspace() and text[start - 1:start] not in "$€£¥":
        return None
    lo = max(0, start - 60)
    window = text[lo:start]
    if not ("cost" in window or "last" in window or "took" in window or "total" in window or "take" in window
            or "amount" in window):
        return None  # every verb of _AMOUNT_VERB_BEFORE_RE contains one of these: spare the search
    m = _AMOUNT_VERB_BEFORE_RE.search(text, lo, start)
    if m is None or m.group(1).lower() in STOP:
        return None
    return m.group(1)


# "The damage was $40 million", "the toll stood at", "the fire burned for 14 hours", "estimated the damage at $40
# million": the words right before an amount that name what it measures, read from the end (no regex search).
_TAIL_QUALIFIERS = frozenset("about around roughly nearly almost approximately some just over under".split())
_TAIL_QUALIFIER_PAIRS = frozenset({("more", "than"), ("less", "than"), ("at", "least"), ("up", "to")})
_COPULAS = frozenset("was were is are".split())
_VALUING_VERBS = frozenset("estimated estimate estimates put puts valued values pegged pegs assessed".split())
_CHANGE_VERBS = frozenset("rose rises fell falls climbed climbs jumped grew reached".split())
_FOR_VERBS = frozenset("burned burnt burns raged rages lasted continued ran".split())
_DETERMINERS = frozenset("the its their his her our".split())


def _subject_by_words(text: str, start: int) -> str | None:
    """The noun an amount ending a copular or valuing clause measures, or None."""
    words = text[max(0, start - 60):start].rstrip("$€£¥ \t").split()[-6:]
    low = [w.lower() for w in words]
    if len(low) >= 2 and (low[-2], low[-1]) in _TAIL_QUALIFIER_PAIRS:
        words, low = words[:-2], low[:-2]
    elif low and low[-1] in _TAIL_QUALIFIERS:
        words, low = words[:-1], low[:-1]
    n = len(low)
    at = None
    if n >= 2 and low[-1] in _COPULAS:  # "The damage was $40 million"
        at = n - 2
    elif n >= 3 and low[-1] in ("at", "to", "for") and (
            (low[-1] == "at" and low[-2] in _VALUING_VERBS and low[-3] in _COPULAS)  # "was estimated at"
            or (low[-1] == "at" and low[-2] in ("stood", "stands"))
            or (low[-1] == "to" and low[-2] in _CHANGE_VERBS)
            or (low[-1] == "for" and low[-2] in _FOR_VERBS)):
        at = n - 4 if low[-2] in _VALUING_VERBS else n - 3
    elif n >= 3 and low[-1] == "at" and (low[-3] in _VALUING_VERBS or (
            n >= 4 and low[-3] in _DETERMINERS and low[-4] in _VALUING_VERBS)):
        at = n - 2  # "estimated the damage at $40 million": the object
    if at is not None and at > 0 and low[at] in ("which", "that"):
        at -= 1  # "The fire, which burned for nearly 12 hours": the noun the relative clause is about
    if at is None or at < 0:
        return None
    word = words[at].strip(",;:()\"“”‘’'")
    if not word.isalpha() or word.lower() in STOP:
        return None
    return word


def _head_noun(text: str, pos: int, need_plural: bool) -> str | None:
    """Head of the noun phrase at pos: up to 3 words, ending at the first plural; proper-noun runs kept whole."""
    words: list[str] = []
    plural_seen = False
    while len(words) < 3:
        m = _WORD_RE.match(text, pos)
        if m is None:
            break
        raw = m.group(1)
        lraw = raw.lower()
        if not words and lraw.endswith(("'s", "’s")):
            pos = m.end()  # possessor: "5 percent of the province's total revenue" → revenue
            continue
        w = raw.rstrip("’'")
        lw = lraw.rstrip("’'")  # = w.lower() (ASCII letters, quotes, hyphens): one lower() per word
        if lw in STOP or (lw.endswith("ly") and len(lw) > 4 and lw not in _LY_NOUNS) or (words and lw.endswith("ed")):
            break
        if words and lw.endswith("ing") and _followed_by_word(text, m.end()):
            break  # "ceasefire starting Monday": a participle, not part of the noun phrase
        words.append(w)
        pos = m.end()
        if _is_plural(lw):
            plural_seen = True
            break
        if text[pos:pos + 1] in ("’", "'"):
            break
    if not words:
        return None
    caps = 0
    while caps < len(words) and words[caps][:1].isupper():
        caps += 1
    if caps and not (plural_seen and caps < len(words)):  # "Two NATO sources" keeps the plural head
        return " ".join(words[:caps])  # proper noun: "20% of Ukraine", "nine months of Trump soaring"
    if need_plural and not plural_seen:
        return None
    return words[-1]


def _followed_by_word(text: str, pos: int) -> bool:
    """Whether a non-stopword follows at pos."""
    m = _WORD_RE.match(text, pos)
    return m is not None and m.group(1).lower() not in STOP


_AGE_END = frozenset(",―—–)")
_SENTENCE_BREAK = frozenset(("", " ", "\n", "\t", "\xa0", "”", "\"", "’"))  # after the full stop
# a capitalized word (any script: "Öztürk"), optionally with a generational suffix ("Tom Brown Jr., 54,"), then ", "
_APPOSITION_RE = re.compile(r"([^\W\d_][\w’'-]+)(?:[ \t]+(?:Jr|Sr)\.?|[ \t]+(?:II|III|IV))?,[ \t]$")


def attach_age_apposition(c: Cand, text: str) -> None:
    """'Putin, 72, met …' or '… met Vladimir Putin, 72.': a bare number after a name and a comma, closed by a
    comma, dash or bracket, or ending the sentence, is an age in years."""
    if c.unit is not None or c.words or c.low is not None or c.form != "card" or not c.value \
            or not 0 < c.value <= 120 or c.value != int(c.value):
        return
    after = text[c.end:c.end + 2].strip()[:1]
    if after not in _AGE_END and not (after == "." and text[c.end + 1:c.end + 2] in _SENTENCE_BREAK):
        return
    before = text[max(0, c.start - 3):c.start]
    if before[-2:] not in (", ", ",\t") and before not in (", \n", ",\t\n"):
        return  # _APPOSITION_RE ends with ",[ \t]$" ($ also before a final newline): spare its search
    m = _APPOSITION_RE.search(text, max(0, c.start - 30), c.start)
    if m is not None and m.group(1)[:1].isupper() and m.group(1).lower() not in CAPITALIZED_STOPWORDS:
        c.unit, c.age, c.measures = "year", True, m.group(1)  # not "In May, 72" or "However, 40"


def in_name_with_digits(c: Cand, text: str) -> bool:
    """Bare digits right after a capitalized word mid-sentence: 'Boeing 737', 'Windows 10', 'Article 5'."""
    if c.words or c.unit is not None or c.qualifier is not None or c.kind != "count" or c.low is not None:
        return False
    if c.start < 2 or text[c.start - 1] != " " or not text[c.start - 2].isalpha():
        return False
    window = text[max(0, c.start - 40):c.start]
    last = window.rsplit(None, 1)[-1]  # the word before (it exists: a letter precedes the space)
    if not last[:1].isupper() or not last.isalpha():
        return False  # most numbers: split the window into words only past this test
    before = window.split()
    if len(before) == 1:
        return c.start - 40 > 0
    return before[-2][-1:] not in _SENT_END and before[-2][-1:] not in (",", ";", ".", "!", "?")




def _is_plural(w: str) -> bool:
    """Crude plural test for the counted noun ('aides', 'people', 'talks')."""
    return w in _IRREGULAR_PLURALS or (w.endswith("s") and not w.endswith(("ss", "us", "is")))


def _lemma(w: str) -> str:
    """Singular of a counted noun for rate units ('people' → 'person', 'deaths' → 'death')."""
    if w in _LEMMA:
        return _LEMMA[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    return w[:-1] if _is_plural(w) and not w.endswith("ss") else w


def is_pronoun_one(c: Cand, low: str) -> bool:
    """Bare 'one' used as a pronoun/determiner ('the one you mentioned', 'one of', 'one big one')."""
    if not c.words or c.value != 1 or c.unit is not None or low[c.start:c.end] != "one":
        return False
    if _ONE_BEFORE_RE.search(low, max(0, c.start - 12), c.start):
        return True
    return _ONE_AFTER_RE.match(low, c.end) is not None


_TIME_TAILS = ("am", "pm", "a.m", "p.m", " am", " pm", " a.m", " p.m", " o'", " o’")
_TIME_TAIL_HEADS = frozenset(t[0] for t in _TIME_TAILS)
_TIME_TAIL_SECONDS = frozenset(t[1] for t in _TIME_TAILS if t[0] == " ")  # after "5 ": "am", "pm", "o'clock"


_SENT_END = frozenset(".!?:;\n“\"‘(—")


_DISCOURSE_RE = re.compile(r"(?:^|(?<=[.!?:;\n“\"]))[ \t]*$")


def is_discourse_ordinal(c: Cand, low: str) -> bool:
    """Sentence-initial 'First,' / 'Second,' enumerate arguments; they are not quantities."""
    return c.kind == "ordinal" and c.words and low[c.end:c.end + 1] == "," and \
        _DISCOURSE_RE.search(low, max(0, c.start - 4), c.start) is not None


def in_proper_name(c: Cand, text: str) -> bool:
    """Capitalized spelled-out number mid-sentence is part of a name ('America First', 'the Big Four')."""
    if not c.words or not text[c.start:c.start + 1].isupper():
        return False
    before = text[max(0, c.start - 40):c.start].rstrip()
    if not before or before[-1] in _SENT_END or not before[-1].isalpha():
        return False
    para_start = text.rfind("\n", 0, c.start) + 1
    words = text[para_start:c.end].split()
    return sum(w[:1].isupper() for w in words) < 0.6 * len(words)


def _digit_neg_hint(low: str, start: int, end: int) -> bool:
    """Cheap test whether a digit run might be a phone number, time of day or id."""
    nxt, prv = low[end:end + 1], low[start - 1:start] if start else ""
    if nxt == ":" or prv in ("-", "#", "(", "+", '"', "'"):
        return True
    if nxt == " ":  # the common case: look at the character after the space once
        after = low[end + 1:end + 2]
        if (after in _TIME_TAIL_SECONDS and low.startswith(_TIME_TAILS, end)) or \
                (end - start in (1, 3) and after.isdigit()):
            return True
    elif (nxt in _TIME_TAIL_HEADS and low.startswith(_TIME_TAILS, end)) or \
            (end - start in (1, 3) and nxt in ("-", ".", ")") and low[end + 1:end + 2].isdigit()):
        return True
    return prv == " " and low.endswith("no. ", 0, start)


def negative_spans(low: str, anchors: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Spans that never hold figures: phone numbers, times of day, ids ('F-35', '#3'), 'one-on-one', 'at first'."""
    out: list[tuple[int, int]] = []
    done = 0
    for a_start, a_end, typ in anchors:
        if a_end <= done:
            continue
        if typ == "d" and _digit_neg_hint(low, a_start, a_end):
            m = match_covering(NEG_DIGIT_RE, _NEG_DIGIT_START_RE, low, max(done, a_start - 16),
                               min(len(low), a_end + 24), a_start)
            if m is not None:
                out.append((m.start(), m.end()))
                done = m.end()
        elif typ == "w" and ("-on-" in low[a_start - 4:a_end + 4] or low.startswith((" by one", " of all",
                                                                                      " lady", " minister"), a_end)):
            w = NEG_WORD_RE.match(low, _word_start(low, a_start))
            if w is not None and w.end() > a_start:
                out.append((w.start(), w.end()))
                done = w.end()
        elif typ == "w" and low.startswith("first", a_start) and low.endswith("at ", 0, a_start):
            out.append((a_start - 3, a_end))
    return out


def _word_start(low: str, p: int) -> int:
    """Start of the hyphenated token containing p ('three-on-three' from its second 'three')."""
    q = p
    while q > 0 and (low[q - 1].isalpha() or low[q - 1] == "-") and p - q < 20:
        q -= 1
    return q
