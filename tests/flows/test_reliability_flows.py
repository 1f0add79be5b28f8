"""Reliability checks that need real flow runs but not a separate process: --strict, requeue, idempotency.

They reuse the session Prefect harness (tests/flows/conftest.py); the process-level checks (SIGKILL, two CLI
processes, the bad-input folder) are in tests/reliability/.
"""

import json

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.pipeline import pipeline

GOOD = "“We are close to a deal,” Vladimir Putin said on Friday.\n\nThe talks lasted three hours, aides said."


def _query(path, sql, params=None):
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def _snapshot(path):
    return {table: _query(path, f"select {key} from raw.{table} order by 1")
            for table, key in (("documents", "doc_id, content_hash, text"), ("quotes", "quote_id, text"),
                               ("figures", "figure_id, surface"), ("quarantine", "quarantine_id, reason"))}


def _dump(path, lines):
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def folder(tmp_path):
    """A good article, an empty file and a JSONL dump with a broken line between good ones."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    _dump(src / "dump.jsonl", [json.dumps({"id": "j1", "text": GOOD}), '{"id": "j2", "text": "broken',
                               json.dumps({"id": "j3", "text": "Talks lasted 3 hours."})])
    return src


def test_strict_turns_any_quarantine_into_an_error(folder, tmp_path):
    """Without --strict a run with quarantined inputs exits 0; with it, 1, naming the count."""
    warehouse = str(tmp_path / "w.duckdb")
    args = ["run", "--source", str(folder), "--warehouse", warehouse, "--no-build"]
    lenient = CliRunner().invoke(app, args)
    assert lenient.exit_code == 0, lenient.output
    assert "quarantined" in lenient.output
    strict = CliRunner().invoke(app, [*args, "--strict"])
    assert strict.exit_code == 1, strict.output
    assert "2 item(s) quarantined and --strict is set" in strict.output


def test_source_takes_several_paths_after_one_flag(folder, tmp_path):
    """`--source a b` (and bare paths) read every path given, as `--source a --source b` does."""
    warehouse = tmp_path / "w.duckdb"
    result = CliRunner().invoke(app, ["run", "--source", str(folder / "good.txt"), str(folder / "dump.jsonl"),
                                      "--warehouse", str(warehouse), "--no-build", "--json"])
    assert result.exit_code == 0, result.output
    assert [r[0] for r in _query(warehouse, "select doc_id from raw.documents order by 1")] == ["good", "j1", "j3"]
    missing = CliRunner().invoke(app, ["run", "--source", str(folder / "good.txt"), str(tmp_path / "nope"),
                                       "--warehouse", str(warehouse), "--no-build"])
    assert missing.exit_code == 2 and "source not found" in missing.output
    nothing = CliRunner().invoke(app, ["run", "--warehouse", str(warehouse), "--no-build"])  # no demo by accident
    assert nothing.exit_code == 2 and "nothing to read: give --source PATH" in nothing.output


def test_same_input_twice_gives_identical_rows_and_ids(folder, tmp_path):
    """A re-run (incremental, then a full refresh that re-extracts everything) changes no id and no count."""
    warehouse = tmp_path / "w.duckdb"
    pipeline(sources=[str(folder)], warehouse_path=str(warehouse), build=False)
    first = _snapshot(warehouse)
    assert [d[0] for d in first["documents"]] == ["good", "j1", "j3"] and len(first["quarantine"]) == 2
    pipeline(sources=[str(folder)], warehouse_path=str(warehouse), build=False)
    assert _snapshot(warehouse) == first
    pipeline(sources=[str(folder)], warehouse_path=str(warehouse), build=False, full_refresh=True)
    assert _snapshot(warehouse) == first
    assert _query(warehouse, "select status, count(*) from raw.runs group by 1") == [("success", 3)]


def test_requeue_reprocesses_a_fixed_file_and_reports_missing_ones(folder, tmp_path):
    """Quarantine a broken JSONL line, fix the file, requeue: the record loads and its quarantine row is gone.

    A quarantined file that was deleted is reported and its row kept; --dry-run changes nothing.
    """
    warehouse = tmp_path / "w.duckdb"
    pipeline(sources=[str(folder)], warehouse_path=str(warehouse), build=False)
    checks = dict(_query(warehouse, 'select "check", source_file from raw.quarantine'))
    assert checks == {"invalid_json": str(folder / "dump.jsonl"), "empty_file": str(folder / "empty.txt")}
    runner = CliRunner()

    dry = runner.invoke(app, ["requeue", "--warehouse", str(warehouse), "--check", "invalid_json", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "dump.jsonl" in dry.output and "empty.txt" not in dry.output and "re-process" in dry.output
    assert _query(warehouse, "select count(*) from raw.runs") == [(1,)]  # nothing ran

    _dump(folder / "dump.jsonl", [json.dumps({"id": "j1", "text": GOOD}), json.dumps({"id": "j2", "text": "Fixed."}),
                                  json.dumps({"id": "j3", "text": "Talks lasted 3 hours."})])
    (folder / "empty.txt").unlink()
    result = runner.invoke(app, ["requeue", "--warehouse", str(warehouse), "--no-build"])
    assert result.exit_code == 0, result.output
    assert "missing: left in quarantine" in result.output and "no longer exist" in result.output
    assert _query(warehouse, "select text from raw.documents where doc_id = 'j2'") == [("Fixed.",)]
    assert _query(warehouse, 'select "check" from raw.quarantine') == [("empty_file",)]
    assert _query(warehouse, "select sources from raw.runs order by started_at desc limit 1") == [
        ([str(folder / "dump.jsonl")],)]
    # a requeue re-reads known-bad inputs only: dq does not judge the sources by its quarantine share
    from flows.dq import REQUEUE_NOTE, run_dq

    assert _query(warehouse, "select message from raw.runs order by started_at desc limit 1") == [(REQUEUE_NOTE,)]
    share = next(r for r in run_dq(warehouse)[0] if r.name == "quarantine_share")
    assert share.passed and "requeue" in share.message

    purged = runner.invoke(app, ["requeue", "--warehouse", str(warehouse), "--purge-missing"])
    assert purged.exit_code == 0, purged.output
    assert "purged 1 quarantine row(s) of 1 missing file(s)" in purged.output
    assert _query(warehouse, "select count(*) from raw.quarantine") == [(0,)]
    assert _query(warehouse, "select count(*) from main.quarantine") == [(0,)]  # the marts were rebuilt
    assert _query(warehouse, "select status, dbt_status, message from raw.runs order by started_at desc limit 1") == [
        ("success", "success", "purged 1 quarantine row(s) of 1 missing file(s)")]

    nothing = runner.invoke(app, ["requeue", "--warehouse", str(warehouse), "--stage", "normalize"])
    assert nothing.exit_code == 0 and "nothing quarantined matches" in nothing.output
    gone = runner.invoke(app, ["requeue", "--warehouse", str(tmp_path / "nope.duckdb")])
    assert gone.exit_code == 2


def test_requeue_filters_are_bound_parameters(folder, tmp_path):
    """A hostile --source-file value is compared as data: it matches nothing and breaks nothing."""
    warehouse = tmp_path / "w.duckdb"
    pipeline(sources=[str(folder)], warehouse_path=str(warehouse), build=False)
    hostile = "x' or '1'='1'; drop table raw.documents; --"
    result = CliRunner().invoke(app, ["requeue", "--warehouse", str(warehouse), "--source-file", hostile,
                                      "--check", hostile, "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "nothing quarantined matches" in result.output
    assert _query(warehouse, "select count(*) from raw.documents") == [(3,)]


def test_prune_deletes_the_documents_of_deleted_files_only(tmp_path):
    """`newsdesk prune` lists (dry run) and then deletes the documents whose source file is gone, with their quotes,
    figures and quarantine rows, recorded in raw.runs, and rebuilds the marts; documents of existing files stay."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "keep.txt").write_text("“We stay,” said Anna Smith. The talks lasted 3 hours.", encoding="utf-8")
    (folder / "gone.txt").write_text("“We go,” said Bob Jones. It cost $5 million.", encoding="utf-8")
    (folder / "gone.csv").write_text('id,text\nc1,"“Hi,” said Cy Lee."\nc2,\n', encoding="utf-8")  # c2: no text
    warehouse = tmp_path / "w.duckdb"
    pipeline(sources=[str(folder)], warehouse_path=str(warehouse))
    assert _query(warehouse, "select doc_id, source_file like '%gone.csv' from raw.quarantine") == [("c2", True)]
    (folder / "gone.txt").unlink()
    (folder / "gone.csv").unlink()
    runner = CliRunner()
    dry = runner.invoke(app, ["prune", "--warehouse", str(warehouse), "--dry-run"])
    assert dry.exit_code == 0 and "gone.txt" in dry.output and "keep.txt" not in dry.output, dry.output
    assert _query(warehouse, "select count(*) from raw.documents") == [(3,)]
    result = runner.invoke(app, ["prune", "--warehouse", str(warehouse)])
    assert result.exit_code == 0 and "pruned 2 document(s): 2 deleted source file(s), 0 record(s)" in result.output, result.output
    assert _query(warehouse, "select count(*) from raw.quarantine") == [(0,)]  # the deleted file's rows too
    for table in ("documents", "quotes", "figures"):
        assert _query(warehouse, f"select distinct doc_id from raw.{table}") == [("keep",)], table
        assert _query(warehouse, f"select distinct doc_id from main.{table}") == [("keep",)], table
    assert _query(warehouse, "select dbt_status, message from raw.runs order by started_at desc limit 1") == [
        ("success", "pruned 2 document(s): 2 deleted source file(s), 0 record(s) no longer in their dump")]
    report = (tmp_path / "w-report" / "index.html").read_text(encoding="utf-8")  # refreshed: no pruned outlet left
    assert "gone" not in report and "keep" in report
    again = runner.invoke(app, ["prune", "--warehouse", str(warehouse)])
    assert again.exit_code == 0 and "nothing to prune" in again.output


