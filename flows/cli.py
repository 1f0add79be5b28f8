"""The `newsdesk` command line: a thin skin over the pipeline flow and the warehouse."""

from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="newsdesk: who said what, where, and with which figures.", no_args_is_help=True,
                  add_completion=False)
# Outside a terminal rich would wrap at 80 columns; logs and pipes read better unwrapped.
console = Console() if sys.stdout.isatty() else Console(width=250)
err_console = Console(stderr=True) if sys.stderr.isatty() else Console(stderr=True, width=250)

WarehouseOption = Annotated[
    Path | None, typer.Option("--warehouse", "-w", help="DuckDB file (default: warehouse/newsdesk.duckdb).")
]


def _display(path: Path) -> str:
    """A path as a user in the current folder would type it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _given_sources(source: list[Path] | None, paths: list[Path] | None) -> list[Path]:
    """The --source options and the bare paths after them; none at all is a usage error (exit 2), so the demo
    articles never load into a warehouse by accident."""
    from flows.settings import get_settings

    sources = [*(source or []), *(paths or [])]
    if not sources:
        err_console.print("[red]error:[/] nothing to read: give --source PATH (files or folders; the demo "
                          f"articles: --source {_display(get_settings().seeds_path)}).")
        raise typer.Exit(2)
    return sources


def _warehouse(path: Path | None) -> Path:
    """The warehouse path from the option or the settings."""
    from flows.settings import get_settings

    return (path or get_settings().warehouse_path).resolve()


@app.command()
def run(
    source: Annotated[list[Path] | None, typer.Option("--source", "-s", help="File or folder; repeatable.")] = None,
    paths: Annotated[list[Path] | None, typer.Argument(help="More files or folders (`--source a b` reads both).",
                                                       show_default=False)] = None,
    warehouse: WarehouseOption = None,
    batch_size: Annotated[int | None, typer.Option(help="Documents per batch task.")] = None,
    no_build: Annotated[bool, typer.Option("--no-build", help="Load only; skip the dbt models.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit non-zero when anything was quarantined.")] = False,
    full_refresh: Annotated[bool, typer.Option("--full-refresh", help="Re-process every document, changed or not.")] = False,
    task_runner: Annotated[str | None, typer.Option(help="auto (default: a process pool when 24 MB or more are "
                                                             "to be read after skipping unchanged documents, on a "
                                                             "multi-core machine; else threads), thread, process or "
                                                             "dask.")] = None,
    workers: Annotated[int | None, typer.Option(help="Parallel workers for the batch tasks (default: CPUs).")] = None,
    dask_address: Annotated[str | None, typer.Option(help="Dask scheduler, e.g. tcp://host:8786 (--task-runner dask); "
                                                         "a local cluster when omitted.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON (for scripts).")] = False,
) -> None:
    """Run the pipeline on files or folders into the warehouse.

    Example: newsdesk run --source seeds --source dumps/aug.jsonl --warehouse warehouse/newsdesk.duckdb
    """
    from flows.settings import get_settings

    settings = get_settings()
    sources = _given_sources(source, paths)
    missing = [str(s) for s in sources if not s.exists() and not s.is_symlink()]
    if missing:
        err_console.print(f"[red]error:[/] source not found: {', '.join(missing)}")
        raise typer.Exit(2)
    from flows.progress import RichReporter, set_reporter
    from flows.pipeline import pipeline
    from flows.runners import RUNNERS, runner_parameters

    kind = task_runner or ("dask" if dask_address else settings.task_runner)
    if kind not in RUNNERS:
        err_console.print(f"[red]error:[/] --task-runner must be one of {', '.join(RUNNERS)}")
        raise typer.Exit(2)
    if console.is_terminal:
        set_reporter(RichReporter())
    with _holding_warehouse(_warehouse(warehouse)):
        summary = _run_flow(pipeline, as_json, sources=[str(s) for s in sources],
                            warehouse_path=str(_warehouse(warehouse)), batch_size=batch_size, build=not no_build,
                            full_refresh=full_refresh, **runner_parameters(kind, workers or settings.workers,
                                                                          dask_address or settings.dask_address))
    if strict and summary["quarantined"]:
        err_console.print(f"[red]error:[/] {summary['quarantined']} item(s) quarantined and --strict is set.")
        raise typer.Exit(1)


@contextmanager
def _holding_warehouse(warehouse_path: Path):
    """Take the warehouse's writer lock before Prefect starts; exit 3 with one line when another run holds it.

    The flow's own lock is re-entrant within this process, so the run goes on under this one. Waits up to
    NEWS_LOCK_TIMEOUT_SECONDS like the flow would.
    """
    from flows.settings import get_settings
    from flows.warehouse import WarehouseBusyError, writer_lock

    lock = writer_lock(warehouse_path, get_settings().lock_timeout_seconds, for_this_process=True)
    try:
        lock.__enter__()
    except WarehouseBusyError as err:
        err_console.print(f"[red]error:[/] {err}")
        raise typer.Exit(3) from None
    try:
        yield
    finally:
        lock.__exit__(None, None, None)


def _run_flow(flow, as_json: bool, **parameters) -> dict:
    """Run the pipeline flow, print its summary (table or JSON); exit 3 when the warehouse is busy, 1 on failure."""
    from flows.warehouse import WarehouseBusyError

    try:
        summary = flow(**parameters)
    except WarehouseBusyError as err:
        err_console.print(f"[red]error:[/] {err}")
        raise typer.Exit(3) from None
    if as_json:
        print(json.dumps(summary, default=str))
    else:
        _print_summary(summary)
    if summary["status"] != "success":
        err_console.print("[red]error:[/] dbt build failed:\n  " + "\n  ".join(summary["dbt_failures"][:20]))
        raise typer.Exit(1)
    return summary


def _print_summary(summary: dict) -> None:
    """Print the run's counts and its quarantine list."""
    table = Table(title="newsdesk run", show_header=False)
    for key in ("files", "megabytes", "documents", "unchanged", "quotes", "figures", "quarantined", "seconds",
                "task_runner", "dbt_status", "warehouse", "run_id"):
        table.add_row(key, str(summary.get(key)))
    quality = summary.get("data_quality")
    if quality:
        verdict = "[green]pass[/]" if quality["passed"] else "[red]FAIL[/] " + ", ".join(quality["errors"])
        table.add_row("data quality", f"{verdict} ({quality['pass']} passed, {quality['fail']} failed, "
                                      f"{quality['warn']} warnings; details: newsdesk dq)")
    if summary.get("report"):
        table.add_row("report", str(summary["report"]))
    console.print(table)
    if summary.get("quarantined"):
        from flows.warehouse import connect

        with connect(summary["warehouse"], read_only=True) as con:
            rows = con.execute(
                'select stage, source_file, coalesce(locator, \'\'), "check", reason from raw.quarantine '
                "where run_id = ? order by source_file, locator limit 50", [summary["run_id"]]).fetchall()
        _print_rows(["stage", "file", "where", "check", "reason"], rows, title="quarantined (first 50)")


