"""Injection: SQL text is never built from data.

Static half: every `execute(` / `sql(` / `query(` call in flows/ and schemas/ gets a string literal, a module-level
string constant, or an f-string whose only interpolation is a loop variable running over a literal tuple of
internal table names. Everything else reaches DuckDB as a bound parameter. The end-to-end half (hostile file
names and metadata through a real run) is in test_bad_inputs_cli.py and tests/flows/test_reliability_flows.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SQL_METHODS = {"execute", "executemany", "sql", "query"}
# Table names are the only data-free values interpolated into SQL text besides module-level string constants
# (SQL fragments such as warehouse._BATCH_NO), and only from literal tuples like `for table in ("quotes", "figures")`.
ALLOWED_NAMES = {"table"}
ALLOWED_TABLES = {"documents", "quotes", "figures", "quarantine", "runs", "speaker_aliases"}
# (file, function) pairs that run SQL typed by the user on purpose: `newsdesk sql` (read-only connection).
USER_SQL = {("flows/cli.py", "sql")}


def _modules() -> list[Path]:
    return sorted(p for folder in ("flows", "schemas") for p in (REPO / folder).rglob("*.py"))


def _module_constants(tree: ast.Module) -> set[str]:
    """Module-level names bound once to a plain string literal (RAW_DDL, MIGRATIONS …)."""
    names = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return names


def _local_literals(func: ast.AST) -> set[str]:
    """Names a function binds only ever to plain string literals (query = \"\"\"select …\"\"\")."""
    literal, other = set(), set()
    for node in ast.walk(func):
        if isinstance(node, ast.Assign):
            is_literal = isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
            for target in node.targets:
                if isinstance(target, ast.Name):
                    (literal if is_literal else other).add(target.id)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.NamedExpr)) and isinstance(node.target, ast.Name):
            other.add(node.target.id)
        elif isinstance(node, (ast.For, ast.comprehension)):
            other |= {n.id for n in ast.walk(node.target) if isinstance(n, ast.Name)}
        elif isinstance(node, ast.arguments):
            other |= {a.arg for a in node.args + node.kwonlyargs + node.posonlyargs}
    return literal - other


def _literal_strings(node: ast.AST, literal_dicts: dict[str, set[str]]) -> set[str] | None:
    """The strings a `for` iterates over when it is a literal tuple/list/set (or a dict literal's keys)."""
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
        return {e.value for e in node.elts}
    if isinstance(node, ast.Name) and node.id in literal_dicts:
        return literal_dicts[node.id]
    return None


def _loop_bindings(func: ast.AST) -> dict[str, list[set[str] | None]]:
    """For each loop variable in a function: the literal values each `for` binds it to (None = not literal)."""
    literal_dicts: dict[str, set[str]] = {}
    for node in ast.walk(func):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict) and all(
                isinstance(k, ast.Constant) and isinstance(k.value, str) for k in node.value.keys):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    literal_dicts[target.id] = {k.value for k in node.value.keys}
    bindings: dict[str, list[set[str] | None]] = {}
    for node in ast.walk(func):
        if isinstance(node, (ast.For, ast.comprehension)):
            targets = [node.target] if isinstance(node.target, ast.Name) else [
                e for e in getattr(node.target, "elts", []) if isinstance(e, ast.Name)]
            for target in targets:
                values = _literal_strings(node.iter, literal_dicts) if isinstance(node.target, ast.Name) else None
                if isinstance(node.target, ast.Tuple) and isinstance(node.iter, ast.Tuple):
                    # for table, frame in (("documents", docs), …): the first element of each literal pair
                    firsts = [e.elts[0] for e in node.iter.elts if isinstance(e, ast.Tuple) and e.elts]
                    if target is node.target.elts[0] and all(
                            isinstance(f, ast.Constant) and isinstance(f.value, str) for f in firsts):
                        values = {f.value for f in firsts}
                bindings.setdefault(target.id, []).append(values)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            for target in getattr(node, "targets", [getattr(node, "target", None)]):
                if isinstance(target, ast.Name):
                    bindings.setdefault(target.id, []).append(None)
        elif isinstance(node, ast.arguments):
            for arg in node.args + node.kwonlyargs + node.posonlyargs:
                bindings.setdefault(arg.arg, []).append(None)
    return bindings


def _wrappers(tree: ast.Module, sinks: set[str]) -> set[str]:
    """Functions that pass one of their own arguments to execute() as the SQL (self.rows(sql, params) …).

    Their inner call is not the place to judge the SQL; every call of the wrapper is, by the same rule.
    """
    names = set()
    for func in [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]:
        params = {a.arg for a in func.args.args + func.args.kwonlyargs + func.args.posonlyargs}
        for node in ast.walk(func):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in sinks and node.args):
                sql = node.args[0]
                interpolated = [v.value for v in getattr(sql, "values", []) if isinstance(v, ast.FormattedValue)]
                if (isinstance(sql, ast.Name) and sql.id in params) or any(
                        isinstance(v, ast.Name) and v.id in params for v in interpolated):
                    names.add(func.name)
    return names