def test_prune_deletes_records_removed_from_a_dump_that_still_exists(tmp_path):
    """A record removed from a re-exported dump is no longer in the sources: `prune` deletes that document (and its
    rows) and keeps the dump's other documents and its quarantine rows; a record that only moved lines stays."""
    dump = tmp_path / "dump.jsonl"
    _dump(dump, [json.dumps({"id": "a", "text": GOOD}), json.dumps({"id": "b", "text": "“Bye,” said Bob Jones."}),
                 '{"id": "x", "text": "broken', json.dumps({"id": "c", "text": "Talks lasted 3 hours."})])
    warehouse = tmp_path / "w.duckdb"
    pipeline(sources=[str(dump)], warehouse_path=str(warehouse), build=False)
    _dump(dump, [json.dumps({"id": "c", "text": "Talks lasted 3 hours."}), '{"id": "x", "text": "broken',
                 json.dumps({"id": "a", "text": GOOD})])  # b removed; a and c moved
    runner = CliRunner()
    dry = runner.invoke(app, ["prune", "--warehouse", str(warehouse), "--dry-run", "--no-build"])
    assert dry.exit_code == 0 and "records no longer in the file" in dry.output, dry.output
    result = runner.invoke(app, ["prune", "--warehouse", str(warehouse), "--no-build"])
    assert "pruned 1 document(s): 0 deleted source file(s), 1 record(s)" in result.output, result.output
    assert _query(warehouse, "select doc_id from raw.documents order by 1") == [("a",), ("c",)]
    assert _query(warehouse, "select count(*) from raw.quotes where doc_id = 'b'") == [(0,)]
    assert _query(warehouse, 'select "check" from raw.quarantine') == [("invalid_json",)]
