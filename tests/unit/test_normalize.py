"""Normalization: repair, hard-wrap joining, boilerplate removal, header metadata."""

from pathlib import Path

import pytest

from flows.core.normalize import (
    is_hard_wrapped,
    join_wrapped_lines,
    normalize_document,
    repair_text,
    split_paragraphs,
    strip_boilerplate,
)
from flows.core.records import RawDocument

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _raw(text: str, title: str | None = None) -> RawDocument:
    return RawDocument("doc", "doc.txt", "txt", text, "0" * 64, title=title)


def _seed(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return normalize_document(_raw(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("caf\u0065\u0301", "café"),  # NFD → NFC
        ("Trumpâ€™s talks", "Trump’s talks"),  # UTF-8 read as cp1252
        ("a\u00a0b\u200bc", "a bc"),  # NBSP to space, zero-width dropped
        ("line one  \r\nline two", "line one\nline two"),
        ("bell\x07 char", "bell char"),
        ("a \u00a0\t b\u2003c\u3000 d", "a b c d"),  # mixed runs and lone non-ASCII spaces → one " "
        ("a b  c", "a b c"),  # single spaces stay, a double space collapses
        ("one \n two\n three \nfour", "one\ntwo\nthree\nfour"),  # spaces at line edges dropped
        ("fine\u200b\u00ad\x1f\u2060 end", "fine end"),  # invisible and control characters deleted together
    ],
    ids=["nfc", "mojibake", "invisible", "crlf", "control", "space-runs", "single-spaces", "line-edges", "deleted"],
)
def test_repair_text(text, expected):
    """Repair fixes encodings and invisible characters without touching real text."""
    assert repair_text(text) == expected


def test_hard_wrap_detection_needs_short_open_lines():
    """Long one-line paragraphs are not mistaken for wrapped text."""
    long_lines = ["A full paragraph that goes on and on. " * 4] * 5
    assert not is_hard_wrapped(long_lines)
    assert is_hard_wrapped(["The talks went on for", "hours and ended with", "no deal at all, the", "officials said."])


def test_join_wrapped_lines_breaks_at_sentence_end_before_capital():
    """A sentence end followed by a capitalized line starts a new paragraph; other breaks are joined."""
    lines = ["During a brief statement, Trump said,", "“We didn’t get there,” while admitting", "defeat.",
             "Putin framed his position around", "security."]
    assert join_wrapped_lines(lines) == [
        "During a brief statement, Trump said, “We didn’t get there,” while admitting defeat.",
        "Putin framed his position around security.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will rebuild,” Mayor Linda Park\nsaid at a news conference.", ["“We will rebuild,” Mayor Linda Park said "
                                                                          "at a news conference."]),
        ("Chief Tom Alvarez spoke. “The\nsearch is over,” he said.", ["Chief Tom Alvarez spoke. “The search is over,” "
                                                                    "he said."]),
        ("“It is a\nonce-in-a-century event.”", ["“It is a once-in-a-century event.”"]),
        ("Bridge falls\nBy Jane Doe", ["Bridge falls", "By Jane Doe"]),  # a capital: a new line
        ("The vote ended.\nthen nothing", ["The vote ended.", "then nothing"]),  # a sentence ended there
        ("x" * 120 + "\nand more", ["x" * 120, "and more"]),  # a long line is a paragraph, not a wrap
        ("“We lost four people,” said Fire Chief\nMaria Okonkwo.", ["“We lost four people,” said Fire Chief Maria "
                                                                   "Okonkwo."]),  # cut inside the speech tag
        ("“No deal,” Trump said, according to\nReuters.", ["“No deal,” Trump said, according to Reuters."]),
        ("“No deal,” the summit\nEnded.", ["“No deal,” the summit", "Ended."]),  # no speech verb: no tag
    ],
    ids=["tag-wrapped", "quote-wrapped", "mid-word", "capital", "sentence-end", "long-line", "tag-before-name",
         "according-to", "no-tag"],
)
def test_short_blocks_join_a_line_broken_mid_sentence(text, expected):
    """Two or three wrapped lines are too few to look hard-wrapped, but a short line that stops mid-sentence
    before a line going on in lower case is one paragraph, so a quote or its tag is not cut at the break."""
    paragraphs, joined = split_paragraphs(text)
    assert paragraphs == expected
    assert joined == text.count("\n") + 1 - len(expected)


def test_dateline_starts_a_paragraph_after_a_headline():
    """A headline without punctuation is not glued onto the dateline paragraph."""
    paragraphs, joined = split_paragraphs(
        "Talks yield nothing, Trump\nsignals more talks\nAnchorage, Alaska — President Trump and\n"
        "Putin met on Friday without\nan agreement."
    )
    assert paragraphs == ["Talks yield nothing, Trump signals more talks",
                          "Anchorage, Alaska — President Trump and Putin met on Friday without an agreement."]
    assert joined == 3


@pytest.mark.parametrize(
    "line",
    ["6 Min Read", "Share This Article", "Share via", "-", "Share", "Advertisement", "AFP contributed to this report."],
)
def test_boilerplate_lines_are_removed_and_kept_aside(line):
    """Page furniture is dropped from the body but recorded in removed_lines."""
    kept, removed, _ = strip_boilerplate(["Real paragraph.", line, "Another one."])
    assert kept == ["Real paragraph.", "Another one."]
    assert removed == [line]


def test_byline_block_and_author_bio():
    """The "By" block and the author bio become the byline, not body text."""
    kept, removed, byline = strip_boilerplate(
        ["Sarah", "By", "Sarah", "Sarah James is a tech writer at National Diplomat, covering policy.", "Body."]
    )
    assert kept == ["Body."]
    assert byline == "Sarah James"
    assert len(removed) == 4


