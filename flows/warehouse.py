"""All DuckDB access: the raw schema, the single-writer lock, and the one-transaction load of a run.

Batches are staged as Parquet files while the run goes; `load_run` then replaces every staged document's
rows (delete by doc_id, insert) for all tables in one transaction, so a crash leaves the warehouse as it
was before the run. Paths reach SQL only as bound parameters, never as SQL text.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

RAW_DDL = """
create schema if not exists raw;
create table if not exists raw.documents (
    doc_id varchar primary key, source varchar not null, source_format varchar not null,
    content_hash varchar not null, title varchar, text varchar not null, byline varchar, dateline varchar,
    outlet varchar, url varchar, published_at varchar, story varchar, removed_lines varchar[],
    joined_wrapped_lines bigint,
    n_chars bigint, n_words bigint, run_id varchar not null, loaded_at timestamptz not null,
    extractor_version varchar
);
create table if not exists raw.quotes (
    quote_id varchar primary key, doc_id varchar not null, start_char bigint not null, end_char bigint not null,
    text varchar not null, kind varchar not null, speaker varchar, speaker_mention varchar, speaker_start bigint,
    speaker_end bigint, cue varchar, attribution_method varchar, paragraph_index bigint, sentence varchar,
    extraction_method varchar not null, run_id varchar not null
);
create table if not exists raw.figures (
    figure_id varchar primary key, doc_id varchar not null, start_char bigint not null, end_char bigint not null,
    surface varchar not null, kind varchar not null, value double, low double, high double, unit varchar,
    qualifier varchar, is_approximate boolean, date_value varchar, measures varchar,
    extraction_method varchar not null, run_id varchar not null
);
create table if not exists raw.quarantine (
    quarantine_id varchar primary key, stage varchar not null, source_file varchar not null, doc_id varchar,
    locator varchar, "check" varchar not null, reason varchar not null, detail varchar, schema_name varchar,
    run_id varchar not null,
    quarantined_at timestamptz not null
);
create table if not exists raw.speaker_aliases (
    speaker varchar primary key, canonical_speaker varchar not null
);
create table if not exists raw.runs (
    run_id varchar primary key, flow_run_id varchar, started_at timestamptz not null, finished_at timestamptz,
    status varchar not null, sources varchar[], files_seen bigint, documents_loaded bigint, quotes_loaded bigint,
    figures_loaded bigint, quarantined bigint, dbt_status varchar, code_version varchar, host varchar,
    message varchar, documents_unchanged bigint, timings json
);
"""

# Columns added after a table first shipped; applied on every writable connect so old warehouses catch up.
MIGRATIONS = """
alter table raw.quarantine add column if not exists schema_name varchar;
alter table raw.documents add column if not exists extractor_version varchar;
alter table raw.runs add column if not exists documents_unchanged bigint;
alter table raw.runs add column if not exists timings json;
alter table raw.runs add column if not exists models_version varchar;
alter table raw.runs add column if not exists raw_changed boolean;
alter table raw.documents add column if not exists story varchar;
"""


class WarehouseBusyError(RuntimeError):
    """Another run holds the warehouse's write lock."""


@contextmanager
def connect(path: str | Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse (creating the raw schema when writable) and always close it."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    from flows.settings import get_settings

    con = duckdb.connect(str(path), read_only=read_only,
                         config={"memory_limit": get_settings().duckdb_memory_limit})
    try:
        if not read_only:
            con.execute(RAW_DDL)
            con.execute(MIGRATIONS)
        yield con
    finally:
        con.close()


@contextmanager
def writer_lock(path: str | Path, timeout_seconds: float = 0.0, for_this_process: bool = False) -> Iterator[None]:
    """Hold an exclusive lock beside the warehouse for a whole run; a second run fails fast with who holds it.

    `for_this_process=True` hands the lock to every later `writer_lock` of this process on the same warehouse:
    the CLI takes it before Prefect starts (so a second run fails within a second, with one line), and the
    flow's own `writer_lock` then finds it held. Without it, a second lock in the same process fails like any.
    """
    key = str(Path(path).resolve())
    if _HELD.get(key):
        _HELD[key] += 1
        try:
            yield
        finally:
            _HELD[key] -= 1
        return
    lock_path = Path(f"{path}.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "a+")
    try:
        _acquire(handle, lock_path, timeout_seconds)
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "since": _now().isoformat()}))
        handle.flush()
        if for_this_process:
            _HELD[key] = 1
        try:
            yield
        finally:
            _HELD.pop(key, None)
    finally:
        handle.close()


