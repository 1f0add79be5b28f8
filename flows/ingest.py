"""Reading sources from disk: the only file I/O of the pipeline besides the warehouse.

Every input ends up as a RawDocument or a QuarantineEntry naming the file and the reason; nothing raises
for a bad file. Dumps (JSONL, JSON, CSV, Parquet) are read record by record so one broken record only
quarantines itself.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import yaml

from flows.core.normalize import iso_published_at
from flows.core.records import QuarantineEntry, RawDocument, split_source

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
DUMP_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv", ".parquet"}
STREAMED_SUFFIXES = {".jsonl", ".ndjson", ".csv", ".parquet"}  # read in record ranges, so no whole-file size limit
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DUMP_SUFFIXES
ID_FIELDS = ("doc_id", "id")
# Control bytes (other than tab/newline/carriage return/form feed) above this share mean "not text".
BINARY_CONTROL_SHARE = 0.05

Item = RawDocument | QuarantineEntry


def discover_sources(sources: Iterable[str | Path]) -> tuple[list[Path], list[QuarantineEntry]]:
    """Expand files and folders (walked recursively, sorted) into input files; bad paths are quarantined."""
    files: list[Path] = []
    problems: list[QuarantineEntry] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            files.extend(_walk(path, problems))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(_path_problem(path, "discover"))
    unique, seen = [], set()
    for path in files:  # the same file given twice (or through a link) is read once
        if (key := path.resolve()) not in seen:
            seen.add(key)
            unique.append(path)
    return unique, problems


def _walk(folder: Path, problems: list[QuarantineEntry]) -> list[Path]:
    """All non-hidden files below a folder; directory symlinks are not followed, so loops cannot recur."""
    found: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=lambda err: problems.append(_os_problem(err))):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(root) / name
            if path.is_file():
                found.append(path)
            else:
                problems.append(_path_problem(path, "discover"))
    return found


def _path_problem(path: Path, stage: str) -> QuarantineEntry:
    """Explain why a path is neither a readable file nor a folder."""
    if path.is_symlink():
        try:
            path.resolve(strict=True)
            reason = f"{path} is a link to something that is not a regular file; point the source at the file itself."
        except (OSError, RuntimeError) as err:
            reason = f"{path} is a broken or looping symbolic link ({err}); fix or remove the link."
        return QuarantineEntry(stage, str(path), reason, "bad_symlink")
    if not path.exists():
        return QuarantineEntry(stage, str(path), f"{path} does not exist; check the --source path.", "not_found")
    return QuarantineEntry(stage, str(path), f"{path} is not a regular file (device, socket or pipe).", "not_a_file")


def _os_problem(err: OSError) -> QuarantineEntry:
    """Turn a walk error (unreadable folder) into a quarantine entry."""
    return QuarantineEntry("discover", str(err.filename), f"cannot list folder: {err.strerror}", "unreadable_folder")


@dataclass(frozen=True, slots=True)
class WorkUnit:
    """What one ingest call reads: a whole file, or a record range of a large dump (streamed, never whole)."""

    path: Path
    first: int = 0  # 0-based index of the first record of the slice
    count: int | None = None  # records in the slice; None means the whole file
    byte_start: int = 0  # JSONL slices: byte range of their lines
    byte_stop: int | None = None

    @property
    def weight(self) -> int:
        """How many documents the unit holds, roughly, for batching."""
        return self.count or 1


def plan_units(files: Iterable[Path], records_per_unit: int) -> list[WorkUnit]:
    """Split large dumps into record ranges so memory stays bounded by batch size, not file size."""
    units: list[WorkUnit] = []
    for path in files:
        suffix = path.suffix.lower()
        try:
            if suffix in (".jsonl", ".ndjson"):
                units.extend(_jsonl_units(path, records_per_unit))
            elif suffix in (".csv", ".parquet"):
                units.extend(_table_units(path, records_per_unit))
            else:
                units.append(WorkUnit(path))
        except Exception:  # unreadable or malformed: the reader quarantines it with the reason
            units.append(WorkUnit(path))
    return units


def _jsonl_units(path: Path, per_unit: int) -> list[WorkUnit]:
    """Byte ranges of every `per_unit` lines, found in one streaming pass over the file."""
    boundaries, lines, offset = [0], 0, 0
    with open(path, "rb") as handle:
        while block := handle.read(1 << 23):
            position = -1
            while (position := block.find(b"\n", position + 1)) != -1:
                lines += 1
                if lines % per_unit == 0:
                    boundaries.append(offset + position + 1)
            offset += len(block)
    if boundaries[-1] != offset:
        boundaries.append(offset)
    if len(boundaries) <= 2:
        return [WorkUnit(path)]
    return [WorkUnit(path, i * per_unit, per_unit, start, stop)
            for i, (start, stop) in enumerate(zip(boundaries, boundaries[1:]))]


def _table_units(path: Path, per_unit: int) -> list[WorkUnit]:
    """Row ranges of a CSV or Parquet file."""
    scan = pl.scan_parquet(path) if path.suffix.lower() == ".parquet" else pl.scan_csv(path, infer_schema=False)
    rows = scan.select(pl.len()).collect().item()
    if rows <= per_unit:
        return [WorkUnit(path)]
    return [WorkUnit(path, first, min(per_unit, rows - first)) for first in range(0, rows, per_unit)]


def read_unit(unit: WorkUnit, max_bytes: int) -> Iterator[Item]:
    """Read one work unit; a slice of a dump is read without loading the rest of the file."""
    if unit.count is None:
        yield from read_path(unit.path, max_bytes)
    elif unit.byte_stop is not None:
        with open(unit.path, "rb") as handle:
            handle.seek(unit.byte_start)
            data = handle.read(unit.byte_stop - unit.byte_start)
        text, _, problem = decode_bytes(data)
        if problem in (None, "blank"):
            yield from _read_jsonl(unit.path, text or "", first_line=unit.first + 1)
        else:
            check, reason = _DECODE_REASONS[problem]
            yield QuarantineEntry("ingest", str(unit.path), reason, check,
                                  locator=f"lines {unit.first + 1}-{unit.first + unit.count}")
    else:
        scan = (pl.scan_parquet(unit.path) if unit.path.suffix.lower() == ".parquet"
                else pl.scan_csv(unit.path, infer_schema=False))
        yield from _read_table(unit.path, lambda: scan.slice(unit.first, unit.count).collect(), first_row=unit.first + 1)


def content_hash(text: str) -> str:
    """The sha256 of a document's text (and metadata), used to detect changes between runs."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def decode_bytes(data: bytes) -> tuple[str | None, str | None, str | None]:
    """Decode bytes as UTF-8, else cp1252, else latin-1; return (text, encoding, problem)."""
    if not data.strip():
        return None, None, "empty" if not data else "blank"
    if b"\x00" in data[:8192] or _control_share(data[:8192]) > BINARY_CONTROL_SHARE:
        return None, None, "binary"
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding), encoding.removesuffix("-sig"), None
        except UnicodeDecodeError:
            continue
    return None, None, "binary"  # pragma: no cover - latin-1 decodes any byte string


