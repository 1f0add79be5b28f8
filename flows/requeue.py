"""Re-process quarantined inputs: find the source files behind quarantine rows and run the pipeline on them.

The pipeline replaces the quarantine rows of every file it reads (and of every document it re-loads), so a
file that was fixed drops out of quarantine, and one still broken is quarantined again with today's reason.
Nothing here writes to the warehouse itself; the run does, under the usual lock and in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from flows.warehouse import connect

@dataclass
class RequeueFile:
    """One source file named by quarantine rows, with what those rows say."""

    source_file: str  # as stored in raw.quarantine
    rows: int
    stages: list[str]
    checks: list[str]
    path: Path | None = None  # what will be re-read; None when the file is gone


@dataclass
class RequeuePlan:
    """The files to re-run and the ones that can no longer be found."""

    files: list[RequeueFile] = field(default_factory=list)
    companions: list[Path] = field(default_factory=list)  # files of loaded copies of quarantined duplicates

    @property
    def present(self) -> list[RequeueFile]:
        return [f for f in self.files if f.path is not None]

    @property
    def missing(self) -> list[RequeueFile]:
        return [f for f in self.files if f.path is None]

    @property
    def sources(self) -> list[str]:
        """Distinct paths to hand to the pipeline, in a stable order."""
        return sorted({str(f.path) for f in self.present} | {str(p) for p in self.companions})


def quarantined_files(warehouse: str | Path, stage: str | None = None, check: str | None = None,
                      run_id: str | None = None, source_file: str | None = None) -> list[RequeueFile]:
    """Quarantine rows grouped by source file, filtered; every filter value is a bound parameter."""
    params = [stage, stage, check, check, run_id, run_id, source_file, source_file]
    query = """
        select source_file, count(*), list(distinct stage order by stage), list(distinct "check" order by "check")
        from raw.quarantine
        where (? is null or stage = ?) and (? is null or "check" = ?) and (? is null or run_id = ?)
          and (? is null or source_file = ?)
        group by source_file order by source_file
    """
    with connect(warehouse, read_only=True) as con:
        rows = con.execute(query, params).fetchall()
    return [RequeueFile(file, n, list(stages), list(checks)) for file, n, stages, checks in rows]


def resolve_source(source_file: str) -> Path | None:
    """The path to re-read for a stored source_file, or None when it is gone.

    Links count as present even when broken (the run quarantines them again with the reason). A stored value
    with a record locator ("dump.jsonl:line 3") falls back to the file part.
    """
    for candidate in (source_file, source_file.rsplit(":", 1)[0] if ":" in source_file else None):
        if candidate is None:
            continue
        path = Path(candidate)
        if path.exists() or path.is_symlink():
            return path
    return None


def plan(warehouse: str | Path, **filters: str | None) -> RequeuePlan:
    """Which quarantined source files can be re-processed, and which are gone.

    A `duplicate_doc_id` row is re-judged only when the file of the loaded copy is read too (its record then
    counts as read and unchanged, and wins again); without it, the re-read duplicate would replace a document
    the run never looked at. Those files are added to the plan's sources.
    """
    files = quarantined_files(warehouse, **filters)
    for item in files:
        item.path = resolve_source(item.source_file)
    companions = [p for p in map(resolve_source, duplicate_companions(warehouse, **filters)) if p is not None]
    return RequeuePlan(files, companions)


def duplicate_companions(warehouse: str | Path, stage: str | None = None, check: str | None = None,
                         run_id: str | None = None, source_file: str | None = None) -> list[str]:
    """The files holding the loaded copies of doc_ids quarantined as duplicates (same filters, bound)."""
    params = [stage, stage, check, check, run_id, run_id, source_file, source_file]
    query = """
        select distinct documents.source
        from raw.quarantine inner join raw.documents using (doc_id)
        where quarantine."check" = 'duplicate_doc_id'
          and (? is null or quarantine.stage = ?) and (? is null or quarantine."check" = ?)
          and (? is null or quarantine.run_id = ?) and (? is null or quarantine.source_file = ?)
        order by 1
    """
    with connect(warehouse, read_only=True) as con:
        return [row[0] for row in con.execute(query, params).fetchall()]


def purge_missing(warehouse: str | Path, missing: list[RequeueFile], build: bool = True) -> tuple[int, object]:
    """Delete the quarantine rows of files that are gone, under the writer lock, then rebuild the marts.

    Returns (rows deleted, the dbt outcome or None). Recorded in raw.runs like any run, so the marts are known
    to be stale until the build that follows.
    """
    files = sorted({f.source_file for f in missing})
    (purged, _), outcome = _maintenance(warehouse, files, "purged {quarantine} quarantine row(s) of "
                                        f"{len(files)} missing file(s)", build, quarantine_files=files)
    return purged, outcome


def _documents_by_file(warehouse: str | Path) -> dict[str, list[tuple[str, str]]]:
    """The loaded documents' (doc_id, source), by source file, in source then doc_id order."""
    from flows.core.records import split_source

    with connect(warehouse, read_only=True) as con:
        rows = con.execute("select doc_id, source from raw.documents order by source, doc_id").fetchall()
    by_file: dict[str, list[tuple[str, str]]] = {}
    for doc_id, source in rows:
        by_file.setdefault(split_source(source)[0], []).append((doc_id, source))
    return by_file


