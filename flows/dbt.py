"""Run the dbt-duckdb project in sql/ against a warehouse file, offline, in a child process.

A child process keeps dbt's DuckDB connection, logging set-up and exit-time noise out of the pipeline
process (an in-process dbt keeps the file open, so the same process could not reopen it read-only).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from flows import PROJECT_ROOT
from flows.settings import get_settings


@dataclass(frozen=True)
class DbtOutcome:
    """What a dbt invocation did: overall success and the nodes that did not pass."""

    success: bool
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    target_path: str = ""
    skipped: bool = False  # not run: nothing changed since the last successful build of the same project


def dbt_paths(warehouse_path: str | Path) -> tuple[Path, Path]:
    """Where dbt writes its artifacts and logs for one warehouse (beside it, never in the repo)."""
    base = Path(f"{Path(warehouse_path).resolve()}.dbt")
    return base / "target", base / "logs"


def dbt_executable() -> str:
    """The dbt entry point installed next to the running interpreter."""
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else "dbt"


def _dbt_env(warehouse_path: str | Path) -> dict[str, str]:
    """The environment of a dbt process: the warehouse, the memory cap, no telemetry."""
    return {**os.environ, "NEWS_WAREHOUSE_PATH": str(Path(warehouse_path).resolve()),
            "NEWS_DUCKDB_MEMORY_LIMIT": get_settings().duckdb_memory_limit,
            "NEWS_DBT_THREADS": str(get_settings().dbt_threads or os.cpu_count() or 1),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "DO_NOT_TRACK": "1"}


def _common_args(warehouse_path: str | Path) -> list[str]:
    """dbt arguments every command takes: the project, its profile, and per-warehouse target and log folders."""
    project_dir = get_settings().dbt_project_dir
    target_path, log_path = dbt_paths(warehouse_path)
    return ["--project-dir", str(project_dir), "--profiles-dir", str(project_dir), "--target-path", str(target_path),
            "--log-path", str(log_path), "--no-use-colors"]


# Warehouses whose dbt child (flows/dbt_child.py) is already started and parsing: the next run_dbt uses it.
_PREPARED: dict[str, subprocess.Popen] = {}


def prepare_dbt(warehouse_path: str | Path) -> None:
    """Start dbt for this warehouse now (import + parse) so a later run_dbt only runs the command.

    Call it while the pipeline still loads or extracts; parsing does not open the warehouse. A prepared child
    that is never used exits on its own when its stdin closes (discard_dbt, or the pipeline process ending).
    """
    key = str(Path(warehouse_path).resolve())
    if key in _PREPARED:
        return
    log_path = dbt_paths(warehouse_path)[1]
    log_path.mkdir(parents=True, exist_ok=True)
    with open(log_path / "dbt-child.out", "w", encoding="utf-8") as out:
        _PREPARED[key] = subprocess.Popen(
            [sys.executable, "-m", "flows.dbt_child", *_common_args(warehouse_path)], stdin=subprocess.PIPE,
            stdout=out, stderr=subprocess.STDOUT, text=True, env=_dbt_env(warehouse_path),
            cwd=PROJECT_ROOT)


def discard_dbt(warehouse_path: str | Path) -> subprocess.Popen | None:
    """Tell a prepared dbt child to stop without running anything; return it (it exits once its parse is done).

    Not waited for: it never opens the warehouse, and killing it mid-parse could leave a torn parse cache.
    """
    proc = _PREPARED.pop(str(Path(warehouse_path).resolve()), None)
    if proc is not None:
        try:
            proc.stdin.close()
        except OSError:
            pass
    return proc


@contextmanager
def dbt_preparation(warehouse_path: str | Path) -> Iterator[None]:
    """A scope for prepare_dbt: a child it started that run_dbt did not use is discarded when the scope ends."""
    try:
        yield
    finally:
        discard_dbt(warehouse_path)


def run_dbt(warehouse_path: str | Path, args: list[str] | None = None) -> DbtOutcome:
    """Invoke `dbt build` (or `args`) on the warehouse and summarize the node results.

    Uses the child started by prepare_dbt for this warehouse when there is one (skipping dbt's start-up and
    parse), else starts dbt now.
    """
    target_path, log_path = dbt_paths(warehouse_path)
    args = args or ["build"]
    prepared = _PREPARED.pop(str(Path(warehouse_path).resolve()), None)
    if prepared is not None and prepared.poll() is None:
        try:
            prepared.stdin.write(json.dumps(args) + "\n")
            prepared.stdin.close()
            returncode = prepared.wait(timeout=1800)
        except subprocess.TimeoutExpired:
            prepared.kill()
            returncode = prepared.wait()
        output = (log_path / "dbt-child.out").read_text(encoding="utf-8", errors="replace")
    else:
        proc = subprocess.run([dbt_executable(), *args, *_common_args(warehouse_path)], env=_dbt_env(warehouse_path),
                              capture_output=True, text=True, timeout=1800)
        returncode, output = proc.returncode, proc.stdout + proc.stderr
    counts, failures = read_run_results(target_path / "run_results.json")
    if returncode != 0 and not failures:
        tail = output.strip().splitlines()[-15:]
        failures.append("dbt exited with code %d: %s" % (returncode, " | ".join(tail)))
    return DbtOutcome(returncode == 0, counts, failures, str(target_path))


def read_run_results(path: Path) -> tuple[dict[str, int], list[str]]:
    """Status counts and the failing nodes from a dbt run_results.json."""
    if not path.exists():
        return {}, []
    results = json.loads(path.read_text(encoding="utf-8")).get("results", [])
    counts: dict[str, int] = {}
    failures: list[str] = []
    for node in results:
        status = node.get("status", "unknown")
        counts[status] = counts.get(status, 0) + 1
        if status not in ("success", "pass"):
            failures.append(f"{node.get('unique_id')}: {status} {node.get('message') or ''}".strip())
    return counts, failures
