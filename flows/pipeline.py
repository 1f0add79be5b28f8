"""The newsdesk pipeline: discover → ingest → normalize → extract (batch by batch) → load → model.

Each stage is a task over a batch of documents. Batches run concurrently on the flow's task runner (threads by
default; a process pool or a Dask cluster for CPU-bound scale-out) with a bounded number in flight, so memory
follows the batch size, not the corpus. Batches are staged as Parquet and the whole run is loaded in one
transaction, so the warehouse never holds half a run. Documents whose content and extractor code are
unchanged since they were loaded are skipped (incremental runs). A second run on the same warehouse fails
fast (or waits NEWS_LOCK_TIMEOUT_SECONDS) instead of interleaving writes.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import subprocess
import tempfile
import time
import uuid
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.runtime import flow_run

from flows import PROJECT_ROOT, tasks, warehouse
from flows.core.records import QuarantineEntry
from flows.dbt import DbtOutcome, dbt_preparation, prepare_dbt
from flows.dq import REQUEUE_NOTE
from flows.dq_flow import dq_checks
from flows.report_flow import publish_report
from flows.ingest import WorkUnit
from flows.progress import get_reporter
from flows.runners import make_task_runner, runner_for_bytes
from flows.settings import get_settings

# Code whose change must re-process every document: extraction, normalization, schemas and frame building.
VERSIONED_SOURCES = ("flows/core/*.py", "flows/frames.py", "schemas/*.py")


def code_version() -> str:
    """The package version plus the git commit when run from a checkout."""
    from importlib.metadata import version

    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT_ROOT, capture_output=True,
                             text=True, timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        sha = ""
    return f"{version('newsdesk')}+{sha}" if sha else version("newsdesk")


def _hash_files(root: Path, paths) -> str:
    """A short hash of files' names (relative to root) and contents, in a stable order."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def extractor_version() -> str:
    """A hash of the extraction code: a document is re-processed when it or this changes."""
    return _hash_files(PROJECT_ROOT, (p for pattern in VERSIONED_SOURCES for p in PROJECT_ROOT.glob(pattern)))


def models_version() -> str:
    """A hash of the dbt project (models, macros, seeds, tests, settings): marts built by another one are stale."""
    project = get_settings().dbt_project_dir
    return _hash_files(project, (p for p in project.rglob("*") if p.is_file()
                                 and p.relative_to(project).parts[0] not in ("target", "logs", "dbt_packages")))


def plan_batches(units: Sequence[WorkUnit], size: int) -> Iterator[list[WorkUnit]]:
    """Group work units into batches of about `size` documents."""
    batch: list[WorkUnit] = []
    weight = 0
    for unit in units:
        if batch and weight + unit.weight > size:
            yield batch
            batch, weight = [], 0
        batch.append(unit)
        weight += unit.weight
    if batch:
        yield batch


@flow(name="newsdesk-batches")
def extract_batches(plan_path: str, staging_dir: str, known_path: str | None, max_document_bytes: int,
                    max_in_flight: int, fuse_stages: bool = False) -> dict:
    """Run every planned batch's stages on this subflow's task runner.

    The batches have a subflow of their own so that a process pool or Dask cluster lives only as long as the
    batch phase: its workers (hundreds of MB each) are gone before the load and the dbt build. The plan (a
    pickled list of batches of work units) is read from the run's staging folder rather than passed as a
    parameter, so the API does not store thousands of work units per run.
    """
    logger = get_run_logger()
    batches = pickle.loads(Path(plan_path).read_bytes())
    staging, known = Path(staging_dir), None if known_path is None else Path(known_path)
    totals = _run_batches(batches, staging, known, max_document_bytes, max_in_flight, logger, fuse_stages)
    return {"totals": dict(totals)}