def _trees():
    for module in _modules():
        yield module.relative_to(REPO).as_posix(), ast.parse(module.read_text(encoding="utf-8"))


def _all_wrappers() -> set[str]:
    """Wrappers of execute(), wrappers of those (violations(sql) → scalar(f"… {sql}")), to a fixpoint."""
    found: set[str] = set()
    trees = [tree for _, tree in _trees()]
    while True:
        more = set().union(*(_wrappers(tree, SQL_METHODS | found) for tree in trees)) - {"sql"}
        if more <= found:
            return found
        found |= more


WRAPPERS = _all_wrappers()
# Read-only reporting modules that splice identifiers (column lists filtered against information_schema,
# table names) chosen by code into SQL text. No input data reaches them, but they are outside the rule;
# an identifier helper that checks ^[a-z_][a-z0-9_.]*$ (or quotes) would bring them in.
IDENTIFIER_SQL = {
    "flows/dq.py": "dq.py interpolates table names read from information_schema and a run's table loop variable",
    "flows/report.py": "report.py interpolates column lists (_opt(have, c)), id_column and table variables",
}


def _sql_calls():
    for rel, tree in _trees():
        constants = _module_constants(tree)
        for func in [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]:
            if func.name in WRAPPERS:
                continue  # judged at its call sites
            for node in ast.walk(func):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr in SQL_METHODS | WRAPPERS and node.args):
                    yield rel, func, node, constants


def _problem(rel: str, func: ast.FunctionDef, call: ast.Call, constants: set[str]) -> str | None:
    """Why this call's SQL text could carry data, or None when it cannot."""
    sql = call.args[0]
    where = f"{rel}:{call.lineno} in {func.name}()"
    if (rel, func.name) in USER_SQL:
        return None
    if isinstance(sql, ast.Constant) and isinstance(sql.value, str):
        return None
    if isinstance(sql, ast.Name) and (sql.id in constants or sql.id in _local_literals(func)):
        return None
    if isinstance(sql, ast.JoinedStr):
        bindings = _loop_bindings(func)
        for part in sql.values:
            if not isinstance(part, ast.FormattedValue):
                continue
            value = part.value
            if isinstance(value, ast.Name) and value.id in constants:
                continue  # a module-level SQL fragment such as warehouse._BATCH_NO
            if not (isinstance(value, ast.Name) and value.id in ALLOWED_NAMES):
                return f"{where}: f-string interpolates {ast.unparse(value)!r}, not an allow-listed table name"
            binds = bindings.get(value.id, [])
            if not binds or any(b is None or not b <= ALLOWED_TABLES for b in binds):
                return f"{where}: {value.id!r} is not only bound by loops over literal table names ({binds})"
        return None
    return f"{where}: SQL argument is {type(sql).__name__} `{ast.unparse(sql)[:80]}`, not a literal"


def test_the_scan_finds_the_warehouse_sql():
    """Guard the guard: the scan sees the known statements (a refactor must not silently make it vacuous)."""
    calls = [(rel, func.name) for rel, func, _, _ in _sql_calls()]
    assert ("flows/warehouse.py", "_load_tables") in calls
    assert ("flows/warehouse.py", "start_run") in calls
    assert len(calls) >= 10


@pytest.mark.parametrize("rel", [
    pytest.param(rel, marks=pytest.mark.xfail(strict=True, reason=IDENTIFIER_SQL[rel])) if rel in IDENTIFIER_SQL
    else rel for rel in sorted({rel for rel, *_ in _sql_calls()})])
def test_sql_text_is_never_built_from_data(rel):
    """Every SQL string is a literal or interpolates only internal table names; values are bound parameters."""
    problems = [p for r, func, call, constants in _sql_calls() if r == rel
                if (p := _problem(r, func, call, constants))]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("snippet, bad", [
    ('def f(con, path):\n    con.execute(f"select * from read_parquet(\'{path}\')")', True),
    ('def f(con, name):\n    con.execute("delete from t where n = \'" + name + "\'")', True),
    ('def f(con, name):\n    con.execute("delete from t where n = ?", [name])', False),
    ('def f(con):\n    for table in ("quotes", "figures"):\n        con.execute(f"delete from raw.{table}")', False),
    ('def f(con, table):\n    con.execute(f"delete from raw.{table}")', True),
    ('def f(con):\n    con.execute(f"select {FRAG} from t")', False),
    ('def f(con, x):\n    q = "select 1 where a = ?"\n    con.execute(q, [x])', False),
    ('def f(con, x):\n    q = "select 1"\n    q += x\n    con.execute(q)', True),
    ('def f(con):\n    for table in ("quotes", "x; drop"):\n        con.execute(f"delete from raw.{table}")', True),
])
def test_the_checker_itself(snippet, bad):
    """The rule rejects concatenation and data interpolation and accepts literal table loops."""
    tree = ast.parse(snippet)
    func = tree.body[0]
    call = next(n for n in ast.walk(func) if isinstance(n, ast.Call))
    assert (_problem("x.py", func, call, {"FRAG"}) is not None) is bad
