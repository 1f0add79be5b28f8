"""Columns shared by several stages."""

import pandera.polars as pa
import polars as pl


class DocKeyed(pa.DataFrameModel):
    """Rows that belong to one document."""

    doc_id: str = pa.Field(nullable=False, str_length={"min_value": 1, "max_value": 512})


class CharSpan(pa.DataFrameModel):
    """A [start_char, end_char) span of the normalized document text."""

    start_char: int = pa.Field(ge=0)
    end_char: int = pa.Field(ge=1)
    is_span_consistent: bool = pa.Field(
        description="the span's text equals documents.text[start_char:end_char] (computed at extraction)"
    )

    @pa.dataframe_check(name="start_before_end")
    def start_before_end(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """Spans are non-empty."""
        return data.lazyframe.select(pl.col("start_char") < pl.col("end_char"))

    @pa.check("is_span_consistent", name="span_matches_document_text")
    def span_matches_text(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """Offsets must index the document text exactly."""
        return data.lazyframe.select(pl.col(data.key))