@flow(name="newsdesk-pipeline")
def pipeline(sources: list[str], warehouse_path: str | None = None, batch_size: int | None = None,
             build: bool = True, full_refresh: bool = False, max_in_flight: int | None = None,
             task_runner: str = "thread", workers: int | None = None, dask_address: str | None = None,
             requeue: bool = False) -> dict:
    """Run the whole pipeline on files/folders into a DuckDB warehouse and return the run summary.

    `task_runner` (auto, thread, process or dask; see flows/runners.py) runs the batches; `auto` is decided once
    the run knows how many bytes it has to read after skipping unchanged documents. With a process pool or Dask
    a batch's four stage functions run in one task call (`process-batch`), so frames never travel between the
    flow and the workers after each stage. `requeue` marks a run that re-reads quarantined inputs only (recorded
    in raw.runs.message: its quarantine share says nothing about the sources).
    """
    settings = get_settings()
    path = str(Path(warehouse_path or settings.warehouse_path).resolve())
    size = batch_size or settings.batch_size
    logger = get_run_logger()
    started, run_id, version = time.monotonic(), uuid.uuid4().hex, extractor_version()
    # a dbt child prepared below but not used (a skipped build or an error) is stopped when the run ends
    with warehouse.writer_lock(path, settings.lock_timeout_seconds), dbt_preparation(path):
        warehouse.start_run(path, run_id, str(flow_run.get_id() or ""), list(sources), code_version())
        staging = _fresh_staging_dir(Path(path), run_id)
        try:
            known = None if full_refresh else tasks.snapshot_known(path, staging, version)
            files, plan, problems = tasks.plan_work(list(sources), size, known, settings.max_document_bytes)
            files = [str(f) for f in files]
            batches = list(plan_batches(plan.units, size))
            tasks.stage_problems(staging, problems, len(batches))  # a number no batch uses
            warehouse.stage_unchanged(staging, plan.unchanged, len(batches))  # the same free number
            planned = time.monotonic()
            task_runner = runner_for_bytes(task_runner, plan.nbytes, workers)  # `auto`: on what will be read
            totals: Counter = Counter()
            prepare = build and bool(batches or problems)  # dbt will run: start and parse it while we work
            if prepare and task_runner == "thread":  # the batches leave a core free
                prepare_dbt(path)
            if batches:
                plan_path = staging / "batches.pickle"
                plan_path.write_bytes(pickle.dumps(batches))
                phase = extract_batches.with_options(task_runner=make_task_runner(task_runner, workers, dask_address))(
                    str(plan_path), str(staging), None if known is None else str(known), settings.max_document_bytes,
                    max_in_flight or settings.max_batches_in_flight, fuse_stages=task_runner != "thread")
                totals.update(phase["totals"])
            batches_done = time.monotonic()
            if prepare:  # with a pool the cores were busy until now; the load leaves room
                prepare_dbt(path)
            counts = tasks.load_warehouse(path, staging, run_id, files + list(map(str, sources)), version)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        load_done = time.monotonic()
        tasks.canonicalize_speakers(path)
        speakers_done = time.monotonic()
        models = models_version()
        if build and not full_refresh and not warehouse.raw_changed(counts) \
                and _marts_are_current(path, run_id, models):
            logger.info("nothing changed since the last successful dbt build of this project: marts are current")
            outcome = DbtOutcome(True, skipped=True)
        else:
            outcome = tasks.build_models(path, full_refresh) if build else None
        timings = _timings(totals, started, batches_done, load_done)
        timings.update(plan_seconds=round(planned - started, 3), speakers_seconds=round(speakers_done - load_done, 3),
                       dbt_seconds=round(time.monotonic() - speakers_done, 3))
        counts.update(files=len(files), megabytes=round(totals["bytes"] / 1e6, 3),
                      timings=timings, task_runner=task_runner, workers=workers or os.cpu_count())
        status = "success" if outcome is None or outcome.success else "failed"
        dbt_status = None if outcome is None else "skipped" if outcome.skipped else status
        notes = [REQUEUE_NOTE] if requeue else []
        warehouse.finish_run(path, run_id, status, counts, dbt_status,
                             "; ".join(notes + ([] if outcome is None else outcome.failures[:20])),
                             models if dbt_status == "success" else None)
        if build:
            checked = time.monotonic()
            quality = dq_checks(path)
            counts["data_quality"] = {k: quality[k] for k in ("passed", "pass", "fail", "warn", "errors", "warnings")}
            reported = time.monotonic()
            report = publish_report(path, dq=quality)
            counts["report"] = None if report is None else str(report)
            timings.update(dq_seconds=round(reported - checked, 3), report_seconds=round(time.monotonic() - reported, 3))
    summary = {"run_id": run_id, "warehouse": path, "status": status, "dbt_status": dbt_status,
               "dbt_failures": [] if outcome is None else outcome.failures,
               "seconds": round(time.monotonic() - started, 2), **counts}
    logger.info("run summary: %s", summary)
    return summary


