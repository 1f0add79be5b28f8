"""Task runners for the pipeline's batch tasks: threads (default), a local process pool, or Dask."""

from __future__ import annotations

import os

RUNNERS = ("thread", "process", "dask")


def make_task_runner(kind: str, workers: int | None = None, dask_address: str | None = None):
    """Build the Prefect task runner for `kind`; the warehouse load always stays in the flow's own process."""
    if kind not in RUNNERS:
        raise ValueError(f"unknown task runner {kind!r}; choose one of {', '.join(RUNNERS)}")
    n = workers or os.cpu_count() or 1
    if kind == "thread":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=n)
    if kind == "process":
        from prefect.task_runners import ProcessPoolTaskRunner

        return ProcessPoolTaskRunner(max_workers=n)
    from prefect_dask import DaskTaskRunner

    if dask_address:
        return DaskTaskRunner(address=dask_address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": n, "threads_per_worker": 1, "processes": True,
                                          "dashboard_address": None})


def share_temporary_api() -> None:
    """Start Prefect's temporary API now and export its URL, so Dask workers report to it.

    Without a PREFECT_API_URL every Dask worker process would start a temporary API server of its own
    (~13 s each on 2 cores). Nothing happens when a server is configured. The server stops at exit.
    """
    if os.environ.get("PREFECT_API_URL"):
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start(timeout=int(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")))
    os.environ["PREFECT_API_URL"] = server.api_url


def configured_pipeline(kind: str = "thread", workers: int | None = None, dask_address: str | None = None):
    """The pipeline flow bound to the chosen task runner."""
    from flows.pipeline import pipeline

    if kind == "dask":
        share_temporary_api()

    return pipeline.with_options(task_runner=make_task_runner(kind, workers, dask_address))
