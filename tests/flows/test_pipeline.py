"""End to end on the seeds: real Prefect flow runs, a real DuckDB file, real dbt models."""

import json
import shutil

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.pipeline import pipeline
from flows.warehouse import WarehouseBusyError, writer_lock


def _query(path, sql, params=None):
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def test_seed_run_loads_five_documents(seed_run):
    """The seeds give five documents, all quotes and figures, nothing quarantined, dbt green."""
    summary, path, _ = seed_run
    assert summary["status"] == "success", summary["dbt_failures"]
    assert (summary["documents"], summary["quarantined"]) == (5, 0)
    assert _query(path, "select count(*) from documents") == [(5,)]
    assert _query(path, "select count(*) from quotes")[0][0] >= 55
    assert _query(path, "select count(*) from figures")[0][0] >= 25
    assert _query(path, "select status, documents_loaded from runs") == [("success", 5)]


def test_seed_titles_and_boilerplate(seed_run):
    """Titles are found and boilerplate is gone from the text but kept in removed_lines."""
    _, path, _ = seed_run
    rows = dict(_query(path, "select left(doc_id, 3), title from documents"))
    assert rows["000"] == "Trump and Putin: A Summit of Illusions with No Path to Peace"
    assert rows["004"].startswith("12-hour talks yield no concrete ceasefire")
    text_003, removed_003 = _query(path, "select text, removed_lines from documents where doc_id like '003%'")[0]
    assert not any(junk in text_003 for junk in ("Share This Article", "6 Min Read", "tech writer at"))
    assert "6 Min Read" in removed_003
    assert "Share via" not in _query(path, "select text from documents where doc_id like '002%'")[0][0]


def test_seed_quotes_and_offsets(seed_run):
    """Known quotes are present, and every quote and figure is exactly the text at its offsets."""
    _, path, _ = seed_run
    texts = [row[0] for row in _query(path, "select text from quotes where doc_id like '000%'")]
    assert any("there’s no deal until there’s a deal" in t for t in texts)
    assert _query(path, "select count(*) from quotes where text like '“%' or text like '%”'") == [(0,)]
    assert _query(path, """
        select count(*) from quotes q join documents d using (doc_id)
        where substr(d.text, q.start_char + 1, q.end_char - q.start_char) != q.text""") == [(0,)]
    assert _query(path, """
        select count(*) from figures f join documents d using (doc_id)
        where substr(d.text, f.start_char + 1, f.end_char - f.start_char) != f.surface""") == [(0,)]
    kinds = {row[0] for row in _query(path, "select distinct kind from quotes")}
    assert kinds <= {"full", "partial", "scare"}


def test_rerun_is_idempotent(seed_run, tmp_path):
    """Running the same input again gives the same ids and counts, and one more runs row."""
    _, built, seeds = seed_run
    path = tmp_path / "copy.duckdb"  # the session's seed warehouse stays as built for the other tests
    shutil.copy(built, path)
    before = _query(path, "select quote_id from raw.quotes order by 1"), _query(path, "select figure_id from raw.figures order by 1")
    summary = pipeline(sources=[str(seeds)], warehouse_path=str(path), build=False, full_refresh=True)
    after = _query(path, "select quote_id from raw.quotes order by 1"), _query(path, "select figure_id from raw.figures order by 1")
    assert (summary["documents"], summary["unchanged"]) == (5, 0)
    assert before == after
    assert _query(path, "select count(*) from raw.runs") == [(2,)]


def test_incremental_run_skips_unchanged_and_reprocesses_changed(tmp_path, seeds_dir):
    """A re-run re-processes only new or changed documents; the others keep their rows."""
    src = tmp_path / "in"
    shutil.copytree(seeds_dir, src)
    path = tmp_path / "w.duckdb"
    first = pipeline(sources=[str(src)], warehouse_path=str(path))
    second = pipeline(sources=[str(src)], warehouse_path=str(path), build=False)
    assert (second["documents"], second["unchanged"]) == (0, 5)
    assert _query(path, "select count(*) from raw.quotes")[0][0] == first["quotes"]
    changed = next(src.glob("002_*.txt"))
    text = changed.read_text(encoding="utf-8")
    assert "in 2014" in text
    changed.write_text(text.replace("in 2014", "in the past") + "\n“A new closing quote,” said Anna Smith.\n",
                       encoding="utf-8")
    third = pipeline(sources=[str(src)], warehouse_path=str(path))
    assert third["status"] == "success", third["dbt_failures"]
    assert (third["documents"], third["unchanged"]) == (1, 4)
    assert _query(path, "select count(*) from raw.quotes")[0][0] == first["quotes"] + 1
    assert _query(path, "select count(distinct run_id) from raw.documents") == [(2,)]
    # the incremental marts match the raw tables: the changed document's lost figure is gone, nothing doubled
    for mart, key in (("documents", "doc_id, content_hash"), ("figures", "figure_id, surface"), ("quotes", "quote_id")):
        assert _query(path, f"select {key} from {mart} order by all") == _query(
            path, f"select {key} from raw.{mart} order by all")


