"""Figures as extracted from normalized documents."""

import pandera.polars as pa
import polars as pl

from schemas._mixins import CharSpan, DocKeyed

FIGURE_KINDS = ["count", "percent", "money", "duration", "date", "year", "ordinal", "measure", "rate"]


class ExtractedFigures(DocKeyed, CharSpan):
    """One row per numeric figure; value/low/high are numbers, unit is normalized."""

    figure_id: str = pa.Field(unique=True, str_matches=r"^f[0-9a-f]{16}$")
    surface: str = pa.Field(str_length={"min_value": 1})
    kind: str = pa.Field(isin=FIGURE_KINDS)
    value: float = pa.Field(nullable=True)
    low: float = pa.Field(nullable=True)
    high: float = pa.Field(nullable=True)
    unit: str = pa.Field(nullable=True)
    qualifier: str = pa.Field(nullable=True)
    is_approximate: bool = pa.Field()
    date_value: str = pa.Field(
        nullable=True,
        str_matches=r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}(-\d{2})?)$",
        description="ISO 8601 at the precision given: 2025-08-15, 2022-02, 2014, or --08-08 without a year",
    )
    measures: str = pa.Field(nullable=True)
    extraction_method: str = pa.Field(str_length={"min_value": 1})

    @pa.dataframe_check(name="low_not_above_high")
    def low_not_above_high(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """A range is ordered."""
        return data.lazyframe.select(
            pl.col("low").is_null() | pl.col("high").is_null() | (pl.col("low") <= pl.col("high"))
        )

    @pa.dataframe_check(name="has_a_value")
    def has_a_value(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """Every figure carries a value, a range or a date."""
        return data.lazyframe.select(
            pl.col("value").is_not_null() | pl.col("low").is_not_null() | pl.col("date_value").is_not_null()
        )

    class Config:
        name = "extracted_figures"
        strict = True
