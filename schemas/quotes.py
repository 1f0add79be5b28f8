"""Quotes as extracted from normalized documents."""

import pandera.polars as pa
import polars as pl

from schemas._mixins import CharSpan, DocKeyed

QUOTE_KINDS = ["full", "partial", "scare"]


class ExtractedQuotes(DocKeyed, CharSpan):
    """One row per direct quote; text excludes the quote marks."""

    quote_id: str = pa.Field(unique=True, str_matches=r"^q[0-9a-f]{16}$")
    text: str = pa.Field(str_length={"min_value": 1})
    kind: str = pa.Field(isin=QUOTE_KINDS)
    speaker: str = pa.Field(nullable=True, str_length={"min_value": 1})
    speaker_mention: str = pa.Field(nullable=True)
    speaker_start: int = pa.Field(nullable=True, ge=0)
    speaker_end: int = pa.Field(nullable=True, ge=0)
    cue: str = pa.Field(nullable=True)
    attribution_method: str = pa.Field(nullable=True)
    paragraph_index: int = pa.Field(ge=0)
    sentence: str = pa.Field(nullable=True)
    extraction_method: str = pa.Field(str_length={"min_value": 1})

    @pa.dataframe_check(name="scare_quotes_have_no_speaker")
    def scare_without_speaker(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """Scare quotes are terms, not speech."""
        return data.lazyframe.select((pl.col("kind") != "scare") | pl.col("speaker").is_null())

    class Config:
        name = "extracted_quotes"
        strict = True
