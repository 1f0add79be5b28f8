"""Run the dbt-duckdb project in sql/ against a warehouse file, offline, in a child process.

A child process keeps dbt's DuckDB connection, logging set-up and exit-time noise out of the pipeline
process (an in-process dbt keeps the file open, so the same process could not reopen it read-only).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

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


def run_dbt(warehouse_path: str | Path, args: list[str] | None = None) -> DbtOutcome:
    """Invoke `dbt build` (or `args`) on the warehouse and summarize the node results."""
    project_dir = get_settings().dbt_project_dir
    target_path, log_path = dbt_paths(warehouse_path)
    env = {**os.environ, "NEWS_WAREHOUSE_PATH": str(Path(warehouse_path).resolve()),
           "NEWS_DUCKDB_MEMORY_LIMIT": get_settings().duckdb_memory_limit,
           "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "DO_NOT_TRACK": "1"}
    command = [
        dbt_executable(), *(args or ["build"]), "--project-dir", str(project_dir), "--profiles-dir", str(project_dir),
        "--target-path", str(target_path), "--log-path", str(log_path), "--no-use-colors",
    ]
    proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=1800)
    counts, failures = read_run_results(target_path / "run_results.json")
    if proc.returncode != 0 and not failures:
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-15:]
        failures.append("dbt exited with code %d: %s" % (proc.returncode, " | ".join(tail)))
    return DbtOutcome(proc.returncode == 0, counts, failures, str(target_path))


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
