"""`newsdesk dq` on the seed warehouse: clean passes; deliberately broken copies fail with the check named.

The shared seed warehouse is only ever read (dq opens it read-only); every breakage happens on a copy in
tmp_path, together with a copy of its dbt run_results.json so the dbt checks see the same artifacts.
"""

import json
import shutil
import xml.etree.ElementTree as ET

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.dbt import dbt_paths
from flows.dq import CHECKS, CheckResult, render_junit

runner = CliRunner()
CHECK_NAMES = [c.name for c in CHECKS]


def _copy_warehouse(seed_run, tmp_path, with_dbt_artifacts=True):
    """A private copy of the seed warehouse (and, by default, its dbt run_results.json)."""
    _, path, _ = seed_run
    copy = tmp_path / "wh" / "newsdesk.duckdb"
    copy.parent.mkdir()
    shutil.copy(path, copy)
    if path.with_name(path.name + ".wal").exists():
        shutil.copy(path.with_name(path.name + ".wal"), copy.with_name(copy.name + ".wal"))
    results = dbt_paths(path)[0] / "run_results.json"
    if with_dbt_artifacts and results.exists():
        target = dbt_paths(copy)[0]
        target.mkdir(parents=True)
        shutil.copy(results, target / "run_results.json")
    return copy


def _execute(path, *statements):
    with duckdb.connect(str(path)) as con:
        for statement in statements:
            con.execute(statement)


def _dq(path, out, *args):
    return runner.invoke(app, ["dq", "--warehouse", str(path), "--out", str(out), *args])


def _junit(out):
    """{check name: (outcome property, child tags)} from dq_junit.xml."""
    suite = ET.parse(out / "dq_junit.xml").getroot()
    assert suite.tag == "testsuite" and suite.get("name") == "newsdesk-dq"
    cases = {}
    for case in suite.iter("testcase"):
        props = {p.get("name"): p.get("value") for p in case.iter("property")}
        cases[case.get("name")] = (props["outcome"], {child.tag for child in case} - {"properties"})
    return suite, cases


def test_clean_seed_warehouse_passes(seed_run, tmp_path):
    """Every check passes on the seed warehouse; report and JUnit are written and parse."""
    summary, path, _ = seed_run
    assert summary["status"] == "success"
    out = tmp_path / "out"
    result = _dq(path, out)
    assert result.exit_code == 0, result.output
    assert "all error checks passed" in result.output
    assert str(out / "dq_report.md") in result.output
    report = (out / "dq_report.md").read_text(encoding="utf-8")
    assert "**Result: PASS**" in report
    assert all(f"`{name}`" in report for name in CHECK_NAMES)
    suite, cases = _junit(out)
    assert list(cases) == CHECK_NAMES
    assert suite.get("failures") == "0" and suite.get("errors") == "0" and suite.get("skipped") == "0"
    assert {outcome for outcome, _ in cases.values()} == {"pass", "info"}
    assert not any(tags & {"failure", "error", "skipped"} for _, tags in cases.values())


BREAKAGES = {
    "shifted_quote_offsets": (
        ["update {layer}.quotes set start_char = start_char + 1, end_char = end_char + 1 "
         "where quote_id = (select min(quote_id) from {layer}.quotes)"],
        "quote_text_matches_offsets"),
    "figure_past_end_of_text": (
        ["update {layer}.figures set end_char = 1000000 "
         "where figure_id = (select min(figure_id) from {layer}.figures)"],
        "figure_offsets_in_bounds"),
    "deleted_document_orphans_its_quotes": (
        ["delete from {layer}.documents where doc_id = (select min(doc_id) from {layer}.quotes)"],
        "orphan_quotes"),
    "duplicated_quote_row": (
        ["insert into main.quotes select * from main.quotes order by quote_id limit 1"],
        "duplicate_ids"),
    "blank_speaker": (
        ["update {layer}.quotes set speaker = '  ' where quote_id = "
         "(select min(quote_id) from {layer}.quotes where speaker is not null)"],
        "speaker_not_blank"),
    "quarantine_row_with_empty_reason": (
        ["insert into raw.quarantine values ('x00000000000000aa', 'quotes', 'old.txt', null, null, "
         "'not_nullable', '', null, 'extracted_quotes', 'an-old-run', now())",
         "insert into main.quarantine by name select 'x00000000000000aa' as quarantine_id, 'quotes' as stage, "
         "'old.txt' as source_file, 'not_nullable' as check_name, '' as reason, 'an-old-run' as run_id"],
        "quarantine_reasons"),
    "empty_document_text": (
        ["update {layer}.documents set text = ' ' where doc_id = (select max(doc_id) from {layer}.documents)"],
        "document_text_not_empty"),
    "missing_mart": (["drop table main.figures"], "marts_present"),
    "stale_mart": (["delete from main.documents where doc_id = (select min(doc_id) from main.documents)"],
                   "main_raw_counts"),
    "failed_last_run": (["update raw.runs set status = 'failed', message = 'boom'"], "last_run_status"),
}


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_broken_warehouse_fails_naming_the_check(seed_run, tmp_path, breakage):
    """Each deliberate breakage makes dq exit 1, naming the failing check on the terminal, in the report and JUnit."""
    statements, expected = BREAKAGES[breakage]
    path = _copy_warehouse(seed_run, tmp_path)
    _execute(path, *[s.format(layer=layer) for s in statements
                     for layer in (("raw", "main") if "{layer}" in s else ("",))])
    out = tmp_path / "out"
    result = _dq(path, out)
    assert result.exit_code == 1, result.output
    assert "data-quality check(s) failed:" in result.output
    failed_line = next(line for line in result.output.splitlines() if "data-quality check(s) failed:" in line)
    assert expected in failed_line
    report = (out / "dq_report.md").read_text(encoding="utf-8")
    assert "**Result: FAIL**" in report and f"❌ FAIL `{expected}`" in report
    suite, cases = _junit(out)
    outcome, tags = cases[expected]
    assert outcome == "fail" and "failure" in tags
    assert int(suite.get("failures")) >= 1


