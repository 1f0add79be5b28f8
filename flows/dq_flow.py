"""The data-quality checks as Prefect: a task the pipeline can call, and the `newsdesk-dq` flow.

The task publishes the Markdown report (artifact key `dq-report`) and a table of the checks (`dq-table`).
It never raises because a check failed; it returns a summary with `passed` and the failed `errors`.
The flow ends in a Failed state after publishing when an error check failed (so the run shows as Failed
in the UI, without a traceback), unless `fail_on_error=False`: calling `dq_flow(...)` then raises
DataQualityError, whose `.outcome` is the same summary the flow returns on success.

From the pipeline, after `warehouse.finish_run(...)`:

    from flows.dq_flow import dq_checks
    dq = dq_checks(path)          # {"passed": bool, "errors": [...], "warnings": [...], "results": [...], ...}
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import MissingContextError
from prefect.states import Failed

from flows.dq import CheckResult, DataQualityError, DQConfig, render_markdown, run_dq, summarize, table_rows, \
    write_reports

REPORT_KEY = "dq-report"
TABLE_KEY = "dq-table"


def publish_artifacts(results: list[CheckResult], context: dict[str, Any]) -> None:
    """Publish the report as a Markdown artifact and the checks as a table artifact (inside a flow or task run)."""
    verdict = "PASS" if summarize(results)["passed"] else "FAIL"
    create_markdown_artifact(key=REPORT_KEY, markdown=render_markdown(results, context),
                             description=f"newsdesk data quality: {verdict} ({context.get('warehouse')})")
    create_table_artifact(key=TABLE_KEY, table=table_rows(results),
                          description=f"newsdesk data-quality checks: {verdict}")


def _logger():
    """The run logger inside a flow or task run; a plain logger when called as `dq_checks.fn(...)`."""
    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger("newsdesk.dq")


@task(name="dq-checks", cache_policy=NO_CACHE)
def dq_checks(warehouse_path: str, out_dir: str | None = None, max_quarantine_share: float | None = None,
              publish: bool = True) -> dict[str, Any]:
    """Run every data-quality check on the warehouse; write the reports to out_dir (if given); publish artifacts.

    Returns summarize(results) plus "results" (CheckResult.to_dict() each) and, with out_dir, "report"/"junit".
    """
    logger = _logger()
    results, context = run_dq(warehouse_path, DQConfig.build(max_quarantine_share))
    outcome: dict[str, Any] = {**summarize(results), "results": [r.to_dict() for r in results]}
    if out_dir:
        outcome.update(write_reports(results, context, out_dir))
    if publish:
        publish_artifacts(results, context)
    for r in results:
        if r.outcome in ("fail", "warn"):
            (logger.error if r.blocking else logger.warning)("%s %s: %s", r.outcome.upper(), r.name, r.message)
    logger.info("data quality %s: %d passed, %d failed, %d warnings, %d skipped",
                "PASS" if outcome["passed"] else "FAIL", outcome["pass"], outcome["fail"], outcome["warn"],
                outcome["skip"])
    return outcome


@flow(name="newsdesk-dq")
def dq_flow(warehouse_path: str | None = None, out_dir: str | None = "dq_out",
            max_quarantine_share: float | None = None, fail_on_error: bool = True) -> dict[str, Any]:
    """Check a warehouse's data quality, write dq_report.md/dq_junit.xml and publish the `dq-report` artifact."""
    from flows.settings import get_settings

    path = str(Path(warehouse_path or get_settings().warehouse_path).resolve())
    outcome = dq_checks(path, out_dir, max_quarantine_share)
    if fail_on_error and not outcome["passed"]:
        error = DataQualityError(outcome)
        return Failed(message=str(error), data=error)  # the caller gets `error` raised; no traceback is logged
    return outcome


if __name__ == "__main__":
    dq_flow()
