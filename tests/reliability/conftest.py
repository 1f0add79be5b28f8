"""The reliability suite's fixtures; helpers live in rel_helpers.py (importable: this folder is put on sys.path)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def rel_tmp(tmp_path_factory) -> Path:
    """A scratch folder shared by the suite's modules."""
    return tmp_path_factory.mktemp("reliability")
