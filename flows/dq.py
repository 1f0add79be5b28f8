"""Data-quality checks on a newsdesk warehouse: the last run, dbt's test results, quarantine, and invariants.

Pure-ish: every check is one small function running parameterized SQL on a read-only DuckDB connection
(table names come from the constants below, never from input; values are bound parameters). Nothing here
imports Prefect; `flows/dq_flow.py` wraps `run_dq` in a task and publishes the report as an artifact.

    results, context = run_dq("warehouse/newsdesk.duckdb")
    paths = write_reports(results, context, "dq_out")      # dq_report.md + dq_junit.xml
    exit_code(results)                                     # 1 when an error-severity check failed

Severities: `error` fails the command (exit 1) and is a <failure> in the JUnit file; `warn` is reported
(⚠ in the report, <system-out> plus a `outcome=warn` property in JUnit) but passes; `info` never fails.
A check that cannot apply (no dbt artifacts, no runs) is `skip`; a check that crashes counts as failed
at its severity, with the exception as its message. README.md › Data quality describes every check.
"""

from __future__ import annotations

import json
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, date, datetime
from decimal import Decimal
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Literal

import duckdb

Severity = Literal["error", "warn", "info"]

REPORT_FILE = "dq_report.md"
JUNIT_FILE = "dq_junit.xml"
SUITE_NAME = "newsdesk-dq"

# Stages whose quarantine rows stand for whole documents (vs. single extracted quotes or figures).
DOCUMENT_STAGES = ("discover", "ingest", "normalize", "load")
LAYERS = ("raw", "main")
ID_COLUMNS = {"documents": "doc_id", "quotes": "quote_id", "figures": "figure_id", "quarantine": "quarantine_id",
              "runs": "run_id", "speaker_aliases": "speaker"}
# Text spans: table → the column that must equal documents.text[start_char:end_char].
SPAN_COLUMNS = {"quotes": "text", "figures": "surface"}
BLANK = r"[\s\p{Z}]*"  # empty, or only whitespace (including no-break and other Unicode spaces)


@dataclass(frozen=True)
class DQConfig:
    """Thresholds and limits for one data-quality run."""

    max_quarantine_share: float = 0.25  # per kind (documents, quotes, figures) of the last run
    expected_marts: tuple[str, ...] = ("documents", "quotes", "figures", "quarantine")
    sample_limit: int = 10  # sample rows kept per failing check

    @classmethod
    def build(cls, max_quarantine_share: float | None = None, **overrides: Any) -> DQConfig:
        """The defaults, with any value that is not None replaced."""
        values = {"max_quarantine_share": max_quarantine_share, **overrides}
        return cls(**{k: v for k, v in values.items() if v is not None})


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check: did it pass, what was observed, and a few offending rows."""

    name: str
    severity: Severity
    category: str
    passed: bool
    observed: Any = None
    message: str = ""
    sample: list[dict[str, Any]] = field(default_factory=list)
    skipped: bool = False
    crashed: bool = False
    description: str = ""
    seconds: float = 0.0

    @property
    def outcome(self) -> str:
        """pass | fail (error severity) | warn | info | skip."""
        if self.skipped:
            return "skip"
        if self.severity == "info":
            return "info"
        if self.passed:
            return "pass"
        return "fail" if self.severity == "error" else "warn"

    @property
    def blocking(self) -> bool:
        """True when this result makes the data-quality run fail."""
        return self.outcome == "fail"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict (the Prefect flow returns these)."""
        return {**asdict(self), "outcome": self.outcome}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CheckResult:
        """Rebuild a result from `to_dict` output."""
        return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})


@dataclass(frozen=True)
class Finding:
    """What a check function returns; `run_checks` adds the name, severity and timing."""

    passed: bool
    observed: Any = None
    message: str = ""
    sample: list[dict[str, Any]] = field(default_factory=list)
    skipped: bool = False


@dataclass(frozen=True)
class Check:
    """A registered check: its name, severity, category, what it asserts, and the function that runs it."""

    name: str
    severity: Severity
    category: str
    description: str
    fn: Callable[[Warehouse], Finding]


class DataQualityError(RuntimeError):
    """Raised by the Prefect flow (when asked to) after publishing a report with failed error checks."""

    def __init__(self, outcome: dict[str, Any]):
        self.outcome = outcome
        super().__init__("data-quality checks failed: " + ", ".join(outcome.get("errors", [])))


CHECKS: list[Check] = []


def check(name: str, severity: Severity, category: str, description: str):
    """Register a check function under a name and severity (the order of registration is the report order)."""

    def register(fn: Callable[[Warehouse], Finding]) -> Callable[[Warehouse], Finding]:
        CHECKS.append(Check(name, severity, category, description, fn))
        return fn

    return register


