"""Crash safety and concurrency through the real CLI: SIGKILL mid-run and re-run; two runs at once.

CLI runs here: 2 (two at once) + 2 (lock timeout) + 2 (killed) + 2 (re-runs) = 8, in four parallel waves.
Kill points: during ingest (a fresh warehouse; staging half written), and inside the load of a run that
replaces every row of an existing warehouse (killed as soon as the database file grows or the WAL appears,
i.e. while the transaction writes or commits).
"""

from __future__ import annotations

import json
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import pytest

from rel_helpers import cli, duplicates, make_corpus, query, snapshot, staging_dirs, summary_value

pytestmark = pytest.mark.slow

N_DOCS = 1000
BUSY = "another newsdesk run is writing"


@pytest.fixture(scope="module")
def corpus(rel_tmp) -> tuple[Path, list[str], Path]:
    """The v1 corpus and a v2 corpus with the same doc_ids but every text changed."""
    v1, v2 = rel_tmp / "corpus-v1", rel_tmp / "corpus-v2"
    ids = make_corpus(v1, N_DOCS, version="v1")
    assert make_corpus(v2, N_DOCS, version="v2") == ids
    return v1, ids, v2


@pytest.fixture(scope="module")
def two_at_once(rel_tmp, corpus):
    """Two `newsdesk run` processes on one warehouse, neither willing to wait: the second is started once the
    first holds the lock (its flow has begun discovering sources), and the first then still has its dbt build,
    data-quality checks and report ahead (≈15 s), longer than the second needs to start and reach the lock.
    Starting both blindly at once is racy: each starts its own temporary Prefect API first, and a fast first run
    can finish before a slow second one arrives."""
    v1, _, _ = corpus
    folder = rel_tmp / "ref"
    folder.mkdir()
    warehouse = folder / "w.duckdb"
    first = cli("run", "--source", str(v1), "--warehouse", str(warehouse))
    assert first.wait_for(r"plan-work"), first.stderr[-2000:]
    runs = [first, cli("run", "--source", str(v1), "--warehouse", str(warehouse), "--no-build")]
    for run in runs:
        run.wait()
    return runs, warehouse


def test_two_runs_at_once_exactly_one_succeeds(two_at_once, corpus):
    """One run loads the corpus; the other exits 3 at once, naming the lock holder, without writing anything."""
    runs, warehouse = two_at_once
    codes = sorted(r.returncode for r in runs)
    detail = "\n---\n".join(r.stderr[-2000:] for r in runs)
    assert codes == [0, 3], detail
    loser = next(r for r in runs if r.returncode == 3)
    winner = next(r for r in runs if r.returncode == 0)
    assert BUSY in loser.stderr and "NEWS_LOCK_TIMEOUT_SECONDS" in loser.stderr
    assert "Traceback" not in loser.stderr, loser.stderr[-2000:]  # one clear line, not Prefect's traceback
    assert re.search(r'"pid": \d+', loser.stderr), loser.stderr[-1000:]
    assert int(summary_value(winner.stdout, "documents")) == N_DOCS
    assert query(warehouse, "select status, count(*) from raw.runs group by 1") == [("success", 1)]


def _log_time(run, pattern: str) -> str | None:
    """The HH:MM:SS.mmm stamp of the first Prefect log line matching `pattern`."""
    for line in run.stderr_lines:
        if re.search(pattern, line):
            return line[:12]
    return None


def test_lock_timeout_makes_the_second_run_wait_then_succeed(rel_tmp, two_at_once, corpus):
    """With NEWS_LOCK_TIMEOUT_SECONDS both runs succeed, one after the other: their lock intervals are disjoint."""
    _, warehouse = two_at_once
    v1, ids, _ = corpus
    folder = rel_tmp / "wait"
    folder.mkdir()
    copy = folder / "w.duckdb"
    shutil.copy(warehouse, copy)
    runs = [cli("run", "--source", str(v1), "--warehouse", str(copy), "--no-build",
                NEWS_LOCK_TIMEOUT_SECONDS="300") for _ in range(2)]
    for run in runs:
        run.wait()
    assert [r.returncode for r in runs] == [0, 0], "\n---\n".join(r.stderr[-2000:] for r in runs)
    rows = query(copy, "select started_at, finished_at, status from raw.runs order by started_at")
    assert [r[2] for r in rows] == ["success"] * 3
    (_, end1, _), (start2, _, _) = rows[1], rows[2]
    assert start2 >= end1, "the two runs held the warehouse at the same time"
    # Idempotency: the same input again gives the same ids and counts (unchanged documents are skipped).
    assert snapshot(copy) == snapshot(warehouse)
    assert [r[0] for r in query(copy, "select doc_id from raw.documents order by 1")] == ids
    assert all(v == 0 for v in duplicates(copy).values())


