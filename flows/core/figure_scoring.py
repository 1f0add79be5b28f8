"""Scoring figure predictions against gold annotations (pure; used by benchmarks/figures.py and the tests).

Gold record: {"text", "figures": [{"surface","start","end","value","low","high","unit","kind",
"qualifier"?, "timex"?, "optional"?}], "exhaustive": bool}.

Definitions
- Matching: one-to-one, greedy by largest character overlap (ties: earliest). A pair needs overlap > 0.
- Detection: TP = matched pairs. FN = unmatched non-optional gold. FP = unmatched predictions, but only in
  records marked exhaustive; in non-exhaustive records (only some figures were annotated) unmatched
  predictions are reported as "unjudged" and excluded from precision. Predictions matched to an `optional`
  gold figure are neither TP nor FP; missing an optional figure is not an FN.
- Strict span: a TP whose (start, end) equal the gold offsets. Strict P = strict / (TP + FP),
  strict R = strict / gold, F1 as usual.
- Value accuracy, over matched pairs: gold value set → |pred.value − gold| ≤ 1e-3·max(1, |gold|); gold range
  (value null, low/high set) → pred low and high both match the same way; gold date (timex) → pred date_value
  equals the timex with "XXXX-" written "--" (a year-only timex "1960" also accepts value 1960).
- Unit accuracy, over matched pairs: pred unit equals gold unit, case-insensitive (None == None).
- Kind accuracy, over matched pairs: gold "range" ↔ pred with low/high; otherwise kinds equal.
- Qualifier accuracy, over matched pairs whose gold has a qualifier: QUALIFIER_OPS[pred.qualifier] == gold.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from flows.core.records import Figure
from flows.core.units import QUALIFIER_OPS

Gold = dict[str, Any]


def match(gold: list[Gold], pred: list[Figure]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs, greedy by overlap size."""
    cands: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g["end"], p.end_char) - max(g["start"], p.start_char)
            if ov > 0:
                exact = g["start"] == p.start_char and g["end"] == p.end_char
                cands.append((-(ov + (10**6 if exact else 0)), gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _close(a: float | None, b: float | None) -> bool:
    """Numeric equality with a relative tolerance."""
    if a is None or b is None:
        return False
    return abs(a - b) <= 1e-3 * max(1.0, abs(b))


def value_ok(g: Gold, p: Figure) -> bool:
    """Value/low-high/date agreement of a matched pair."""
    timex = g.get("timex")
    if g.get("kind") == "date" and timex:
        iso = timex.replace("XXXX-", "--")
        return p.date_value == iso or (len(iso) == 4 and _close(p.value, float(iso)))
    if g.get("value") is None and g.get("low") is not None:
        return _close(p.low, g["low"]) and _close(p.high, g["high"])
    return _close(p.value, g.get("value"))


def unit_ok(g: Gold, p: Figure) -> bool:
    """Unit agreement of a matched pair."""
    return (g.get("unit") or "").lower() == (p.unit or "").lower()


def kind_ok(g: Gold, p: Figure) -> bool:
    """Kind agreement ('range' in gold ↔ a figure with low/high)."""
    if g["kind"] == "range":
        return p.low is not None and p.high is not None
    if g["kind"] == "date" and len(g.get("timex") or "") == 4:
        return p.kind in ("date", "year")
    return g["kind"] == p.kind


def _f1(p: float, r: float) -> float:
    """Harmonic mean."""
    return 2 * p * r / (p + r) if p + r else 0.0


def score(records: Iterable[Gold], predict: Callable[[str], list[Figure]]) -> dict[str, Any]:
    """Aggregate metrics (see module docstring) plus a per-kind breakdown and error lists."""
    c: dict[str, int] = defaultdict(int)
    per_kind: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors: list[dict[str, Any]] = []
    for rec in records:
        _score_record(rec, predict(rec["text"]), c, per_kind, errors)
    return _summarize(c, per_kind, errors)


def _score_record(rec: Gold, pred: list[Figure], c: dict[str, int],
                  per_kind: dict[str, dict[str, int]], errors: list[dict[str, Any]]) -> None:
    """Accumulate counts for one record."""
    gold = rec["figures"]
    pairs = match(gold, pred)
    matched_p = {pi for _, pi in pairs}
    matched_g = {gi for gi, _ in pairs}
    for gi, g in enumerate(gold):
        if not g.get("optional"):
            c["gold"] += 1
            per_kind[g["kind"]]["gold"] += 1
            if gi not in matched_g:
                errors.append({"type": "fn", "id": rec.get("id"), "gold": g["surface"], "text": rec["text"]})
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        if g.get("optional"):
            continue
        k = per_kind[g["kind"]]
        checks = {"tp": True, "strict": (g["start"], g["end"]) == (p.start_char, p.end_char),
                  "value": value_ok(g, p), "unit": unit_ok(g, p), "kind": kind_ok(g, p)}
        for name, ok in checks.items():
            c[name] += ok
            k[name] += ok
        if g.get("qualifier"):
            c["qual_n"] += 1
            c["qual"] += QUALIFIER_OPS.get(p.qualifier or "", "") == g["qualifier"]
        bad = [n for n, ok in checks.items() if not ok]
        if bad:
            errors.append({"type": "/".join(bad), "id": rec.get("id"), "gold": g, "pred": p, "text": rec["text"]})
    for pi, p in enumerate(pred):
        if pi in matched_p:
            continue
        if rec.get("exhaustive", True):
            c["fp"] += 1
            errors.append({"type": "fp", "id": rec.get("id"), "pred": p, "text": rec["text"]})
        else:
            c["unjudged"] += 1


def _summarize(c: dict[str, int], per_kind: dict[str, dict[str, int]], errors: list[dict[str, Any]]
               ) -> dict[str, Any]:
    """Turn counts into rates."""
    tp, fp, gold = c["tp"], c["fp"], c["gold"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / gold if gold else 0.0
    sp = c["strict"] / (tp + fp) if tp + fp else 0.0
    sr = c["strict"] / gold if gold else 0.0
    kinds = {k: {"gold": v["gold"], "recall": v["tp"] / v["gold"] if v["gold"] else 0.0,
                 "strict": v["strict"] / v["tp"] if v["tp"] else 0.0,
                 "value": v["value"] / v["tp"] if v["tp"] else 0.0,
                 "unit": v["unit"] / v["tp"] if v["tp"] else 0.0} for k, v in sorted(per_kind.items())}
    return {
        "gold": gold, "tp": tp, "fp": fp, "fn": gold - tp, "unjudged": c["unjudged"],
        "precision": p, "recall": r, "f1": _f1(p, r), "strict_f1": _f1(sp, sr),
        "value_acc": c["value"] / tp if tp else 0.0, "unit_acc": c["unit"] / tp if tp else 0.0,
        "kind_acc": c["kind"] / tp if tp else 0.0,
        "qualifier_acc": c["qual"] / c["qual_n"] if c["qual_n"] else None,
        "per_kind": kinds, "errors": errors,
    }