class Warehouse:
    """A read-only view of the warehouse shared by the checks: which tables exist, the last run, dbt artifacts."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, config: DQConfig):
        self.con, self.path, self.config = con, path, config
        self.tables = {(schema, name) for schema, name in con.execute(
            "select table_schema, table_name from information_schema.tables where table_catalog = current_database()"
        ).fetchall()}
        self.last_run = self._last_run()
        self._dbt: tuple[Path, dict | None, str] | None = None

    def has(self, schema: str, table: str) -> bool:
        """Whether schema.table exists (table or view)."""
        return (schema, table) in self.tables

    def rows(self, sql: str, params: list | tuple = ()) -> list[dict[str, Any]]:
        """Query rows as dicts of plain (JSON-friendly) values."""
        cursor = self.con.execute(sql, list(params))
        columns = [d[0] for d in cursor.description or []]
        return [dict(zip(columns, map(_plain, row))) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: list | tuple = ()) -> Any:
        """The first column of the first row."""
        row = self.con.execute(sql, list(params)).fetchone()
        return None if row is None else row[0]

    def violations(self, sql: str, params: list | tuple = ()) -> tuple[int, list[dict[str, Any]]]:
        """How many rows `sql` returns, and the first few of them.

        The sample is read first: when it is not full it holds every row, so the count needs no second pass
        over the data (the usual case, a passing check, costs one query instead of two).
        """
        limit = int(self.config.sample_limit)
        sample = self.rows(f"select * from ({sql}) limit {limit}", params)
        if len(sample) < limit:
            return len(sample), sample
        count = self.scalar(f"select count(*) from ({sql})", params)
        return int(count or 0), sample

    def scalar_row(self, sql: str, params: list | tuple = ()) -> dict[str, Any] | None:
        """The first row as a dict of raw values (timestamps stay datetimes), or None."""
        cursor = self.con.execute(sql, list(params))
        row = cursor.fetchone()
        return None if row is None else dict(zip([d[0] for d in cursor.description], row))

    def _last_run(self) -> dict[str, Any] | None:
        if not self.has("raw", "runs"):
            return None
        return self.scalar_row("select * from raw.runs order by started_at desc, finished_at desc nulls first limit 1")

    def dbt_results(self) -> tuple[Path, dict | None, str]:
        """(path of run_results.json, its parsed content or None, why it is missing or unreadable)."""
        if self._dbt is None:
            from flows.dbt import dbt_paths

            path = dbt_paths(self.path)[0] / "run_results.json"
            if not path.exists():
                self._dbt = (path, None, f"no dbt artifacts at {path}")
            else:
                try:
                    self._dbt = (path, json.loads(path.read_text(encoding="utf-8")), "")
                except (OSError, ValueError) as err:
                    self._dbt = (path, None, f"cannot read {path}: {err}")
        return self._dbt


def _plain(value: Any) -> Any:
    """A value as something JSON, Markdown and XML can show."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str):
        return value if len(value) <= 200 else value[:199] + "…"
    return _plain(str(value))


def _union(pieces: list[str]) -> str:
    return " union all ".join(f"({p})" for p in pieces)


def _layers_with(wh: Warehouse, *tables: str) -> list[str]:
    """The layers (raw, main) in which all `tables` exist."""
    return [layer for layer in LAYERS if all(wh.has(layer, t) for t in tables)]


def _skip(message: str) -> Finding:
    return Finding(True, None, message, skipped=True)


def _count_finding(count: int, sample: list[dict], what: str, ok: str) -> Finding:
    return Finding(count == 0, count, f"{count} {what}" if count else ok, sample)


# ---------------------------------------------------------------------------------------------- the last run

@check("last_run_status", "error", "run", "The most recent run in raw.runs finished with status success.")
def last_run_status(wh: Warehouse) -> Finding:
    run = wh.last_run
    if run is None:
        return Finding(False, None, "no runs in raw.runs: the warehouse was never loaded by `newsdesk run`")
    status = run["status"]
    text = f"last run {run['run_id']} started {_plain(run['started_at'])}: status {status}"
    if status == "running":
        text += " (still running, or it crashed before recording its end)"
    elif status != "success" and run.get("message"):
        text += f": {run['message']}"
    return Finding(status == "success", status, text)


@check("last_run_dbt_status", "error", "run", "The last run's dbt build did not fail (null = built with --no-build; "
                                              "skipped = nothing changed since the last build).")
def last_run_dbt_status(wh: Warehouse) -> Finding:
    run = wh.last_run
    if run is None:
        return _skip("no runs recorded")
    status = run["dbt_status"]
    if status is None:
        return Finding(True, None, "the last run did not build the dbt models (--no-build); marts are from an "
                                   "earlier build")
    if status == "skipped":
        return Finding(True, status, "nothing changed since the last successful dbt build of the same project, so "
                                     "the run kept its marts")
    text = f"dbt {status}" + (f": {run['message']}" if status != "success" and run.get("message") else "")
    return Finding(status == "success", status, text)


