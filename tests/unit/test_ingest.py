"""Ingestion: every input becomes a document or a quarantine entry with a reason, never an exception."""

import json
import os
from pathlib import Path

import polars as pl
import pytest

from flows.core.records import QuarantineEntry, RawDocument
from flows.frames import dedupe_documents
from flows.ingest import discover_sources, read_sources

ARTICLE = "Putin said “we are close” on Friday.\n\nThe talks lasted three hours."


def _read(path: Path) -> list:
    return list(read_sources([path], max_bytes=10_000_000))


def _only(items: list, kind: type):
    assert len(items) == 1, items
    assert isinstance(items[0], kind), items[0]
    return items[0]


def test_text_file_doc_id_is_file_stem(tmp_path):
    """A .txt file becomes one document named after the file."""
    path = tmp_path / "abc_123.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = _only(_read(path), RawDocument)
    assert (doc.doc_id, doc.source_format, doc.encoding) == ("abc_123", "txt", "utf-8")
    assert doc.raw_text == ARTICLE
    assert len(doc.content_hash) == 64


@pytest.mark.parametrize(
    ("data", "encoding", "expected"),
    [
        ("Trump’s “deal” — €5".encode("cp1252"), "cp1252", "Trump’s “deal” — €5"),
        ("Zürich \x81".encode("latin-1"), "latin-1", "Zürich \x81"),
        ("\ufeffBOM text".encode("utf-8"), "utf-8", "BOM text"),
    ],
    ids=["cp1252", "latin1", "utf8-bom"],
)
def test_encodings_are_detected(tmp_path, data, encoding, expected):
    """UTF-8 first, then cp1252, then latin-1."""
    path = tmp_path / "enc.txt"
    path.write_bytes(data)
    doc = _only(_read(path), RawDocument)
    assert (doc.raw_text, doc.encoding) == (expected, encoding)


@pytest.mark.parametrize(
    ("name", "data", "check"),
    [
        ("empty.txt", b"", "empty_file"),
        ("blank.txt", b"  \n\t\n", "blank_file"),
        ("random.txt", bytes(range(256)) * 8, "binary_content"),
        ("scan.pdf", b"%PDF-1.4", "unsupported_type"),
        ("noext", b"hello", "unsupported_type"),
    ],
)
def test_bad_files_are_quarantined_with_a_reason(tmp_path, name, data, check):
    """Bad files give one quarantine entry naming the file and what is wrong."""
    path = tmp_path / name
    path.write_bytes(data)
    entry = _only(_read(path), QuarantineEntry)
    assert entry.check == check
    assert entry.source_file == str(path)
    assert len(entry.reason) > 20


def test_jsonl_broken_line_quarantined_good_lines_load(tmp_path):
    """A broken JSONL line is quarantined by line number; the lines around it still load."""
    path = tmp_path / "dump.jsonl"
    lines = [json.dumps({"id": "a1", "text": ARTICLE, "title": "T", "outlet": "Daily"}), "{not json",
             json.dumps({"doc_id": "a2", "text": ARTICLE}), json.dumps({"id": "a3", "title": "no body"})]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = _read(path)
    docs = [i for i in items if isinstance(i, RawDocument)]
    problems = [i for i in items if isinstance(i, QuarantineEntry)]
    assert [d.doc_id for d in docs] == ["a1", "a2"]
    assert docs[0].outlet == "Daily" and docs[0].source == f"{path}:line 1"
    assert [(p.check, p.locator) for p in problems] == [("invalid_json", "line 2"), ("missing_text", "line 4")]


def test_csv_without_text_column_is_quarantined(tmp_path):
    """A CSV with no body column is quarantined whole, naming the columns it has."""
    path = tmp_path / "dump.csv"
    path.write_text("id,headline\n1,Hello\n", encoding="utf-8")
    entry = _only(_read(path), QuarantineEntry)
    assert entry.check == "missing_text_column"
    assert "headline" in entry.reason


def test_csv_with_an_unquoted_comma_says_how_to_fix_it(tmp_path):
    """A ragged CSV row is quarantined with a fix a person can make, not a parser option of polars."""
    path = tmp_path / "dump.csv"
    path.write_text("id,text\n1,“Fine,” she said.\n", encoding="utf-8")
    entry = _only(_read(path), QuarantineEntry)
    assert entry.check == "unparseable"
    assert "more fields than the header" in entry.reason and "double quotes" in entry.reason
    assert "truncate_ragged_lines" not in entry.reason


