"""The extraction core stays pure: no orchestration, no database, no file or network I/O imports."""

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "flows" / "core"
FORBIDDEN = {"prefect", "duckdb", "polars", "requests", "httpx", "urllib", "socket", "subprocess", "flows.warehouse"}


@pytest.mark.parametrize("module", sorted(CORE.glob("*.py")), ids=lambda p: p.name)
def test_core_imports_no_io_or_orchestration(module):
    """Nothing in flows/core imports Prefect, DuckDB, polars or network modules."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    roots = {name.split(".")[0] for name in imported} | imported
    assert not roots & FORBIDDEN, f"{module.name} imports {sorted(roots & FORBIDDEN)}"
