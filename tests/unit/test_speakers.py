"""Cross-document speaker canonicalization (flows.core.speakers.canonical_speakers)."""

from __future__ import annotations

import pytest

from flows.core.speakers import canonical_speakers

CASES = [
    (["Zelensky", "Zelenskyy", "Volodymyr Zelensky"], "Zelenskyy", "Volodymyr Zelensky"),
    (["Zelensky", "Zelenskyy", "Volodymyr Zelensky"], "Zelensky", "Volodymyr Zelensky"),
    (["Ukrainian President Volodymyr Zelenskyy", "Volodymyr Zelensky", "Zelensky"], "Ukrainian President Volodymyr Zelenskyy", "Volodymyr Zelensky"),
    (["Trump", "Donald Trump", "President Donald Trump"], "Trump", "Donald Trump"),
    (["Trump", "Donald Trump", "President Donald Trump"], "President Donald Trump", "Donald Trump"),
    (["Mr. Trump", "Donald J. Trump", "Donald Trump", "Donald Trump"], "Donald J. Trump", "Donald Trump"),
    (["Putin’s", "Vladimir Putin"], "Putin’s", "Vladimir Putin"),
    (["Former President Dmitry Medvedev", "Medvedev"], "Medvedev", "Dmitry Medvedev"),
    (["Sen. Bernie Sanders", "Sanders"], "Sen. Bernie Sanders", "Bernie Sanders"),
]


@pytest.mark.parametrize("names, name, expected", CASES)
def test_canonical_name(names: list[str], name: str, expected: str) -> None:
    assert canonical_speakers(names)[name] == expected


def test_different_people_with_one_surname_stay_apart() -> None:
    got = canonical_speakers(["Hillary Clinton", "Hillary Clinton", "Bill Clinton", "Clinton", "Melania Trump", "Donald Trump"])
    assert got["Bill Clinton"] == "Bill Clinton"
    assert got["Hillary Clinton"] == "Hillary Clinton"
    assert got["Clinton"] == "Hillary Clinton"  # a bare surname goes to the most mentioned full name
    assert got["Melania Trump"] == "Melania Trump"


@pytest.mark.parametrize("a, b", [("Kew", "Lew"), ("CNN", "CNBC"), ("Lee", "Leo")])
def test_short_names_and_acronyms_are_not_fuzzy_matched(a: str, b: str) -> None:
    got = canonical_speakers([a, b])
    assert got[a] != got[b]


def test_every_input_is_mapped_and_empty_names_are_ignored() -> None:
    names = ["Boris Bondarev", "Bondarev", "", "  ", "The Moscow Times"]
    got = canonical_speakers(names)
    assert set(got) == {"Boris Bondarev", "Bondarev", "The Moscow Times"}
    assert got["Bondarev"] == "Boris Bondarev"
    assert got["The Moscow Times"] == "Moscow Times"
