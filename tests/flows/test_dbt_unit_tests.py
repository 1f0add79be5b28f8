"""The dbt unit tests (fixtures → expected rows, beside the models in sql/models/**.yml) pass.

Pipeline runs build the models and run the data tests only; the unit tests check the models' SQL itself, not
the data, so they run here, on a copy of a warehouse the seeds were loaded and built into.
"""

import json
import shutil

from flows.dbt import dbt_paths, run_dbt


def _results(path) -> list[dict]:
    return json.loads((dbt_paths(path)[0] / "run_results.json").read_text())["results"]


def test_dbt_unit_tests_pass(seed_run, tmp_path):
    _, built, _ = seed_run
    path = tmp_path / "copy.duckdb"
    shutil.copy(built, path)  # its own dbt target folder: the shared seed warehouse's artifacts stay as built
    outcome = run_dbt(path, ["test", "--select", "test_type:unit"])
    assert outcome.success, outcome.failures
    unit = [r for r in _results(path) if r["unique_id"].startswith("unit_test.")]
    assert len(unit) >= 5 and all(r["status"] == "pass" for r in unit), [(r["unique_id"], r["status"]) for r in unit]


def test_pipeline_builds_run_data_tests_but_not_unit_tests(seed_run):
    summary, path, _ = seed_run
    kinds = {r["unique_id"].split(".")[0] for r in _results(path)}
    assert summary["dbt_status"] == "success"
    assert {"model", "test", "seed"} <= kinds and "unit_test" not in kinds, kinds
