"""Records ↔ polars frames, deterministic ids, and per-batch stage functions the tasks wrap.

These functions hold the batch logic so Prefect tasks stay one-liners and everything here can be tested
without an orchestrator.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, fields

import polars as pl

from flows.core.figures import extract_figures
from flows.core.normalize import normalize_document
from flows.core.quotes import extract_quotes
from flows.core.records import Figure, NormalizedDocument, QuarantineEntry, Quote, RawDocument, split_source

RAW_SCHEMA = {
    "doc_id": pl.String, "source": pl.String, "source_format": pl.String, "raw_text": pl.String,
    "content_hash": pl.String, "title": pl.String, "url": pl.String, "outlet": pl.String, "author": pl.String,
    "published_at": pl.String, "story": pl.String, "encoding": pl.String,
}
NORMALIZED_SCHEMA = {
    "doc_id": pl.String, "source": pl.String, "source_format": pl.String, "content_hash": pl.String,
    "title": pl.String, "text": pl.String, "byline": pl.String, "dateline": pl.String, "outlet": pl.String,
    "url": pl.String, "published_at": pl.String, "story": pl.String, "removed_lines": pl.List(pl.String),
    "joined_wrapped_lines": pl.Int64, "n_chars": pl.Int64, "n_words": pl.Int64,
}
QUOTE_SCHEMA = {
    "quote_id": pl.String, "doc_id": pl.String, "start_char": pl.Int64, "end_char": pl.Int64, "text": pl.String,
    "kind": pl.String, "speaker": pl.String, "speaker_mention": pl.String, "speaker_start": pl.Int64,
    "speaker_end": pl.Int64, "cue": pl.String, "attribution_method": pl.String, "paragraph_index": pl.Int64,
    "sentence": pl.String, "extraction_method": pl.String, "is_span_consistent": pl.Boolean,
}
FIGURE_SCHEMA = {
    "figure_id": pl.String, "doc_id": pl.String, "start_char": pl.Int64, "end_char": pl.Int64,
    "surface": pl.String, "kind": pl.String, "value": pl.Float64, "low": pl.Float64, "high": pl.Float64,
    "unit": pl.String, "qualifier": pl.String, "is_approximate": pl.Boolean, "date_value": pl.String,
    "measures": pl.String, "extraction_method": pl.String, "is_span_consistent": pl.Boolean,
}
QUARANTINE_SCHEMA = {
    "quarantine_id": pl.String, "stage": pl.String, "source_file": pl.String, "doc_id": pl.String,
    "locator": pl.String, "check": pl.String, "reason": pl.String, "detail": pl.String, "schema_name": pl.String,
}


def stable_id(prefix: str, *parts: object) -> str:
    """A deterministic 16-hex-digit id from its parts, so re-runs replace rather than duplicate."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8", "surrogatepass")).hexdigest()
    return prefix + digest[:16]


def raw_documents_frame(docs: Iterable[RawDocument]) -> pl.DataFrame:
    """The raw-documents stage frame."""
    rows = [{key: getattr(doc, key) for key in RAW_SCHEMA} for doc in docs]
    return pl.DataFrame(rows, schema=RAW_SCHEMA)


def quarantine_frame(entries: Iterable[QuarantineEntry]) -> pl.DataFrame:
    """The quarantine frame, with ids derived from what was quarantined and why."""
    rows = []
    for entry in entries:
        row = asdict(entry)
        row["detail"] = (row["detail"] or "")[:1000] or None
        row["quarantine_id"] = stable_id("x", entry.stage, entry.source_file, entry.doc_id, entry.locator,
                                         entry.check, row["detail"])
        rows.append(row)
    return pl.DataFrame(rows, schema=QUARANTINE_SCHEMA).unique("quarantine_id", keep="first", maintain_order=True)


def dedupe_documents(docs: list[RawDocument]) -> tuple[list[RawDocument], list[QuarantineEntry]]:
    """Keep the first document per doc_id in a batch; later ones are quarantined with both sources named.

    Duplicates across batches are resolved at load time (warehouse.load_run), so no state crosses batches.
    """
    kept, dupes, seen = [], [], {}
    for doc in docs:
        if doc.doc_id in seen:
            dupes.append(QuarantineEntry(
                "ingest", split_source(doc.source)[0],
                f"duplicate doc_id '{doc.doc_id}': already read from {seen[doc.doc_id]}; give one of them another "
                "id (file name or the record's doc_id/id field).",
                "duplicate_doc_id", doc_id=doc.doc_id, locator=split_source(doc.source)[1],
            ))
        else:
            seen[doc.doc_id] = doc.source
            kept.append(doc)
    return kept, dupes


def _raw_from_row(row: dict) -> RawDocument:
    """Rebuild a RawDocument from a validated raw-documents row."""
    return RawDocument(**{key: row[key] for key in RAW_SCHEMA})


def normalize_frame(raw: pl.DataFrame) -> tuple[pl.DataFrame, list[QuarantineEntry]]:
    """Normalize every document of a batch; a document that fails or ends up empty is quarantined."""
    rows, problems = [], []
    for row in raw.iter_rows(named=True):
        doc = _raw_from_row(row)
        try:
            norm = normalize_document(doc)
        except Exception as err:  # one bad document never aborts the batch
            problems.append(_doc_problem("normalize", doc, "normalize_error", f"normalization failed: {err!r}"))
            continue
        if not norm.text.strip():
            problems.append(_doc_problem(
                "normalize", doc, "empty_after_normalization",
                "nothing but page furniture (share buttons, bylines, read-time lines) was left after normalization; "
                "check that the input holds the article body (for HTML: the article page, not an index or a "
                "paywall) and re-run.", detail=" | ".join(norm.removed_lines)[:200] or None))
            continue
        rows.append(_normalized_row(doc, norm))
    return pl.DataFrame(rows, schema=NORMALIZED_SCHEMA), problems