def _control_share(sample: bytes) -> float:
    """Share of bytes that are control characters text files do not contain."""
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(len(sample), 1)


_DECODE_REASONS = {
    "empty": ("empty_file", "the file is empty (0 bytes); remove it or re-export the article."),
    "blank": ("blank_file", "the file holds only white space; remove it or re-export the article."),
    "binary": ("binary_content", "the file holds binary data, not text; is it the right file or extension?"),
}


def read_path(path: Path, max_bytes: int) -> Iterator[Item]:
    """Read one input file into documents (one for txt/html, many for dumps) or quarantine entries."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield QuarantineEntry(
            "ingest", str(path),
            f"unsupported file type '{suffix or '(none)'}'; supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}.",
            "unsupported_type",
        )
        return
    try:
        size = path.stat().st_size
        if size > max_bytes and suffix not in STREAMED_SUFFIXES:
            yield QuarantineEntry(
                "ingest", str(path),
                f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (NEWS_MAX_DOCUMENT_BYTES).", "too_large",
            )
            return
        data = path.read_bytes()
    except OSError as err:
        yield QuarantineEntry("ingest", str(path), f"cannot read file: {err.strerror or err}.", "unreadable")
        return
    if suffix == ".parquet":
        yield from _read_table(path, lambda: pl.read_parquet(data))
        return
    text, encoding, problem = decode_bytes(data)
    if problem:
        check, reason = _DECODE_REASONS[problem]
        yield QuarantineEntry("ingest", str(path), reason, check, doc_id=path.stem)
        return
    yield from _read_text(path, suffix, text, encoding)


def _read_text(path: Path, suffix: str, text: str, encoding: str | None) -> Iterator[Item]:
    """Dispatch decoded text on the file type."""
    if suffix in TEXT_SUFFIXES:
        body, meta = front_matter(text)
        yield RawDocument(path.stem, str(path), suffix.lstrip("."), body, content_hash(text), encoding=encoding,
                          **meta)
    elif suffix in HTML_SUFFIXES:
        yield _html_document(path.stem, str(path), text, {}, "html")
    elif suffix in (".jsonl", ".ndjson"):
        yield from _read_jsonl(path, text)
    elif suffix == ".json":
        yield from _read_json(path, text)
    else:
        yield from _read_table(path, lambda: pl.read_csv(text.encode("utf-8"), infer_schema=False))


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.S)


def front_matter(text: str) -> tuple[str, dict[str, str | None]]:
    """Split a text or Markdown file's YAML front matter (between two `---` lines at the top) from its body, and
    read its metadata fields (title, url, outlet, author, published_at, story). A file without front matter, or
    with front matter that is not a YAML mapping, is all body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, {}
    try:
        data = yaml.safe_load(match[1])
    except yaml.YAMLError:
        return text, {}
    if not isinstance(data, dict):
        return text, {}
    return text[match.end():].lstrip("\n"), _record_meta(data)