_HELD: dict[str, int] = {}  # warehouses whose lock this process holds, and how deeply


def _acquire(handle, lock_path: Path, timeout_seconds: float) -> None:
    """Take the lock, polling until the timeout; raise WarehouseBusyError naming the holder."""
    import time

    deadline = time.monotonic() + timeout_seconds
    while True:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                handle.seek(0)
                holder = handle.read().strip() or "unknown process"
                raise WarehouseBusyError(
                    f"another newsdesk run is writing to this warehouse ({holder}); wait for it to finish, "
                    f"or raise NEWS_LOCK_TIMEOUT_SECONDS to wait. Lock file: {lock_path}"
                ) from None
            time.sleep(0.5)


def _now() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


def start_run(path: str | Path, run_id: str, flow_run_id: str | None, sources: list[str], code_version: str) -> None:
    """Record that a run started; runs still marked running were killed (the caller holds the writer lock)."""
    with connect(path) as con:
        con.execute("update raw.runs set status = 'abandoned', finished_at = ? where status = 'running'", [_now()])
        con.execute(
            "insert or replace into raw.runs (run_id, flow_run_id, started_at, status, sources, code_version, host) "
            "values (?, ?, ?, 'running', ?, ?, ?)",
            [run_id, flow_run_id, _now(), sources, code_version, socket.gethostname()],
        )


def finish_run(path: str | Path, run_id: str, status: str, counts: dict, dbt_status: str | None, message: str,
               models_version: str | None = None) -> None:
    """Record how a run ended (and which dbt project version built its marts)."""
    with connect(path) as con:
        con.execute(
            "update raw.runs set finished_at = ?, status = ?, files_seen = ?, documents_loaded = ?, quotes_loaded = ?,"
            " figures_loaded = ?, quarantined = ?, dbt_status = ?, message = ?, documents_unchanged = ?,"
            " timings = ?, models_version = ?, raw_changed = ? where run_id = ?",
            [_now(), status, counts.get("files", 0), counts.get("documents", 0), counts.get("quotes", 0),
             counts.get("figures", 0), counts.get("quarantined", 0), dbt_status, message,
             counts.get("unchanged", 0), json.dumps(counts.get("timings", {})), models_version,
             raw_changed(counts), run_id],
        )


def raw_changed(counts: dict) -> bool:
    """Whether a run changed what the marts are built from: it loaded documents or changed the quarantine."""
    return bool(counts.get("documents")) or bool(counts.get("quarantine_changed", counts.get("quarantined")))


def marts_are_current(path: str | Path, run_id: str, models_version: str) -> bool:
    """Whether the marts were built by this dbt project version and no run has changed raw data since.

    True when the latest successful build used `models_version` and every run after it (other than `run_id`)
    finished successfully without loading a document or a quarantine row; a crashed or failed run, or a run
    that loaded anything, means the marts may be stale.
    """
    with connect(path, read_only=True) as con:
        row = con.execute(
            """
            with last_build as (
                select max(started_at) as started_at from raw.runs
                where dbt_status = 'success' and models_version = ? and run_id != ?
            )
            select
                last_build.started_at is not null
                and not exists (
                    select 1 from raw.runs
                    where runs.started_at > last_build.started_at and runs.run_id != ?
                        and (runs.status != 'success'
                             or coalesce(runs.raw_changed,
                                         coalesce(runs.documents_loaded, 1) > 0 or coalesce(runs.quarantined, 1) > 0)
                             or coalesce(runs.dbt_status, 'none') not in ('skipped', 'none'))
                )
            from last_build
            """,
            [models_version, run_id, run_id],
        ).fetchone()
    return bool(row and row[0])


