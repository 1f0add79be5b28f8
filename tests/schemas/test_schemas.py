"""Each stage model accepts a minimal valid frame and names the failing check on invalid ones."""

import polars as pl
import pytest
from pandera.errors import SchemaErrors

from flows.core.records import QuarantineEntry, RawDocument
from flows.frames import (
    FIGURE_SCHEMA,
    QUOTE_SCHEMA,
    quarantine_frame,
    raw_documents_frame,
)
from flows.validation import validate_stage
from schemas import ExtractedFigures, ExtractedQuotes, QuarantineRows, RawDocuments

HASH = "a" * 64


def _raw(**overrides) -> pl.DataFrame:
    doc = {"doc_id": "d1", "source": "d1.txt", "source_format": "txt", "raw_text": "Text.", "content_hash": HASH}
    doc.update(overrides)
    return raw_documents_frame([RawDocument(**doc)])


def _quote(**overrides) -> dict:
    row = {key: None for key in QUOTE_SCHEMA}
    row.update(quote_id="q" + "0" * 16, doc_id="d1", start_char=1, end_char=5, text="abcd", kind="full",
               paragraph_index=0, extraction_method="pair:curly", is_span_consistent=True)
    row.update(overrides)
    return row


def _figure(**overrides) -> dict:
    row = {key: None for key in FIGURE_SCHEMA}
    row.update(figure_id="f" + "0" * 16, doc_id="d1", start_char=0, end_char=2, surface="12", kind="count",
               value=12.0, is_approximate=False, extraction_method="rules", is_span_consistent=True)
    row.update(overrides)
    return row


def _checks(model, frame) -> set[str]:
    with pytest.raises(SchemaErrors) as err:
        model.validate(frame, lazy=True)
    return set(err.value.failure_cases["check"].to_list())


def test_raw_documents_valid():
    """A minimal raw document passes."""
    assert RawDocuments.validate(_raw(), lazy=True).height == 1


@pytest.mark.parametrize(
    ("overrides", "check"),
    [
        ({"raw_text": ""}, "str_length(1, None)"),
        ({"content_hash": "xyz"}, "str_matches('^[0-9a-f]{64}$')"),
        ({"source_format": "docx"}, "isin(['txt', 'md', 'text', 'markdown', 'html', 'htm', 'xhtml', 'jsonl', "
                                    "'ndjson', 'json', 'csv', 'parquet'])"),
    ],
)
def test_raw_documents_invalid(overrides, check):
    """Empty text, bad hashes and unknown formats are named."""
    assert check in _checks(RawDocuments, _raw(**overrides))


def test_quotes_valid_and_invalid():
    """Spans must be ordered and consistent; kinds are closed; scare quotes have no speaker."""
    good = pl.DataFrame([_quote()], schema=QUOTE_SCHEMA)
    assert ExtractedQuotes.validate(good, lazy=True).height == 1
    bad = pl.DataFrame(
        [_quote(quote_id="q" + "1" * 16, start_char=5, end_char=5),
         _quote(quote_id="q" + "2" * 16, kind="rumour"),
         _quote(quote_id="q" + "3" * 16, kind="scare", speaker="Donald Trump"),
         _quote(quote_id="q" + "4" * 16, is_span_consistent=False)],
        schema=QUOTE_SCHEMA,
    )
    assert {"start_before_end", "isin(['full', 'partial', 'scare'])", "scare_quotes_have_no_speaker",
            "span_matches_document_text"} <= _checks(ExtractedQuotes, bad)


def test_figures_invalid_range_and_missing_value():
    """Ranges are ordered and every figure has a value, range or date."""
    bad = pl.DataFrame(
        [_figure(low=7.0, high=6.0), _figure(figure_id="f" + "1" * 16, value=None),
         _figure(figure_id="f" + "2" * 16, kind="vibes")],
        schema=FIGURE_SCHEMA,
    )
    assert {"low_not_above_high", "has_a_value"} <= _checks(ExtractedFigures, bad)


def test_validate_stage_quarantines_only_failing_rows():
    """Failing rows become quarantine entries naming the check; valid rows continue."""
    frame = pl.concat([_raw(), _raw(doc_id="d2", raw_text="")])
    good, entries = validate_stage(frame, RawDocuments, "ingest")
    assert good["doc_id"].to_list() == ["d1"]
    assert [(e.doc_id, e.stage, e.check) for e in entries] == [("d2", "ingest", "str_length(1, None)")]
    assert "raw_text" in entries[0].reason


def test_validate_stage_raises_on_schema_bugs():
    """A missing column is a bug in our code, not bad data: it raises."""
    with pytest.raises(SchemaErrors):
        validate_stage(_raw().drop("content_hash"), RawDocuments, "ingest")


def test_quarantine_rows_ids_are_deterministic():
    """The same problem gets the same id, so re-runs replace quarantine rows."""
    entry = QuarantineEntry("ingest", "a.txt", "the file is empty", "empty_file", doc_id="a")
    first, second = quarantine_frame([entry]), quarantine_frame([entry, entry])
    assert QuarantineRows.validate(first, lazy=True)["quarantine_id"].to_list() == second["quarantine_id"].to_list()
