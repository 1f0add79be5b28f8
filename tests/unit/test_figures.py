"""Table-driven tests for flows.core.figures.extract_figures (pure, no I/O).

A few cases are excerpts of the Microsoft Recognizers-Text English specs via shared/data/figures/dev.jsonl,
used under the MIT License, Copyright (c) Microsoft Corporation. Seed excerpts come from <repo>/seeds.
"""

from __future__ import annotations

import pytest

from flows.core.figures import extract_figures
from flows.core.records import Figure
from flows.core.units import unit_family


def _fig(text: str, surface: str) -> Figure:
    """The figure whose surface is exactly `surface` (fails listing all figures otherwise)."""
    figs = extract_figures(text)
    for f in figs:
        if f.surface == surface:
            return f
    raise AssertionError(f"no figure {surface!r} in {[f.surface for f in figs]}")


def _check(f: Figure, expected: dict[str, object]) -> None:
    """Compare selected attributes, floats with a tolerance."""
    for key, want in expected.items():
        got = getattr(f, key)
        if isinstance(want, float) and got is not None:
            assert got == pytest.approx(want, rel=1e-6), (key, got, want)
        else:
            assert got == want, (key, got, want, f)


DIGITS = [
    ("They counted 1,000 ballots.", "1,000", {"value": 1000.0, "kind": "count", "measures": "ballots"}),
    ("Inflation was 1.5 in May.", "1.5", {"value": 1.5}),
    ("The ratio is .23 overall.", ".23", {"value": 0.23}),
    ("about 10k runners", "10k", {"value": 10000.0, "qualifier": "about", "is_approximate": True}),
    ("1 234 567.89 is valid.".replace(" ", "\u202f", 2), "1\u202f234\u202f567.89", {"value": 1234567.89}),
    ("a loan of 12,34,567.89 rupees", "12,34,567.89 rupees", {"value": 1234567.89, "unit": "inr"}),
    ("The answer is minus 5", "minus 5", {"value": -5.0}),
    ("It fell to -9.5 overnight", "-9.5", {"value": -9.5}),
    ("either 10 bln or 10 tln", "10 bln", {"value": 1e10}),
    ("1,674.5 million", "1,674.5 million", {"value": 1674.5e6}),
    ("There are 1 crore boxes", "1 crore", {"value": 1e7}),
]
WORDS = [
    ("twenty-five people died", "twenty-five", {"value": 25.0, "measures": "people"}),
    ("one hundred and sixty-one", "one hundred and sixty-one", {"value": 161.0}),
    ("two hundred and two thousand", "two hundred and two thousand", {"value": 202000.0}),
    ("a dozen eggs", "a dozen", {"value": 12.0}),
    ("half a million people", "half a million", {"value": 500000.0}),
    ("two thirds of a million", "two thirds of a million", {"value": 2e6 / 3}),
    ("They have two million and one half", "two million and one half", {"value": 2.5e6}),
    ("The total is three lakh crore", "three lakh crore", {"value": 3e12}),
    ("Twenty-six people die in accident", "Twenty-six", {"value": 26.0, "measures": "people"}),
    ("zero is 0", "zero", {"value": 0.0}),
]
FRACTIONS = [
    ("add 3/4 of it", "3/4", {"value": 0.75}),
    ("2  1/4", "2  1/4", {"value": 2.25}),
    ("the result is ⅙", "⅙", {"value": 1 / 6}),
    ("one and a half", "one and a half", {"value": 1.5}),
    ("five eighths of the vote", "five eighths", {"value": 0.625}),
    ("a fifth of voters", "a fifth", {"value": 0.2, "measures": "voters"}),
    ("one-eighth", "one-eighth", {"value": 0.125}),
]
ORDINALS = [
    ("Two NATO sources said", "Two", {"value": 2.0, "measures": "sources"}),
    ("Nine months of Trump soaring", "Nine months", {"measures": "Trump"}),
    ("Wallace ran a third-party campaign", "third", {"value": 3.0, "kind": "ordinal", "measures": "party"}),
    ("as he reached his mid-20s, he", "20s", {"low": 20.0, "high": 29.0, "kind": "count"}),
    ("the 21st attempt", "21st", {"value": 21.0, "kind": "ordinal", "measures": "attempt"}),
    # an amount after cost/lasted/took/totaled measures the verb's subject; no subject noun, no measure
    ("The bridge cost roughly $60 million.", "$60 million", {"unit": "usd", "qualifier": "roughly", "measures": "bridge"}),
    ("The talks lasted 12 hours.", "12 hours", {"unit": "hour", "measures": "talks"}),
    ("Repairs took more than 3 years.", "more than 3 years", {"unit": "year", "measures": "Repairs"}),
    ("It cost $5.", "$5", {"unit": "usd", "measures": None}),
    ("He paid $45 million.", "$45 million", {"unit": "usd", "measures": None}),
    ("twenty-fifth", "twenty-fifth", {"value": 25.0, "kind": "ordinal"}),
    ("two hundredth", "two hundredth", {"value": 200.0, "kind": "ordinal"}),
    ("to a second trilateral meeting", "second", {"value": 2.0, "kind": "ordinal", "measures": "meeting"}),
    ("She finished second!", "second", {"value": 2.0, "kind": "ordinal"}),
]
PERCENTS = [
    ("Russia occupying 20% of Ukraine.", "20%", {"value": 20.0, "unit": "percent", "kind": "percent",
                                              "measures": "Ukraine"}),
    ("“Approximately 80% of the matters have been settled,”", "80%",
     {"value": 80.0, "qualifier": "approximately", "is_approximate": True, "measures": "matters"}),
    ("Markov said. “Approximately 80% of them", "80%", {"qualifier": "approximately", "is_approximate": True}),
    ("roughly 5 percent of the province's total tax revenue", "5 percent", {"measures": "revenue"}),
    ("rates rose 10 percent", "10 percent", {"value": 10.0, "unit": "percent"}),
    ("sales sank 27 % in the quarter", "27 %", {"value": 27.0, "unit": "percent"}),
    ("support rose 3 percentage points", "3 percentage points", {"value": 3.0, "unit": "percentage point",
                                                                  "kind": "percent"}),
    ("twenty per cent of homes", "twenty per cent", {"value": 20.0, "unit": "percent", "measures": "homes"}),
]
MONEY = [
    ("a $1.13bn deal", "$1.13bn", {"value": 1.13e9, "unit": "usd", "kind": "money"}),
    ("paid £600m for it", "£600m", {"value": 6e8, "unit": "gbp"}),
    ("it costs €5", "€5", {"value": 5.0, "unit": "eur"}),
    ("Banknotes: 5 €, 10 €.", "10 €", {"value": 10.0, "unit": "eur"}),
    ("the c $16.4 million price", "c $16.4 million", {"value": 16.4e6, "unit": "cad"}),
    ("to hk $10.05 billion .", "hk $10.05 billion", {"value": 10.05e9, "unit": "hkd"}),
    ("five million yen from", "five million yen", {"value": 5e6, "unit": "jpy"}),
    ("down 34 cents", "34 cents", {"value": 34.0, "unit": "cent"}),
    ("I spent 20 million pounds on this!", "20 million pounds", {"value": 2e7, "unit": "gbp"}),
    ("it only cost thirteen dollars and forty-five cents", "thirteen dollars and forty-five cents",
     {"value": 13.45, "unit": "usd"}),
    ("the deal gave us $5 million", "$5 million", {"unit": "usd"}),
    ("India's US $10 billion contract", "US $10 billion", {"value": 1e10, "unit": "usd"}),
    ("a US$3bn loan", "US$3bn", {"value": 3e9, "unit": "usd"}),
    ("USD115.5", "USD115.5", {"value": 115.5, "unit": "usd"}),
    ("The price starts at USD 22.5 million.", "USD 22.5 million", {"value": 22.5e6, "unit": "usd"}),
    ("only for $15.4/hour", "$15.4/hour", {"value": 15.4, "unit": "usd/hour", "kind": "money"}),
    ("a one-yen bid", "one-yen", {"value": 1.0, "unit": "jpy"}),
    ("Oh look, a penny!", "a penny", {"value": 1.0, "unit": "penny"}),
    ("valued at about $98 a share .", "$98", {"value": 98.0, "unit": "usd", "qualifier": "about"}),
]
DURATIONS = [
    ("During their three-hour discussion at a military facility", "three-hour",
     {"value": 3.0, "unit": "hour", "kind": "duration", "measures": "discussion"}),
    ("After roughly three hours of meetings with top aides", "three hours",
     {"value": 3.0, "unit": "hour", "qualifier": "roughly", "is_approximate": True, "measures": "meetings"}),
    ("the six to seven hours predicted by the Kremlin", "six to seven hours",
     {"value": 6.5, "low": 6.0, "high": 7.0, "unit": "hour"}),
    ("I may need to reconsider in two or three weeks, but", "two or three weeks",
     {"low": 2.0, "high": 3.0, "unit": "week"}),
    ("during the 12-minute press briefing", "12-minute", {"value": 12.0, "unit": "minute", "measures": "briefing"}),
    ("12-hour talks yield no concrete ceasefire", "12-hour", {"value": 12.0, "unit": "hour", "measures": "talks"}),
    ("In under an hour, the two were in their planes", "under an hour",
     {"value": 1.0, "unit": "hour", "qualifier": "under"}),
    ("I'll leave for an hour and a half", "an hour and a half", {"value": 1.5, "unit": "hour"}),
    ("I'll leave for 3.5years", "3.5years", {"value": 3.5, "unit": "year"}),
    ("I'll leave for 30-minutes", "30-minutes", {"value": 30.0, "unit": "minute"}),
    ("Please schedule a ½ hour call.", "½ hour", {"value": 0.5, "unit": "hour"}),
    ("for six weeks' time", "six weeks'", {"value": 6.0, "unit": "week"}),
    ("With 15 years of experience, she", "15 years", {"value": 15.0, "unit": "year", "measures": "experience"}),
]
MEASURES = [
    ("When she was five years old", "five years old", {"value": 5.0, "unit": "year", "kind": "measure"}),
    ("in the 27-kilometer ring", "27-kilometer", {"value": 27.0, "unit": "km", "kind": "measure"}),
    ("he is 5 feet 2 inches", "5 feet 2 inches", {"value": 5 + 2 / 12, "unit": "foot"}),
    ("at 200 kilometres per hour", "200 kilometres per hour", {"value": 200.0, "unit": "km/h"}),
    ("about 800 degrees Celsius.", "800 degrees Celsius", {"value": 800.0, "unit": "degC"}),
    ("Its 30 C outside!", "30 C", {"value": 30.0, "unit": "degC"}),
    ("I'm 1.8m tall.", "1.8m", {"value": 1.8, "unit": "m"}),
    ("the 100m sprint", "100m", {"value": 100.0, "unit": "m"}),
    ("about 10m people live there", "10m", {"value": 1e7, "unit": None, "kind": "count", "measures": "people"}),
    ("a metric ton is equal to 2,204.62 pounds.", "2,204.62 pounds", {"value": 2204.62, "unit": "lb"}),
    ("They were given 45 and 50 mg ethanol.", "45", {"value": 45.0, "unit": "mg"}),
    ("between 44 mg and 50 mg ethanol", "between 44 mg and 50 mg", {"low": 44.0, "high": 50.0, "unit": "mg"}),
    ("The recycling facility manages roughly 4,500 tpd.", "4,500 tpd", {"value": 4500.0, "unit": "ton/day"}),
]
RANGES_AND_RATES = [
    ("a toll of “five, six, seven thousand people a week” dying", "five, six, seven thousand people a week",
     {"low": 5000.0, "high": 7000.0, "value": 6000.0, "unit": "person/week", "kind": "rate", "measures": "people"}),
    ("The number range is 1000-5000", "1000-5000", {"low": 1000.0, "high": 5000.0}),
    ("from 50 to 80% to flow", "50 to 80%", {"low": 50.0, "high": 80.0, "unit": "percent"}),
    ("at 3.5–4.0 TeV", "3.5–4.0 TeV", {"low": 3.5, "high": 4.0, "unit": "tev"}),
    ("The number is above 1000 and below 1500", "above 1000 and below 1500", {"low": 1000.0, "high": 1500.0}),
    ("between $1.5 and $2 billion", "between $1.5 and $2 billion", {"low": 1.5e9, "high": 2e9, "unit": "usd"}),
    ("It pumps 500,000 barrels per day", "500,000 barrels per day", {"value": 5e5, "unit": "barrel/day"}),
    ("It rose to $13.18 billion a year earlier .", "$13.18 billion", {"unit": "usd"}),
    ("Trump said Russia was losing 5,000 to 7,000 soldiers a week.", "5,000 to 7,000 soldiers a week",
     {"low": 5000.0, "high": 7000.0, "unit": "soldier/week"}),
    ("The deal is worth $5-10 million.", "$5-10 million", {"low": 5e6, "high": 1e7, "unit": "usd"}),
    ("one in five were unsure", "one in five", {"value": 0.2}),
    ("about eight out of 10 said no", "eight out of 10", {"value": 0.8, "qualifier": "about"}),
    ("shooting. Crutcher, 40 ― a father", "40", {"unit": "year", "kind": "measure", "measures": "Crutcher"}),
    ("but a 46-page analysis released", "46", {"value": 46.0, "kind": "count", "measures": "page"}),
    ("Putin, 72, met Trump", "72", {"value": 72.0, "unit": "year", "kind": "measure", "measures": "Putin"}),
    ("The bridge carried 40,000 vehicles daily.", "40,000 vehicles daily",
     {"value": 40000.0, "unit": "vehicle/day", "kind": "rate"}),  # the period as an adverb
    ("It earns $5 million annually.", "$5 million annually", {"value": 5e6, "unit": "usd/year"}),
    ("It sold 3 daily newspapers.", "3", {"unit": None, "measures": "newspapers"}),  # an adjective: no rate
    ("The bridge will cost $60 million.", "$60 million", {"measures": "bridge"}),  # a modal before the verb
    ("Repairs are expected to cost $45 million.", "$45 million", {"measures": "Repairs"}),
    ("The rebuild could take two years.", "two years", {"unit": "year", "measures": "rebuild"}),
    ("The fund grew 7pc to €3.4bn", "7pc", {"value": 7.0, "unit": "percent"}),
    # copular and valuing clauses name what an amount measures (a first-time user's fire coverage)
    ("The damage was $40 million, the insurer said.", "$40 million", {"measures": "damage"}),
    ("Damage was estimated at about $4 million.", "$4 million", {"measures": "Damage"}),
    ("Officials estimated the damage at $40 million.", "$40 million", {"measures": "damage"}),
    ("The fire burned for 14 hours.", "14 hours", {"unit": "hour", "measures": "fire"}),
    ("The fire, which burned for nearly 12 hours, spread.", "12 hours", {"measures": "fire"}),
    ("The bill stood at $12 billion.", "$12 billion", {"measures": "bill"}),
    ("Losses rose to more than $3 million.", "more than $3 million", {"measures": "Losses"}),
    ("It was $5 million.", "$5 million", {"measures": None}),  # a pronoun names nothing
    ("He was paid $5 million.", "$5 million", {"measures": None}),  # not a copula before the amount
]
QUALIFIERS = [
    ("Nissan is planning to cut up to 700 contract workers.", "up to 700",
     {"value": 700.0, "qualifier": "up to", "is_approximate": False, "measures": "workers"}),
    ("His age is no less than thirty.", "no less than thirty", {"value": 30.0, "qualifier": "no less than"}),
    ("about five hundred or more in these", "five hundred or more", {"qualifier": "or more"}),
    ("killing at least fourteen people", "at least fourteen", {"value": 14.0, "qualifier": "at least",
                                                              "measures": "people"}),
    ("more than 100 people became ill", "more than 100", {"qualifier": "more than"}),
    ("the river rose «nearly three metres»", "three metres", {"qualifier": "nearly"}),  # a guillemet before it
]
DATES = [
    ("On August 15, 2025, in Anchorage", "August 15, 2025", {"kind": "date", "date_value": "2025-08-15"}),
    ("in Ukraine by August 8.", "August 8", {"kind": "date", "date_value": "--08-08", "value": None}),
    ("since February 2022.", "February 2022", {"kind": "date", "date_value": "2022-02"}),
    ("for the 09th of May for 2 days?", "the 09th of May", {"date_value": "--05-09"}),
    ("sometime Friday 2018-7-6 with Jim.", "Friday 2018-7-6", {"date_value": "2018-07-06"}),
    ("2/29/2020", "2/29/2020", {"date_value": "2020-02-29"}),
    ("Are you free on 13.5.2015?", "13.5.2015", {"date_value": "2015-05-13"}),
    ("on the tenth of September, two thousand", "tenth of September, two thousand", {"date_value": "2000-09-10"}),
    ("against Russian expansionism since 2014.", "2014", {"kind": "year", "value": 2014.0, "date_value": "2014"}),
    ("over the 2022 invasion of Ukraine", "2022", {"kind": "year", "value": 2022.0}),
    ("by the end of the 1960s", "1960s", {"kind": "year", "low": 1960.0, "high": 1969.0}),
]
ALL_CASES = DIGITS + WORDS + FRACTIONS + ORDINALS + PERCENTS + MONEY + DURATIONS + MEASURES + RANGES_AND_RATES \
    + QUALIFIERS + DATES