@check("last_run_counts", "error", "run",
       "The counters raw.runs recorded for the last run equal the rows in raw.* tagged with that run_id.")
def last_run_counts(wh: Warehouse) -> Finding:
    run = wh.last_run
    if run is None or run["finished_at"] is None:
        return _skip("no finished run to compare with")
    pairs = [("documents_loaded", "documents"), ("quotes_loaded", "quotes"), ("figures_loaded", "figures"),
             ("quarantined", "quarantine")]
    sample = []
    for counter, table in pairs:
        if not wh.has("raw", table):
            continue
        actual = wh.scalar(f"select count(*) from raw.{table} where run_id = ?", [run["run_id"]])
        if run[counter] != actual:
            sample.append({"counter": counter, "recorded": run[counter], "in_warehouse": actual})
    text = ", ".join(f"{s['counter']} recorded {s['recorded']} but raw has {s['in_warehouse']}" for s in sample)
    return Finding(not sample, len(sample), text or "run counters match the loaded rows", sample)


# ---------------------------------------------------------------------------------------------- dbt

def _node_name(unique_id: str) -> str:
    """test.newsdesk.unique_quotes_quote_id.7f1cdbc9b1 → unique_quotes_quote_id."""
    parts = unique_id.split(".")
    if len(parts) >= 4 and re.fullmatch(r"[0-9a-f]{10}", parts[-1]):
        parts = parts[:-1]
    return ".".join(parts[2:]) or unique_id


def _dbt_nodes(wh: Warehouse, kinds: tuple[str, ...]) -> list[dict] | None:
    data = wh.dbt_results()[1]
    if data is None:
        return None
    return [n for n in data.get("results", []) if str(n.get("unique_id", "")).split(".")[0] in kinds]


@check("dbt_artifacts", "warn", "dbt",
       "dbt's run_results.json exists beside the warehouse, comes from `dbt build`/`dbt test`, and is not older "
       "than the last run.")
def dbt_artifacts(wh: Warehouse) -> Finding:
    path, data, problem = wh.dbt_results()
    if data is None:
        return Finding(False, None, f"{problem}: dbt test results cannot be checked (run without --no-build)")
    meta = data.get("metadata", {})
    generated = meta.get("generated_at")
    which = (data.get("args") or {}).get("which")
    problems = []
    if which not in ("build", "test"):
        problems.append(f"run_results.json is from `dbt {which}`, which runs no tests")
    run = wh.last_run
    if run and run.get("dbt_status") == "skipped":  # the marts (and artifacts) are those of the last real build
        run = wh.scalar_row("select * from raw.runs where dbt_status is distinct from 'skipped' "
                            "order by started_at desc limit 1")
    try:
        stamp = datetime.fromisoformat(generated) if generated else None
        if stamp and stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=UTC)
        if stamp and run and run["started_at"] and stamp < run["started_at"]:
            problems.append(f"run_results.json ({generated}) is older than the last run ({_plain(run['started_at'])}); "
                            "dbt did not run in it")
    except (TypeError, ValueError):
        problems.append(f"unreadable generated_at {generated!r}")
    return Finding(not problems, generated, "; ".join(problems) or f"{path} ({which}, {generated})")


@check("dbt_models", "error", "dbt", "Every dbt model, seed and snapshot in run_results.json built successfully.")
def dbt_models(wh: Warehouse) -> Finding:
    nodes = _dbt_nodes(wh, ("model", "seed", "snapshot"))
    if nodes is None:
        return _skip("no dbt artifacts (see dbt_artifacts)")
    bad = [n for n in nodes if n.get("status") != "success"]
    sample = [{"node": _node_name(n["unique_id"]), "status": n.get("status"), "message": _plain(n.get("message"))}
              for n in bad[:wh.config.sample_limit]]
    text = (f"{len(bad)} of {len(nodes)} dbt node(s) did not build: " + ", ".join(s["node"] for s in sample)
            if bad else f"{len(nodes)} dbt node(s) built")
    return Finding(not bad, len(bad), text, sample)


@check("dbt_tests", "error", "dbt", "No dbt data test failed or errored in run_results.json (each failure named).")
def dbt_tests(wh: Warehouse) -> Finding:
    nodes = _dbt_nodes(wh, ("test", "unit_test"))
    if nodes is None:
        return _skip("no dbt artifacts (see dbt_artifacts)")
    bad = [n for n in nodes if n.get("status") in ("fail", "error")]
    other = {s: sum(1 for n in nodes if n.get("status") == s) for s in ("warn", "skipped")}
    sample = [{"test": _node_name(n["unique_id"]), "status": n.get("status"), "failures": n.get("failures"),
               "message": _plain(n.get("message"))} for n in bad]
    names = ", ".join(f"{s['test']} ({s['status']}, {s['failures'] or 0} rows)" for s in sample)
    text = f"{len(bad)} of {len(nodes)} dbt test(s) failed: {names}" if bad else f"{len(nodes)} dbt test(s) passed"
    extras = ", ".join(f"{n} {s}" for s, n in other.items() if n)
    if extras:
        text += f" ({extras})"
    if not nodes:
        text = "run_results.json holds no tests"
    return Finding(not bad, len(bad), text, sample)