def load_run(path: str | Path, staging_dir: Path, run_id: str, source_files: list[str], version: str) -> dict[str, int]:
    """Load every staged batch in one transaction: replace rows per doc_id, refresh the quarantine of what was read.

    A doc_id staged by two batches (the same record id in two dumps) keeps the first batch's copy; the other
    is quarantined naming both sources. A staged doc_id that the run also found unchanged elsewhere (by the plan
    or a batch, staged under unchanged/) keeps the unchanged copy, and the staged one is quarantined the same way.
    """
    staged = {name: sorted(str(p) for p in (staging_dir / name).glob("*.parquet"))
              for name in ("documents", "quotes", "figures", "quarantine", "unchanged")}
    loaded_at = _now()
    with connect(path) as con:
        con.execute("begin transaction")
        try:
            counts = _load_tables(con, staged, run_id, loaded_at, version)
            before = _quarantine_fingerprint(con)
            counts["quarantined"] = _load_quarantine(con, staged["quarantine"], run_id, loaded_at, source_files)
            # the same rows re-derived (an input quarantined run after run) change nothing the marts show
            counts["quarantine_changed"] = _quarantine_fingerprint(con) != before
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
    return counts


_BATCH_NO = r"regexp_extract(filename, 'batch-(\d+)\.parquet$', 1)::bigint"


def _load_tables(con: duckdb.DuckDBPyConnection, staged: dict[str, list[str]], run_id: str, loaded_at: datetime,
                 version: str) -> dict:
    """Delete the staged documents' old rows from every table, then insert the new ones."""
    con.execute("create or replace temp table staged_docs (doc_id varchar, source varchar, batch_no bigint)")
    con.execute("create or replace temp table winners (doc_id varchar, batch_no bigint)")
    con.execute("create or replace temp table unchanged_docs (doc_id varchar, source varchar)")
    con.execute("create or replace temp table unchanged_copies (doc_id varchar, source varchar)")
    if staged["unchanged"]:
        # Two identical copies of a loaded document can both be found unchanged (by the plan, or by batches that
        # each saw one copy). The copy already loaded (same source) stays the unchanged one; every other copy is
        # a duplicate of it and is quarantined below, as the first run quarantined it.
        con.execute("create or replace temp table unchanged_copies as "
                    "select distinct doc_id, source from read_parquet(?)", [staged["unchanged"]])
        con.execute("create or replace temp table unchanged_docs as "
                    "select u.doc_id, arg_min(u.source, (d.source is distinct from u.source, u.source)) as source "
                    "from unchanged_copies as u left join raw.documents as d using (doc_id) group by u.doc_id")
    if staged["documents"]:
        # only the keys are held in memory; the rows themselves stream from the Parquet files into the tables
        con.execute(f"create or replace temp table staged_docs as select doc_id, source, {_BATCH_NO} as batch_no "
                    "from read_parquet(?, filename = true)", [staged["documents"]])
        con.execute("create or replace temp table winners as select doc_id, min(batch_no) as batch_no "
                    "from staged_docs anti join unchanged_docs using (doc_id) group by doc_id")
    for table in ("quotes", "figures", "documents"):
        con.execute(f"delete from raw.{table} where doc_id in (select doc_id from winners)")
    if staged["documents"]:
        con.execute(
            "insert into raw.documents by name select * exclude (filename, batch_no), ? as run_id, ? as loaded_at, "
            f"? as extractor_version from (select *, {_BATCH_NO} as batch_no from read_parquet(?, filename = true)) "
            "semi join winners using (doc_id, batch_no)",
            [run_id, loaded_at, version, staged["documents"]],
        )
    for table in ("quotes", "figures"):
        if staged[table]:
            con.execute(
                f"insert into raw.{table} by name select * exclude (is_span_consistent, filename, batch_no), "
                f"? as run_id from (select *, {_BATCH_NO} as batch_no from read_parquet(?, filename = true)) "
                "semi join winners using (doc_id, batch_no)",
                [run_id, staged[table]],
            )
    counts = {table: con.execute(f"select count(*) from raw.{table} where run_id = ?", [run_id]).fetchone()[0]
              for table in ("documents", "quotes", "figures")}
    counts["unchanged"] = con.execute("select count(*) from unchanged_docs").fetchone()[0]
    return counts


