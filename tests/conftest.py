"""Shared fixtures: paths to the seeds and small builders for test inputs."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five seed articles shipped with the project."""
    return SEEDS
