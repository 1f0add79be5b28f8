"""Thin Prefect tasks: each wraps one stage function over a batch of documents.

Tasks take and return plain values (paths, frames, Batch records), never connections, so they run the same
in threads, in a process pool or on a Dask cluster.
"""

from __future__ import annotations

import time
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows import frames, warehouse
from flows.core.records import QuarantineEntry, RawDocument
from flows.frames import Batch
from flows.ingest import WorkPlan, WorkUnit, discover_sources, plan_units, read_sources, skip_known
from flows.validation import validate_stage
from schemas import ExtractedFigures, ExtractedQuotes, NormalizedDocuments, QuarantineRows, RawDocuments


@task(name="plan-work", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def plan_work(sources: list[str], records_per_unit: int, known_path: Path | None,
              max_bytes: int) -> tuple[list[Path], WorkPlan, list[QuarantineEntry]]:
    """Expand the --source arguments into input files, plan them as work units, and drop the records already
    loaded unchanged (incremental runs)."""
    files, problems = discover_sources(sources)
    known = warehouse.read_all_known(known_path)
    return files, skip_known(plan_units(files, records_per_unit), known, max_bytes), problems


@task(name="snapshot-known-documents", cache_policy=NO_CACHE)
def snapshot_known(path: str, staging_dir: Path, version: str) -> Path:
    """Write the (doc_id, content_hash) of documents already loaded by this extractor version, for skipping."""
    return warehouse.snapshot_known_documents(path, staging_dir / "known.parquet", version)


@task(name="ingest-batch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def ingest_batch(units: list[WorkUnit], batch_no: int, known_path: Path | None, max_bytes: int) -> Batch:
    """Read a batch of work units (retried: file systems and mounts fail transiently), skip unchanged, validate."""
    started = time.perf_counter()
    items = list(read_sources(units, max_bytes))
    docs = [i for i in items if isinstance(i, RawDocument)]
    input_bytes = sum(len(d.raw_text.encode("utf-8", "surrogatepass")) for d in docs)
    # unchanged first: a loaded copy read after a newcomer with its id still wins (at load, over the newcomer)
    docs, kept = frames.skip_unchanged(docs, warehouse.read_known(known_path, [d.doc_id for d in docs]))
    docs, duplicates = frames.dedupe_documents(docs)
    raw, invalid = validate_stage(frames.raw_documents_frame(docs), RawDocuments, "ingest")
    problems = [i for i in items if isinstance(i, QuarantineEntry)] + duplicates + invalid
    return Batch(batch_no, raw, problems=problems, kept=kept, input_bytes=input_bytes,
                 seconds={"ingest": time.perf_counter() - started})


@task(name="normalize-batch", cache_policy=NO_CACHE)
def normalize_batch(batch: Batch) -> Batch:
    """Normalize a batch and validate the result."""
    started = time.perf_counter()
    normalized, problems = frames.normalize_frame(batch.docs)
    normalized, invalid = validate_stage(normalized, NormalizedDocuments, "normalize")
    return Batch(batch.batch_no, normalized, problems=batch.problems + problems + invalid,
                 kept=batch.kept, input_bytes=batch.input_bytes,
                 seconds={**batch.seconds, "normalize": time.perf_counter() - started})


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract_batch(batch: Batch) -> Batch:
    """Extract quotes and figures from a batch and validate both."""
    started = time.perf_counter()
    quotes, figures, problems = frames.extract_frames(batch.docs)
    source_of = dict(batch.docs.select("doc_id", "source").iter_rows())
    quotes, bad_quotes = validate_stage(quotes, ExtractedQuotes, "quotes", source_of)
    figures, bad_figures = validate_stage(figures, ExtractedFigures, "figures", source_of)
    return Batch(batch.batch_no, batch.docs, quotes, figures, batch.problems + problems + bad_quotes + bad_figures,
                 batch.kept, batch.input_bytes, {**batch.seconds, "extract": time.perf_counter() - started})


@task(name="stage-batch", cache_policy=NO_CACHE)
def stage_batch(batch: Batch, staging_dir: Path) -> dict[str, int]:
    """Write a batch's validated frames to the run's staging folder; only counts travel back."""
    started = time.perf_counter()
    quarantine = QuarantineRows.validate(frames.quarantine_frame(batch.problems), lazy=True)
    for table, frame in (("documents", batch.docs), ("quotes", batch.quotes), ("figures", batch.figures),
                         ("quarantine", quarantine)):
        if frame is not None:
            warehouse.stage_frame(frame, staging_dir, table, batch.batch_no)
    warehouse.stage_unchanged(staging_dir, batch.kept, batch.batch_no)
    batch.seconds["stage"] = time.perf_counter() - started
    return batch.stats()


@task(name="process-batch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def process_batch(units: list[WorkUnit], batch_no: int, known_path: Path | None, max_bytes: int,
                  staging_dir: Path) -> dict[str, float]:
    """All four stages of one batch in one call, for process and Dask workers: the units go in, counts come out.

    The stage functions are the same as the separate tasks'; only the frames no longer travel back to the flow's
    process between stages, which is what makes out-of-process workers pay off.
    """
    batch = ingest_batch.fn(units, batch_no, known_path, max_bytes)
    return stage_batch.fn(extract_batch.fn(normalize_batch.fn(batch)), staging_dir)


@task(name="stage-problems", cache_policy=NO_CACHE)
def stage_problems(staging_dir: Path, problems: list[QuarantineEntry], batch_no: int) -> int:
    """Stage quarantine entries that belong to no finished batch (unlistable paths, a crashed batch's inputs)."""
    quarantine = QuarantineRows.validate(frames.quarantine_frame(problems), lazy=True)
    warehouse.stage_frame(quarantine, staging_dir, "quarantine", batch_no)
    return quarantine.height


@task(name="load-warehouse", cache_policy=NO_CACHE)
def load_warehouse(path: str, staging_dir: Path, run_id: str, source_files: list[str], version: str) -> dict[str, int]:
    """Load the whole run in one transaction."""
    return warehouse.load_run(path, staging_dir, run_id, source_files, version)


@task(name="canonicalize-speakers", cache_policy=NO_CACHE)
def canonicalize_speakers(path: str) -> int:
    """Recompute the warehouse-wide canonical speaker names."""
    from flows.core.speakers import canonical_speakers

    return warehouse.write_speaker_aliases(path, canonical_speakers)


@task(name="build-models", cache_policy=NO_CACHE)
def build_models(path: str, full_refresh: bool = False):
    """Build the dbt models in sql/ on the warehouse and run their data tests.

    dbt unit tests check the models' SQL against fixed fixtures, not the data, so they run in `make test`
    (tests/flows/test_dbt_unit_tests.py), not on every pipeline run.
    """
    from flows.dbt import run_dbt

    return run_dbt(path, ["build", "--exclude", "test_type:unit", *(["--full-refresh"] if full_refresh else [])])

