"""Typed records produced by the pure core. Offsets always index the normalized document text."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input document as read from a source, before normalization."""

    doc_id: str
    source: str  # file path (and record locator for dumps, e.g. "dump.jsonl:17")
    source_format: str  # txt, md, html, jsonl, csv, parquet
    raw_text: str  # decoded text (or extracted body text for HTML)
    content_hash: str  # sha256 of the raw bytes / record text
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published_at: str | None = None  # ISO 8601 string as given by the source
    story: str | None = None  # the story the record is filed under (a dump's `story` field): figures compare within it
    encoding: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NormalizedDocument:
    """A document after normalization. `text` starts with the title line (if any) as its first paragraph."""

    doc_id: str
    text: str  # paragraphs separated by exactly one blank line ("\n\n")
    title: str | None
    byline: str | None
    dateline: str | None
    outlet: str | None
    removed_lines: tuple[str, ...] = ()  # boilerplate dropped from the body, kept so nothing disappears silently
    joined_wrapped_lines: int = 0


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation. [start_char, end_char) spans the quoted words, excluding the marks."""

    start_char: int
    end_char: int
    text: str
    kind: str  # "full" | "partial" | "scare"
    paragraph_index: int
    extraction_method: str  # which pairing rule found the marks, e.g. "pair:curly", "pair:guillemet", "pair:mismatched"
    speaker: str | None = None  # canonical full name within the document, None for scare quotes and groups
    speaker_mention: str | None = None  # the surface form that named the speaker ("he", "Bondarev", "analysts")
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None  # the speech verb or cue ("said", "according to", ":")
    attribution_method: str | None = None  # the sieve that attributed it, e.g. "verb_after", "pronoun", "continuation"
    sentence: str | None = None  # the sentence containing the quote


@dataclass(frozen=True, slots=True)
class Figure:
    """A numeric figure. [start_char, end_char) spans `surface` in the normalized text."""

    start_char: int
    end_char: int
    surface: str
    kind: str  # count | percent | money | duration | date | year | ordinal | measure | rate
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # normalized unit ("hour", "percent", "USD", "person/week")
    qualifier: str | None = None  # approximately, roughly, about, more than, under, at least, up to …
    is_approximate: bool = False
    date_value: str | None = None  # ISO 8601 at the given precision: "2025-08-15", "2022-02", "2014", "--08-08"
    measures: str | None = None  # the noun phrase the figure counts or describes ("people", "talks", "Ukraine")
    extraction_method: str = "rules"


@dataclass(frozen=True, slots=True)
class QuarantineEntry:
    """Something that could not be loaded, with a reason a person can act on."""

    stage: str  # discover | ingest | normalize | quotes | figures | load
    source_file: str  # the input file (or the source argument) it came from
    reason: str  # a sentence saying what is wrong and what to do
    check: str  # a short machine-readable name: "empty_file", "binary_content", "not_nullable" …
    doc_id: str | None = None
    locator: str | None = None  # where inside the file: "line 17", "row 3"
    detail: str | None = None  # the offending value, truncated
    schema_name: str | None = None  # the pandera model that rejected it, when a validation check did


_SOURCE_LOCATOR = re.compile(r"^(?P<file>.*):(?P<locator>(?:line|row|record)s? \d+(?:-\d+)?)$", re.S)


def split_source(source: str) -> tuple[str, str | None]:
    """Split a "file:line 17" source into the file and the record locator (file names may hold colons)."""
    match = _SOURCE_LOCATOR.match(source)
    return (match["file"], match["locator"]) if match else (source, None)
