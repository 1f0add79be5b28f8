"""Scale benchmark: end-to-end runs of `newsdesk run` on generated N-document JSONL corpora.

Corpora are built by sampling and perturbing real text: PolNeAR train articles when ../shared/data is
present (read at run time, never copied into the project), the seed articles otherwise. Each document is a
window of 1–3 consecutive paragraphs (about 1.2 kB, like a wire story) with its numbers perturbed and a
unique closing line, so every document is distinct.

For each N it reports wall time (process start to exit, so Prefect's start-up is included), the flow's
own time, the time of each stage, marginal MB/s between consecutive sizes, peak RSS of the pipeline process
and of its whole process tree, and the orchestration share (flow time not spent in stage work, load or
models). With --incremental it also changes 1 % of the documents and times the re-run.

    python benchmarks/scale.py --sizes 2000 20000 100000 [--task-runner process] [--incremental]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
POLNEAR = REPO.parent / "shared" / "data" / "polnear" / "train" / "docs"
NUMBER = re.compile(r"\d+")


def source_paragraphs() -> tuple[list[list[str]], str]:
    """Paragraph lists of the real articles to sample from, and where they came from."""
    paths = sorted(POLNEAR.glob("*.txt")) if POLNEAR.is_dir() else []
    label = f"PolNeAR train ({len(paths)} articles)"
    if not paths:
        paths, label = sorted((REPO / "seeds").glob("*.txt")), "seed articles"
    docs = []
    for path in paths:
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", path.read_text(encoding="utf-8")) if p.strip()]
        if paragraphs:
            docs.append(paragraphs)
    return docs, label


def build_corpus(n: int, out: Path, seed: int = 7) -> float:
    """Write an n-document JSONL corpus; return its size in MB."""
    docs, _ = source_paragraphs()
    rng = random.Random(seed)
    with open(out, "w", encoding="utf-8") as handle:
        for i in range(n):
            handle.write(json.dumps(make_document(i, docs, rng), ensure_ascii=False) + "\n")
    return out.stat().st_size / 1e6


def make_document(i: int, docs: list[list[str]], rng: random.Random, version: int = 0) -> dict:
    """One perturbed document: a paragraph window of a real article with its numbers changed."""
    paragraphs = rng.choice(docs)
    start = rng.randrange(len(paragraphs))
    body, size = [], 0
    for paragraph in paragraphs[start:]:
        body.append(NUMBER.sub(lambda m: str(rng.randint(1, 10 ** len(m.group())) - 1), paragraph))
        size += len(paragraph)
        if size >= 900:
            break
    body.append(f"Story {i} (revision {version}) was filed by the desk.")
    return {"id": f"doc-{i:07d}", "title": body[0][:90], "outlet": f"outlet-{i % 40:02d}", "text": "\n\n".join(body)}


def change_documents(corpus: Path, share: float, seed: int = 11) -> int:
    """Rewrite `share` of the corpus's documents in place (a new revision line); return how many changed."""
    lines = corpus.read_text(encoding="utf-8").splitlines()
    rng = random.Random(seed)
    chosen = set(rng.sample(range(len(lines)), max(1, int(len(lines) * share))))
    for index in chosen:
        record = json.loads(lines[index])
        record["text"] = record["text"].replace("(revision 0)", "(revision 1)")
        lines[index] = json.dumps(record, ensure_ascii=False)
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(chosen)


def run_pipeline(corpus: Path, warehouse: Path, runner: str, workers: int | None) -> dict:
    """Run `newsdesk run --json` in a child process, sampling its memory; return the summary and measurements."""
    command = [str(Path(sys.executable).with_name("newsdesk")), "run", "--source", str(corpus), "--warehouse",
               str(warehouse), "--json", "--task-runner", runner]
    if workers:
        command += ["--workers", str(workers)]
    started, before = time.monotonic(), resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=REPO)
    peaks = {"main": 0, "tree": 0}
    stop = threading.Event()
    threading.Thread(target=_sample_memory, args=(proc.pid, peaks, stop), daemon=True).start()
    out, _ = proc.communicate()
    stop.set()
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # every reaped process of the tree, workers included
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"newsdesk run failed ({proc.returncode}): {out[-2000:]}")
    summary = json.loads(out.strip().splitlines()[-1])
    return {"summary": summary, "wall": wall, "cpu": cpu, "rss_main_mb": peaks["main"] / 1e6,
            "rss_tree_mb": peaks["tree"] / 1e6}