def _marts_are_current(path: str, run_id: str, models: str) -> bool:
    """The last build of this dbt project is still valid: no data changed since and its artifacts exist."""
    from flows.dbt import dbt_paths

    return (dbt_paths(path)[0] / "run_results.json").exists() and warehouse.marts_are_current(path, run_id, models)


def _fresh_staging_dir(warehouse_file: Path, run_id: str) -> Path:
    """A staging folder beside the warehouse; folders left by killed runs of this warehouse are removed first.

    Only called while holding the warehouse's writer lock, so no live run can own one of them.
    """
    prefix = f".newsdesk-staging-{warehouse_file.name}-"
    for stale in warehouse_file.parent.glob(prefix + "*"):
        shutil.rmtree(stale, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{run_id[:8]}-", dir=warehouse_file.parent))


def _timings(totals: Counter, started: float, batches_done: float, load_done: float) -> dict[str, float]:
    """Where the run's time went: batch phase wall time, each stage's own work, load, and models."""
    stages = {key: round(value, 3) for key, value in totals.items() if key.endswith("_seconds")}
    return {"batches_wall_seconds": round(batches_done - started, 3), **stages,
            "load_seconds": round(load_done - batches_done, 3), "models_seconds": round(time.monotonic() - load_done, 3)}


def _run_batches(batches: list[list[WorkUnit]], staging: Path, known: Path | None, max_bytes: int,
                 max_in_flight: int, logger, fuse_stages: bool = False) -> Counter:
    """Submit every batch's stage chain, keeping at most `max_in_flight` batches alive at once."""
    reporter = get_reporter()
    reporter.start(sum(len(b) for b in batches), 0)
    totals: Counter = Counter()
    in_flight: deque = deque()
    try:
        for batch_no, units in enumerate(batches):
            if fuse_stages:
                staged = tasks.process_batch.submit(units, batch_no, known, max_bytes, staging)
            else:
                raw = tasks.ingest_batch.submit(units, batch_no, known, max_bytes)
                staged = tasks.stage_batch.submit(tasks.extract_batch.submit(tasks.normalize_batch.submit(raw)),
                                                  staging)
            in_flight.append((batch_no, units, staged))
            while len(in_flight) >= max_in_flight:
                _collect(*in_flight.popleft(), staging, totals, reporter, logger)
        while in_flight:
            _collect(*in_flight.popleft(), staging, totals, reporter, logger)
    finally:
        reporter.stop()
    return totals


def _collect(batch_no: int, units: list[WorkUnit], staged, staging: Path, totals: Counter, reporter, logger) -> None:
    """Wait for one batch; a batch that crashed is quarantined file by file and the run goes on."""
    try:
        stats = staged.result()
    except Exception as err:  # a bug or a crash in one batch must not lose the others
        logger.error("batch %d failed: %r; its files are quarantined", batch_no, err)
        entries = [QuarantineEntry("ingest", str(u.path), f"the batch holding this input failed: {err!r}"[:500],
                                   "batch_error", locator=None if u.count is None else
                                   f"records {u.first + 1}-{u.first + u.count}") for u in units]
        tasks.stage_problems.fn(staging, entries, batch_no)
        stats = {"quarantined": len(entries)}
    totals.update(stats)
    reporter.advance(len(units), stats)
    logger.info("batch %d: %d units → %s", batch_no, len(units), stats)


if __name__ == "__main__":
    pipeline(sources=[str(get_settings().seeds_path)])