@pytest.mark.parametrize(("text", "surface", "expected"), ALL_CASES, ids=[c[1] for c in ALL_CASES])
def test_figure_forms(text: str, surface: str, expected: dict[str, object]) -> None:
    _check(_fig(text, surface), expected)


NEGATIVES = [
    ("and it appears both leaders are rather content with one another,” he concluded.", "one another"),
    ("wary of Trump’s “America First” policy", "America First"),
    ("on key issues, reports 24brussels.", "24brussels"),
    ("a ceasefire very soon — one of Trump’s key demands — followed by", "one of"),
    ("progress was not made on “one big one,” which was", "one big one"),
    ("Joint press conference with aides after the three-on-three meeting", "three-on-three"),
    ("a shift from previous one-on-one discussions", "one-on-one"),
    ("The one you mentioned is invalid", "one"),
    ("Which one do you prefer?", "one"),
    ("Call us at 555-123-4567 today", "555-123-4567"),
    ("Call +44 20 7946 0958 now", "20 7946 0958"),
    ("The meeting starts at 10:30 a.m. sharp", "10:30"),
    ("They met at 3 pm on Friday", "3 pm"),
    ("The F-35 fighter jet", "F-35"),
    ("A COVID-19 outbreak", "COVID-19"),
    ("Ticket #4521 was closed", "4521"),
    ("the Airbus a320neo fleet", "a320neo"),
    ("sales rose in the third quarter", "third quarter"),
    ("there was a few hours of delay", "few hours"),
    ("she arrived at first light", "first"),
    ("the second half of the game", "half"),
    ("I sent some money using a PayPal account", "money"),
    ("more than millions of people", "millions"),
    ("The G7 leaders met", "G7"),
    ("Flight BA117 departs", "BA117"),
    ("new 5G networks", "5G"),
    ("The Boeing 737 Max was grounded", "737"),
    ("Call 1-800-555-0199 for details", "1-800-555-0199"),
    ("It happened for the first time in years", "first"),
    ('<a tweet_id="672160504572452864">', "672160504572452864"),
    ("accounts like @user_1. In", "1"),
    ("raised $4 million in February, three times as much", "February,"),
    ("He is not rich. Second, he is not generous.", "Second"),
]