def _print_rows(columns: list[str], rows: list[tuple], title: str | None = None) -> None:
    """Print rows as a rich table."""
    table = Table(title=title)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("NULL" if v is None else str(v) for v in row))
    console.print(table)


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="SQL to run (read-only).")],
    warehouse: WarehouseOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json")] = "table",
    max_rows: Annotated[int, typer.Option(help="Rows shown in table format.")] = 200,
) -> None:
    """Run ad hoc SQL against the warehouse and print the result.

    Example: newsdesk sql "select speaker, count(*) from quotes group by 1 order by 2 desc"
    """
    import duckdb

    from flows.warehouse import connect

    path = _warehouse(warehouse)
    if not path.exists():
        err_console.print(f"[red]error:[/] no warehouse at {path}; run `newsdesk run` first.")
        raise typer.Exit(2)
    try:
        with connect(path, read_only=True) as con:
            statements = con.extract_statements(query)
            if len(statements) > 1:
                err_console.print(f"[red]error:[/] newsdesk sql runs one statement at a time; this holds "
                                  f"{len(statements)}. Run them one by one.")
                raise typer.Exit(2)
            cursor = con.execute(query)
            columns = [d[0] for d in cursor.description or []]
            rows = cursor.fetchall() if columns else []
    except duckdb.Error as err:
        err_console.print(f"[red]error:[/] {err}")
        raise typer.Exit(1) from None
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt == "json":
        print(json.dumps([dict(zip(columns, row)) for row in rows], default=str, ensure_ascii=False, indent=1))
    else:
        _print_rows(columns, rows[:max_rows])
        if len(rows) > max_rows:
            console.print(f"({len(rows) - max_rows} more rows; use --max-rows or --format csv)")