def _normalized_row(doc: RawDocument, norm: NormalizedDocument) -> dict:
    """One normalized-documents row."""
    return {
        "doc_id": doc.doc_id, "source": doc.source, "source_format": doc.source_format,
        "content_hash": doc.content_hash, "title": norm.title, "text": norm.text, "byline": norm.byline,
        "dateline": norm.dateline, "outlet": norm.outlet, "url": doc.url, "published_at": doc.published_at,
        "story": doc.story,
        "removed_lines": list(norm.removed_lines), "joined_wrapped_lines": norm.joined_wrapped_lines,
        "n_chars": len(norm.text), "n_words": len(norm.text.split()),
    }


def _doc_problem(stage: str, doc: RawDocument, check: str, reason: str, detail: str | None = None) -> QuarantineEntry:
    """A quarantine entry for one document."""
    return QuarantineEntry(stage, split_source(doc.source)[0], reason, check, doc_id=doc.doc_id,
                           locator=split_source(doc.source)[1], detail=detail)


def extract_frames(docs: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, list[QuarantineEntry]]:
    """Run quote and figure extraction over a batch of normalized documents."""
    quotes, figures, problems = [], [], []
    for doc_id, source, text in docs.select("doc_id", "source", "text").iter_rows():
        quotes += _extract_rows("quotes", extract_quotes, _quote_row, doc_id, source, text, problems)
        figures += _extract_rows("figures", extract_figures, _figure_row, doc_id, source, text, problems)
    return pl.DataFrame(quotes, schema=QUOTE_SCHEMA), pl.DataFrame(figures, schema=FIGURE_SCHEMA), problems


def _extract_rows(stage: str, extract: Callable, to_row: Callable, doc_id: str, source: str, text: str,
                  problems: list[QuarantineEntry]) -> list[dict]:
    """Apply one extractor to one document; an extractor crash is quarantined and the document still loads."""
    try:
        return [to_row(doc_id, text, record) for record in extract(text)]
    except Exception as err:
        problems.append(QuarantineEntry(
            stage, split_source(source)[0], f"{stage} extraction failed on this document: {err!r}; the document "
            "itself was loaded without them.", "extractor_error", doc_id=doc_id, locator=split_source(source)[1]))
        return []


_QUOTE_FIELDS = [f.name for f in fields(Quote)]
_FIGURE_FIELDS = [f.name for f in fields(Figure)]


def _quote_row(doc_id: str, text: str, quote: Quote) -> dict:
    """One quotes row."""
    row = {name: getattr(quote, name) for name in _QUOTE_FIELDS}
    row.update(doc_id=doc_id, quote_id=stable_id("q", doc_id, quote.start_char, quote.end_char),
               is_span_consistent=text[quote.start_char:quote.end_char] == quote.text)
    return row


def _figure_row(doc_id: str, text: str, figure: Figure) -> dict:
    """One figures row."""
    row = {name: getattr(figure, name) for name in _FIGURE_FIELDS}
    row.update(doc_id=doc_id, figure_id=stable_id("f", doc_id, figure.start_char, figure.end_char),
               is_span_consistent=text[figure.start_char:figure.end_char] == figure.surface)
    for key in ("value", "low", "high"):
        row[key] = None if row[key] is None else float(row[key])
    return row


@dataclass
class Batch:
    """One batch of documents on its way through the stages; each stage returns the next Batch."""

    batch_no: int
    docs: pl.DataFrame  # raw documents after ingest, normalized documents after normalize
    quotes: pl.DataFrame | None = None
    figures: pl.DataFrame | None = None
    problems: list[QuarantineEntry] = field(default_factory=list)
    # (doc_id, source) of documents skipped because their content and the extractors are unchanged
    kept: list[tuple[str, str]] = field(default_factory=list)
    input_bytes: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # time spent in each stage's own work

    @property
    def unchanged(self) -> int:
        """How many documents were skipped as unchanged."""
        return len(self.kept)

    def stats(self) -> dict[str, float]:
        """Counts and stage timings for progress reporting and the run summary."""
        return {"documents": self.docs.height, "quotes": 0 if self.quotes is None else self.quotes.height,
                "figures": 0 if self.figures is None else self.figures.height, "quarantined": len(self.problems),
                "unchanged": self.unchanged, "bytes": self.input_bytes,
                **{f"{stage}_seconds": value for stage, value in self.seconds.items()}}


def skip_unchanged(docs: list[RawDocument], known: dict[str, str]) -> tuple[list[RawDocument], list[tuple[str, str]]]:
    """Split off documents whose doc_id was loaded before with the same content hash (and extractor version);
    return the changed documents and the (doc_id, source) of the unchanged ones."""
    changed, kept, skipped = [], [], set()
    for doc in docs:
        if known.get(doc.doc_id) == doc.content_hash and doc.doc_id not in skipped:
            skipped.add(doc.doc_id)  # a second identical copy is read, so it is quarantined as a duplicate again
            kept.append((doc.doc_id, doc.source))
        else:
            changed.append(doc)
    return changed, kept
