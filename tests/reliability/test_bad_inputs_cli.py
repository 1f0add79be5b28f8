"""The bad-input suite: one folder of hostile and broken files through ONE real `newsdesk run`.

Every input must end up in raw.documents (by doc_id) or in raw.quarantine (by source_file, with a check and a
reason); the good records beside bad ones load; the run exits 0 and its summary shows the quarantine count.

Unreadable file: the suite runs as root, so chmod 000 does not stop a read. The realistic root-proof case is
an I/O error (a failing disk or a dead network mount): `disk_error.txt` is a link to /proc/self/mem, a regular
file whose read at offset 0 fails with EIO for everyone, root included. A FIFO stands for "not a regular file".
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from pathlib import Path

import pytest

from rel_helpers import cli, duplicates, query, seed_paragraphs, summary_value

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc for the EIO case")]

BIG_BYTES = 20_000_000
HOSTILE = "'); drop table documents; --"
HOSTILE_NAME = "x'; drop table documents; --\""
HOSTILE_BAD_NAME = "note: 'y'; delete from raw.quotes; --"
_PRONOUNS = re.compile(r"\b(he|she|they|his|her|him|them)\b", re.I)


def big_document() -> str:
    """~20 MB of real article prose (seed paragraphs repeated), quotes and figures included.

    Paragraphs whose quotes are attributed to a pronoun are left out: pronoun resolution is quadratic in the
    number of quotes (see test_quote_extraction_scales_linearly), which would make this one document take minutes.
    """
    paragraphs = [p for p in seed_paragraphs() if not _PRONOUNS.search(p)]
    block = "\n\n".join(paragraphs)
    return "The long read: every word of the summit\n\n" + "\n\n".join([block] * (BIG_BYTES // len(block) + 1))


def build_inputs(folder: Path) -> dict[str, tuple[str, str]]:
    """Write the bad-input folder; return file name → ("doc", doc_id) or ("quarantine", check)."""
    folder.mkdir(parents=True)
    rng = random.Random(11)
    good = "“We are close to a deal,” Vladimir Putin said on Friday.\n\nThe talks lasted three hours, aides said."
    (folder / "empty.txt").write_bytes(b"")
    (folder / "random.txt").write_bytes(rng.randbytes(8192))
    (folder / "latin1.txt").write_bytes(
        "Der Bürgermeister von Zürich sagte: «Wir sind bereit», und nannte 3 Millionen Franken.".encode("latin-1"))
    (folder / "cp1252.txt").write_bytes(
        "“We will not back down,” said Anna Smith. The plan costs €5 million — a record.".encode("cp1252"))
    mojibake = "Café owner José Díaz said Putin’s visit cost €5 million and lasted 3 hours."
    (folder / "mojibake.txt").write_text(mojibake.encode("utf-8").decode("cp1252"), encoding="utf-8")
    (folder / "big.txt").write_text(big_document(), encoding="utf-8")
    body = "".join(f"<p>Paragraph {i}: “Talks will go on,” said Anna Smith, after {i + 2} hours of talks.</p>"
                   for i in range(8))
    (folder / "page.html").write_text(
        "<html><head><title>Summit ends</title><style>p { color: red; } .secret-css {}</style>"
        "<script>var secretScript = function() { alert('x'); };</script></head><body><nav>Home | News</nav>"
        f"<article><h1>Summit ends</h1>{body}<script>document.write('injected-js')</script></article>"
        "<footer>© 2025</footer></body></html>", encoding="utf-8")
    (folder / "quotes_unbalanced.txt").write_text(
        "Unbalanced marks\n\n“This opens and never closes, said Anna Smith.\n\n"
        "A mismatched pair: “curly then straight,\" said Tom Brown, and ‘single then double” too.\n\n"
        "Stray closers” and » and ’ everywhere; «guillemets» and \"straight\" and 'single' ones.\n\n"
        "“Nested ‘inner “deep” quote’ here,” said Anna Smith. ””““ ‘’‘’ «»«»", encoding="utf-8")
    (folder / "dump.jsonl").write_text("\n".join([
        json.dumps({"id": "j1", "text": good, "title": "Good one"}),
        '{"id": "j2", "text": "broken',
        json.dumps({"id": "j3", "text": "Talks lasted 3 hours.", "title": HOSTILE, "outlet": HOSTILE,
                    "author": HOSTILE, "url": f"https://example.com/?q={HOSTILE}"}),
    ]), encoding="utf-8")
    (folder / "table.csv").write_text("id,headline\n1,Summit\n2,Talks\n", encoding="utf-8")
    (folder / f"{HOSTILE_NAME}.txt").write_text(good, encoding="utf-8")
    (folder / f"{HOSTILE_BAD_NAME}.txt").write_text("Advertisement\n\nShare\n\n---\n", encoding="utf-8")
    os.symlink(folder / "loop2.txt", folder / "loop1.txt")
    os.symlink(folder / "loop1.txt", folder / "loop2.txt")
    os.symlink("/proc/self/mem", folder / "disk_error.txt")
    os.mkfifo(folder / "pipe.txt")
    return {
        "empty.txt": ("quarantine", "empty_file"),
        "random.txt": ("quarantine", "binary_content"),
        "latin1.txt": ("doc", "latin1"),
        "cp1252.txt": ("doc", "cp1252"),
        "mojibake.txt": ("doc", "mojibake"),
        "big.txt": ("doc", "big"),
        "page.html": ("doc", "page"),
        "quotes_unbalanced.txt": ("doc", "quotes_unbalanced"),
        "dump.jsonl": ("quarantine", "invalid_json"),  # and documents j1, j3
        "table.csv": ("quarantine", "missing_text_column"),
        f"{HOSTILE_NAME}.txt": ("doc", HOSTILE_NAME),
        f"{HOSTILE_BAD_NAME}.txt": ("quarantine", "empty_after_normalization"),
        "loop1.txt": ("quarantine", "bad_symlink"),
        "loop2.txt": ("quarantine", "bad_symlink"),
        "disk_error.txt": ("quarantine", "unreadable"),
        "pipe.txt": ("quarantine", "not_a_file"),
    }


@pytest.fixture(scope="module")
def bad_run(rel_tmp):
    """Build the folder and run the real CLI on it once."""
    folder = rel_tmp / "bad-inputs"
    expected = build_inputs(folder)
    warehouse = rel_tmp / "bad" / "w.duckdb"
    started = time.monotonic()
    run = cli("run", "--source", str(folder), "--warehouse", str(warehouse), "--no-build")
    run.wait()
    timings = re.search(r"'timings': (\{[^}]*\})", run.stderr)
    print(f"\n[reliability] bad-input run: {time.monotonic() - started:.1f}s wall; "
          f"flow timings: {timings.group(1) if timings else 'n/a'}")
    return {"folder": folder, "expected": expected, "warehouse": warehouse, "run": run}


def test_run_exits_0_and_summary_counts_the_quarantine(bad_run):
    """Bad inputs never fail the run; the printed summary's quarantined count matches the warehouse."""
    run, warehouse = bad_run["run"], bad_run["warehouse"]
    assert run.returncode == 0, run.stderr[-3000:]
    run_id = summary_value(run.stdout, "run_id")
    in_warehouse = query(warehouse, "select count(*) from raw.quarantine where run_id = ?", [run_id])[0][0]
    assert int(summary_value(run.stdout, "quarantined")) == in_warehouse
    assert in_warehouse >= sum(1 for kind, _ in bad_run["expected"].values() if kind == "quarantine")
    assert "quarantined (first 50)" in run.stdout


