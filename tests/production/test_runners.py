"""The batch tasks give the same warehouse on every task runner: threads, a process pool, a 2-worker Dask cluster."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

NEWSDESK = Path(sys.executable).with_name("newsdesk")
pytestmark = pytest.mark.slow


def _run(seeds: Path, warehouse: Path, *options: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    proc = subprocess.run([str(NEWSDESK), "run", "--source", str(seeds), "--warehouse", str(warehouse), "--json",
                           "--no-build", "--batch-size", "2", *options],
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _rows(warehouse: Path) -> tuple:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return tuple(con.execute(f"select {key} from raw.{table} order by 1").fetchall()
                     for table, key in (("documents", "doc_id, content_hash, text"), ("quotes", "quote_id, speaker"),
                                        ("figures", "figure_id, value, unit")))


@pytest.fixture(scope="module")
def baseline(tmp_path_factory, seeds_dir):
    """The seeds on the default thread runner, in three batches."""
    folder = tmp_path_factory.mktemp("runners")
    shutil.copytree(seeds_dir, folder / "seeds")
    return folder, _run(folder / "seeds", folder / "thread.duckdb", "--task-runner", "thread")


@pytest.mark.parametrize("runner", ["process", "dask"])
def test_parallel_runners_match_the_thread_runner(baseline, runner):
    """Three batches on a 2-worker process pool or Dask LocalCluster load exactly what the default runner loads."""
    folder, expected = baseline
    parallel = _run(folder / "seeds", folder / f"{runner}.duckdb", "--task-runner", runner, "--workers", "2")
    assert (parallel["documents"], parallel["quotes"], parallel["figures"]) == (
        expected["documents"], expected["quotes"], expected["figures"])
    assert _rows(folder / f"{runner}.duckdb") == _rows(folder / "thread.duckdb")


@pytest.mark.parametrize(("size", "cores", "expected"), [
    (100, 2, "thread"),  # the seeds: workers' start-up would cost more than the second core gives
    (30_000_000, 2, "process"),
    (30_000_000, 1, "thread"),  # one core: nothing to run in parallel
])
def test_auto_runner_picks_processes_for_large_inputs_on_many_cores(tmp_path, size, cores, expected):
    from flows.ingest import discover_sources, plan_units, skip_known
    from flows.runners import runner_for_bytes

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_bytes(b"x" * (size // 2))
    (folder / "sub").mkdir()
    (folder / "sub" / "b.jsonl").write_bytes(b"x" * (size - size // 2))
    files, _ = discover_sources([str(folder)])
    nbytes = skip_known(plan_units(files, 2000), {}, max_bytes=10**9).nbytes  # what the pipeline decides on
    assert runner_for_bytes("auto", nbytes, workers=cores) == expected
    assert runner_for_bytes("dask", nbytes, workers=cores) == "dask"