# ---------------------------------------------------------------------------------------------- quarantine

@check("pandera_last_run", "warn", "quarantine",
       "Rows the pandera models rejected in the last run, by stage, schema (pandera model) and check.")
def pandera_last_run(wh: Warehouse) -> Finding:
    if wh.last_run is None or not wh.has("raw", "quarantine"):
        return _skip("no runs or no raw.quarantine")
    groups = wh.rows(
        'select stage, schema_name, "check", count(*) as n_rows from raw.quarantine '
        "where run_id = ? and schema_name is not null group by all order by n_rows desc, stage, schema_name limit 50",
        [wh.last_run["run_id"]])
    total = sum(g["n_rows"] for g in groups)
    if not total:
        return Finding(True, 0, "pandera rejected no rows in the last run")
    by_schema: dict[str, int] = {}
    for g in groups:
        by_schema[g["schema_name"]] = by_schema.get(g["schema_name"], 0) + g["n_rows"]
    text = f"{total} row(s) rejected by pandera: " + ", ".join(f"{k} {v}" for k, v in by_schema.items())
    return Finding(False, total, text, groups)


@check("quarantine_last_run", "warn", "quarantine",
       "Everything quarantined in the last run (read errors and pandera rejections), by stage and reason.")
def quarantine_last_run(wh: Warehouse) -> Finding:
    if wh.last_run is None or not wh.has("raw", "quarantine"):
        return _skip("no runs or no raw.quarantine")
    groups = wh.rows(
        "select stage, coalesce(schema_name, '(read error)') as schema_name, reason, count(*) as n_rows, "
        "count(distinct source_file) as n_files from raw.quarantine where run_id = ? group by all "
        "order by n_rows desc, stage, reason limit 50", [wh.last_run["run_id"]])
    total = sum(g["n_rows"] for g in groups)
    if not total:
        return Finding(True, 0, "nothing quarantined in the last run")
    by_stage: dict[str, int] = {}
    for g in groups:
        by_stage[g["stage"]] = by_stage.get(g["stage"], 0) + g["n_rows"]
    return Finding(False, total, f"{total} row(s) quarantined: " + ", ".join(f"{k} {v}" for k, v in by_stage.items()),
                   groups)


# raw.runs.message of a run that re-read quarantined inputs only (`newsdesk requeue`)
REQUEUE_NOTE = "requeue: re-read quarantined inputs only"


@check("quarantine_share", "error", "quarantine",
       "In the last run, the quarantined share of documents (loaded + unchanged), of quotes and of figures is at "
       "most the configured maximum (--max-quarantine-share, default 0.25).")
def quarantine_share(wh: Warehouse) -> Finding:
    run = wh.last_run
    if run is None or run["finished_at"] is None or not wh.has("raw", "quarantine"):
        return _skip("no finished run")
    if (run.get("message") or "").startswith(REQUEUE_NOTE):
        return Finding(True, None, "the last run was a requeue: it re-read only quarantined inputs, so its share of "
                                   "them says nothing about the sources (the next full run is judged again)")
    counts = dict(wh.con.execute(
        "select case when stage in (select unnest(?::varchar[])) then 'documents' else stage end, count(*) "
        "from raw.quarantine where run_id = ? group by 1", [list(DOCUMENT_STAGES), run["run_id"]]).fetchall())
    limit = wh.config.max_quarantine_share
    sample = []
    # Incremental runs skip unchanged documents: they still count as good documents of this run.
    documents_ok = (run["documents_loaded"] or 0) + (run.get("documents_unchanged") or 0)
    for kind, loaded in (("documents", documents_ok), ("quotes", run["quotes_loaded"]),
                         ("figures", run["figures_loaded"])):
        bad = counts.get(kind, 0)
        total = bad + (loaded or 0)
        sample.append({"kind": kind, "quarantined": bad, "loaded": loaded or 0,
                       "share": round(bad / total, 4) if total else 0.0})
    worst = max(sample, key=lambda s: s["share"])
    over = [s for s in sample if s["share"] > limit]
    text = (", ".join(f"{s['kind']}: {s['share']:.1%} quarantined ({s['quarantined']} of "
                      f"{s['quarantined'] + s['loaded']})" for s in over) + f" > max {limit:.0%}") if over \
        else f"highest share {worst['share']:.1%} ({worst['kind']}) ≤ max {limit:.0%}"
    return Finding(not over, worst["share"], text, sample)