@pytest.mark.parametrize(("text", "surfaces"), [
    ("They won 3-2 after extra time", ["3", "2"]),
    ("The vote was 52% to 48%.", ["52%", "48%"]),
    ("either 10 bln or 10 tln", ["10 bln", "10 tln"]),
    ("Banknotes: 5 €, 10 €, 20 €.", ["5 €", "10 €", "20 €"]),
    ("paid $5 million to 20 firms", ["$5 million", "20"]),
])
def test_not_ranges(text: str, surfaces: list[str]) -> None:
    assert [f.surface for f in extract_figures(text)] == surfaces


@pytest.mark.parametrize(("text", "span"), NEGATIVES, ids=[n[1] for n in NEGATIVES])
def test_negatives(text: str, span: str) -> None:
    i = text.index(span)
    hits = [f.surface for f in extract_figures(text) if f.start_char < i + len(span) and f.end_char > i]
    assert hits == []


@pytest.mark.parametrize("text", [c[0] for c in ALL_CASES] + [n[0] for n in NEGATIVES] + ["", "no figures", "½"])
def test_offsets_and_order(text: str) -> None:
    figs = extract_figures(text)
    assert all(text[f.start_char:f.end_char] == f.surface for f in figs)
    assert [f.start_char for f in figs] == sorted(f.start_char for f in figs)
    assert all(a.end_char <= b.start_char for a, b in zip(figs, figs[1:]))
    assert all(f.kind in {"count", "percent", "money", "duration", "date", "year", "ordinal", "measure", "rate"}
               for f in figs)