def _html_document(doc_id: str, source: str, html: str, meta: dict, fmt: str) -> Item:
    """Extract an article body and metadata from HTML with trafilatura."""
    from flows.core.html import extract_html

    article = extract_html(html, url=meta.get("url"))
    if article is None or not article.text.strip():
        return QuarantineEntry(
            "ingest", split_source(source)[0], "no article text found in the HTML (trafilatura found no main content).",
            "no_article_text", doc_id=doc_id, locator=split_source(source)[1],
        )
    title = meta.get("title") or article.title
    return RawDocument(
        doc_id, source, fmt, article.text, _record_hash(html, meta),
        title=title, url=meta.get("url") or article.url, outlet=meta.get("outlet") or article.outlet,
        author=meta.get("author") or article.author, published_at=meta.get("published_at") or article.published_at,
        story=meta.get("story"),
    )


def _read_jsonl(path: Path, text: str, first_line: int = 1) -> Iterator[Item]:
    """One record per line; a broken line is quarantined and the rest still load."""
    for lineno, line in enumerate(text.split("\n"), start=first_line):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield QuarantineEntry(
                "ingest", str(path), f"line {lineno} is not valid JSON ({_json_error(err)}); fix the line or remove it.",
                "invalid_json", locator=f"line {lineno}", detail=line[:200],
            )
            continue
        yield record_to_document(record, path, f"line {lineno}", f"{path.stem}-{lineno}")


def _json_error(err: json.JSONDecodeError) -> str:
    """The decoder's message with its column, reading as a sentence ("Unterminated string starting at column 5")."""
    return f"{err.msg} column {err.colno}" if err.msg.endswith(" at") else f"{err.msg} at column {err.colno}"


def _read_json(path: Path, text: str) -> Iterator[Item]:
    """A JSON file holding one record or a list of records."""
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as err:
        yield QuarantineEntry("ingest", str(path), f"not valid JSON ({err.msg}, line {err.lineno}).", "invalid_json")
        return
    records = payload if isinstance(payload, list) else [payload]
    for index, record in enumerate(records, start=1):
        fallback = path.stem if len(records) == 1 else f"{path.stem}-{index}"
        yield record_to_document(record, path, f"record {index}", fallback)


