"""Task runners for the pipeline's batch tasks: threads, a local process pool, or Dask; `auto` picks one.

The runner belongs to the batch phase only (the `newsdesk-batches` subflow), so pool workers end before the
load and the dbt build.
"""

from __future__ import annotations

import os

RUNNERS = ("auto", "thread", "process", "dask")
# `auto` uses the process pool from this much input on: below it the workers' start-up (spawning and importing,
# ~6 s of batch-phase time on 2 cores) costs more than the second core saves (break-even ~20 MB in
# benchmarks/scale.py); above it batches run on every core instead of sharing the GIL.
AUTO_PROCESS_MIN_BYTES = 24_000_000


def runner_for_bytes(kind: str, nbytes: int, workers: int | None = None) -> str:
    """The concrete runner for `kind` when the run will read `nbytes` (after skipping unchanged records).

    The pipeline decides `auto` this way once it knows what changed, so an incremental run over a large archive
    that changed a little runs on threads instead of paying for a process pool.
    """
    if kind != "auto":
        return kind
    cores = workers or os.cpu_count() or 1
    return "process" if cores > 1 and nbytes >= AUTO_PROCESS_MIN_BYTES else "thread"


def make_task_runner(kind: str, workers: int | None = None, dask_address: str | None = None):
    """Build the Prefect task runner for `kind`; the warehouse load always stays in the flow's own process."""
    if kind not in RUNNERS or kind == "auto":
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

    Without a PREFECT_API_URL every worker process (process pool or Dask) would start a temporary API server
    of its own (~13 s each on 2 cores, and one more server process per worker competing for the cores). Nothing happens when a server is configured. The server stops at exit.
    """
    if os.environ.get("PREFECT_API_URL"):
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start(timeout=int(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")))
    os.environ["PREFECT_API_URL"] = server.api_url


def runner_parameters(kind: str = "thread", workers: int | None = None, dask_address: str | None = None) -> dict:
    """The pipeline's task-runner parameters for `kind`, after sharing the temporary API with future workers."""
    if kind in ("process", "dask") or (kind == "auto" and (workers or os.cpu_count() or 1) > 1):
        share_temporary_api()  # `auto` may pick the process pool once the run knows how much changed
    return {"task_runner": kind, "workers": workers, "dask_address": dask_address}