def test_every_input_is_a_document_or_quarantined_with_a_reason(bad_run):
    """Per file: its doc_id is in documents, or a quarantine row names the file, the check and a reason."""
    folder, warehouse = bad_run["folder"], bad_run["warehouse"]
    docs = {r[0] for r in query(warehouse, "select doc_id from raw.documents")}
    rows = query(warehouse, 'select source_file, "check", reason from raw.quarantine')
    missing = []
    for name, (kind, value) in bad_run["expected"].items():
        if kind == "doc":
            if value not in docs:
                missing.append(f"{name}: doc_id {value!r} not in documents")
        else:
            path = str(folder / name)
            mine = [(check, reason) for source, check, reason in rows if source == path]
            if not any(check == value and len(reason.strip()) > 15 for check, reason in mine):
                missing.append(f"{name}: expected quarantine check {value!r}, found {mine}")
    # Nothing else: every document and quarantine row comes from an input we made.
    assert not missing, "\n".join(missing) + f"\nquarantine: {rows}"
    assert docs == {v for k, v in bad_run["expected"].values() if k == "doc"} | {"j1", "j3"}


def test_good_records_next_to_bad_ones_load(bad_run):
    """The JSONL's good lines load around the broken one, which is quarantined by line number."""
    warehouse = bad_run["warehouse"]
    assert query(warehouse, "select doc_id, title from raw.documents where doc_id in ('j1', 'j3') order by 1") == [
        ("j1", "Good one"), ("j3", HOSTILE)]
    assert query(warehouse, "select locator, detail from raw.quarantine where \"check\" = 'invalid_json'") == [
        ("line 2", '{"id": "j2", "text": "broken')]