def _sample_memory(pid: int, peaks: dict, stop: threading.Event) -> None:
    """Track the peak RSS of a process and of its process tree."""
    try:
        root = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    while not stop.is_set():
        try:
            main = root.memory_info().rss
            tree = main + sum(child.memory_info().rss for child in root.children(recursive=True))
        except psutil.Error:
            break
        peaks["main"], peaks["tree"] = max(peaks["main"], main), max(peaks["tree"], tree)
        time.sleep(0.2)


STAGES = ("ingest_seconds", "normalize_seconds", "extract_seconds", "stage_seconds")


def orchestration(summary: dict, stage_work: float) -> float:
    """Batch-phase seconds not spent in stage work: task and worker start-up, scheduling, waiting on the tail.

    Stage work is summed over the batch tasks; in a process pool or on Dask `workers` of them run at once, while
    threads share one interpreter lock, so their stage work counts as serial.
    """
    parallel = (summary.get("workers") or 1) if summary.get("task_runner") in ("process", "dask") else 1
    return max(0.0, summary["timings"]["batches_wall_seconds"] - stage_work / parallel)


def describe(n: int, mb: float, result: dict) -> dict:
    """One row of the results table."""
    summary, timings = result["summary"], result["summary"]["timings"]
    stage_work = sum(timings.get(key, 0.0) for key in STAGES)
    flow_seconds = summary["seconds"]
    after = timings.get("dq_seconds", 0.0) + timings.get("report_seconds", 0.0)
    busy = timings["batches_wall_seconds"] + timings["load_seconds"] + timings["models_seconds"] + after
    return {
        "documents": n, "MB": round(mb, 1), "wall_s": round(result["wall"], 1), "flow_s": flow_seconds,
        "batches_s": timings["batches_wall_seconds"], "stage_work_s": round(stage_work, 1),
        "load_s": timings["load_seconds"], "speakers_s": timings.get("speakers_seconds"),
        "dbt_s": timings.get("dbt_seconds"), "dq_s": timings.get("dq_seconds"),
        "report_s": timings.get("report_seconds"),
        "runner": f'{summary.get("task_runner")}/{summary.get("workers")}',
        "orchestration_share": round(orchestration(summary, stage_work) / flow_seconds, 3),
        "startup_s": round(result["wall"] - flow_seconds, 1), "busy_s": round(busy, 1),
        "cpu_s": round(result["cpu"], 1),
        "rss_main_MB": round(result["rss_main_mb"]), "rss_tree_MB": round(result["rss_tree_mb"]),
        "loaded": summary["documents"], "quotes": summary["quotes"], "figures": summary["figures"],
        "quarantined": summary["quarantined"],
    }


def main() -> None:
    """Build corpora, run them, print and save the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000, 100000])
    parser.add_argument("--task-runner", default="auto", choices=["auto", "thread", "process", "dask"])
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--incremental", action="store_true", help="also time a re-run with 1%% changed")
    parser.add_argument("--keep", type=Path, default=None, help="keep corpora and warehouses in this folder")
    parser.add_argument("--out", type=Path, default=None, help="write the rows as JSON here")
    args = parser.parse_args()
    _, label = source_paragraphs()
    print(f"corpus source: {label}; task runner: {args.task_runner}")
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="newsdesk-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for n in args.sizes:
            corpus = workdir / f"corpus-{n}.jsonl"
            mb = build_corpus(n, corpus)
            warehouse = workdir / f"w-{n}.duckdb"
            for stale in workdir.glob(f"w-{n}.duckdb*"):
                shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
            row = describe(n, mb, run_pipeline(corpus, warehouse, args.task_runner, args.workers))
            if args.incremental:
                changed = change_documents(corpus, 0.01)
                again = run_pipeline(corpus, warehouse, args.task_runner, args.workers)
                row.update(incremental_changed=changed, incremental_flow_s=again["summary"]["seconds"],
                           incremental_share=round(again["summary"]["seconds"] / row["flow_s"], 3),
                           incremental_loaded=again["summary"]["documents"])
            rows.append(row)
            print(json.dumps(row))
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    for previous, current in zip(rows, rows[1:]):
        delta_mb = current["MB"] - previous["MB"]
        delta_s = current["flow_s"] - previous["flow_s"]
        current["marginal_MB_per_s"] = round(delta_mb / delta_s, 2) if delta_s > 0 else None
    _print_table(rows)
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1))


def _print_table(rows: list[dict]) -> None:
    """A markdown table of the rows."""
    if not rows:
        return
    keys = list(dict.fromkeys(k for row in rows for k in row))
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for row in rows:
        print("| " + " | ".join(str(row.get(k, "")) for k in keys) + " |")


if __name__ == "__main__":
    main()
