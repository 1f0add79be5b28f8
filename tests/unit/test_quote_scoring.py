"""Accuracy floors on a hand-annotated set of the five seed articles (tests/fixtures/annotated_quotes.jsonl).

The annotation lists every quote of the seeds (quote text without marks, canonical speaker, kind). The seeds are
normalized minimally here (hard-wrapped lines joined, one blank line between paragraphs) as the pipeline would.
The floors sit just under today's scores so that any regression fails.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from flows.core.quotes import extract_quotes
from flows.core.records import Quote

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "annotated_quotes.jsonl"
SEEDS = REPO / "seeds"
_LINE_END = tuple('.!?:"”’»)')

RECALL_FLOOR = 1.0  # every annotated quote is found
PRECISION_FLOOR = 1.0  # and nothing else is
SPEAKER_FLOOR = 0.99  # on annotated quotes that are not scare quotes (today 1.0: 65 of 65)
KIND_FLOOR = 0.98  # full / partial / scare agreement (today 0.986: 70 of 71)


def normalize_seed(raw: str) -> str:
    """Join hard-wrapped lines into paragraphs; a line ending a sentence (or a blank line) ends a paragraph."""
    paras: list[str] = []
    cur: list[str] = []
    for line in raw.split("\n"):
        line = line.strip()
        if line:
            cur.append(line)
        if cur and (not line or line.endswith(_LINE_END)):
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    return "\n\n".join(paras)


def _annotation() -> list[dict]:
    """The hand annotation, one dict per quote."""
    return [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def predictions() -> dict[str, list[Quote]]:
    """extract_quotes over every normalized seed."""
    return {p.name: extract_quotes(normalize_seed(p.read_text(encoding="utf-8"))) for p in sorted(SEEDS.glob("*.txt"))}


def _pairs(predictions: dict[str, list[Quote]]) -> tuple[list[tuple[dict, Quote | None]], int]:
    """Match annotations to predictions one-to-one by (document, quote text); also count predictions."""
    pool = {d: Counter((q.text for q in qs)) for d, qs in predictions.items()}
    by_text = {(d, q.text): q for d, qs in predictions.items() for q in qs}
    pairs = []
    for row in _annotation():
        key = (row["doc"], row["text"])
        if pool.get(row["doc"], Counter())[row["text"]] > 0:
            pool[row["doc"]][row["text"]] -= 1
            pairs.append((row, by_text[key]))
        else:
            pairs.append((row, None))
    return pairs, sum(len(qs) for qs in predictions.values())


def test_fixture_covers_every_seed() -> None:
    assert {r["doc"] for r in _annotation()} == {p.name for p in SEEDS.glob("*.txt")}


def test_every_quote_found(predictions: dict[str, list[Quote]]) -> None:
    pairs, n_pred = _pairs(predictions)
    found = sum(q is not None for _, q in pairs)
    missing = [r["text"] for r, q in pairs if q is None]
    assert found / len(pairs) >= RECALL_FLOOR, missing
    assert found / n_pred >= PRECISION_FLOOR


def test_speaker_accuracy_floor(predictions: dict[str, list[Quote]]) -> None:
    pairs, _ = _pairs(predictions)
    scored = [(r, q) for r, q in pairs if r["kind"] != "scare"]
    right = sum(q is not None and q.speaker == r["speaker"] for r, q in scored)
    wrong = [(r["text"][:40], r["speaker"], q.speaker if q else "MISSING") for r, q in scored if not (q and q.speaker == r["speaker"])]
    assert right / len(scored) >= SPEAKER_FLOOR, wrong


def test_kind_accuracy_floor(predictions: dict[str, list[Quote]]) -> None:
    pairs, _ = _pairs(predictions)
    right = sum(q is not None and q.kind == r["kind"] for r, q in pairs)
    wrong = [(r["text"][:40], r["kind"], q.kind if q else "MISSING") for r, q in pairs if not (q and q.kind == r["kind"])]
    assert right / len(pairs) >= KIND_FLOOR, wrong


def test_scare_quotes_have_no_speaker(predictions: dict[str, list[Quote]]) -> None:
    for quotes in predictions.values():
        assert all(q.speaker is None for q in quotes if q.kind == "scare")


def test_every_record_is_complete(predictions: dict[str, list[Quote]]) -> None:
    for name, quotes in predictions.items():
        text = normalize_seed((SEEDS / name).read_text(encoding="utf-8"))
        for q in quotes:
            assert text[q.start_char : q.end_char] == q.text
            assert q.extraction_method and q.sentence
            assert q.paragraph_index == text.count("\n\n", 0, q.start_char)
            if q.speaker is not None:
                assert q.attribution_method and q.speaker_mention
                assert text[q.speaker_start : q.speaker_end] == q.speaker_mention