# Where to kill: (name, warehouse to start from, corpus, what to wait for before SIGKILL).
KILL_POINTS = [
    ("ingest", "empty", "v1", "staged"),  # the first batch is staged, the others are still being read
    ("commit", "reference", "v2", None),  # replacing every row: killed when the WAL appears (commit in progress)
]


@pytest.fixture(scope="module")
def killed(rel_tmp, two_at_once, corpus):
    """Start three runs, SIGKILL each at its point, then record the warehouse state and re-run them."""
    _, reference = two_at_once
    v1, _, v2 = corpus
    out = {}
    for name, start_from, version, _ in KILL_POINTS:
        folder = rel_tmp / f"kill-{name}"
        folder.mkdir()
        warehouse = folder / "w.duckdb"
        if start_from == "reference":
            shutil.copy(reference, warehouse)
        source = v1 if version == "v1" else v2
        out[name] = {"warehouse": warehouse, "source": source,
                     "run": cli("run", "--source", str(source), "--warehouse", str(warehouse), "--no-build")}
    with ThreadPoolExecutor(len(KILL_POINTS)) as pool:  # one watcher per run: each kill must be on time
        for future in [pool.submit(_kill_at, out[name], pattern) for name, _, _, pattern in KILL_POINTS]:
            future.result()
    reruns = {name: cli("run", "--source", str(item["source"]), "--warehouse", str(item["warehouse"]), "--no-build")
              for name, item in out.items()}
    for name, run in reruns.items():
        run.wait()
        out[name]["rerun"] = run
    return out


def _kill_at(item: dict, pattern: str | None) -> None:
    """Wait for the kill point of one run, SIGKILL it, and record what it left behind."""
    run, warehouse = item["run"], item["warehouse"]
    if pattern is None:
        # Large inserts are written to the database file before commit, the WAL at commit: kill on either.
        wal = Path(f"{warehouse}.wal")
        stage_done = run.wait_for(r"stage-problems.*Finished")
        size = warehouse.stat().st_size  # start_run's checkpoint is done; the load is next
        hit = stage_done and run.wait_for(r"load-warehouse.*Finished", poll=0.001,
                                          extra=lambda: wal.exists() or warehouse.stat().st_size != size)
    else:  # the log arrives late under load; the staging folder on disk does not
        hit = run.wait_for(r"(?!)", poll=0.002,
                           extra=lambda: any(p.glob("documents/*.parquet") for p in staging_dirs(warehouse)))
    assert hit and run.returncode is None, f"the run ended before the kill point\n{run.stderr[-2000:]}"
    run.kill()
    item["log_tail"] = run.stderr[-600:]
    item["leftovers"] = sorted(p.name for p in staging_dirs(warehouse))
    item["after_kill"] = _state(warehouse)
    item["phase"] = _phase(item["after_kill"], item["leftovers"])


def _phase(state: dict, leftovers: list[str] | None) -> str:
    """Where the kill actually landed, from the evidence (under heavy load a kill can land later than aimed)."""
    running = dict(state.get("runs", [])).get("running", 0)
    if not running:
        return "after the run finished"
    if leftovers:
        return "before or during the load (staging still on disk)"
    return "after the load committed (staging removed, run not finished)"


def _state(warehouse: Path) -> dict:
    """What a killed run left: can it be opened read-write, and which runs' rows does each table hold."""
    import duckdb

    state = {"exists": warehouse.exists()}
    if not warehouse.exists():
        return state
    with duckdb.connect(str(warehouse)) as con:  # read-write open replays the WAL, like the next run will
        con.execute("checkpoint")
        state["runs"] = con.execute("select status, count(*) from raw.runs group by 1 order by 1").fetchall()
        for table in ("documents", "quotes", "figures"):
            state[table] = con.execute(
                f"select run_id, count(*) from raw.{table} group by 1 order by 1").fetchall()
        state["integrity"] = con.execute("pragma database_size").fetchall()
    return state


