"""The newsdesk pipeline: discover → ingest → normalize → extract (batch by batch) → load → model.

Each stage is a task over a batch of documents; batches are staged as Parquet and the whole run is loaded
in one transaction, so the warehouse never holds half a run. A second run on the same warehouse fails
fast (or waits NEWS_LOCK_TIMEOUT_SECONDS) instead of interleaving writes.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.runtime import flow_run

from flows import PROJECT_ROOT, tasks, warehouse
from flows.settings import get_settings


def code_version() -> str:
    """The package version plus the git commit when run from a checkout."""
    from importlib.metadata import version

    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT_ROOT, capture_output=True,
                             text=True, timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        sha = ""
    return f"{version('newsdesk')}+{sha}" if sha else version("newsdesk")


def batched(items: Sequence, size: int) -> Iterator[list]:
    """Consecutive slices of at most `size` items."""
    for start in range(0, len(items), size):
        yield list(items[start:start + size])


@flow(name="newsdesk-pipeline")
def pipeline(sources: list[str], warehouse_path: str | None = None, batch_size: int | None = None,
             build: bool = True) -> dict:
    """Run the whole pipeline on files/folders into a DuckDB warehouse and return the run summary."""
    settings = get_settings()
    path = str(Path(warehouse_path or settings.warehouse_path).resolve())
    size = batch_size or settings.batch_size
    logger = get_run_logger()
    started, run_id = time.monotonic(), uuid.uuid4().hex
    with warehouse.writer_lock(path, settings.lock_timeout_seconds):
        warehouse.start_run(path, run_id, str(flow_run.get_id() or ""), list(sources), code_version())
        files, problems = tasks.discover(sources)
        staging = Path(tempfile.mkdtemp(prefix=f"newsdesk-{run_id[:8]}-", dir=Path(path).parent))
        try:
            seen: dict[str, str] = {}
            for batch_no, batch in enumerate(batched(files, size)):
                raw, ingest_problems = tasks.ingest_batch(batch, seen, settings.max_document_bytes)
                docs, normalize_problems = tasks.normalize_batch(raw)
                quotes, figures, extract_problems = tasks.extract_batch(docs)
                staged = tasks.stage_batch(staging, batch_no, docs, quotes, figures,
                                           ingest_problems + normalize_problems + extract_problems)
                logger.info("batch %d: %d files → %s", batch_no, len(batch), staged)
            tasks.stage_problems(staging, problems)
            counts = tasks.load_warehouse(path, staging, run_id, [str(f) for f in files] + list(map(str, sources)))
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        counts["files"] = len(files)
        tasks.canonicalize_speakers(path)
        outcome = tasks.build_models(path) if build else None
        dbt_status = None if outcome is None else ("success" if outcome.success else "failed")
        status = "success" if outcome is None or outcome.success else "failed"
        message = "" if outcome is None else "; ".join(outcome.failures[:20])
        warehouse.finish_run(path, run_id, status, counts, dbt_status, message)
    summary = {"run_id": run_id, "warehouse": path, "status": status, "dbt_status": dbt_status,
               "dbt_failures": [] if outcome is None else outcome.failures,
               "seconds": round(time.monotonic() - started, 2), **counts}
    logger.info("run summary: %s", summary)
    return summary


if __name__ == "__main__":
    pipeline(sources=[str(get_settings().seeds_path)])