def _quarantine_fingerprint(con: duckdb.DuckDBPyConnection) -> tuple:
    """What the quarantine says (ids, reasons, places), not when: equal before and after a run that re-derived
    exactly the rows it replaced."""
    return con.execute(
        'select count(*), bit_xor(hash(quarantine_id, stage, source_file, doc_id, locator, "check", reason, detail)) '
        "from raw.quarantine"
    ).fetchone()


def _load_quarantine(con, files: list[str], run_id: str, loaded_at: datetime, source_files: list[str]) -> int:
    """Replace the quarantine rows this run re-derived, so re-runs never pile them up or drop live ones.

    File-level rows (discover/ingest) of every file read are replaced; document-level rows only for the
    documents this run re-processed (unchanged documents keep theirs).
    """
    con.execute(
        "delete from raw.quarantine where source_file in (select unnest(?::varchar[])) "
        "and (stage in ('discover', 'ingest') or doc_id is null or doc_id in (select doc_id from staged_docs))",
        [source_files],
    )
    con.execute("delete from raw.quarantine where doc_id in (select doc_id from staged_docs)")
    if files:
        con.execute(
            "insert or replace into raw.quarantine by name "
            "select *, ? as run_id, ? as quarantined_at from read_parquet(?, union_by_name = true)",
            [run_id, loaded_at, files],
        )
    con.execute(
        """
        insert or replace into raw.quarantine by name
        select
            'x' || left(md5(concat_ws('|', 'ingest', loser.source, loser.doc_id, 'duplicate_doc_id')), 16)
                as quarantine_id,
            'ingest' as stage,
            regexp_replace(loser.source, ':(lines?|rows?|records?) [0-9-]+$', '') as source_file,
            loser.doc_id,
            nullif(regexp_extract(loser.source, ':((lines?|rows?|records?) [0-9-]+)$', 1), '') as locator,
            'duplicate_doc_id' as "check",
            format('duplicate doc_id ''{}'': already {} from {}; give one of them another id.',
                   loser.doc_id, kept.how, kept.source) as reason,
            null as detail,
            null as schema_name,
            ? as run_id,
            ? as quarantined_at
        from (
            select doc_id, source, batch_no from staged_docs
            union all  -- other identical copies of a document found unchanged (see _load_tables)
            select doc_id, source, -1 as batch_no from unchanged_copies anti join unchanged_docs using (doc_id, source)
        ) as loser
        inner join (
            select winners.doc_id, winners.batch_no, kept.source, 'read' as how from winners
            inner join staged_docs as kept on kept.doc_id = winners.doc_id and kept.batch_no = winners.batch_no
            union all
            select doc_id, null as batch_no, source, 'loaded' as how from unchanged_docs
        ) as kept on loser.doc_id = kept.doc_id and loser.batch_no is distinct from kept.batch_no
        """,
        [run_id, loaded_at],
    )
    return con.execute("select count(*) from raw.quarantine where run_id = ?", [run_id]).fetchone()[0]


def purge(path: str | Path, run_id: str, code_version: str, sources: list[str], message: str,
          quarantine_files: list[str] = (), doc_ids: list[str] = ()) -> tuple[int, int]:
    """Delete the quarantine rows of `quarantine_files` and every row of `doc_ids` in one transaction, recorded as
    a run with `message` ({quarantine} and {documents} are filled in); return (quarantine rows, documents) deleted.

    For inputs that are gone for good (`newsdesk requeue --purge-missing`, `newsdesk prune`); the caller holds the
    writer lock and rebuilds the marts after.
    """
    with connect(path) as con:
        con.execute("begin transaction")
        try:
            purged = con.execute("delete from raw.quarantine where source_file in (select unnest(?::varchar[])) "
                                 "or doc_id in (select unnest(?::varchar[]))",
                                 [list(quarantine_files), list(doc_ids)]).fetchone()[0]
            for table in ("quotes", "figures"):
                con.execute(f"delete from raw.{table} where doc_id in (select unnest(?::varchar[]))", [list(doc_ids)])
            dropped = con.execute("delete from raw.documents where doc_id in (select unnest(?::varchar[]))",
                                  [list(doc_ids)]).fetchone()[0]
            con.execute(
                "insert into raw.runs (run_id, started_at, finished_at, status, sources, files_seen, documents_loaded,"
                " quotes_loaded, figures_loaded, quarantined, code_version, host, message, raw_changed) "
                "values (?, ?, ?, 'success', ?, 0, 0, 0, 0, 0, ?, ?, ?, ?)",
                [run_id, _now(), _now(), sources, code_version, socket.gethostname(),
                 message.format(quarantine=purged, documents=dropped), bool(purged or dropped)],
            )
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
    return purged, dropped