@app.command()
def requeue(
    warehouse: WarehouseOption = None,
    stage: Annotated[str | None, typer.Option(help="Only rows of this stage (ingest, normalize, quotes …).")] = None,
    check: Annotated[str | None, typer.Option(help="Only rows failing this check (invalid_json …).")] = None,
    run_id: Annotated[str | None, typer.Option("--run-id", help="Only rows quarantined by this run.")] = None,
    source_file: Annotated[str | None, typer.Option("--source-file", help="Only rows of this file.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="List what would be re-processed; change nothing.")] = False,
    no_build: Annotated[bool, typer.Option("--no-build", help="Load only; skip the dbt models.")] = False,
    full_refresh: Annotated[bool, typer.Option("--full-refresh", help="Re-extract their documents even if unchanged.")] = False,
    purge_missing: Annotated[bool, typer.Option("--purge-missing", help="Delete the quarantine rows of files that "
                                                "no longer exist (then rebuild the marts).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON (for scripts).")] = False,
) -> None:
    """Re-run the pipeline on the source files of quarantined rows (after fixing them).

    Fixed files drop out of quarantine; files still broken are quarantined again with the current reason.
    Rows whose file is gone are listed and left in place, unless --purge-missing deletes them.
    Example: newsdesk requeue --check invalid_json --dry-run
    """
    from flows.requeue import plan

    path = _warehouse(warehouse)
    if not path.exists():
        err_console.print(f"[red]error:[/] no warehouse at {path}; run `newsdesk run` first.")
        raise typer.Exit(2)
    import duckdb

    with nullcontext() if dry_run else _holding_warehouse(path):  # the lock first: a busy warehouse exits at once
        try:
            todo = plan(path, stage=stage, check=check, run_id=run_id, source_file=source_file)
        except duckdb.IOException as err:  # a run holds the file open for writing
            err_console.print(f"[red]error:[/] cannot read the warehouse now ({err}); retry when the run is over.")
            raise typer.Exit(3) from None
        _requeue(path, todo, dry_run, no_build, full_refresh, purge_missing, as_json)


def _requeue(path: Path, todo, dry_run: bool, no_build: bool, full_refresh: bool, purge_missing: bool,
             as_json: bool) -> None:
    """Show the requeue plan, purge what is gone (if asked), and re-run the pipeline on the rest."""
    if not todo.files:
        console.print("nothing quarantined matches; nothing to re-process.")
        return
    rows = [(f.source_file, f.rows, ", ".join(f.stages), ", ".join(f.checks),
             "re-process" if f.path else ("missing: would be purged" if dry_run else "missing: purged")
             if purge_missing else "missing: left in quarantine") for f in todo.files]
    quarantined = {str(f.path) for f in todo.present}
    rows += [(str(p), "", "", "duplicate_doc_id", "re-read: holds the loaded copy")
             for p in todo.companions if str(p) not in quarantined]
    _print_rows(["file", "rows", "stages", "checks", "status"], rows, title="requeue" + (" (dry run)" if dry_run else ""))
    if todo.missing and purge_missing and not dry_run:
        from flows.requeue import purge_missing as purge

        purged, outcome = purge(path, todo.missing, build=not no_build)
        console.print(f"purged {purged} quarantine row(s) of {len(todo.missing)} missing file(s)")
        if outcome is not None and not outcome.success:
            err_console.print("[red]error:[/] dbt build failed:\n  " + "\n  ".join(outcome.failures[:20]))
            raise typer.Exit(1)
    elif todo.missing and not purge_missing:
        err_console.print(f"[yellow]warning:[/] {len(todo.missing)} quarantined file(s) no longer exist; their rows stay "
                          "in quarantine (`newsdesk requeue --purge-missing` deletes them).")
    if dry_run or not todo.sources:
        return
    from flows.pipeline import pipeline

    _run_flow(pipeline, as_json, sources=todo.sources, warehouse_path=str(path), build=not no_build,
              full_refresh=full_refresh, requeue=True)


@app.command()
def prune(
    warehouse: WarehouseOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="List what would be deleted; change nothing.")] = False,
    no_build: Annotated[bool, typer.Option("--no-build", help="Delete only; skip the dbt models.")] = False,
) -> None:
    """Delete the documents whose source files no longer exist, with their quotes, figures and quarantine rows,
    and the documents whose records were removed from a dump (JSONL, JSON, CSV, Parquet) that still exists.

    One transaction under the writer lock, recorded in raw.runs; the marts are rebuilt after.
    Example: newsdesk prune --dry-run
    """
    from flows.core.records import split_source
    from flows.requeue import missing_documents, prune_missing, removed_records

    path = _warehouse(warehouse)
    if not path.exists():
        err_console.print(f"[red]error:[/] no warehouse at {path}; run `newsdesk run` first.")
        raise typer.Exit(2)
    with _holding_warehouse(path):
        gone, removed = missing_documents(path), removed_records(path)
        if not gone and not removed:
            console.print("every loaded document is still in its source file; nothing to prune.")
            return
        rows: dict[tuple[str, str], int] = {}
        for docs, why in ((gone, "file deleted"), (removed, "records no longer in the file")):
            for _, source in docs:
                key = (split_source(source)[0], why)
                rows[key] = rows.get(key, 0) + 1
        _print_rows(["source file", "why", "documents"], [(f, why, n) for (f, why), n in sorted(rows.items())],
                    title="prune" + (" (dry run)" if dry_run else ""))
        if dry_run:
            return
        dropped, outcome = prune_missing(path, gone, build=not no_build, removed=removed)
    n_files = len({split_source(s)[0] for _, s in gone})
    console.print(f"pruned {dropped} document(s): {n_files} deleted source file(s), {len(removed)} record(s) no longer "
                  "in their dump")
    if outcome is not None and not outcome.success:
        err_console.print("[red]error:[/] dbt build failed:\n  " + "\n  ".join(outcome.failures[:20]))
        raise typer.Exit(1)