def _parse_error_reason(path: Path, err: Exception) -> str:
    """What a person should fix when polars cannot parse a CSV/Parquet file (its hints name polars options, which
    a newsdesk user cannot set, so they are dropped)."""
    message = str(err).split("\n\nConsider", 1)[0].strip()
    if path.suffix.lower() == ".csv" and "more fields than defined" in message:
        return (f"cannot parse {path.name}: a row has more fields than the header; a text field that holds commas "
                "must be wrapped in double quotes (\"…\"), with inner double quotes doubled. Fix the file and re-run.")
    return f"cannot parse {path.suffix} file: {message}"[:500]


def _read_table(path: Path, load, first_row: int = 1) -> Iterator[Item]:
    """CSV or Parquet: every row a record; a file without a text or html column is quarantined whole."""
    try:
        frame = load()
    except Exception as err:  # polars raises many error types for malformed files
        yield QuarantineEntry("ingest", str(path), _parse_error_reason(path, err), "unparseable")
        return
    columns = {c.lower(): c for c in frame.columns}
    if "text" not in columns and "html" not in columns:
        yield QuarantineEntry(
            "ingest", str(path),
            f"no 'text' or 'html' column (columns: {', '.join(frame.columns) or 'none'}); rename the body column.",
            "missing_text_column",
        )
        return
    frame = frame.rename({original: lower for lower, original in columns.items()})
    for index, record in enumerate(frame.iter_rows(named=True), start=first_row):
        yield record_to_document(record, path, f"row {index}", f"{path.stem}-{index}")


def _clean(value) -> str | None:
    """A metadata value as a stripped string, or None."""
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def record_to_document(record: object, path: Path, locator: str, fallback_id: str) -> Item:
    """Turn a dump record (dict with `text` or `html`) into a RawDocument, or quarantine it."""
    source = f"{path}:{locator}"
    if not isinstance(record, dict):
        return QuarantineEntry("ingest", str(path), f"the record at {locator} is not a JSON object; make it one "
                               "{...} object with a 'text' or 'html' field.", "not_an_object", locator=locator)
    meta = _record_meta(record)
    doc_id = _record_id(record, fallback_id)
    text, html = _clean(record.get("text")), _clean(record.get("html"))
    if text:
        fmt = path.suffix.lstrip(".").lower()
        return RawDocument(doc_id, source, fmt, text, _record_hash(text, meta), **meta)
    if html:
        return _html_document(doc_id, source, html, meta, path.suffix.lstrip(".").lower())
    return QuarantineEntry(
        "ingest", str(path), "record has no 'text' or 'html' value; add the article body.", "missing_text",
        doc_id=doc_id, locator=locator,
    )


def _record_id(record: dict, fallback_id: str) -> str:
    """A record's doc_id: its doc_id or id field, else the fallback (file stem and line or row number)."""
    return next((_clean(record.get(k)) for k in ID_FIELDS if _clean(record.get(k))), None) or fallback_id


META_FIELDS = ("title", "url", "outlet", "author", "published_at")
RECORD_FIELDS = (*META_FIELDS, "story")  # story joined later: it enters the hash only when set (old hashes hold)


def _record_meta(record: dict) -> dict[str, str | None]:
    """A record's metadata fields, cleaned; a readable publication date as ISO 8601."""
    meta = {key: _clean(record.get(key)) for key in RECORD_FIELDS}
    meta["published_at"] = iso_published_at(meta["published_at"])
    return meta


def _record_hash(body: str, meta: dict) -> str:
    """The content hash of a record: its body (text or HTML) and every metadata field, so that a corrected
    outlet, date or story re-loads the document too. A whole HTML or text file has no metadata fields (the empty
    values hash the same way every run)."""
    story = [f"story={meta['story']}"] if meta.get("story") else []
    return content_hash("\x1f".join([body, *(meta.get(key) or "" for key in META_FIELDS), *story]))


