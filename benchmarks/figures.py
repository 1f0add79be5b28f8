"""Benchmark for flows.core.figures.extract_figures.

Run: python benchmarks/figures.py [--errors N] [--half even|odd|all]

Data: <repo>/../shared/data/figures/dev.jsonl (skips cleanly when absent) and <repo>/seeds/*.txt.
Held-out discipline: rules were developed looking at even-numbered lines (0, 2, 4, … of dev.jsonl);
odd-numbered lines are the held-out half. Both halves and the whole file are reported.
Metric definitions: see flows/core/figure_scoring.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from flows.core.figure_scoring import score  # noqa: E402
from flows.core.figures import extract_figures  # noqa: E402
from flows.core.records import Figure  # noqa: E402

DEV = REPO.parent / "shared" / "data" / "figures" / "dev.jsonl"
NEWS = REPO.parent / "shared" / "data" / "polnear" / "dev" / "docs"  # optional: real news for throughput only
SEEDS = REPO / "seeds"
FIXTURE = REPO / "tests" / "fixtures" / "annotated_figures.jsonl"

# (seed file prefix, anchor text, expected attributes) — the seed goals of issue 4
SEED_CHECKS: list[tuple[str, str, dict[str, object]]] = [
    ("000", "three-hour", {"value": 3, "unit": "hour", "kind": "duration", "measures": "discussion"}),
    ("004", "roughly three hours", {"value": 3, "unit": "hour", "is_approximate": True}),
    ("000", "six to seven hours", {"low": 6, "high": 7, "unit": "hour"}),
    ("001", "five, six, seven thousand people a week", {"low": 5000, "high": 7000, "unit": "person/week"}),
    ("000", "two or three weeks", {"low": 2, "high": 3, "unit": "week"}),
    ("000", "20% of Ukraine", {"value": 20, "unit": "percent", "measures": "Ukraine"}),
    ("000", "Approximately 80%", {"value": 80, "unit": "percent", "is_approximate": True, "measures": "matters"}),
    ("000", "12-minute", {"value": 12, "unit": "minute"}),
    ("001", "August 15, 2025", {"kind": "date", "date_value": "2025-08-15"}),
    ("000", "August 8", {"kind": "date", "date_value": "--08-08"}),
    ("001", "2014", {"kind": "year", "value": 2014}),
    ("004", "2022", {"kind": "year", "value": 2022}),
    ("003", "2 of their top aides", {"value": 2, "measures": "aides"}),
    ("004", "12-hour", {"value": 12, "unit": "hour"}),
]
SEED_NEGATIVES: list[tuple[str, str]] = [("000", "one another"), ("001", "America First"), ("001", "24brussels"),
                                         ("002", "one of Trump"), ("003", "one big one"),
                                         ("003", "three-on-three"), ("004", "one-on-one")]


def load_seed(path: Path) -> str:
    """Seed text normalized like the pipeline: hard-wrapped files joined, one paragraph per line otherwise."""
    raw = path.read_text(encoding="utf-8").replace("\r\n", "\n").strip()
    lines = [ln.strip() for ln in raw.split("\n")]
    if max(len(ln) for ln in lines) < 100:
        return " ".join(ln for ln in lines if ln)
    return "\n\n".join(ln for ln in lines if ln)


def seed_texts() -> dict[str, str]:
    """Seed prefix ("000") → normalized text."""
    return {p.name[:3]: load_seed(p) for p in sorted(SEEDS.glob("*.txt"))}


def _covering(figs: list[Figure], start: int, end: int) -> Figure | None:
    """The figure overlapping [start, end) the most."""
    best, best_ov = None, 0
    for f in figs:
        ov = min(end, f.end_char) - max(start, f.start_char)
        if ov > best_ov:
            best, best_ov = f, ov
    return best


def seed_report(seeds: dict[str, str]) -> tuple[int, int, list[str]]:
    """Run the seed checks; returns (passed, total, failure messages)."""
    fails: list[str] = []
    figs = {k: extract_figures(t) for k, t in seeds.items()}
    for sid, anchor, exp in SEED_CHECKS:
        i = seeds[sid].find(anchor)
        f = _covering(figs[sid], i, i + len(anchor)) if i >= 0 else None
        bad = {k: (getattr(f, k) if f else None) for k, v in exp.items()
               if f is None or getattr(f, k) != v}
        if bad:
            fails.append(f"{sid} {anchor!r}: expected {exp}, got {bad} ({f.surface if f else 'no figure'})")
    for sid, anchor in SEED_NEGATIVES:
        i = seeds[sid].find(anchor)
        f = _covering(figs[sid], i, i + len(anchor)) if i >= 0 else None
        if i < 0 or f is not None:
            fails.append(f"{sid} {anchor!r}: expected no figure, got {f.surface if f else 'anchor missing'}")
    total = len(SEED_CHECKS) + len(SEED_NEGATIVES)
    return total - len(fails), total, fails


def throughput(docs: list[str], target_bytes: int = 4_000_000, rounds: int = 3) -> tuple[float, float, int, int]:
    """(CPU MB/s, wall MB/s, figures, bytes) of extract_figures in this single process: best of `rounds` passes
    over docs repeated to ~target_bytes (1 MB = 1e6 UTF-8 bytes). CPU time = per-core cost, immune to other load."""
    size = sum(len(t.encode("utf-8")) for t in docs)
    reps = max(1, target_bytes // max(size, 1))
    work = docs * reps
    best_cpu = best_wall = float("inf")
    n = 0
    for _ in range(rounds):
        c0, w0 = time.process_time(), time.perf_counter()
        n = sum(len(extract_figures(d)) for d in work)
        best_cpu = min(best_cpu, time.process_time() - c0)
        best_wall = min(best_wall, time.perf_counter() - w0)
    mb = size * reps / 1e6
    return mb / best_cpu, mb / best_wall, n, size * reps


def _fmt(name: str, m: dict[str, object]) -> str:
    """One summary line."""
    q = m["qualifier_acc"]
    return (f"{name:<10} gold={m['gold']:<4} P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f} "
            f"strictF1={m['strict_f1']:.3f} value={m['value_acc']:.3f} unit={m['unit_acc']:.3f} "
            f"kind={m['kind_acc']:.3f} qual={'n/a' if q is None else format(q, '.3f')} "
            f"fp={m['fp']} fn={m['fn']} unjudged={m['unjudged']}")


def throughput_report(seed_docs: list[str], dev_texts: list[str]) -> None:
    """Print throughput on the benchmark mix, on real news when available, and on the dev snippets alone."""
    seed_bytes = sum(len(t.encode("utf-8")) for t in seed_docs)
    mix = seed_docs * max(1, 4_000_000 // seed_bytes) + dev_texts
    cpu, wall, n, size = throughput(mix, 0)
    print(f"\nthroughput: {cpu:.1f} MB/s per core (CPU time; wall clock {wall:.1f} MB/s), best of 3, one process — "
          f"seeds repeated to {size / 1e6:.1f} MB as separate documents + the {len(dev_texts)} dev texts "
          f"({n} figures)")
    if NEWS.is_dir():
        news = [p.read_text(encoding="utf-8") for p in sorted(NEWS.glob("*.txt"))]
        n_cpu, n_wall, n_n, n_size = throughput(news, 2_000_000)
        print(f"  real news (PolNeAR dev, {len(news)} articles repeated to {n_size / 1e6:.1f} MB): "
              f"{n_cpu:.1f} MB/s per core (wall {n_wall:.1f}), {n_n} figures")
    dev_cpu, _, _, _ = throughput(dev_texts, 400_000)
    print(f"  dev texts alone (avg {sum(map(len, dev_texts)) // len(dev_texts)} chars/record, one call each): "
          f"{dev_cpu:.2f} MB/s per core — per-call overhead dominates on snippets")


def main() -> int:
    """Score, print, exit 0."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors")
    ap.add_argument("--half", choices=["even", "odd", "all"], default="all", help="which half for --errors")
    args = ap.parse_args()
    if not DEV.exists():
        print(f"figures benchmark skipped: {DEV} not found")
        return 0
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    halves = {"even": rows[0::2], "odd": rows[1::2], "all": rows}
    results = {k: score(v, extract_figures) for k, v in halves.items()}
    print(f"figures benchmark — {DEV} ({len(rows)} records), {time.strftime('%Y-%m-%d')}")
    for k in ("all", "even", "odd"):
        print(_fmt(k + (" (dev)" if k == "even" else " (held)" if k == "odd" else ""), results[k]))
    print("\nper kind (whole file): gold recall strict value unit")
    for kind, v in results["all"]["per_kind"].items():
        print(f"  {kind:<9} {v['gold']:>4} {v['recall']:.3f} {v['strict']:.3f} {v['value']:.3f} {v['unit']:.3f}")
    seeds = seed_texts()
    ok, total, fails = seed_report(seeds)
    print(f"\nseed checks: {ok}/{total} passed")
    for f in fails:
        print("  FAIL", f)
    if FIXTURE.exists():
        recs = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
        print(_fmt("seeds-ann", score(recs, extract_figures)) + "  (hand annotation of the 5 seeds)")
    throughput_report(list(seeds.values()), [r["text"] for r in rows])
    for e in results[args.half]["errors"][: args.errors]:
        print(e["type"], e.get("id"), repr(e["text"][:150]), "\n    G:", e.get("gold"), "\n    P:", e.get("pred"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