def test_csv_and_parquet_records(tmp_path):
    """CSV and Parquet rows load with their ids and metadata; rows without ids get file-row ids."""
    frame = pl.DataFrame({"id": ["c1", None], "Text": [ARTICLE, ARTICLE], "outlet": ["Wire", "Wire"]})
    frame.write_csv(tmp_path / "d.csv")
    frame.write_parquet(tmp_path / "d2.parquet")
    for name, second_id in (("d.csv", "d-2"), ("d2.parquet", "d2-2")):
        docs = _read(tmp_path / name)
        assert [d.doc_id for d in docs] == ["c1", second_id]
        assert docs[0].outlet == "Wire"


def test_html_file_body_and_title(tmp_path):
    """An HTML page yields its article body and title, without scripts."""
    body = "".join(f"<p>Paragraph {i} of the article says the talks lasted three hours and more.</p>" for i in range(8))
    html = (f"<html><head><title>Summit ends</title><script>alert('x')</script></head><body><nav>Home | News</nav>"
            f"<article><h1>Summit ends</h1>{body}</article><footer>© 2025</footer></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    doc = _only(_read(path), RawDocument)
    assert doc.doc_id == "page" and doc.title == "Summit ends"
    assert "Paragraph 3 of the article" in doc.raw_text
    assert "alert" not in doc.raw_text


def test_discover_walks_folders_skips_hidden_and_survives_symlink_loops(tmp_path):
    """Folders are walked in sorted order; hidden files are skipped; a symlink loop is quarantined."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ARTICLE)
    (tmp_path / "1.txt").write_text(ARTICLE)
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    os.symlink(tmp_path / "loop1", tmp_path / "loop2")
    os.symlink(tmp_path / "loop2", tmp_path / "loop1")
    os.symlink(tmp_path, tmp_path / "b" / "back")  # a directory link back up: not followed
    files, problems = discover_sources([tmp_path])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["1.txt", "b/2.txt"]
    assert sorted(p.check for p in problems) == ["bad_symlink", "bad_symlink"]


def test_hostile_file_names_load_as_data(tmp_path):
    """Quotes, semicolons and SQL in a file name are just part of the doc_id."""
    path = tmp_path / "x'; drop table documents; --\".txt"
    path.write_text(ARTICLE)
    doc = _only(_read(path), RawDocument)
    assert doc.doc_id == "x'; drop table documents; --\""


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without read permission")
def test_unreadable_file_is_quarantined(tmp_path):
    """A file we may not read is quarantined, not raised."""
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    path.chmod(0)
    assert _only(_read(path), QuarantineEntry).check == "unreadable"


def test_too_large_file_is_quarantined(tmp_path):
    """Files over the size limit are not read."""
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000)
    entry = _only(list(read_sources([path], max_bytes=1000)), QuarantineEntry)
    assert entry.check == "too_large"


def test_duplicate_doc_ids_are_quarantined_with_both_sources():
    """The first document with an id wins; the second is quarantined naming the first."""
    docs = [RawDocument("a", f"{folder}/a.txt", "txt", ARTICLE, "0" * 64) for folder in ("one", "two")]
    kept, dupes = dedupe_documents(docs)
    assert [d.source for d in kept] == ["one/a.txt"]
    assert dupes[0].check == "duplicate_doc_id" and "one/a.txt" in dupes[0].reason


def test_large_jsonl_is_split_into_line_ranges_that_read_back_exactly(tmp_path):
    """A dump is planned as byte ranges of N lines; reading every unit gives every record once, in order."""
    from flows.ingest import plan_units

    path = tmp_path / "big.jsonl"
    lines = [json.dumps({"id": f"r{i}", "text": f"Record {i} — “quoted” text."}) for i in range(1, 26)]
    lines[11] = "{broken"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    units = plan_units([path], records_per_unit=10)
    assert [(u.first, u.count) for u in units] == [(0, 10), (10, 10), (20, 10)]
    items = list(read_sources(units, max_bytes=1000))
    docs = [i.doc_id for i in items if isinstance(i, RawDocument)]
    assert docs == [f"r{i}" for i in range(1, 26) if i != 12]
    assert [(i.check, i.locator) for i in items if isinstance(i, QuarantineEntry)] == [("invalid_json", "line 12")]


def test_large_csv_and_parquet_are_split_into_row_ranges(tmp_path):
    """Tables are planned as row ranges with correct row numbers."""
    from flows.ingest import plan_units

    frame = pl.DataFrame({"text": [f"Story {i}." for i in range(1, 8)]})
    frame.write_csv(tmp_path / "t.csv")
    frame.write_parquet(tmp_path / "t.parquet")
    for name in ("t.csv", "t.parquet"):
        units = plan_units([tmp_path / name], records_per_unit=3)
        assert [(u.first, u.count) for u in units] == [(0, 3), (3, 3), (6, 1)]
        docs = list(read_sources(units, max_bytes=10))
        assert [d.doc_id for d in docs] == [f"t-{i}" for i in range(1, 8)]
        assert docs[4].source.endswith(":row 5") and docs[4].raw_text == "Story 5."


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("dump.jsonl:line 17", ("dump.jsonl", "line 17")),
        ("dir/t.csv:row 3", ("dir/t.csv", "row 3")),
        ("a/note: 'y'; delete.txt", ("a/note: 'y'; delete.txt", None)),
        ("c:/odd:name.jsonl:line 2", ("c:/odd:name.jsonl", "line 2")),
        ("plain.txt", ("plain.txt", None)),
    ],
)
def test_split_source_only_splits_a_real_locator(source, expected):
    """A colon in a file name is part of the name; only ":line N"/":row N"/":record N" is a locator."""
    from flows.core.records import split_source

    assert split_source(source) == expected


def _identities(items) -> dict[str, str]:
    """doc_id → content hash of what a run would load (the first document with an id wins)."""
    known: dict[str, str] = {}
    for item in items:
        if isinstance(item, RawDocument):
            known.setdefault(item.doc_id, item.content_hash)
    return known


def test_skip_known_keeps_only_changed_lines_of_a_dump_as_exact_byte_ranges(tmp_path):
    """An incremental plan drops unchanged records before any batch reads them; the changed runs read back exactly
    the changed records (with their original line numbers), and a broken line stays for the reader to quarantine."""
    from flows.ingest import plan_units, skip_known

    path = tmp_path / "big.jsonl"
    lines = [json.dumps({"id": f"r{i}", "text": f"Record {i} “quoted” text."}) for i in range(1, 26)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    units = plan_units([path], records_per_unit=10)
    known = _identities(read_sources(units, max_bytes=10_000_000))
    assert len(known) == 25
    lines[3] = json.dumps({"id": "r4", "text": "Record 4 was edited."})
    lines[4] = json.dumps({"id": "r5", "text": "Record 5 was edited too."})
    lines[17] = "{broken"
    lines[24] = json.dumps({"text": "A record without an id."})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plan = skip_known(plan_units([path], records_per_unit=10), known, max_bytes=10_000_000)
    assert [(u.first, u.count) for u in plan.units] == [(3, 2), (17, 1), (24, 1)]
    assert plan.nbytes == sum(u.byte_stop - u.byte_start for u in plan.units)
    assert len(plan.unchanged) == 21 and ("r1", f"{path}:line 1") in plan.unchanged
    items = list(read_sources(plan.units, max_bytes=10_000_000))
    assert [(i.doc_id, i.source) for i in items if isinstance(i, RawDocument)] == [
        ("r4", f"{path}:line 4"), ("r5", f"{path}:line 5"), ("big-25", f"{path}:line 25")]
    assert [(i.check, i.locator) for i in items if isinstance(i, QuarantineEntry)] == [("invalid_json", "line 18")]


def test_skip_known_keeps_duplicates_changed_files_and_what_it_cannot_judge(tmp_path):
    """A doc_id met twice is always read (so its duplicate is quarantined again); unchanged text files drop out,
    changed, undecodable and CSV files stay, and without known documents every unit stays."""
    from flows.ingest import plan_units, skip_known

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE + "\n\nMore.", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "t.csv").write_text("id,text\nz,Some text.\n", encoding="utf-8")
    body = "".join(f"<p>Paragraph {i} of the article says the talks lasted three hours and more.</p>" for i in range(8))
    (tmp_path / "h.html").write_text(f"<html><head><title>Summit</title></head><body><article>{body}</article>"
                                     "</body></html>", encoding="utf-8")
    dump = tmp_path / "d.jsonl"
    dump.write_text(json.dumps({"id": "a", "text": "Another a."}) + "\n", encoding="utf-8")
    files, _ = discover_sources([tmp_path])
    units = plan_units(files, records_per_unit=10)
    known = _identities(read_sources(units, max_bytes=10_000_000))
    assert skip_known(units, {}, max_bytes=10_000_000).units == units
    (tmp_path / "b.txt").write_text(ARTICLE + "\n\nChanged.", encoding="utf-8")
    plan = skip_known(units, known, max_bytes=10_000_000)
    assert sorted(u.path.name for u in plan.units) == ["b.txt", "c.txt", "d.jsonl", "t.csv"]
    assert plan.unchanged == [("a", str(tmp_path / "a.txt")), ("h", str(tmp_path / "h.html"))]


def test_skip_known_reads_only_the_changed_lines_of_a_dump_shorter_than_a_unit(tmp_path):
    """A dump planned as one whole-file unit still shrinks to its changed lines; all unchanged drops it."""
    from flows.ingest import plan_units, skip_known

    path = tmp_path / "small.jsonl"
    lines = [json.dumps({"id": f"s{i}", "text": f"Small record {i}."}) for i in range(1, 9)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    units = plan_units([path], records_per_unit=100)
    assert [u.count for u in units] == [None]
    known = _identities(read_sources(units, max_bytes=10_000_000))
    assert skip_known(units, known, max_bytes=10_000_000).units == []
    lines[5] = json.dumps({"id": "s6", "text": "Small record 6, edited."})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plan = skip_known(units, known, max_bytes=10_000_000)
    assert [(u.first, u.count) for u in plan.units] == [(5, 1)] and len(plan.unchanged) == 7
    assert [(d.doc_id, d.source) for d in read_sources(plan.units, max_bytes=10_000_000)] == [("s6", f"{path}:line 6")]


def test_record_identity_covers_metadata_so_a_corrected_outlet_reloads():
    """The content hash covers the body and every metadata field: a record whose outlet or date was corrected is
    a changed document; the same record read twice hashes the same."""
    from flows.ingest import record_identity, record_to_document

    record = {"id": "r1", "text": ARTICLE, "title": "T", "outlet": "AP", "published_at": "2025-08-15"}
    doc = record_to_document(record, Path("d.jsonl"), "line 1", "d-1")
    assert record_identity(record, "d-1") == (doc.doc_id, doc.content_hash)
    for field, value in (("outlet", "Reuters"), ("published_at", "2025-08-16"), ("title", "U"), ("url", "http://x")):
        assert record_identity({**record, field: value}, "d-1")[1] != doc.content_hash, field
    html = {"id": "r2", "html": "<p>x</p>", "outlet": "AP"}
    assert record_identity(html, "d-2")[1] != record_identity({**html, "outlet": "BBC"}, "d-2")[1]


def test_a_records_story_is_read_and_hashed_only_when_set():
    """A dump's `story` field files the document under a story (figures compare within it); changing it re-loads the
    document, and a record without one hashes as before stories existed (no re-load after an upgrade)."""
    from flows.ingest import META_FIELDS, content_hash, record_identity, record_to_document

    record = {"id": "r1", "text": ARTICLE, "outlet": "AP"}
    doc = record_to_document({**record, "story": " alaska-summit "}, Path("d.jsonl"), "line 1", "d-1")
    assert doc.story == "alaska-summit"
    assert record_identity({**record, "story": "alaska-summit"}, "d-1") == (doc.doc_id, doc.content_hash)
    assert record_identity({**record, "story": "other"}, "d-1")[1] != doc.content_hash
    legacy = content_hash("\x1f".join([ARTICLE, *(record.get(key) or "" for key in META_FIELDS)]))
    assert record_identity(record, "d-1")[1] == legacy == record_to_document(record, Path("d.jsonl"), "line 1",
                                                                             "d-1").content_hash
    assert record_to_document(record, Path("d.jsonl"), "line 1", "d-1").story is None


def test_text_and_markdown_front_matter_names_outlet_and_story(tmp_path):
    """YAML front matter at the top of a .md/.txt file gives its metadata (outlet, title, date, story) and is not
    body text; a file whose top is not a YAML mapping is all body; editing the front matter re-loads the file."""
    (tmp_path / "a.md").write_text("---\noutlet: Calder Courier\ntitle: Fire at the plant\npublished_at: 2026-12-05\n"
                                   "story: calder-fire\n---\n\nThe fire burned for 14 hours.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("---\n- not a mapping\n---\nBody.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("--- no front matter here\nBody.\n", encoding="utf-8")
    docs = {d.doc_id: d for d in read_sources(sorted(tmp_path.iterdir()), 10**6)}
    a = docs["a"]
    assert (a.outlet, a.title, a.published_at, a.story) == ("Calder Courier", "Fire at the plant", "2026-12-05",
                                                            "calder-fire")
    assert a.raw_text == "The fire burned for 14 hours.\n" and a.doc_id == "a"
    assert docs["b"].raw_text.startswith("---\n- not a mapping") and docs["b"].outlet is None
    assert docs["c"].raw_text.startswith("--- no front matter")
    (tmp_path / "a.md").write_text((tmp_path / "a.md").read_text().replace("Calder Courier", "Valley Post"))
    again = next(iter(read_sources([tmp_path / "a.md"], 10**6)))
    assert again.outlet == "Valley Post" and again.content_hash != a.content_hash


def test_a_csv_date_as_written_becomes_iso(tmp_path):
    """"Dec 5, 2026" in a CSV is stored as 2026-12-05, so SQL date comparisons (speakers' first/last seen) work."""
    (tmp_path / "t.csv").write_text('id,text,published_at\nc1,Body one.,"Dec 5, 2026"\nc2,Body two.,05/12/2026\n',
                                    encoding="utf-8")
    docs = list(read_sources([tmp_path / "t.csv"], 10**6))
    assert [d.published_at for d in docs] == ["2026-12-05", "05/12/2026"]