def record_identity(record: object, fallback_id: str) -> tuple[str, str] | None:
    """(doc_id, content_hash) of a dump record exactly as record_to_document reads it; None if it is no document.

    Cheap: no HTML extraction, no document built. Used to skip unchanged records before a batch reads them.
    """
    if not isinstance(record, dict):
        return None
    text, html = _clean(record.get("text")), _clean(record.get("html"))
    if text or html:
        return _record_id(record, fallback_id), _record_hash(text or html, _record_meta(record))
    return None


def dump_doc_ids(path: Path) -> set[str] | None:
    """The doc_ids of the documents a JSONL/JSON/CSV/Parquet dump holds now, read as the batches would name them;
    None when the file cannot be read (then nothing may be judged gone from it)."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson"):
            ids = set()
            with open(path, encoding="utf-8", errors="replace") as handle:
                for lineno, line in enumerate(handle, start=1):
                    if line.strip():
                        identity = _identity_of_line(line.encode("utf-8"), f"{path.stem}-{lineno}")
                        if identity is not None:
                            ids.add(identity[0])
            return ids
        if suffix == ".json":
            payload = json.loads(path.read_text(encoding="utf-8"))
            records = payload if isinstance(payload, list) else [payload]
            fallback = (lambda i: path.stem) if len(records) == 1 else (lambda i: f"{path.stem}-{i}")
            return {identity[0] for i, r in enumerate(records, start=1)
                    if (identity := record_identity(r, fallback(i))) is not None}
        if suffix in (".csv", ".parquet"):
            frame = pl.read_parquet(path) if suffix == ".parquet" else pl.read_csv(path, infer_schema=False)
            frame = frame.rename({c: c.lower() for c in frame.columns})
            return {identity[0] for i, r in enumerate(frame.iter_rows(named=True), start=1)
                    if (identity := record_identity(r, f"{path.stem}-{i}")) is not None}
    except Exception:  # unreadable or malformed now: the next run quarantines it; prune judges nothing
        return None
    return None


@dataclass
class WorkPlan:
    """What a run will read: the work units left after skipping unchanged records, and what was skipped."""

    units: list[WorkUnit]
    unchanged: list[tuple[str, str]]  # (doc_id, source) of documents found unchanged before any batch read them
    nbytes: int  # bytes the units will read

    @classmethod
    def of(cls, units: list[WorkUnit]) -> WorkPlan:
        """A plan that reads every unit."""
        return cls(units, [], units_bytes(units))


def units_bytes(units: list[WorkUnit]) -> int:
    """How many bytes the units read: JSONL slices their byte ranges, other units their files (counted once)."""
    total, files = 0, set()
    for unit in units:
        if unit.byte_stop is not None:
            total += unit.byte_stop - unit.byte_start
        elif unit.path not in files:
            files.add(unit.path)
            try:
                total += unit.path.stat().st_size
            except OSError:
                continue
    return total


def skip_known(units: list[WorkUnit], known: dict[str, str], max_bytes: int) -> WorkPlan:
    """Drop the records and files whose doc_id and content hash are already loaded (`known`), before any batch.

    An incremental run then reads, decodes and schedules only what changed: JSONL slices shrink to the runs of
    changed lines, unchanged text and HTML files drop out. The test is the batch's own (doc_id, content hash),
    computed the same way, so skipping here never changes what is loaded. Anything this pre-scan cannot judge
    cheaply (a decoding problem, broken JSON, CSV/Parquet/JSON files) stays in the plan for the batch to handle.
    Only the first unchanged copy of a doc_id is skipped: a second one is read, so duplicates are still quarantined
    (and a loaded copy read after a newcomer with its id still counts as read, so it wins at load).
    """
    if not known:
        return WorkPlan.of(units)
    kept: list[WorkUnit] = []
    unchanged: list[tuple[str, str]] = []
    seen: set[str] = set()  # doc_ids skipped as unchanged so far
    for unit in units:
        suffix = unit.path.suffix.lower()
        try:
            if suffix in (".jsonl", ".ndjson") and unit.byte_stop is not None:
                with open(unit.path, "rb") as handle:
                    handle.seek(unit.byte_start)
                    data = handle.read(unit.byte_stop - unit.byte_start)
                kept.extend(_changed_lines(unit.path, unit.first, unit.byte_start, data, known, seen, unchanged))
            elif suffix in (".jsonl", ".ndjson") and unit.count is None:
                # a dump shorter than one unit: its changed lines become slices too, when it is UTF-8 (else the
                # decode error sends the whole file to the batch, which decodes it with its fallbacks)
                data = unit.path.read_bytes()
                data.decode("utf-8")
                kept.extend(_changed_lines(unit.path, 0, 0, data, known, seen, unchanged))
            elif suffix in TEXT_SUFFIXES | HTML_SUFFIXES and unit.count is None:
                skipped = _unchanged_file(unit.path, suffix, known, seen, max_bytes)
                if skipped is None:
                    kept.append(unit)
                else:
                    unchanged.extend(skipped)
            else:
                kept.append(unit)
        except Exception:  # whatever the pre-scan cannot read, the batch reads and quarantines with the reason
            kept.append(unit)
    return WorkPlan(kept, unchanged, units_bytes(kept))


def _identity_of_line(line: bytes, fallback_id: str) -> tuple[str, str] | None:
    """A JSONL line's (doc_id, content hash), or None when only the batch's reader can judge it."""
    try:
        return record_identity(json.loads(line.decode("utf-8")), fallback_id)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None


def _changed_lines(file: Path, first: int, byte_start: int, data: bytes, known: dict[str, str], seen: set[str],
                   unchanged: list[tuple[str, str]]) -> list[WorkUnit]:
    """The runs of changed lines in `data` (the lines of `file` from 0-based line `first`, at byte `byte_start`),
    as slices of the file; unchanged lines are noted and dropped."""
    runs: list[WorkUnit] = []
    run_first = run_start = None
    offset, index = 0, 0
    stem, path = file.stem, str(file)
    while offset < len(data):
        end = data.find(b"\n", offset)
        end = len(data) if end == -1 else end + 1
        line, lineno = data[offset:end], first + index + 1
        identity = _identity_of_line(line, f"{stem}-{lineno}") if line.strip() else None
        skip = not line.strip() or (identity is not None and identity[0] not in seen
                                    and known.get(identity[0]) == identity[1])
        if skip:
            if line.strip():
                seen.add(identity[0])
                unchanged.append((identity[0], f"{path}:line {lineno}"))
            if run_first is not None:
                runs.append(WorkUnit(file, run_first, first + index - run_first, byte_start + run_start,
                                     byte_start + offset))
                run_first = None
        elif run_first is None:
            run_first, run_start = first + index, offset
        offset, index = end, index + 1
    if run_first is not None:
        runs.append(WorkUnit(file, run_first, first + index - run_first, byte_start + run_start, byte_start + offset))
    return runs


def _unchanged_file(path: Path, suffix: str, known: dict[str, str], seen: set[str],
                    max_bytes: int) -> list[tuple[str, str]] | None:
    """[(doc_id, source)] of a whole text or HTML file whose document is unchanged, else None (read it)."""
    if path.stat().st_size > max_bytes:
        return None
    text, _, problem = decode_bytes(path.read_bytes())
    if problem:
        return None
    digest = _record_hash(text, {}) if suffix in HTML_SUFFIXES else content_hash(text)  # as _read_text hashes
    if path.stem in seen or known.get(path.stem) != digest:
        return None
    seen.add(path.stem)
    return [(path.stem, str(path))]


def read_sources(units: Iterable[WorkUnit | Path], max_bytes: int) -> Iterator[Item]:
    """Read every unit (or whole path) in turn; an unexpected error in one is quarantined, never raised."""
    for unit in units:
        unit = unit if isinstance(unit, WorkUnit) else WorkUnit(Path(unit))
        try:
            yield from read_unit(unit, max_bytes)
        except Exception as err:  # last line of defence: one bad file never aborts a run
            yield QuarantineEntry(
                "ingest", str(unit.path), f"unexpected error while reading: {type(err).__name__}: {err}"[:500],
                "read_error",
            )
