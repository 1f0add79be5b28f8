"""Validate a stage frame with pandera; failing rows become quarantine entries and the rest continue."""

from __future__ import annotations

import json
from collections.abc import Mapping

import pandera.polars as pa
import polars as pl
from pandera.errors import SchemaErrors

from flows.core.records import QuarantineEntry, split_source

_INDEX = "__row__"


def validate_stage(
    frame: pl.DataFrame, model: type[pa.DataFrameModel], stage: str, source_of: Mapping[str, str] | None = None
) -> tuple[pl.DataFrame, list[QuarantineEntry]]:
    """Return the rows that pass `model` and a quarantine entry per failing row (all its failed checks named).

    Schema-level failures (a missing column, a wrong dtype) are bugs in our code, not in the data, so they
    raise instead of quarantining every row. `source_of` maps doc_id → source for frames without a source column.
    """
    try:
        return model.validate(frame, lazy=True), []
    except SchemaErrors as err:
        if err.failure_cases["index"].null_count():
            raise
        row_failures = err.failure_cases
    bad_rows = row_failures.group_by("index").agg(
        pl.col("check").unique().sort().alias("checks"),
        pl.col("column").unique().sort().alias("columns"),
        pl.col("failure_case").first().alias("example"),
    )
    indexed = frame.with_row_index(_INDEX)
    bad = indexed.join(bad_rows, left_on=_INDEX, right_on="index", how="inner")
    good = indexed.join(bad_rows, left_on=_INDEX, right_on="index", how="anti").drop(_INDEX)
    entries = [_entry(stage, model, row, source_of or {}) for row in bad.iter_rows(named=True)]
    return model.validate(good, lazy=True), entries


def _entry(stage: str, model: type[pa.DataFrameModel], row: dict, source_of: Mapping[str, str]) -> QuarantineEntry:
    """Describe one failing row: which checks on which columns, with the row's key fields."""
    checks = ", ".join(row["checks"])
    columns = ", ".join(c for c in row["columns"] if c)
    source = row.get("source") or source_of.get(row.get("doc_id")) or row.get("doc_id") or "(unknown)"
    detail = {k: row.get(k) for k in ("quote_id", "figure_id", "start_char", "end_char", "text", "surface") if k in row}
    return QuarantineEntry(
        stage=stage,
        source_file=split_source(str(source))[0],
        reason=f"failed {model.Config.name} validation: {checks} on {columns or 'the row'}",
        check=checks,
        doc_id=row.get("doc_id"),
        locator=split_source(str(source))[1],
        detail=json.dumps(detail or {"example": row["example"]}, ensure_ascii=False, default=str)[:1000],
        schema_name=model.Config.name,
    )