@check("quarantine_reasons", "error", "quarantine",
       "Every quarantine row (all runs, raw and main) has a non-blank reason and check.")
def quarantine_reasons(wh: Warehouse) -> Finding:
    pieces = []
    for layer in _layers_with(wh, "quarantine"):
        check_col = '"check"' if layer == "raw" else "check_name"
        pieces.append(f"select '{layer}' as layer, quarantine_id, stage, source_file, {check_col} as check_name, "
                      f"reason from {layer}.quarantine where reason is null or regexp_full_match(reason, ?) "
                      f"or {check_col} is null or regexp_full_match({check_col}, ?)")
    if not pieces:
        return _skip("no quarantine tables")
    count, sample = wh.violations(_union(pieces), [BLANK, BLANK] * len(pieces))
    return _count_finding(count, sample, "quarantine row(s) without a reason or check",
                          "every quarantine row has a reason and a check")


# ---------------------------------------------------------------------------------------------- marts

@check("marts_present", "error", "schema", "The public marts (documents, quotes, figures, quarantine) exist in main.")
def marts_present(wh: Warehouse) -> Finding:
    missing = [m for m in wh.config.expected_marts if not wh.has("main", m)]
    present = sorted(t for s, t in wh.tables if s == "main")
    if missing:
        return Finding(False, len(missing), f"missing mart(s): {', '.join(missing)} (present: "
                                            f"{', '.join(present) or 'none'}); run dbt build")
    return Finding(True, 0, f"present: {', '.join(present)}")


@check("main_raw_counts", "error", "schema",
       "Each mart has as many rows as its raw table (documents, quotes, figures, quarantine, runs).")
def main_raw_counts(wh: Warehouse) -> Finding:
    sample = []
    for table in ("documents", "quotes", "figures", "quarantine", "runs"):
        if wh.has("raw", table) and wh.has("main", table):
            raw = wh.scalar(f"select count(*) from raw.{table}")
            main = wh.scalar(f"select count(*) from main.{table}")
            sample.append({"table": table, "raw": raw, "main": main})
    if not sample:
        return _skip("no table exists in both raw and main")
    bad = [s for s in sample if s["raw"] != s["main"]]
    text = ", ".join(f"{s['table']}: raw {s['raw']} vs main {s['main']}" for s in bad)
    return Finding(not bad, len(bad), (text + " (stale marts? run dbt build)") if bad else
                   "marts match raw: " + ", ".join(f"{s['table']} {s['main']}" for s in sample), bad)


# ---------------------------------------------------------------------------------------------- invariants

def _offsets_in_bounds(wh: Warehouse, table: str) -> Finding:
    id_col = ID_COLUMNS[table]
    pieces = [
        f"select '{layer}' as layer, s.{id_col} as id, s.doc_id, s.start_char, s.end_char, "
        f"length(d.text) as text_length from {layer}.{table} s join {layer}.documents d on s.doc_id = d.doc_id "
        "where s.start_char is null or s.end_char is null or s.start_char < 0 or s.end_char <= s.start_char "
        "or s.end_char > length(d.text)"
        for layer in _layers_with(wh, table, "documents")]
    if not pieces:
        return _skip(f"no {table} and documents tables")
    count, sample = wh.violations(_union(pieces))
    return _count_finding(count, sample, f"{table} row(s) with offsets outside their document's text",
                          f"all {table} offsets lie inside documents.text")


def _span_matches(wh: Warehouse, table: str) -> Finding:
    id_col, col = ID_COLUMNS[table], SPAN_COLUMNS[table]
    at = "substr(d.text, s.start_char + 1, s.end_char - s.start_char)"
    pieces = [
        f"select '{layer}' as layer, s.{id_col} as id, s.doc_id, s.start_char, s.end_char, s.{col} as {col}, "
        f"{at} as text_at_offsets from {layer}.{table} s join {layer}.documents d on s.doc_id = d.doc_id "
        "where s.start_char >= 0 and s.end_char > s.start_char and s.end_char <= length(d.text) "
        f"and {at} is distinct from s.{col}"
        for layer in _layers_with(wh, table, "documents")]
    if not pieces:
        return _skip(f"no {table} and documents tables")
    count, sample = wh.violations(_union(pieces))
    return _count_finding(count, sample, f"{table} row(s) whose {col} differs from the document text at its offsets",
                          f"every {table}.{col} equals documents.text at its offsets")


def _orphans(wh: Warehouse, table: str) -> Finding:
    id_col = ID_COLUMNS[table]
    pieces = [f"select '{layer}' as layer, s.{id_col} as id, s.doc_id from {layer}.{table} s "
              f"anti join {layer}.documents d on s.doc_id = d.doc_id"
              for layer in _layers_with(wh, table, "documents")]
    if not pieces:
        return _skip(f"no {table} and documents tables")
    count, sample = wh.violations(_union(pieces))
    return _count_finding(count, sample, f"{table} row(s) whose doc_id is not in documents",
                          f"every {table} row has its document")