@pytest.mark.parametrize("name", [p[0] for p in KILL_POINTS])
def test_sigkill_leaves_the_warehouse_as_before_or_after_never_half(name, killed, two_at_once):
    """After SIGKILL the warehouse opens and holds either no rows of the killed run or all of them."""
    _, reference = two_at_once
    state = killed[name]["after_kill"]
    if not state["exists"] or not state.get("documents"):
        assert not state.get("quotes") and not state.get("figures"), state
        return
    owners = {table: {run_id for run_id, _ in state[table]} for table in ("documents", "quotes", "figures")}
    assert all(len(ids) == 1 for ids in owners.values()), f"rows of several runs after the kill: {state}"
    assert owners["documents"] == owners["quotes"] == owners["figures"], state
    counts = {table: sum(n for _, n in state[table]) for table in ("documents", "quotes", "figures")}
    ref_run = {r[0] for r in query(reference, "select distinct run_id from raw.documents")}
    if owners["documents"] == ref_run:  # the old run's rows, untouched
        assert counts == {t: query(reference, f"select count(*) from raw.{t}")[0][0] for t in counts}, state
    else:  # the killed run committed: all of it
        assert counts["documents"] == N_DOCS, state


@pytest.mark.parametrize("name", [p[0] for p in KILL_POINTS])
def test_rerun_after_sigkill_equals_a_clean_run(name, killed, two_at_once, corpus):
    """The next run succeeds at once (the lock died with the process) and the result equals a clean run."""
    _, reference = two_at_once
    item = killed[name]
    rerun = item["rerun"]
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert BUSY not in rerun.stderr
    warehouse = item["warehouse"]
    assert all(v == 0 for v in duplicates(warehouse).values()), duplicates(warehouse)
    docs = query(warehouse, "select count(*), count(distinct run_id) from raw.documents")[0]
    assert docs == (N_DOCS, 1)
    if item["source"] == corpus[0]:
        assert snapshot(warehouse) == snapshot(reference)
    else:  # v2 replaced v1: same ids, every text from v2, quotes/figures only of the loaded documents
        assert [r[0] for r in snapshot(warehouse)["documents"]] == [r[0] for r in snapshot(reference)["documents"]]
        assert query(warehouse, "select count(*) from raw.documents where text like '%statement v1-%'") == [(0,)]
        assert query(warehouse, "select count(*) from raw.quotes where text like '%statement v1-%'") == [(0,)]
        assert query(warehouse, "select count(*) from raw.quotes q anti join raw.documents d using (doc_id)") == [(0,)]
    assert query(warehouse, "select count(*) from raw.quotes q join raw.documents d using (doc_id) "
                            "where substr(d.text, q.start_char + 1, q.end_char - q.start_char) != q.text") == [(0,)]


def killed_run_ids(item: dict) -> set[str]:
    """The run_id of the killed run: the 'running' row of raw.runs."""
    return {r[0] for r in query(item["warehouse"], "select run_id from raw.runs where status = 'running'")}


def test_killed_runs_are_marked_abandoned_and_the_next_run_cleans_staging(killed, capsys):
    """What a kill leaves behind: a raw.runs row at 'running' and a staging folder beside the warehouse; the
    next run marks the row 'abandoned' and removes the folder. Neither breaks the next run (asserted above)."""
    report = {}
    for name, item in killed.items():
        stuck = query(item["warehouse"], "select count(*) from raw.runs where status = 'running'")[0][0]
        abandoned = query(item["warehouse"], "select count(*) from raw.runs where status = 'abandoned'")[0][0]
        owners = {run_id for run_id, _ in item["after_kill"].get("documents", [])}
        report[name] = {"kill_landed": item["phase"], "documents_after_kill_belong_to": (
                            "nobody (empty)" if not owners else
                            "the killed run" if owners & killed_run_ids(item) else "the previous run"),
                        "running_rows_after_rerun": stuck,
                        "abandoned_rows_after_rerun": abandoned,
                        "staging_left_after_kill": item["leftovers"],
                        "staging_left_after_rerun": sorted(p.name for p in staging_dirs(item["warehouse"]))}
    # The ingest kill always lands mid-run: it leaves its staging folder and a run that never finished, which
    # the re-run marks abandoned.
    assert report["ingest"]["staging_left_after_kill"], report
    assert (report["ingest"]["running_rows_after_rerun"], report["ingest"]["abandoned_rows_after_rerun"]) == (0, 1), report
    # The next run on the warehouse removes staging folders left by killed runs.
    assert all(not r["staging_left_after_rerun"] for r in report.values()), report
    # The load kill must have hit the run before it finished, or the test proved nothing.
    assert report["commit"]["kill_landed"] != "after the run finished", report
    with capsys.disabled():
        print("\n[reliability] after SIGKILL:", json.dumps(report, indent=1))
