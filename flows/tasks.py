"""Thin Prefect tasks: each wraps one stage function over a batch of documents."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from prefect import task
from prefect.cache_policies import NO_CACHE

from flows import frames, warehouse
from flows.core.records import QuarantineEntry, RawDocument
from flows.ingest import discover_sources, read_sources
from flows.validation import validate_stage
from schemas import ExtractedFigures, ExtractedQuotes, NormalizedDocuments, QuarantineRows, RawDocuments


@task(name="discover-sources", cache_policy=NO_CACHE)
def discover(sources: list[str]) -> tuple[list[Path], list[QuarantineEntry]]:
    """Expand the --source arguments into input files."""
    return discover_sources(sources)


@task(name="ingest-batch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def ingest_batch(paths: list[Path], seen: dict[str, str], max_bytes: int) -> tuple[pl.DataFrame, list[QuarantineEntry]]:
    """Read a batch of files (retried: file systems and network mounts fail transiently) and validate them."""
    items = list(read_sources(paths, max_bytes))
    docs, problems = frames.dedupe_documents([i for i in items if isinstance(i, RawDocument)], seen)
    problems = [i for i in items if isinstance(i, QuarantineEntry)] + problems
    raw, invalid = validate_stage(frames.raw_documents_frame(docs), RawDocuments, "ingest")
    return raw, problems + invalid


@task(name="normalize-batch", cache_policy=NO_CACHE)
def normalize_batch(raw: pl.DataFrame) -> tuple[pl.DataFrame, list[QuarantineEntry]]:
    """Normalize a batch and validate the result."""
    normalized, problems = frames.normalize_frame(raw)
    normalized, invalid = validate_stage(normalized, NormalizedDocuments, "normalize")
    return normalized, problems + invalid


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract_batch(docs: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, list[QuarantineEntry]]:
    """Extract quotes and figures from a batch and validate both."""
    quotes, figures, problems = frames.extract_frames(docs)
    source_of = dict(docs.select("doc_id", "source").iter_rows())
    quotes, bad_quotes = validate_stage(quotes, ExtractedQuotes, "quotes", source_of)
    figures, bad_figures = validate_stage(figures, ExtractedFigures, "figures", source_of)
    return quotes, figures, problems + bad_quotes + bad_figures


@task(name="stage-batch", cache_policy=NO_CACHE)
def stage_batch(staging_dir: Path, batch_no: int, docs: pl.DataFrame, quotes: pl.DataFrame, figures: pl.DataFrame,
                problems: list[QuarantineEntry]) -> dict[str, int]:
    """Write a batch's validated frames to the run's staging folder."""
    quarantine = QuarantineRows.validate(frames.quarantine_frame(problems), lazy=True)
    for table, frame in (("documents", docs), ("quotes", quotes), ("figures", figures), ("quarantine", quarantine)):
        warehouse.stage_frame(frame, staging_dir, table, batch_no)
    return {"documents": docs.height, "quotes": quotes.height, "figures": figures.height,
            "quarantined": quarantine.height}


@task(name="stage-problems", cache_policy=NO_CACHE)
def stage_problems(staging_dir: Path, problems: list[QuarantineEntry]) -> int:
    """Stage run-level quarantine entries (paths that could not even be listed)."""
    quarantine = QuarantineRows.validate(frames.quarantine_frame(problems), lazy=True)
    warehouse.stage_frame(quarantine, staging_dir, "quarantine", 999_999)
    return quarantine.height


@task(name="load-warehouse", cache_policy=NO_CACHE)
def load_warehouse(path: str, staging_dir: Path, run_id: str, source_files: list[str]) -> dict[str, int]:
    """Load the whole run in one transaction."""
    return warehouse.load_run(path, staging_dir, run_id, source_files)


@task(name="canonicalize-speakers", cache_policy=NO_CACHE)
def canonicalize_speakers(path: str) -> int:
    """Recompute the warehouse-wide canonical speaker names."""
    from flows.core.speakers import canonical_speakers

    return warehouse.write_speaker_aliases(path, canonical_speakers)


@task(name="build-models", cache_policy=NO_CACHE)
def build_models(path: str):
    """Build and test the dbt models in sql/ on the warehouse."""
    from flows.dbt import run_dbt

    return run_dbt(path)