@app.command()
def dq(
    warehouse: WarehouseOption = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for dq_report.md and dq_junit.xml.")] = Path(
        "dq_out"),
    flow: Annotated[bool, typer.Option("--flow", help="Run as the Prefect flow newsdesk-dq and publish the report as "
                                                      "the artifact dq-report (slower: needs a Prefect API).")] = False,
    max_quarantine_share: Annotated[float | None, typer.Option(
        min=0.0, max=1.0, envvar="NEWS_DQ_MAX_QUARANTINE_SHARE",
        help="Largest share of documents, quotes or figures the last run may quarantine (default 0.25).")] = None,
) -> None:
    """Run the data-quality checks; write dq_report.md and dq_junit.xml; exit 1 if any error check fails.

    Example: newsdesk dq --warehouse warehouse/newsdesk.duckdb --out dq_out
    """
    import duckdb

    from flows.dq import CheckResult, DataQualityError, DQConfig, rich_table, run_dq, write_reports

    path = _warehouse(warehouse)
    if not path.exists():
        err_console.print(f"[red]error:[/] no warehouse at {path}; run `newsdesk run` first.")
        raise typer.Exit(2)
    try:
        if flow:
            from flows.dq_flow import dq_flow

            try:
                outcome = dq_flow(str(path), str(out), max_quarantine_share)
            except DataQualityError as err:
                outcome = err.outcome
            results = [CheckResult.from_dict(r) for r in outcome["results"]]
            paths = {"report": outcome["report"], "junit": outcome["junit"]}
        else:
            results, context = run_dq(path, DQConfig.build(max_quarantine_share))
            paths = write_reports(results, context, out)
    except duckdb.Error as err:
        err_console.print(f"[red]error:[/] cannot read the warehouse {path}: {err}")
        raise typer.Exit(2) from None
    console.print(rich_table(results))
    console.print(f"report: {paths['report']}\njunit:  {paths['junit']}", highlight=False)
    failed = [r.name for r in results if r.blocking]
    warned = [r.name for r in results if r.outcome == "warn"]
    if warned:
        console.print(f"warnings: {', '.join(warned)}", highlight=False)
    if failed:
        err_console.print(f"[red]error:[/] {len(failed)} data-quality check(s) failed: {', '.join(failed)}",
                          highlight=False)
        raise typer.Exit(1)
    console.print("[green]data quality: all error checks passed[/]")