def test_ranges_have_midpoint_value() -> None:
    f = _fig("six to seven hours", "six to seven hours")
    assert (f.low, f.high, f.value) == (6.0, 7.0, 6.5)


def test_unicode_lowercase_changing_length_keeps_offsets() -> None:
    text = "İstanbul paid $5 million to 20 firms"
    figs = extract_figures(text)
    assert [f.surface for f in figs] == ["$5 million", "20"]
    assert all(text[f.start_char:f.end_char] == f.surface for f in figs)


@pytest.mark.parametrize(("unit", "family"), [
    ("hour", "time"), ("minute", "time"), ("usd", "currency"), ("gbp", "currency"), ("percent", "percent"),
    ("km", "length"), ("mile", "length"), ("degC", "temperature"), ("person/week", "count/time"),
    ("usd/hour", "currency/time"), ("ton/day", "mass/time"), (None, None), ("bogus", None),
])
def test_unit_family(unit: str | None, family: str | None) -> None:
    assert unit_family(unit) == family


@pytest.mark.parametrize(
    "text",
    ["in 2016, the", "Story 4662 (revision 0) was filed", "1,000 people", "1,5 and 1.5.", "2 1/4 cups", "21st century",
     "10k run", "5 million", "5 bn", "5\tmillion", "5 and a half", "3½ hours", "3 ½", "minus 5", "minus\t5", "-5",
     "75 -300mm",
     "−5", ".5", "a 5", "G7 and 5G", "5", "5 ", "5\u00a0000", "5\u202f000", "5.", "5,", "5-year", "5/", "5%", "(5)",
     "5 thousand", "5 andrew", "5 tnt", "5 hundreds", "5  people", "5 ٣", "٣5", "x5y", "5\n6",
     "one", "one of them", "one of a million", "one tenant", "one ten", "one and a half", "one and only", "twenty one",
     "twenty-one", "one  two", "one\ttwo", "minus one", "negative two", "a one", "an eight", "one_x", "one, two",
     "one 5", "zero", "forty.", "one thousand", "one an", "nine a thousand", "(one)", "seven\n", "one é",
     "first", "the first debate", "first of all", "first of a million", "second.", "first-term", "seven-member",
     "twenty-first", "first-one", "one-on-one", "two-thirds", "one-third", "third", "a third", "a third-party",
     "eleventh hour", "millionth", "first two", "a first", "minus first", "one-2", "one-", "one-é", "first_"],
)
def test_number_shortcuts_match_the_regex(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """find_numbers' shortcuts for plain digit runs and lone number words must give exactly what the full
    NUM_RE path gives."""
    from flows.core import figure_numbers

    low = text.lower()
    fast = figure_numbers.find_numbers(low)
    monkeypatch.setattr(figure_numbers, "_plain_digits", lambda *_: False)
    monkeypatch.setattr(figure_numbers, "_lone_number_word", lambda *_: False)
    assert figure_numbers.find_numbers(low) == fast


# An age in apposition after a name ("Tom Brown, 54, said") is a measure in years of age, like "54-year-old"
# (there is no age kind: FIGURE_KINDS has none, and the gold marks ages as kind measure, unit year).
AGE_APPOSITIONS = [
    ("Tom Brown, 54, said the plan was fine.", "54", "Brown"),
    ("Putin, 72, met Trump in Alaska.", "72", "Putin"),
    ("Tom Brown Jr., 54, said no.", "54", "Brown"),
    ("John Smith III, 61, said no.", "61", "Smith"),
    ("Ahmet Öztürk, 47, said no.", "47", "Öztürk"),
    ("Jose Eduardo dos Santos, 74, said no.", "74", "Santos"),
    ("Tom Brown, 54, and Ana Lopez, 61, spoke.", "61", "Lopez"),
    ("a voter (Ana Lopez, 61) spoke.", "61", "Lopez"),
    ("Trump met Vladimir Putin, 72.", "72", "Putin"),  # the age ends the sentence
    ("“Never,” said Ana Lopez, 61. She left.", "61", "Lopez"),
]


@pytest.mark.parametrize(("text", "surface", "measures"), AGE_APPOSITIONS, ids=[a[0][:24] for a in AGE_APPOSITIONS])
def test_age_after_a_name_is_years_of_age(text: str, surface: str, measures: str) -> None:
    f = _fig(text, surface)
    assert (f.kind, f.unit, f.measures) == ("measure", "year", measures)
    assert (f.kind, f.unit) == (_fig("The 54-year-old said no.", "54-year-old").kind, "year")


NOT_AGES = [
    ("Of the apples, 54, were rotten.", "54"),  # no name before the number
    ("Tom Brown, 54 and his wife left.", "54"),  # no closing comma: not an apposition
    ("In 2014, 54 people died.", "54"),
    ("Tom Brown, 540, said no.", "540"),  # no age is that high
    ("Tom Brown, 5.4, said no.", "5.4"),
    ("It happened in May, 72.", "72"),  # a month, not a name
    ("However, 40, of them stayed.", "40"),
    ("The score was Brown, 54.5 to 40.", "54.5"),
]


@pytest.mark.parametrize(("text", "surface"), NOT_AGES, ids=[a[0][:24] for a in NOT_AGES])
def test_bare_numbers_that_are_no_ages_stay_counts(text: str, surface: str) -> None:
    f = _fig(text, surface)
    assert f.unit is None and f.kind != "measure"
