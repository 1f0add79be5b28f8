"""Cross-document speaker canonicalization (flows.core.speakers.canonical_speakers)."""

from __future__ import annotations

import pytest

from flows.core.name_titles import job_title_end
from flows.core.quote_mentions import clean_name
from flows.core.quote_names import full_names
from flows.core.quotes import extract_quotes
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


# Compound job titles are stripped: `speaker` is the bare name, the title stays in the mention.
TITLED = [
    ("Finance Minister Ana Lopez", "Ana Lopez"),
    ("Foreign Minister Sergei Lavrov", "Sergei Lavrov"),
    ("Deputy Chairman Wang Lin", "Wang Lin"),
    ("Press Secretary Sean Spicer", "Sean Spicer"),
    ("White House Press Secretary Josh Earnest", "Josh Earnest"),
    ("Senate Majority Leader Mitch McConnell", "Mitch McConnell"),
    ("State John Kerry", "John Kerry"),  # the run left of "Secretary of State John Kerry"
    ("FBI Director James B. Comey", "James B. Comey"),
    ("U.S. District Judge Gonzalo Curiel", "Gonzalo Curiel"),
    ("Director General Roberto Azevedo", "Roberto Azevedo"),
    ("Hewlett-Packard CEO Carly Fiorina", "Carly Fiorina"),
    ("Crown Prince Mohammed bin Salman", "Mohammed bin Salman"),
    ("Finance Minister Lopez", "Lopez"),
    ("Engineer Raj Patel", "Raj Patel"),  # occupations written as titles
    ("Worker Lena Fischer", "Lena Fischer"),  # a job word starting a sentence (a first-time user's fire story)
    ("Firefighter Pavel Novak", "Pavel Novak"),
    ("Witness Maria Gomez", "Maria Gomez"),
]
UNTITLED = [  # names (or non-persons) that hold no compound title and must come out unchanged
    "Rob Portman", "Martin Luther King Jr.", "Prince Harry Windsor", "Jose Eduardo dos Santos", "Mat dos Santos",
    "Ursula von der Leyen", "Mike Judge", "John Major", "Bill de Blasio", "Donald Trump Jr.",
]


@pytest.mark.parametrize(("surface", "expected"), TITLED)
def test_compound_titles_are_stripped(surface: str, expected: str) -> None:
    assert clean_name(surface.split()) == expected
    assert canonical_speakers([surface])[surface] == expected


@pytest.mark.parametrize("name", UNTITLED)
def test_names_without_compound_titles_are_kept(name: str) -> None:
    assert clean_name(name.split()) == (name[len("Prince "):] if name.startswith("Prince ") else name)


def test_justice_department_gets_no_person_name_from_title_stripping() -> None:
    assert job_title_end("Justice Department".split()) == 0  # the last word is never cut


# Lowercase name particles ("dos", "de", "von der", "bin") belong to the full name, within a document and across.
PARTICLE_DOCS = [
    ('Jose Eduardo dos Santos spoke. "We will win," Santos said.', "Jose Eduardo dos Santos"),
    ('Angolan leader Jose Eduardo dos Santos spoke. "We will win," said dos Santos.', "Jose Eduardo dos Santos"),
    ('Ursula von der Leyen spoke. "We will win," von der Leyen said.', "Ursula von der Leyen"),
    ('Charles de Gaulle spoke. "We will win," de Gaulle said.', "Charles de Gaulle"),
    ('Mohammed bin Salman spoke. "We will win," Salman said.', "Mohammed bin Salman"),
    ('Mat dos Santos said: "We will win the election."', "Mat dos Santos"),
    ('Matdos Santos said: "We will win the election."', "Matdos Santos"),  # as written in the source (PolNeAR)
]


@pytest.mark.parametrize(("doc", "speaker"), PARTICLE_DOCS)
def test_particles_stay_in_the_in_document_full_name(doc: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotes(doc)] == [speaker]


def test_full_names_reads_particles_before_the_surname() -> None:
    text = "Jose Eduardo dos Santos spoke. Later dos Santos left. Ursula von der Leyen came, and von der Leyen spoke."
    assert full_names(text, ["Santos", "Leyen"]) == {"Santos": "Jose Eduardo dos Santos", "Leyen": "Ursula von der Leyen"}
    assert full_names("the lower dos Santos spoke.", ["Santos"]) == {}  # a particle alone is no full name


PARTICLE_NAMES = [
    (["Jose Eduardo dos Santos", "dos Santos", "Santos"], "dos Santos", "Jose Eduardo dos Santos"),
    (["Jose Eduardo dos Santos", "dos Santos", "Santos"], "Santos", "Jose Eduardo dos Santos"),
    (["Ursula von der Leyen", "von der Leyen"], "von der Leyen", "Ursula von der Leyen"),
    (["dos Santos", "dos Santos"], "dos Santos", "dos Santos"),  # no full name known: the particle is kept
    (["Bill de Blasio", "de Blasio", "Blasio"], "Blasio", "Bill de Blasio"),
    (["Finance Minister Ana Lopez", "Lopez", "Ana Lopez"], "Lopez", "Ana Lopez"),
]


@pytest.mark.parametrize(("names", "name", "expected"), PARTICLE_NAMES)
def test_particles_across_documents(names: list[str], name: str, expected: str) -> None:
    assert canonical_speakers(names)[name] == expected


def test_different_people_with_particles_stay_apart() -> None:
    got = canonical_speakers(["Jose Eduardo dos Santos", "Isabel dos Santos", "Isabel dos Santos"])
    assert got["Jose Eduardo dos Santos"] == "Jose Eduardo dos Santos"
    assert got["Isabel dos Santos"] == "Isabel dos Santos"
