"""Flow tests run real Prefect flows against a temporary Prefect API (ephemeral, started once)."""

import shutil

import pytest
from prefect.testing.utilities import prefect_test_harness

from flows.pipeline import pipeline


@pytest.fixture(autouse=True, scope="session")
def prefect_api():
    """One temporary Prefect server and database for the whole session."""
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory, seeds_dir):
    """The seeds loaded once into a fresh warehouse: (summary, warehouse path, seeds copy)."""
    folder = tmp_path_factory.mktemp("seed-run")
    seeds = folder / "seeds"
    shutil.copytree(seeds_dir, seeds)
    path = folder / "newsdesk.duckdb"
    summary = pipeline(sources=[str(seeds)], warehouse_path=str(path))
    return summary, path, seeds