def test_encodings_and_mojibake_are_repaired(bad_run):
    """Latin-1 and cp1252 files decode; mojibake is repaired by normalization."""
    text = dict(query(bad_run["warehouse"], "select doc_id, text from raw.documents"))
    assert "Bürgermeister von Zürich" in text["latin1"] and "«Wir sind bereit»" in text["latin1"]
    assert "“We will not back down,”" in text["cp1252"] and "€5 million" in text["cp1252"]
    assert "Café owner José Díaz said Putin’s visit cost €5 million" in text["mojibake"]
    assert "Ã" not in text["mojibake"] and "â€" not in text["mojibake"]


def test_html_scripts_and_styles_are_gone(bad_run):
    """Only the article body of the HTML page is kept: no script or style content."""
    (text,) = query(bad_run["warehouse"], "select text from raw.documents where doc_id = 'page'")[0]
    assert "Paragraph 3:" in text
    for junk in ("secretScript", "alert(", "injected-js", "color: red", "secret-css"):
        assert junk not in text


def test_unbalanced_quote_marks_give_consistent_spans(bad_run):
    """Broken quote marks load; whatever is extracted indexes the text exactly, everywhere in the warehouse."""
    warehouse = bad_run["warehouse"]
    assert query(warehouse, "select count(*) from raw.documents where doc_id = 'quotes_unbalanced'") == [(1,)]
    _assert_spans_index_text(warehouse)
    assert all(v == 0 for v in duplicates(warehouse).values())


def _assert_spans_index_text(warehouse: Path) -> None:
    """Every quote and figure span is inside its document and equals text[start:end] (checked in Python:
    DuckDB's substr on a 20 MB string costs a scan per row)."""
    texts = dict(query(warehouse, "select doc_id, text from raw.documents"))
    bad = []
    for table, column in (("quotes", "text"), ("figures", "surface")):
        for doc_id, start, end, value in query(warehouse, f"select doc_id, start_char, end_char, {column} "
                                                          f"from raw.{table}"):
            text = texts[doc_id]
            if not (0 <= start < end <= len(text)) or text[start:end] != value:
                bad.append((table, doc_id, start, end, value))
    assert not bad, bad[:10]


def test_twenty_megabyte_document_loads_with_sane_quotes_and_figures(bad_run):
    """The 20 MB document loads whole; its quotes and figures are many, short, and inside the text."""
    warehouse = bad_run["warehouse"]
    n_chars, n_words = query(warehouse, "select n_chars, n_words from raw.documents where doc_id = 'big'")[0]
    assert n_chars >= BIG_BYTES * 0.95 and n_words > 2_000_000
    quotes, longest, figures = query(warehouse, """
        select (select count(*) from raw.quotes where doc_id = 'big'),
               (select max(end_char - start_char) from raw.quotes where doc_id = 'big'),
               (select count(*) from raw.figures where doc_id = 'big')""")[0]
    assert quotes > 10_000 and figures > 10_000, (quotes, figures)
    assert longest < 5_000, "a quote ran across paragraphs of the repeated text"
    print(f"\n[reliability] 20 MB document: {n_chars:,} chars, {quotes:,} quotes, {figures:,} figures")


def test_hostile_file_names_and_metadata_are_stored_verbatim(bad_run):
    """SQL in a file name or in metadata is data: stored as given, and every table is still there."""
    warehouse = bad_run["warehouse"]
    assert query(warehouse, "select source from raw.documents where doc_id = ?", [HOSTILE_NAME]) == [
        (str(bad_run["folder"] / f"{HOSTILE_NAME}.txt"),)]
    assert query(warehouse, "select title, outlet, byline from raw.documents where doc_id = 'j3'") == [
        (HOSTILE, HOSTILE, HOSTILE)]
    tables = {r[0] for r in query(warehouse, "select table_name from information_schema.tables "
                                             "where table_schema = 'raw'")}
    assert {"documents", "quotes", "figures", "quarantine", "runs"} <= tables
    assert query(warehouse, "select count(*) from raw.quotes where doc_id = ?", [HOSTILE_NAME])[0][0] >= 1


def test_quarantine_source_file_is_the_whole_path_even_with_a_colon(bad_run):
    """A normalize-stage quarantine row of a file named 'note: …' must name that file."""
    path = str(bad_run["folder"] / f"{HOSTILE_BAD_NAME}.txt")
    rows = query(bad_run["warehouse"], 'select source_file, locator from raw.quarantine where "check" = ?',
                 ["empty_after_normalization"])
    assert rows == [(path, None)]