def missing_documents(warehouse: str | Path) -> list[tuple[str, str]]:
    """(doc_id, source) of loaded documents whose source file no longer exists, by file then doc_id."""
    return [doc for file, docs in _documents_by_file(warehouse).items() if resolve_source(file) is None
            for doc in docs]


def removed_records(warehouse: str | Path) -> list[tuple[str, str]]:
    """(doc_id, source) of loaded documents whose dump (JSONL, JSON, CSV, Parquet) still exists but no longer holds
    their doc_id: the record was removed from the export. A dump that cannot be read now judges nothing."""
    from flows.ingest import dump_doc_ids

    removed = []
    for file, docs in _documents_by_file(warehouse).items():
        if Path(file).suffix.lower() not in DUMP_SUFFIXES or (path := resolve_source(file)) is None:
            continue
        ids = dump_doc_ids(path)
        if ids is not None:
            removed.extend((doc_id, source) for doc_id, source in docs if doc_id not in ids)
    return removed


DUMP_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv", ".parquet"}


def prune_missing(warehouse: str | Path, gone: list[tuple[str, str]], build: bool = True,
                  removed: list[tuple[str, str]] = ()) -> tuple[int, object]:
    """Delete the documents (with their quotes, figures and quarantine rows) whose source files are gone, and those
    `removed` from dumps that still exist (their rows only: the dump's other quarantine rows stay), under the writer
    lock, recorded in raw.runs, then rebuild the marts. Returns (documents deleted, dbt outcome)."""
    from flows.core.records import split_source

    files = sorted({split_source(source)[0] for _, source in gone})
    dumps = sorted({split_source(source)[0] for _, source in removed})
    # the base marts are incremental (they only add and replace documents), so a deletion rebuilds them fully
    (_, dropped), outcome = _maintenance(warehouse, files + dumps, f"pruned {{documents}} document(s): {len(files)} "
                                         f"deleted source file(s), {len(removed)} record(s) no longer in their dump",
                                         build, full_refresh=True, doc_ids=[d for d, _ in [*gone, *removed]],
                                         quarantine_files=files)
    return dropped, outcome


def _maintenance(warehouse: str | Path, sources: list[str], message: str, build: bool, full_refresh: bool = False,
                 **deletions):
    """Run one purge as a recorded run under the writer lock, then (optionally) rebuild the marts."""
    import uuid

    from flows.dbt import run_dbt
    from flows.pipeline import code_version, models_version
    from flows.settings import get_settings
    from flows.warehouse import purge, set_run_dbt_status, writer_lock

    path = str(Path(warehouse).resolve())
    run_id = uuid.uuid4().hex
    with writer_lock(path, get_settings().lock_timeout_seconds):
        counts = purge(path, run_id, code_version(), sources, message, **deletions)
        if not build:
            return counts, None
        outcome = run_dbt(path, ["build", "--exclude", "test_type:unit", *(["--full-refresh"] if full_refresh else [])])
        status = "success" if outcome.success else "failed"
        set_run_dbt_status(path, run_id, status, "; ".join(outcome.failures[:20]),
                           models_version() if outcome.success else None)
    if outcome.success:  # the report shows the warehouse as it is now, not as the last pipeline run left it
        _refresh_report(path)
    return counts, outcome


def _refresh_report(path: str) -> None:
    """Rewrite the run's HTML report after a maintenance rebuild; a report that cannot be written is logged only."""
    import logging

    from flows.report import write_report
    from flows.report_flow import default_out_dir

    try:
        write_report(path, default_out_dir(path))
    except Exception as err:  # the report is a view, never a reason to fail the command
        logging.getLogger("newsdesk.report").warning("report not refreshed: %r", err)
