"""`newsdesk serve` registers a cron deployment on a real local Prefect server and executes its runs."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx
import pytest

BIN = Path(sys.executable).parent
pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}")


def _get(url: str):
    try:
        response = httpx.get(url, timeout=5)
        return response.json() if response.status_code == 200 else None
    except httpx.HTTPError:
        return None


def _create_run(api: str, deployment_id: str) -> dict | None:
    response = httpx.post(f"{api}/deployments/{deployment_id}/create_flow_run", json={}, timeout=10)
    return response.json() if response.status_code in (200, 201) else None


def _finished_state(api: str, run_id: str) -> str | None:
    state = ((_get(f"{api}/flow_runs/{run_id}") or {}).get("state") or {}).get("type")
    return state if state in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_serve_registers_schedule_and_runs_on_demand(tmp_path, seeds_dir):
    """The deployment carries the cron schedule, and a triggered run loads the warehouse."""
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_API_URL": api,
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
    env.pop("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", None)
    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_dir, seeds)
    warehouse = tmp_path / "w.duckdb"
    server = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    served = None
    try:
        _wait(lambda: _get(f"{api}/health"), 120, "the Prefect server")
        served = subprocess.Popen(
            [str(BIN / "newsdesk"), "serve", "--cron", "0 3 * * *", "--timezone", "Europe/Berlin", "--name", "test",
             "--source", str(seeds), "--warehouse", str(warehouse)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deployment = _wait(lambda: _get(f"{api}/deployments/name/newsdesk-pipeline/test"), 120, "the deployment")
        schedule = deployment["schedules"][0]["schedule"]
        assert (schedule["cron"], schedule["timezone"]) == ("0 3 * * *", "Europe/Berlin")
        assert deployment["parameters"]["warehouse_path"] == str(warehouse)
        run = _wait(lambda: _create_run(api, deployment["id"]), 60, "the flow run to be created")
        state = _wait(lambda: _finished_state(api, run["id"]), 240, "the triggered flow run")
        assert state == "COMPLETED"
        with duckdb.connect(str(warehouse), read_only=True) as con:
            assert con.execute("select count(*) from documents").fetchone() == (5,)
    finally:
        if served is not None:
            _stop(served)
        _stop(server)
