"""Extraction time must grow linearly with document size: one long article must not stall a batch.

Measured on a long interview-style article (named quotes, each followed by a pronoun-attributed one), at
two sizes 8x apart. Timing ratios, not absolute times, best of several runs of process CPU time (a busy machine
stretches wall time, not the CPU a run uses), so a loaded CI machine shifts both sides alike: a linear extractor
gives a ratio of ~8, a quadratic one ~50.
"""

from __future__ import annotations

import time

import pytest

from flows.core.figures import extract_figures
from flows.core.quotes import extract_quotes

pytestmark = pytest.mark.slow
SMALL, FACTOR = 400, 8  # question/answer pairs
LINEAR_LIMIT = 20
NAMES = ["Anna Smith", "Tom Brown", "Maria Lopez", "John Carter"]


def _text(pairs: int) -> str:
    return "\n\n".join(f"“Point {i} stands,” said {NAMES[i % 4]} on Monday.\n\n“We will see about {i},” she added."
                       for i in range(pairs))


def _best_of(fn, text: str, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        fn(text)
        best = min(best, time.process_time() - started)
    return best


def _ratio(fn) -> float:
    return _best_of(fn, _text(SMALL * FACTOR), 3) / _best_of(fn, _text(SMALL), 5)


def test_figure_extraction_scales_linearly():
    assert _ratio(extract_figures) < LINEAR_LIMIT


def test_quote_extraction_scales_linearly():
    assert _ratio(extract_quotes) < LINEAR_LIMIT
