"""The quote benchmark's speaker scorer (benchmarks/quotes.py): what it counts as the right speaker, and what not."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "bench_quotes", Path(__file__).resolve().parents[2] / "benchmarks" / "quotes.py"
)
bench = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench)


@pytest.mark.parametrize("gold, pred, ok", [
    ("Clinton", "Hillary Clinton", True),
    ("Flynn, a top Trump surrogate,", "Michael Flynn", True),
    ("Another critic, Laurence H. Tribe,", "Laurence H. Tribe", True),
    # a description, then the name after its one comma
    ("The Republican Party’s presumed White House nominee, Trump", "Donald Trump", True),
    ("Gingrich — mentioned by Newsmax as the leading choice —", "Newt Gingrich", True),
    # a surname after lowercase or title words names one person
    ("Former Mexico leader Calderon", "Felipe Calderon", True),
    ("an angry Hollande", "Francois Hollande", True),
    ("Chief Williams", "Calvin Williams", True),
    # ... but not another given name, several people, a family qualifier, a group or an institution
    ("Bill Clinton", "Hillary Clinton", False),
    ("Trump and Ryan", "Paul Ryan", False),
    ("the younger Mr. Trump", "Donald J. Trump", False),
    ("some Republicans", "Georgia Republicans", False),
    ("a 2014 University of California at San Diego paper", "Michigan State University", False),
    ("Dean Baker, Center for Economic and Policy Research", "Josh Bivens", False),
    ("Trump", None, False),
])
def test_speaker_ok(gold: str, pred: str | None, ok: bool) -> None:
    assert bench.speaker_ok(gold, pred) is ok
