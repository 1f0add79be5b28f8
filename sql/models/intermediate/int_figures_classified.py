"""Classify figures with the extractor's own unit tables (flows/core/units.py), so SQL never repeats them:
`unit_family` ("hour" → "time", "usd/hour" → "currency/time") and `qualifier_op` ("roughly" → "~",
"under" → "<", "at least" → ">=").

Python classifies each distinct unit and qualifier once (a few hundred values); DuckDB joins them to the figures
and dbt-duckdb materializes the returned relation in DuckDB, so no figure row passes through Python."""

import polars as pl

from flows.core.units import QUALIFIER_OPS, unit_family

UNIT_SCHEMA = {"unit": pl.String, "unit_family": pl.String}
QUALIFIER_SCHEMA = {"qualifier": pl.String, "qualifier_op": pl.String}


def unit_families(units: list[str]) -> pl.DataFrame:
    """unit → unit_family for each distinct non-null unit."""
    return pl.DataFrame({"unit": units, "unit_family": [unit_family(unit) for unit in units]}, schema=UNIT_SCHEMA)


def qualifier_ops(qualifiers: list[str]) -> pl.DataFrame:
    """qualifier (as written) → qualifier_op: lowercased and stripped, then looked up in QUALIFIER_OPS."""
    return pl.DataFrame({"qualifier": qualifiers}, schema={"qualifier": pl.String}).with_columns(
        pl.col("qualifier").str.to_lowercase().str.strip_chars()
        .replace_strict(QUALIFIER_OPS, default=None, return_dtype=pl.String).alias("qualifier_op"),
    ).cast(QUALIFIER_SCHEMA)


def model(dbt, session):
    dbt.config(materialized="table")
    figures = dbt.ref("stg_figures").sql_query()
    units = [row[0] for row in session.sql(f"select distinct unit from ({figures}) where unit is not null").fetchall()]
    qualifiers = [row[0] for row in session.sql(
        f"select distinct qualifier from ({figures}) where qualifier is not null").fetchall()]
    session.register("__int_figures_classified_units", unit_families(units))
    session.register("__int_figures_classified_qualifiers", qualifier_ops(qualifiers))
    return session.sql(f"""
        select figures.figure_id, units.unit_family, qualifiers.qualifier_op
        from ({figures}) as figures
        left join __int_figures_classified_units as units on figures.unit = units.unit
        left join __int_figures_classified_qualifiers as qualifiers on figures.qualifier = qualifiers.qualifier
    """)