@check("quote_offsets_in_bounds", "error", "invariants",
       "0 ≤ start_char < end_char ≤ length(documents.text) for every quote (raw and main).")
def quote_offsets_in_bounds(wh: Warehouse) -> Finding:
    return _offsets_in_bounds(wh, "quotes")


@check("quote_text_matches_offsets", "error", "invariants",
       "quotes.text equals documents.text[start_char:end_char] (raw and main).")
def quote_text_matches_offsets(wh: Warehouse) -> Finding:
    return _span_matches(wh, "quotes")


@check("figure_offsets_in_bounds", "error", "invariants",
       "0 ≤ start_char < end_char ≤ length(documents.text) for every figure (raw and main).")
def figure_offsets_in_bounds(wh: Warehouse) -> Finding:
    return _offsets_in_bounds(wh, "figures")


@check("figure_surface_matches_offsets", "error", "invariants",
       "figures.surface equals documents.text[start_char:end_char] (raw and main).")
def figure_surface_matches_offsets(wh: Warehouse) -> Finding:
    return _span_matches(wh, "figures")


@check("orphan_quotes", "error", "invariants", "Every quote's doc_id exists in documents (raw and main).")
def orphan_quotes(wh: Warehouse) -> Finding:
    return _orphans(wh, "quotes")


@check("orphan_figures", "error", "invariants", "Every figure's doc_id exists in documents (raw and main).")
def orphan_figures(wh: Warehouse) -> Finding:
    return _orphans(wh, "figures")


@check("duplicate_ids", "error", "invariants",
       "No id is null or appears twice in documents, quotes, figures, quarantine, runs (raw and main) or "
       "raw.speaker_aliases.")
def duplicate_ids(wh: Warehouse) -> Finding:
    pieces = [f"select '{layer}.{table}' as table_name, {id_col}::varchar as id, count(*) as n_rows "
              f"from {layer}.{table} group by {id_col} having count(*) > 1 or {id_col} is null"
              for layer in LAYERS for table, id_col in ID_COLUMNS.items() if wh.has(layer, table)]
    if not pieces:
        return _skip("no tables")
    count, sample = wh.violations(_union(pieces))
    tables = sorted({s["table_name"] for s in sample})
    return _count_finding(count, sample, f"duplicated or null id(s) in {', '.join(tables)}", "all ids are unique")


@check("speaker_not_blank", "error", "invariants",
       "A speaker, when set, is not empty or whitespace (raw.quotes.speaker, main.quotes.speaker and "
       "speaker_in_document, raw.speaker_aliases).")
def speaker_not_blank(wh: Warehouse) -> Finding:
    columns = [("raw", "quotes", "speaker"), ("main", "quotes", "speaker"), ("main", "quotes", "speaker_in_document"),
               ("raw", "speaker_aliases", "speaker"), ("raw", "speaker_aliases", "canonical_speaker")]
    available = {(s, t, c) for s, t, c in wh.con.execute(
        "select table_schema, table_name, column_name from information_schema.columns "
        "where table_catalog = current_database()").fetchall()}
    pieces = [f"select '{s}.{t}.{c}' as column_name, {ID_COLUMNS[t]} as id, {c} as value from {s}.{t} "
              f"where {c} is not null and regexp_full_match({c}, ?)"
              for s, t, c in columns if (s, t, c) in available]
    if not pieces:
        return _skip("no speaker columns")
    count, sample = wh.violations(_union(pieces), [BLANK] * len(pieces))
    return _count_finding(count, sample, "blank speaker(s) (set but empty or whitespace)",
                          "no blank speakers")


@check("document_text_not_empty", "error", "invariants", "No document's text is null, empty or only whitespace.")
def document_text_not_empty(wh: Warehouse) -> Finding:
    pieces = [f"select '{layer}' as layer, doc_id, source, length(text) as text_length from {layer}.documents "
              "where text is null or regexp_full_match(text, ?)" for layer in _layers_with(wh, "documents")]
    if not pieces:
        return _skip("no documents tables")
    count, sample = wh.violations(_union(pieces), [BLANK] * len(pieces))
    return _count_finding(count, sample, "document(s) with empty text", "every document has text")


@check("warehouse_counts", "info", "summary", "Row counts of the raw tables and the marts (for the record).")
def warehouse_counts(wh: Warehouse) -> Finding:
    sample = [{"table": f"{s}.{t}", "rows": wh.scalar(f"select count(*) from {s}.{t}")}
              for s in LAYERS for t in ID_COLUMNS if wh.has(s, t)]
    return Finding(True, sum(s["rows"] for s in sample),
                   ", ".join(f"{s['table']} {s['rows']}" for s in sample) or "no tables", sample)


# ---------------------------------------------------------------------------------------------- running

