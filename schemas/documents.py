"""Documents before and after normalization."""

import pandera.polars as pa
import polars as pl

from schemas._mixins import DocKeyed

SOURCE_FORMATS = ["txt", "md", "text", "markdown", "html", "htm", "xhtml", "jsonl", "ndjson", "json", "csv", "parquet"]


class RawDocuments(DocKeyed):
    """One row per input document as read from its source."""

    doc_id: str = pa.Field(nullable=False, str_length={"min_value": 1, "max_value": 512}, unique=True)
    source: str = pa.Field(nullable=False)
    source_format: str = pa.Field(isin=SOURCE_FORMATS)
    raw_text: str = pa.Field(nullable=False, str_length={"min_value": 1})
    content_hash: str = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    title: str = pa.Field(nullable=True)
    url: str = pa.Field(nullable=True)
    outlet: str = pa.Field(nullable=True)
    author: str = pa.Field(nullable=True)
    published_at: str = pa.Field(nullable=True)
    story: str = pa.Field(nullable=True, str_length={"min_value": 1, "max_value": 200})
    encoding: str = pa.Field(nullable=True)

    class Config:
        name = "raw_documents"
        strict = True


class NormalizedDocuments(DocKeyed):
    """One row per normalized document; `text` is what every offset indexes."""

    doc_id: str = pa.Field(nullable=False, str_length={"min_value": 1, "max_value": 512}, unique=True)
    source: str = pa.Field(nullable=False)
    source_format: str = pa.Field(isin=SOURCE_FORMATS)
    content_hash: str = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    title: str = pa.Field(nullable=True, str_length={"min_value": 1, "max_value": 1000})
    text: str = pa.Field(nullable=False, str_length={"min_value": 1})
    byline: str = pa.Field(nullable=True)
    dateline: str = pa.Field(nullable=True)
    outlet: str = pa.Field(nullable=True)
    url: str = pa.Field(nullable=True)
    published_at: str = pa.Field(nullable=True)
    story: str = pa.Field(nullable=True, str_length={"min_value": 1, "max_value": 200})
    removed_lines: pl.List(pl.String) = pa.Field(nullable=False)
    joined_wrapped_lines: int = pa.Field(ge=0)
    n_chars: int = pa.Field(ge=1)
    n_words: int = pa.Field(ge=0)

    class Config:
        name = "normalized_documents"
        strict = True
