"""Scoring floors on the hand-annotated seed fixture, plus tests of the scorer itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows.core.figure_scoring import score
from flows.core.figures import extract_figures
from flows.core.records import Figure

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "annotated_figures.jsonl"


@pytest.fixture(scope="module")
def seed_result() -> dict[str, object]:
    records = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(records) == 5 and sum(len(r["figures"]) for r in records) >= 30
    return score(records, extract_figures)


@pytest.mark.parametrize(("metric", "floor"), [
    ("f1", 0.95), ("strict_f1", 0.90), ("value_acc", 0.95), ("unit_acc", 0.95), ("kind_acc", 0.90),
    ("precision", 0.95), ("recall", 0.95),
])
def test_seed_floors(seed_result: dict[str, object], metric: str, floor: float) -> None:
    assert seed_result[metric] >= floor, [e for e in seed_result["errors"]][:5]  # type: ignore[index]


def test_fixture_offsets_are_consistent() -> None:
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for g in rec["figures"]:
            assert rec["text"][g["start"]:g["end"]] == g["surface"]


def _fig(start: int, end: int, text: str, **kw: object) -> Figure:
    return Figure(start_char=start, end_char=end, surface=text[start:end], kind=str(kw.pop("kind", "count")),
                  value=kw.pop("value", None), **kw)  # type: ignore[arg-type]


def test_scorer_counts_unjudged_only_when_not_exhaustive() -> None:
    text = "about 20 people and 30 cars"
    gold = [{"surface": "20", "start": 6, "end": 8, "value": 20, "low": None, "high": None, "unit": None,
             "kind": "count"}]
    preds = [_fig(6, 8, text, value=20.0), _fig(20, 22, text, value=30.0)]
    ex = score([{"text": text, "figures": gold, "exhaustive": True}], lambda _t: preds)
    nx = score([{"text": text, "figures": gold, "exhaustive": False}], lambda _t: preds)
    assert (ex["tp"], ex["fp"], ex["unjudged"]) == (1, 1, 0)
    assert (nx["tp"], nx["fp"], nx["unjudged"]) == (1, 0, 1)
    assert nx["precision"] == 1.0 and ex["precision"] == 0.5


def test_scorer_strict_value_and_ranges() -> None:
    text = "six to seven hours"
    gold = [{"surface": text, "start": 0, "end": 18, "value": None, "low": 6, "high": 7, "unit": "hour",
             "kind": "range"}]
    good = score([{"text": text, "figures": gold}], lambda _t: [_fig(0, 18, text, value=6.5, low=6.0, high=7.0,
                                                                      unit="hour", kind="duration")])
    loose = score([{"text": text, "figures": gold}], lambda _t: [_fig(7, 18, text, value=7.0, unit="hour")])
    assert good["strict_f1"] == 1.0 and good["value_acc"] == 1.0 and good["kind_acc"] == 1.0
    assert loose["f1"] == 1.0 and loose["strict_f1"] == 0.0 and loose["value_acc"] == 0.0


def test_scorer_optional_gold_is_neutral() -> None:
    text = "by the end of the 1960s"
    gold = [{"surface": "1960", "start": 18, "end": 22, "kind": "date", "timex": "1960", "optional": True,
             "value": None, "low": None, "high": None, "unit": None}]
    with_pred = score([{"text": text, "figures": gold}], lambda _t: [_fig(18, 23, text, kind="year", value=1960.0)])
    without = score([{"text": text, "figures": gold}], lambda _t: [])
    assert (with_pred["tp"], with_pred["fp"], with_pred["fn"]) == (0, 0, 0)
    assert (without["tp"], without["fp"], without["fn"]) == (0, 0, 0)
