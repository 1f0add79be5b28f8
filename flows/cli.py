"""The `newsdesk` command line: a thin skin over the pipeline flow and the warehouse."""

from __future__ import annotations

import csv
import json
import sys
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


def _warehouse(path: Path | None) -> Path:
    """The warehouse path from the option or the settings."""
    from flows.settings import get_settings

    return (path or get_settings().warehouse_path).resolve()


@app.command()
def run(
    source: Annotated[list[Path] | None, typer.Option("--source", "-s", help="File or folder; repeatable.")] = None,
    warehouse: WarehouseOption = None,
    batch_size: Annotated[int | None, typer.Option(help="Documents per batch task.")] = None,
    no_build: Annotated[bool, typer.Option("--no-build", help="Load only; skip the dbt models.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit non-zero when anything was quarantined.")] = False,
) -> None:
    """Run the pipeline on files or folders into the warehouse.

    Example: newsdesk run --source seeds --source dumps/aug.jsonl --warehouse warehouse/newsdesk.duckdb
    """
    from flows.settings import get_settings

    sources = source or [get_settings().seeds_path]
    missing = [str(s) for s in sources if not s.exists() and not s.is_symlink()]
    if missing:
        err_console.print(f"[red]error:[/] source not found: {', '.join(missing)}")
        raise typer.Exit(2)
    from flows.pipeline import pipeline
    from flows.warehouse import WarehouseBusyError

    try:
        summary = pipeline(sources=[str(s) for s in sources], warehouse_path=str(_warehouse(warehouse)),
                           batch_size=batch_size, build=not no_build)
    except WarehouseBusyError as err:
        err_console.print(f"[red]error:[/] {err}")
        raise typer.Exit(3) from None
    _print_summary(summary)
    if summary["status"] != "success":
        err_console.print("[red]error:[/] dbt build failed:\n  " + "\n  ".join(summary["dbt_failures"][:20]))
        raise typer.Exit(1)
    if strict and summary["quarantined"]:
        err_console.print(f"[red]error:[/] {summary['quarantined']} item(s) quarantined and --strict is set.")
        raise typer.Exit(1)


def _print_summary(summary: dict) -> None:
    """Print the run's counts and its quarantine list."""
    table = Table(title="newsdesk run", show_header=False)
    for key in ("files", "documents", "quotes", "figures", "quarantined", "seconds", "warehouse", "run_id"):
        table.add_row(key, str(summary.get(key)))
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
def version() -> None:
    """Print the newsdesk version."""
    from flows.pipeline import code_version

    print(code_version())


if __name__ == "__main__":
    app()