@pytest.mark.parametrize(
    ("line", "name"),
    [("By Jane Doe", "Jane Doe"), ("By Jane Doe | 3 Min Read", "Jane Doe"), ("by Ann Lee · Updated 4 hours ago", "Ann Lee"),
     ("By the end of the day | he left", None), ("By the end of the day", None)],
)
def test_byline_lines_with_furniture_after_a_bar(line, name):
    """A "By" line keeps its name when page furniture follows a bar or dot; lower-case words are no name."""
    kept, removed, byline = strip_boilerplate(["Headline", line, "Body."])
    assert byline == name
    assert (line in removed) == (name is not None)


@pytest.mark.parametrize(
    ("first", "dateline"),
    [("Anchorage, Alaska — President Trump met Putin.", "Anchorage, Alaska"),
     ("SPRINGFIELD, March 3 (Gazette) - A storm hit.", "SPRINGFIELD"),
     ("WASHINGTON (Reuters) - The talks ended.", "WASHINGTON"),
     ("KYIV, Ukraine, Aug. 16 – Talks ended.", "KYIV, Ukraine"),
     ("Trump Tower-based firms said no.", None)],  # a hyphen inside a word is no dateline dash
)
def test_datelines_in_wire_style(first, dateline):
    doc = normalize_document(_raw(f"A headline here\n\n{first}\n\nMore text."))
    assert doc.dateline == dateline


def test_seed_000_title():
    """The headline of 000 is its first line."""
    doc = _seed("000")
    assert doc.title == "Trump and Putin: A Summit of Illusions with No Path to Peace"
    assert doc.text.startswith(doc.title + "\n\n")


def test_seed_003_boilerplate_gone():
    """003 keeps no share button, read time or author bio in its text."""
    doc = _seed("003")
    for junk in ("Share This Article", "6 Min Read", "tech writer at National Diplomat"):
        assert junk not in doc.text
    assert doc.byline == "Sarah James"
    assert doc.title == "Despite Red Carpet Rollout, ‘No Deal’ Between Trump And Putin"
    assert not doc.text.rstrip().endswith("source")


def test_seed_002_share_via_gone():
    """002 keeps no "Share via" line."""
    doc = _seed("002")
    assert "Share via" not in doc.text
    assert "\n\n-\n\n" not in doc.text


def test_seed_004_lines_joined():
    """004's hard-wrapped lines become paragraphs; the headline and dateline are recognized."""
    doc = _seed("004")
    assert doc.title == "12-hour talks yield no concrete ceasefire, Trump signals further discussions with Zelenskyy and NATO"
    assert doc.dateline == "Anchorage, Alaska"
    assert "“extremely productive”" in doc.text
    assert "Trump said, “We didn’t get there, but we have a very good chance of getting there,” while" in doc.text
    paragraphs = doc.text.split("\n\n")
    assert all("\n" not in p for p in paragraphs)
    assert 15 <= len(paragraphs) <= 25
    assert doc.joined_wrapped_lines > 40


def test_metadata_title_is_prepended_to_the_body():
    """A title from metadata (HTML, dumps) becomes the first paragraph so headline figures are found."""
    doc = normalize_document(_raw("Body sentence one.\n\nBody two.", title="A 12-hour summit"))
    assert doc.title == "A 12-hour summit"
    assert doc.text == "A 12-hour summit\n\nBody sentence one.\n\nBody two."


def test_normalization_is_idempotent():
    """Normalizing normalized text changes nothing."""
    for prefix in ("000", "002", "003", "004"):
        doc = _seed(prefix)
        again = normalize_document(_raw(doc.text))
        assert again.text == doc.text


@pytest.mark.parametrize(
    ("line", "furniture"),
    [("5 min read", True), ("Share on Facebook", True), ("ADVERTISEMENT", True), ("— — —", False), ("———", True),
     ("Photos:", True), ("Jane Roe contributed reporting to this report.", True),
     ("Sign up for our daily newsletter", True), ("Shares fell 5 percent.", False), ("Read more than ever", False)],
)
def test_boilerplate_lines(line: str, furniture: bool) -> None:
    """Each kind of page furniture is dropped as a whole line; article text that merely starts alike is kept."""
    kept, removed, _ = strip_boilerplate([line, "The story goes on."])
    assert (line in removed) is furniture
    assert "The story goes on." in kept


def test_trailing_source_word_is_removed_only_after_a_sentence() -> None:
    kept, removed, _ = strip_boilerplate(["He said so. Source", "A source", "It rose.\tsource"])
    assert kept == ["He said so.", "A source", "It rose."]
    assert removed == ["Source", "source"]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Dec 5, 2026", "2026-12-05"),
        ("Aug. 16, 2025", "2025-08-16"),
        ("December 5, 2026 10:30 AM", "2026-12-05T10:30:00"),
        ("13/12/2026", "2026-12-13"),  # 13 cannot be a month
        ("2026-12-05T10:00:00Z", "2026-12-05T10:00:00Z"),  # ISO stays as given
        ("05/12/2026", "05/12/2026"),  # May 12 or 5 December: kept as given
        ("Friday", "Friday"),  # no year: kept (parsing it would invent one)
        ("not a date 2026", "not a date 2026"),
    ],
)
def test_publication_dates_become_iso_when_unambiguous(given, expected):
    from flows.core.normalize import iso_published_at

    assert iso_published_at(given) == expected