@app.command()
def serve(
    source: Annotated[list[Path] | None, typer.Option("--source", "-s", help="File or folder; repeatable.")] = None,
    paths: Annotated[list[Path] | None, typer.Argument(help="More files or folders (`--source a b` reads both).",
                                                       show_default=False)] = None,
    warehouse: WarehouseOption = None,
    cron: Annotated[str, typer.Option(help="Cron schedule, e.g. '0 * * * *' for hourly.")] = "0 * * * *",
    timezone: Annotated[str, typer.Option(help="Time zone the cron expression is read in.")] = "UTC",
    name: Annotated[str, typer.Option(help="Deployment name.")] = "scheduled",
    task_runner: Annotated[str | None, typer.Option(help="auto (default; decided by each run on the bytes it "
                                                             "has to read), thread, process or dask.")] = None,
    workers: Annotated[int | None, typer.Option(help="Parallel workers for the batch tasks.")] = None,
    dask_address: Annotated[str | None, typer.Option(help="Dask scheduler address for --task-runner dask.")] = None,
) -> None:
    """Serve the pipeline as a Prefect deployment that runs on a cron schedule (stops on Ctrl-C / SIGTERM).

    Schedules live in the Prefect API: start `prefect server start --host 127.0.0.1` and set
    PREFECT_API_URL=http://127.0.0.1:4200/api first, or runs are only scheduled while this process lives.

    Example: newsdesk serve --cron "0 * * * *" --source /data/feeds --warehouse warehouse/newsdesk.duckdb
    """
    import os

    from prefect.schedules import Cron

    from flows.pipeline import pipeline
    from flows.runners import runner_parameters
    from flows.settings import get_settings

    settings = get_settings()
    sources = [str(s.resolve()) for s in _given_sources(source, paths)]
    if not os.environ.get("PREFECT_API_URL"):
        err_console.print("[yellow]warning:[/] PREFECT_API_URL is not set: the deployment lives in a temporary "
                          "server that ends with this process. See README › Running on a schedule.")
    kind = task_runner or ("dask" if dask_address else settings.task_runner)
    pipeline.serve(name=name, schedules=[Cron(cron, timezone=timezone)],
                   parameters={"sources": sources, "warehouse_path": str(_warehouse(warehouse)),
                               **runner_parameters(kind, workers or settings.workers,
                                                   dask_address or settings.dask_address)})


@app.command()
def report(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for index.html (created if missing).")],
    warehouse: WarehouseOption = None,
) -> None:
    """Write the static HTML report (one self-contained index.html: charts, quote spread, data quality; no scripts).

    Example: newsdesk report --warehouse warehouse/newsdesk.duckdb --out warehouse/report
    """
    import duckdb

    from flows.report import write_report

    path = _warehouse(warehouse)
    if not path.exists():
        err_console.print(f"[red]error:[/] no warehouse at {path}; run `newsdesk run` first.")
        raise typer.Exit(2)
    try:
        index = write_report(path, out)
    except duckdb.Error as err:
        err_console.print(f"[red]error:[/] cannot read the warehouse {path}: {err}")
        raise typer.Exit(2) from None
    except OSError as err:
        err_console.print(f"[red]error:[/] cannot write the report to {out}: {err}")
        raise typer.Exit(1) from None
    console.print(f"report: {index}\nopen:   {index.as_uri()}", highlight=False)


@app.command()
def version() -> None:
    """Print the newsdesk version."""
    from flows.pipeline import code_version

    print(code_version())


if __name__ == "__main__":
    app()