def run_checks(warehouse: str | Path, config: DQConfig | None = None) -> list[CheckResult]:
    """Run every registered check on the warehouse (opened read-only) and return their results in order."""
    return run_dq(warehouse, config)[0]


def run_dq(warehouse: str | Path, config: DQConfig | None = None) -> tuple[list[CheckResult], dict[str, Any]]:
    """Run every check and gather the report context (warehouse, last run, thresholds) in one connection.

    Raises FileNotFoundError when there is no warehouse file, duckdb.Error when it cannot be opened
    (for example while a run holds it open for writing).
    """
    config = config or DQConfig()
    path = Path(warehouse).resolve()
    if not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}")
    with duckdb.connect(str(path), read_only=True) as con:
        wh = Warehouse(con, path, config)
        results = [_run_one(wh, c) for c in CHECKS]
        context = _context(wh)
    return results, context


def _run_one(wh: Warehouse, chk: Check) -> CheckResult:
    started = time.perf_counter()
    try:
        finding = chk.fn(wh)
        crashed = False
    except Exception as err:  # a check that cannot run is a failed check, never a crashed report
        finding = Finding(False, None, f"check could not run: {type(err).__name__}: {err}")
        crashed = True
    return CheckResult(chk.name, chk.severity, chk.category, finding.passed, _plain(finding.observed),
                       finding.message, finding.sample, finding.skipped, crashed, chk.description,
                       round(time.perf_counter() - started, 4))


def _context(wh: Warehouse) -> dict[str, Any]:
    run = wh.last_run
    dbt_path, dbt_data, _ = wh.dbt_results()
    try:
        newsdesk_version = version("newsdesk")
    except PackageNotFoundError:
        newsdesk_version = "unknown"
    return {
        "warehouse": str(wh.path),
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "last_run": None if run is None else {k: _plain(v) for k, v in run.items()},
        "dbt_run_results": str(dbt_path),
        "dbt_generated_at": None if dbt_data is None else dbt_data.get("metadata", {}).get("generated_at"),
        "max_quarantine_share": wh.config.max_quarantine_share,
        "newsdesk_version": newsdesk_version,
    }


def summarize(results: list[CheckResult]) -> dict[str, Any]:
    """Counts by outcome and the names of failed error checks and of warnings."""
    outcomes = [r.outcome for r in results]
    return {
        "passed": not any(r.blocking for r in results),
        "checks": len(results),
        **{k: outcomes.count(k) for k in ("pass", "fail", "warn", "skip", "info")},
        "errors": [r.name for r in results if r.blocking],
        "warnings": [r.name for r in results if r.outcome == "warn"],
    }


def exit_code(results: list[CheckResult]) -> int:
    """1 when any error-severity check failed, else 0."""
    return 1 if any(r.blocking for r in results) else 0


# ---------------------------------------------------------------------------------------------- rendering

ICONS = {"pass": "✅ pass", "fail": "❌ FAIL", "warn": "⚠️ warn", "skip": "⏭️ skip", "info": "ℹ️ info"}


def _md(value: Any, limit: int = 160) -> str:
    """A value safe inside a Markdown table cell."""
    text = "" if value is None else str(value)
    text = text.replace("\r", " ").replace("\n", " ").replace("|", "\\|")
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _md_table(rows: list[dict[str, Any]]) -> list[str]:
    if not rows:
        return []
    columns = list(rows[0])
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_md(r.get(c), 100) for c in columns) + " |" for r in rows]
    return lines


def render_markdown(results: list[CheckResult], context: dict[str, Any]) -> str:
    """The human-readable report: verdict, context, one table row per check, then details of what did not pass."""
    s = summarize(results)
    verdict = (f"**Result: FAIL** — {s['fail']} error check(s) failed: {', '.join(s['errors'])}"
               if not s["passed"] else f"**Result: PASS** — no error check failed")
    verdict += f"; {s['warn']} warning(s), {s['pass']} passed, {s['skip']} skipped, {s['info']} info."
    run = context.get("last_run")
    run_text = "none" if not run else (
        f"`{run['run_id']}` {run['status']} (dbt {run['dbt_status'] or 'not run'}), started {run['started_at']}; "
        f"{run['documents_loaded']} documents, {run['quotes_loaded']} quotes, {run['figures_loaded']} figures, "
        f"{run['quarantined']} quarantined")
    lines = [
        "# newsdesk data-quality report", "", verdict, "",
        "| | |", "|---|---|",
        f"| warehouse | `{_md(context.get('warehouse'), 300)}` |",
        f"| generated | {context.get('generated_at')} (newsdesk {context.get('newsdesk_version')}) |",
        f"| last run | {_md(run_text, 400)} |",
        f"| dbt results | `{_md(context.get('dbt_run_results'), 300)}` "
        f"({context.get('dbt_generated_at') or 'missing'}) |",
        f"| max quarantine share | {context.get('max_quarantine_share')} |",
        "", "## Checks", "",
        "| outcome | check | severity | observed | message |", "|---|---|---|---|---|",
    ]
    lines += [f"| {ICONS[r.outcome]} | `{r.name}` | {r.severity} | {_md(r.observed, 40)} | {_md(r.message)} |"
              for r in results]
    details = [r for r in results if r.outcome in ("fail", "warn") or (r.sample and r.outcome == "info")]
    if details:
        lines += ["", "## Details"]
    for r in sorted(details, key=lambda r: ("fail", "warn", "info").index(r.outcome)):
        lines += ["", f"### {ICONS[r.outcome]} `{r.name}` ({r.severity}, {r.category})", "",
                  f"*{_md(r.description, 400)}*", "", _md(r.message, 2000)]
        if r.sample:
            lines += ["", *_md_table(r.sample)]
    lines += ["", "---", "Severities: **error** fails `newsdesk dq` (exit 1); **warn** is reported but passes; "
              "**info** is for the record; **skip** means the check could not apply. See README.md › Data quality.", ""]
    return "\n".join(lines)


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(value: Any) -> str:
    return _XML_INVALID.sub("\ufffd", "" if value is None else str(value))