def test_failed_dbt_test_is_named(seed_run, tmp_path):
    """A failing dbt test in run_results.json fails dq_tests and is named."""
    path = _copy_warehouse(seed_run, tmp_path)
    results_file = dbt_paths(path)[0] / "run_results.json"
    data = json.loads(results_file.read_text(encoding="utf-8"))
    node = next(n for n in data["results"] if n["unique_id"].startswith("test.newsdesk.assert_quote_offsets"))
    node.update(status="fail", failures=2, message="Got 2 results, configured to fail if != 0")
    results_file.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out"
    result = _dq(path, out)
    assert result.exit_code == 1, result.output
    assert "dbt_tests" in result.output and "assert_quote_offsets_match_text" in result.output
    assert "assert_quote_offsets_match_text" in (out / "dq_report.md").read_text(encoding="utf-8")
    assert _junit(out)[1]["dbt_tests"] == ("fail", {"failure"})


def test_missing_dbt_artifacts_is_only_a_warning(seed_run, tmp_path):
    """Without run_results.json dq still passes: dbt_artifacts warns and the dbt checks are skipped."""
    path = _copy_warehouse(seed_run, tmp_path, with_dbt_artifacts=False)
    out = tmp_path / "out"
    result = _dq(path, out)
    assert result.exit_code == 0, result.output
    assert "warnings: dbt_artifacts" in result.output
    _, cases = _junit(out)
    assert cases["dbt_artifacts"] == ("warn", {"system-out"})
    assert cases["dbt_tests"] == ("skip", {"skipped"})
    assert cases["dbt_models"] == ("skip", {"skipped"})


def test_quarantine_warns_until_the_share_is_exceeded(seed_run, tmp_path):
    """A quarantined quote in the last run is a warning; over --max-quarantine-share it is an error."""
    path = _copy_warehouse(seed_run, tmp_path)
    row = ("'x00000000000000bb' as quarantine_id, 'quotes' as stage, 'seeds/000.txt' as source_file, "
           "'span_matches_document_text' as {check}, "
           "'failed extracted_quotes validation: span_matches_document_text on is_span_consistent' as reason, "
           "'extracted_quotes' as schema_name, (select run_id from raw.runs) as run_id, now() as quarantined_at")
    _execute(path,
             "insert into raw.quarantine by name select " + row.format(check='"check"'),
             "insert into main.quarantine by name select " + row.format(check="check_name"),
             "update raw.runs set quarantined = quarantined + 1")
    out = tmp_path / "out"
    result = _dq(path, out)
    assert result.exit_code == 0, result.output
    assert "warnings: pandera_last_run, quarantine_last_run" in result.output
    _, cases = _junit(out)
    assert cases["pandera_last_run"] == ("warn", {"system-out"})
    assert cases["quarantine_share"] == ("pass", {"system-out"})
    report = (out / "dq_report.md").read_text(encoding="utf-8")
    assert "extracted_quotes" in report and "span_matches_document_text" in report

    strict = _dq(path, tmp_path / "strict", "--max-quarantine-share", "0.001")
    assert strict.exit_code == 1, strict.output
    assert "quarantine_share" in strict.output


def test_missing_warehouse_exits_2(tmp_path):
    """No warehouse file: a clear error and exit code 2, nothing written."""
    result = _dq(tmp_path / "nope.duckdb", tmp_path / "out")
    assert result.exit_code == 2
    assert "no warehouse" in result.output
    assert not (tmp_path / "out").exists()


def test_junit_marks_crashes_as_errors_and_escapes_text():
    """A crashed error check is an <error>; control characters never make the XML invalid."""
    results = [
        CheckResult("ok", "error", "x", True, 0, "fine"),
        CheckResult("boom", "error", "x", False, None, "check could not run: \x00bad\x1b", crashed=True),
        CheckResult("meh", "warn", "x", False, 3, "3 things", sample=[{"a": "<&>"}]),
    ]
    suite = ET.fromstring(render_junit(results).encode("utf-8"))
    assert (suite.get("failures"), suite.get("errors")) == ("0", "1")
    cases = {c.get("name"): {child.tag for child in c} for c in suite.iter("testcase")}
    assert "error" in cases["boom"] and "failure" not in cases["meh"] and "system-out" in cases["meh"]


def test_flow_publishes_the_report_artifact(seed_run, tmp_path):
    """--flow runs the newsdesk-dq flow: same exit codes, and the report is readable back as artifact dq-report."""
    from prefect.artifacts import Artifact

    _, path, _ = seed_run
    result = _dq(path, tmp_path / "out", "--flow")
    assert result.exit_code == 0, result.output
    report = Artifact.get("dq-report")
    assert report is not None and report.type == "markdown"
    assert "**Result: PASS**" in report.data and str(path) in report.data
    table = Artifact.get("dq-table")
    rows = json.loads(table.data) if isinstance(table.data, str) else table.data
    assert [row["check"] for row in rows] == CHECK_NAMES
    assert (tmp_path / "out" / "dq_junit.xml").exists()

    broken = _copy_warehouse(seed_run, tmp_path)
    _execute(broken, "insert into main.quotes select * from main.quotes order by quote_id limit 1")
    failed = _dq(broken, tmp_path / "out2", "--flow")
    assert failed.exit_code == 1, failed.output
    assert "duplicate_ids" in failed.output
    report = Artifact.get("dq-report")
    assert "**Result: FAIL**" in report.data and "duplicate_ids" in report.data