def test_unchanged_rerun_keeps_current_marts_without_dbt(tmp_path, seeds_dir, monkeypatch):
    """Nothing new since the last successful build of the same dbt project: the run skips dbt and dq passes;
    a run that loads data (even with --no-build in between) or a changed dbt project builds again."""
    from flows.dq import run_dq
    from flows.settings import get_settings

    src = tmp_path / "in"
    shutil.copytree(seeds_dir, src)
    (src / "empty.txt").write_text("", encoding="utf-8")  # quarantined again by every run: no change either
    path = tmp_path / "w.duckdb"
    assert pipeline(sources=[str(src)], warehouse_path=str(path))["dbt_status"] == "success"
    again = pipeline(sources=[str(src)], warehouse_path=str(path))
    assert (again["status"], again["dbt_status"], again["documents"], again["quarantined"]) == (
        "success", "skipped", 0, 1)
    assert again["data_quality"]["passed"], again["data_quality"]
    results = {r.name: r for r in run_dq(path)[0]}
    assert results["last_run_dbt_status"].passed and results["dbt_artifacts"].passed, results["dbt_artifacts"]

    changed = next(src.glob("001_*.txt"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\n“One more line,” said Anna Smith.\n", encoding="utf-8")
    assert pipeline(sources=[str(src)], warehouse_path=str(path), build=False)["documents"] == 1
    rebuilt = pipeline(sources=[str(src)], warehouse_path=str(path))  # loads nothing, but the marts are stale
    assert (rebuilt["documents"], rebuilt["dbt_status"]) == (0, "success")
    assert _query(path, "select count(*) from quotes where text like 'One more line%'") == [(1,)]

    project = tmp_path / "sql"  # the same dbt project with one model edited
    shutil.copytree(get_settings().dbt_project_dir, project, ignore=shutil.ignore_patterns("target", "logs"))
    model = project / "models" / "marts" / "outlets.sql"
    model.write_text(model.read_text(encoding="utf-8") + "\n-- edited\n", encoding="utf-8")
    monkeypatch.setenv("NEWS_DBT_PROJECT_DIR", str(project))
    get_settings.cache_clear()
    try:
        assert pipeline(sources=[str(src)], warehouse_path=str(path))["dbt_status"] == "success"
    finally:
        monkeypatch.delenv("NEWS_DBT_PROJECT_DIR")
        get_settings.cache_clear()


def test_bad_inputs_are_quarantined_and_good_ones_load(tmp_path, seeds_dir):
    """A folder of bad files next to good ones: the run succeeds, each bad input is quarantined once."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(next(seeds_dir.glob("000_*.txt")), src / "good.txt")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (src / "notes.docx").write_bytes(b"PK\x03\x04")
    (src / "dump.jsonl").write_text(
        "\n".join([json.dumps({"id": "j1", "text": "“We are close,” Putin said on Friday."}), "{broken",
                   json.dumps({"id": "j2", "text": "Talks lasted 3 hours."})]), encoding="utf-8")
    (src / "table.csv").write_text("id,headline\n1,x\n", encoding="utf-8")
    path = tmp_path / "w.duckdb"
    summary = pipeline(sources=[str(src)], warehouse_path=str(path))
    assert summary["status"] == "success", summary["dbt_failures"]
    assert sorted(r[0] for r in _query(path, "select doc_id from documents")) == ["good", "j1", "j2"]
    checks = sorted(r[0] for r in _query(path, "select check_name from quarantine"))
    assert checks == ["binary_content", "empty_file", "invalid_json", "missing_text_column", "unsupported_type"]
    assert all(len(r[0]) > 20 for r in _query(path, "select reason from quarantine"))
    pipeline(sources=[str(src)], warehouse_path=str(path), build=False)
    assert _query(path, "select count(*) from raw.quarantine") == [(5,)]


def test_changed_document_replaces_its_rows(tmp_path):
    """A changed document replaces its quotes; nothing stale remains."""
    doc = tmp_path / "story.txt"
    doc.write_text("“The first version,” said Anna Smith.\n\nMore text here.", encoding="utf-8")
    path = tmp_path / "w.duckdb"
    pipeline(sources=[str(doc)], warehouse_path=str(path), build=False)
    doc.write_text("“An entirely different quote,” said Anna Smith.\n\nMore text here.", encoding="utf-8")
    pipeline(sources=[str(doc)], warehouse_path=str(path), build=False)
    assert [r[0] for r in _query(path, "select text from raw.quotes")] == ["An entirely different quote,"]


def test_second_writer_fails_fast_with_a_clear_message(tmp_path, seeds_dir):
    """While one run holds the warehouse, another fails at once naming the holder."""
    path = tmp_path / "w.duckdb"
    with writer_lock(path):
        with pytest.raises(WarehouseBusyError, match="another newsdesk run is writing"):
            pipeline(sources=[str(seeds_dir)], warehouse_path=str(path), build=False)


def test_cli_sql_prints_rows(seed_run):
    """`newsdesk sql` queries the warehouse read-only and prints a table or JSON."""
    _, path, _ = seed_run
    result = CliRunner().invoke(app, ["sql", "select count(*) as n from documents", "--warehouse", str(path),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"n": 5}]
    bad = CliRunner().invoke(app, ["sql", "select * from nope", "--warehouse", str(path)])
    assert bad.exit_code == 1
    several = CliRunner().invoke(app, ["sql", "select 1; select 2", "--warehouse", str(path)])
    assert several.exit_code == 2 and "one statement at a time" in several.output


def test_incremental_dump_rerun_reads_only_changed_records_and_keeps_duplicates_quarantined(tmp_path):
    """Re-running a JSONL dump with one record changed re-processes that record only (on threads, as `auto`
    decides on the bytes left to read); a duplicate id of an unchanged record is quarantined again, not loaded."""
    import json

    dump = tmp_path / "dump.jsonl"
    records = [{"id": f"d{i}", "text": f"“Record {i} is out,” said Anna Smith on day {i}."} for i in range(40)]
    records.append({"id": "d3", "text": "A second record claiming id d3."})
    dump.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    path = tmp_path / "w.duckdb"
    first = pipeline(sources=[str(dump)], warehouse_path=str(path), batch_size=10, build=False)
    assert (first["documents"], first["quarantined"]) == (40, 1)
    records[7]["text"] = "“Record 7 was corrected,” said Anna Smith."
    dump.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    second = pipeline(sources=[str(dump)], warehouse_path=str(path), batch_size=10, build=False, task_runner="auto")
    assert (second["documents"], second["unchanged"], second["quarantined"]) == (1, 39, 1)
    assert second["task_runner"] == "thread" and second["megabytes"] < 0.001
    assert _query(path, "select doc_id, locator, \"check\" from raw.quarantine") == [("d3", "line 41", "duplicate_doc_id")]
    assert _query(path, "select text from raw.documents where doc_id = 'd3'")[0][0].startswith("“Record 3")
    assert _query(path, "select text from raw.quotes where doc_id = 'd7'") == [("Record 7 was corrected,",)]
    assert _query(path, "select count(*) from raw.documents") == [(40,)]


def test_identical_copies_in_two_inputs_stay_quarantined_on_every_rerun(tmp_path):
    """An identical record in two dumps (judged by the plan) or two CSV files (judged by their batches) loads once;
    re-runs find both copies unchanged, keep the loaded one and quarantine the other again, never silently."""
    import json

    folder = tmp_path / "in"
    folder.mkdir()
    record = {"id": "a", "text": "“We will see,” said Anna Smith. It took 3 hours."}
    (folder / "one.jsonl").write_text(json.dumps(record) + "\n" + json.dumps({"id": "b", "text": "Other."}) + "\n",
                                      encoding="utf-8")
    (folder / "two.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (folder / "p.csv").write_text('id,text\nc,"“Fine,” said Bo Lee."\n', encoding="utf-8")
    (folder / "q.csv").write_text('id,text\nc,"“Fine,” said Bo Lee."\n', encoding="utf-8")
    path = tmp_path / "w.duckdb"
    expected = [("a", str(folder / "two.jsonl"), "line 1", "already read from"),
                ("c", str(folder / "q.csv"), "row 1", "already read from")]
    for run in range(3):
        summary = pipeline(sources=[str(folder)], warehouse_path=str(path), batch_size=1, build=False)
        assert (summary["documents"], summary["unchanged"], summary["quarantined"]) == ((3, 0, 2) if run == 0
                                                                                       else (0, 3, 2))
        rows = _query(path, "select doc_id, source_file, locator, reason from raw.quarantine order by doc_id")
        assert [r[:3] for r in rows] == [e[:3] for e in expected], rows
        how = "already read from" if run == 0 else "already loaded from"
        assert all(how in r[3] for r in rows), rows
    assert _query(path, "select doc_id, source from raw.documents where doc_id in ('a', 'c') order by 1") == [
        ("a", f"{folder / 'one.jsonl'}:line 1"), ("c", f"{folder / 'p.csv'}:row 1")]


def test_prepared_dbt_child_exits_untouched_when_discarded(tmp_path):
    """A dbt child started early (import + parse) that is not needed stops on discard without running anything."""
    from flows import dbt

    path = tmp_path / "w.duckdb"
    dbt.prepare_dbt(path)
    child = dbt.discard_dbt(path)
    assert child.wait(timeout=60) == 0 and str(path.resolve()) not in dbt._PREPARED
    target = dbt.dbt_paths(path)[0]
    assert not (target / "run_results.json").exists() and not path.exists()


def test_a_new_input_never_takes_over_a_doc_id_loaded_unchanged_in_the_same_run(tmp_path):
    """An id already loaded keeps that copy when the run re-reads it unchanged, whether the plan skipped it (a
    dump) or a batch did (a CSV), and wherever the newcomer comes in the read order: the newcomer is quarantined
    naming the loaded copy; `requeue` of the duplicate re-reads both files and leaves it so."""
    import json

    from typer.testing import CliRunner

    from flows.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    dump = folder / "dump.jsonl"
    dump.write_text("\n".join(json.dumps({"id": f"d{i}", "text": f"Record {i} said “hello {i}” today."})
                              for i in range(30)) + "\n", encoding="utf-8")
    (folder / "table.csv").write_text("id,text\nc1,“Table row one” is here.\nc2,Row two.\n", encoding="utf-8")
    path = tmp_path / "w.duckdb"
    pipeline(sources=[str(folder)], warehouse_path=str(path), batch_size=10, build=False)
    (folder / "aa").mkdir()
    (folder / "aa" / "d6.txt").write_text("An impostor for d6.", encoding="utf-8")  # read before the dump
    (folder / "zz").mkdir()
    (folder / "zz" / "c1.txt").write_text("An impostor for c1.", encoding="utf-8")  # read after the CSV
    second = pipeline(sources=[str(folder)], warehouse_path=str(path), batch_size=10, build=False)
    assert (second["documents"], second["quarantined"]) == (0, 2)
    expected = [("c1", f"{folder / 'table.csv'}:row 1"), ("d6", f"{dump}:line 7")]
    assert _query(path, "select doc_id, source from raw.documents where doc_id in ('c1', 'd6') order by 1") == expected
    reasons = sorted(r[0] for r in _query(path, "select reason from raw.quarantine"))
    assert reasons[0].startswith(f"duplicate doc_id 'c1': already loaded from {folder / 'table.csv'}:row 1;")
    assert reasons[1].startswith(f"duplicate doc_id 'd6': already loaded from {dump}:line 7;")

    dry = CliRunner().invoke(app, ["requeue", "--warehouse", str(path), "--check", "duplicate_doc_id", "--dry-run"])
    assert dry.exit_code == 0 and "holds the loaded copy" in dry.output and "dump.jsonl" in dry.output, dry.output
    result = CliRunner().invoke(app, ["requeue", "--warehouse", str(path), "--check", "duplicate_doc_id", "--no-build"])
    assert result.exit_code == 0, result.output
    assert _query(path, "select doc_id, source from raw.documents where doc_id in ('c1', 'd6') order by 1") == expected
    assert _query(path, "select count(*) from raw.quarantine where \"check\" = 'duplicate_doc_id'") == [(2,)]