def set_run_dbt_status(path: str | Path, run_id: str, dbt_status: str, message: str,
                       models_version: str | None) -> None:
    """Record the dbt build that followed a maintenance run (a purge)."""
    with connect(path) as con:
        con.execute("update raw.runs set dbt_status = ?, message = concat_ws('; ', message, nullif(?, '')), "
                    "models_version = ?, status = case when ? = 'failed' then 'failed' else status end "
                    "where run_id = ?", [dbt_status, message, models_version, dbt_status, run_id])


def snapshot_known_documents(path: str | Path, out: Path, version: str) -> Path:
    """Write (doc_id, content_hash) of the documents loaded by this extractor version to a Parquet file."""
    rows: list[tuple] = []
    if Path(path).exists():
        with connect(path) as con:
            rows = con.execute("select doc_id, content_hash from raw.documents where extractor_version = ?",
                               [version]).fetchall()
    out.parent.mkdir(parents=True, exist_ok=True)
    pl.DataFrame(rows, schema={"doc_id": pl.String, "content_hash": pl.String}, orient="row").write_parquet(out)
    return out


def read_all_known(known_path: Path | None) -> dict[str, str]:
    """Every known doc_id → content hash (empty when the run is a full refresh or the warehouse is new)."""
    if known_path is None:
        return {}
    frame = pl.read_parquet(known_path)
    return dict(zip(frame["doc_id"].to_list(), frame["content_hash"].to_list()))


def stage_unchanged(staging_dir: Path, unchanged: list[tuple[str, str]], batch_no: int) -> None:
    """Stage the (doc_id, source) of documents skipped as unchanged, so the load can tell duplicates of them."""
    stage_frame(pl.DataFrame(unchanged, schema={"doc_id": pl.String, "source": pl.String}, orient="row"),
                staging_dir, "unchanged", batch_no)


def read_known(known_path: Path | None, doc_ids: list[str]) -> dict[str, str]:
    """The known content hashes of the given doc_ids (empty when the run is a full refresh)."""
    if known_path is None or not doc_ids:
        return {}
    frame = pl.scan_parquet(known_path).filter(pl.col("doc_id").is_in(doc_ids)).collect()
    return dict(frame.iter_rows())


def write_speaker_aliases(path: str | Path, canonicalize) -> int:
    """Recompute the warehouse-wide speaker → canonical speaker table from every speaker loaded so far."""
    with connect(path) as con:
        names = [row[0] for row in con.execute(
            "select distinct speaker from raw.quotes where speaker is not null order by 1").fetchall()]
        mapping = canonicalize(names)
        frame = pl.DataFrame(
            {"speaker": names, "canonical_speaker": [mapping.get(n, n) for n in names]},
            schema={"speaker": pl.String, "canonical_speaker": pl.String},
        )
        con.execute("begin transaction")
        con.execute("delete from raw.speaker_aliases")
        con.execute("insert into raw.speaker_aliases select * from frame")
        con.execute("commit")
    return len(names)


def stage_frame(frame: pl.DataFrame, staging_dir: Path, table: str, batch_no: int) -> None:
    """Write one batch's frame for one table to the run's staging folder."""
    if frame.is_empty():
        return
    folder = staging_dir / table
    folder.mkdir(parents=True, exist_ok=True)
    frame.write_parquet(folder / f"batch-{batch_no:06d}.parquet")
