"""Classify figures with the extractor's own unit tables (flows/core/units.py), so SQL never repeats them:
`unit_family` ("hour" → "time", "usd/hour" → "currency/time") and `qualifier_op` ("roughly" → "~",
"under" → "<", "at least" → ">=")."""

import polars as pl

from flows.core.units import QUALIFIER_OPS, unit_family

SCHEMA = {"figure_id": pl.String, "unit_family": pl.String, "qualifier_op": pl.String}


def model(dbt, session):
    dbt.config(materialized="table")
    figures = dbt.ref("stg_figures").select("figure_id, unit, qualifier").pl()
    units = [u for u in figures["unit"].unique().to_list() if u is not None]
    families = {unit: unit_family(unit) for unit in units}
    return figures.select(
        pl.col("figure_id"),
        pl.col("unit").replace_strict(families, default=None, return_dtype=pl.String).alias("unit_family"),
        pl.col("qualifier").str.to_lowercase().str.strip_chars()
        .replace_strict(QUALIFIER_OPS, default=None, return_dtype=pl.String).alias("qualifier_op"),
    ).cast(SCHEMA)