def render_junit(results: list[CheckResult], timestamp: str | None = None) -> str:
    """JUnit XML with one <testcase> per check.

    error check failed → <failure>; a check that crashed → <error> (error severity) or a warning; warn check
    failed → passes, with the message in <system-out> and property outcome=warn (so CI report viewers do not
    turn red for expected quarantine); skipped → <skipped>; info → passes with its message in <system-out>.
    """
    s = summarize(results)
    suite = ET.Element("testsuite", {
        "name": SUITE_NAME, "tests": str(len(results)),
        "failures": str(sum(1 for r in results if r.blocking and not r.crashed)),
        "errors": str(sum(1 for r in results if r.blocking and r.crashed)),
        "skipped": str(s["skip"]), "time": f"{sum(r.seconds for r in results):.3f}",
        "timestamp": timestamp or datetime.now(UTC).isoformat(timespec="seconds"),
    })
    for r in results:
        case = ET.SubElement(suite, "testcase", {"classname": f"newsdesk.dq.{r.category}", "name": r.name,
                                                 "time": f"{r.seconds:.3f}"})
        props = ET.SubElement(case, "properties")
        for key, value in (("severity", r.severity), ("outcome", r.outcome), ("observed", r.observed)):
            ET.SubElement(props, "property", {"name": key, "value": _xml(value)})
        body = _xml(r.message + ("\n" + json.dumps(r.sample, ensure_ascii=False, default=str, indent=1)
                                 if r.sample else ""))
        if r.outcome == "fail":
            tag = "error" if r.crashed else "failure"
            element = ET.SubElement(case, tag, {"message": _xml(f"{r.name}: {r.message}")[:1000],
                                                "type": f"dq.{r.severity}"})
            element.text = body
        elif r.outcome == "skip":
            ET.SubElement(case, "skipped", {"message": _xml(r.message)[:1000]})
        else:
            out = ET.SubElement(case, "system-out")
            out.text = (f"WARNING [{r.name}]: " if r.outcome == "warn" else "") + body
    ET.indent(suite)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"


def table_rows(results: list[CheckResult]) -> list[dict[str, Any]]:
    """One flat row per check, for a Prefect table artifact or a CSV."""
    return [{"check": r.name, "outcome": r.outcome, "severity": r.severity, "category": r.category,
             "observed": r.observed, "message": r.message[:500]} for r in results]


def write_reports(results: list[CheckResult], context: dict[str, Any], out_dir: str | Path) -> dict[str, str]:
    """Write dq_report.md and dq_junit.xml into out_dir (created if needed); return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report, junit = out / REPORT_FILE, out / JUNIT_FILE
    report.write_text(render_markdown(results, context), encoding="utf-8")
    junit.write_text(render_junit(results, context.get("generated_at")), encoding="utf-8")
    return {"report": str(report.resolve()), "junit": str(junit.resolve())}


def rich_table(results: list[CheckResult]):
    """A rich Table of the results for the terminal."""
    from rich.table import Table
    from rich.text import Text

    styles = {"pass": "green", "fail": "bold red", "warn": "yellow", "skip": "dim", "info": "cyan"}
    table = Table(title="newsdesk data quality")
    for column in ("outcome", "check", "severity", "observed", "message"):
        table.add_column(column, overflow="fold")
    for r in results:
        table.add_row(Text(r.outcome.upper() if r.outcome == "fail" else r.outcome, style=styles[r.outcome]),
                      Text(r.name), Text(r.severity), Text("" if r.observed is None else str(r.observed)),
                      Text(r.message if len(r.message) <= 300 else r.message[:299] + "…"))
    return table
