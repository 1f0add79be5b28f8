"""The report as Prefect: a task that writes the static HTML report and links it as the artifact `newsdesk-report`.

From the pipeline, after the data-quality task (inside `if build:`):

    from flows.report_flow import publish_report
    publish_report(path, dq=quality)     # writes <warehouse folder>/report/index.html (default_out_dir); never raises
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from prefect import get_run_logger, task
from prefect.artifacts import create_link_artifact
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import MissingContextError

from flows.report import write_report

ARTIFACT_KEY = "newsdesk-report"


def default_out_dir(warehouse: str | Path) -> Path:
    """Where a run writes the report: `report/` beside the default warehouse (`newsdesk.duckdb`), `<name>-report/`
    beside any other, so two warehouses in one folder do not overwrite each other's report."""
    path = Path(warehouse).resolve()
    return path.parent / ("report" if path.stem == "newsdesk" else f"{path.stem}-report")


def _logger():
    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger("newsdesk.report")


@task(name="publish-report", cache_policy=NO_CACHE)
def publish_report(warehouse: str, out_dir: str | None = None, dq: dict[str, Any] | None = None) -> str | None:
    """Write the HTML report of `warehouse` to out_dir (default: `report/` beside it) and link its index.html as
    the Prefect link artifact `newsdesk-report`. `dq` is `dq_checks`' outcome when the caller has it (saves
    running the checks again). Never raises: a report that cannot be written is logged and None is returned;
    otherwise the path of index.html is returned.
    """
    logger = _logger()
    target = Path(out_dir) if out_dir else default_out_dir(warehouse)
    try:
        index = write_report(warehouse, target, dq)
    except Exception as err:  # the report is a view of the run, never a reason to fail it
        logger.error("report not written to %s: %r", target, err)
        return None
    try:
        create_link_artifact(link=index.as_uri(), link_text="newsdesk report (index.html)", key=ARTIFACT_KEY,
                             description=f"Static report of {Path(warehouse).name}: top speakers, quote spread, "
                                         "figure conflicts and agreements, outlets, data quality.")
    except Exception as err:  # no Prefect API, or called outside a run
        logger.warning("report written to %s but not linked as an artifact: %r", index, err)
    logger.info("report: %s", index)
    return str(index)
