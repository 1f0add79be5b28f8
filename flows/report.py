"""The static HTML report: the marts as one self-contained page (inline CSS and SVG, no script, no network).

    path = write_report("warehouse/newsdesk.duckdb", "warehouse/report")   # → warehouse/report/index.html

Queries → plain dicts → a Jinja2 template with autoescaping. Every piece of article text (titles, quotes, speaker
and outlet names, quarantine reasons) reaches the page only through Jinja's escaping or `markupsafe` formatting,
never as raw markup; the page also carries a Content-Security-Policy that forbids scripts entirely.

Each section is built on its own: a mart that is missing, lacks a column or fails to query turns that section into
a visible "not available" note and the rest of the report is still written. Sections show the top N rows, so the
report stays small and fast on a warehouse of any size.

Nothing here imports Prefect: `flows/report_flow.py` has the task `publish_report`, which writes the report and
links it as a Prefect artifact.
"""

from __future__ import annotations

import difflib
import logging
import math
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"
INDEX = "index.html"

TOP_SPEAKERS = 15
TOP_CLUSTERS = 15
WORDINGS_PER_CLUSTER = 8
TOP_FIGURE_GROUPS = 10
OUTLETS_PER_FIGURE_GROUP = 24
TOP_OUTLETS = 30
TITLES_PER_OUTLET = 3
TOP_QUARANTINE = 50
MAX_TEXT = 600  # characters of one quote wording / title / reason shown

# Series colours (colour-blind safe, Okabe–Ito), by value band in a figure chart.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D31", "#555555")

log = logging.getLogger("newsdesk.report")


class Unavailable(Exception):
    """A section cannot be built from this warehouse (missing mart or column); the message says why."""


# ---------------------------------------------------------------------------------------------- querying


class Marts:
    """Read-only access to the marts in `main`, with the columns each one actually has."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self.columns: dict[str, set[str]] = {}
        for table, column in con.execute(
                "select table_name, column_name from information_schema.columns "
                "where table_schema = 'main' and table_catalog = current_database()").fetchall():
            self.columns.setdefault(table, set()).add(column)

    def need(self, table: str, *columns: str) -> set[str]:
        """The columns of main.table; Unavailable when the table or any of `columns` is missing."""
        have = self.columns.get(table)
        if have is None:
            raise Unavailable(f"the mart main.{table} does not exist in this warehouse")
        missing = [c for c in columns if c not in have]
        if missing:
            raise Unavailable(f"main.{table} has no column {', '.join(missing)}")
        return have

    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts of plain Python values."""
        cursor = self.con.execute(sql, list(params))
        names = [d[0] for d in cursor.description or []]
        return [dict(zip(names, map(_plain, row))) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: Iterable[Any] = ()) -> Any:
        row = self.con.execute(sql, list(params)).fetchone()
        return None if row is None else _plain(row[0])


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if value.tzinfo else value.isoformat(" ", "minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _clip(text: Any, limit: int = MAX_TEXT) -> str:
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")


def _ident(name: str) -> str:
    """A table or column name fit to splice into SQL text. Names come from this module's constants only (values
    always travel as bound parameters); this check keeps it that way."""
    if not _IDENTIFIER.fullmatch(name):
        raise ValueError(f"not a plain SQL identifier: {name!r}")
    return name


def _opt(have: set[str], column: str, fallback: str = "null") -> str:
    """`column` when the mart has it, else a literal fallback under that name."""
    return _ident(column) if column in have else f"{fallback} as {_ident(column)}"


def _section(name: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Build one section; a failure becomes {"ok": False, "note": ...} instead of an exception."""
    started = time.perf_counter()
    try:
        data = build()
        data.setdefault("ok", True)
    except Unavailable as err:
        data = {"ok": False, "note": str(err)}
    except Exception as err:  # one broken mart must never cost the whole report
        log.warning("report section %s failed: %r", name, err)
        data = {"ok": False, "note": f"could not be built ({type(err).__name__}: {_clip(err, 300)})"}
    data["seconds"] = round(time.perf_counter() - started, 3)
    return data


# ---------------------------------------------------------------------------------------------- sections


def overview(m: Marts) -> dict[str, Any]:
    """Headline counts and the last run."""
    tiles = []
    for label, table, sql in (
            ("documents", "documents", "select count(*) from main.documents"),
            ("outlets", "outlets", "select count(*) from main.outlets"),
            ("quotes", "quotes", "select count(*) from main.quotes"),
            ("speakers", "speakers", "select count(*) from main.speakers"),
            ("quote clusters", "quote_spread", "select count(*) from main.quote_spread"),
            ("figures", "figures", "select count(*) from main.figures"),
            ("figure conflicts", "figure_conflicts", "select count(distinct conflict_id) from main.figure_conflicts"),
            ("quarantined", "quarantine", "select count(*) from main.quarantine")):
        try:
            m.need(table)
            value = m.scalar(sql)
        except (Unavailable, duckdb.Error):
            value = None
        tiles.append({"label": label, "value": value})
    run = None
    if "runs" in m.columns:
        have = m.columns["runs"]
        wanted = ["run_id", "status", "started_at", "finished_at", "documents_loaded", "quotes_loaded",
                  "figures_loaded", "quarantined", "code_version"]
        try:
            rows = m.rows(f"select {', '.join(_opt(have, c) for c in wanted)} from main.runs "
                          f"order by {'started_at desc' if 'started_at' in have else '1'} limit 1")
            run = rows[0] if rows else None
        except duckdb.Error:
            run = None
    return {"tiles": tiles, "run": run}


def speakers(m: Marts, top: int = TOP_SPEAKERS) -> dict[str, Any]:
    """Top speakers by number of quotes and by number of outlets quoting them."""
    m.need("speakers", "speaker", "n_quotes", "n_outlets")
    total = m.scalar("select count(*) from main.speakers")
    by_quotes = m.rows("select speaker, n_quotes, n_outlets from main.speakers "
                       "order by n_quotes desc, n_outlets desc, speaker limit ?", [top])
    by_outlets = m.rows("select speaker, n_quotes, n_outlets from main.speakers "
                        "order by n_outlets desc, n_quotes desc, speaker limit ?", [top])
    return {
        "total": total, "top": top,
        "quotes_chart": bar_chart([(r["speaker"], r["n_quotes"]) for r in by_quotes], "quotes",
                                  "Top speakers by number of quotes", "chart-speakers-quotes"),
        "outlets_chart": bar_chart([(r["speaker"], r["n_outlets"]) for r in by_outlets], "outlets",
                                   "Top speakers by number of outlets quoting them", "chart-speakers-outlets",
                                   color=PALETTE[2]),
        "n_bars": len(by_quotes),
    }


def quote_spread(m: Marts, top: int = TOP_CLUSTERS, per_cluster: int = WORDINGS_PER_CLUSTER) -> dict[str, Any]:
    """The quotes reported by the most outlets, each with the wordings side by side, diffed against the longest."""
    have = m.need("quote_spread", "cluster_id")
    total = m.scalar("select count(*) from main.quote_spread")
    order = ", ".join(f"{c} desc" for c in ("n_outlets", "n_documents", "n_quotes") if c in have) or "cluster_id"
    clusters = m.rows(
        f"select cluster_id, {_opt(have, 'speaker')}, {_opt(have, 'n_quotes')}, {_opt(have, 'n_outlets')}, "
        f"{_opt(have, 'n_documents')}, {_opt(have, 'canonical_text')}, {_opt(have, 'variants')}, "
        f"{_opt(have, 'min_similarity')}, {_opt(have, 'changed_numbers')} from main.quote_spread "
        f"order by {order}, cluster_id limit ?", [top])
    members: dict[str, list[dict[str, Any]]] = {}
    if clusters and "quote_clusters" in m.columns:
        qc = m.need("quote_clusters", "cluster_id", "text")
        canonical = "is_canonical" if "is_canonical" in qc else "false"
        rows = m.rows(
            f"select cluster_id, {_opt(qc, 'outlet')}, {_opt(qc, 'doc_id')}, text, {_opt(qc, 'kind')}, "
            f"{canonical} as is_canonical from main.quote_clusters where cluster_id in (select unnest(?)) "
            f"order by cluster_id, is_canonical desc, outlet, doc_id",
            [[c["cluster_id"] for c in clusters]])
        for row in rows:
            members.setdefault(row["cluster_id"], []).append(row)
    for cluster in clusters:
        cluster["wordings"], cluster["more"] = _wordings(cluster, members.get(cluster["cluster_id"], []), per_cluster)
    return {"total": total, "clusters": clusters}


def _wordings(cluster: dict[str, Any], members: list[dict[str, Any]], limit: int) -> tuple[list[dict], int]:
    """One row per distinct (wording, outlets) with its diff against the cluster's longest wording."""
    if members:
        reference = next((r["text"] for r in members if r["is_canonical"]), None) or max(
            (r["text"] or "" for r in members), key=len)
        grouped: dict[str, dict[str, Any]] = {}
        for row in members:
            key = " ".join(_keys(row["text"] or ""))
            entry = grouped.setdefault(key, {"text": row["text"] or "", "outlets": [], "kinds": set(),
                                             "is_reference": False})
            if row["outlet"] and row["outlet"] not in entry["outlets"]:
                entry["outlets"].append(row["outlet"])
            if row["kind"]:
                entry["kinds"].add(row["kind"])
            entry["is_reference"] |= bool(row["is_canonical"])
        entries = list(grouped.values())
    else:  # no per-quote rows: the distinct variants of quote_spread, without outlets
        variants = [v for v in (cluster.get("variants") or []) if v]
        reference = cluster.get("canonical_text") or (variants[0] if variants else "")
        entries = [{"text": v, "outlets": [], "kinds": set(), "is_reference": False} for v in variants]
        if not any(_keys(e["text"]) == _keys(reference) for e in entries):
            entries.insert(0, {"text": reference, "outlets": [], "kinds": set(), "is_reference": True})
    ref_key = _keys(reference)
    for entry in entries:
        entry["is_reference"] = entry["is_reference"] or _keys(entry["text"]) == ref_key
    entries.sort(key=lambda e: (not e["is_reference"], -len(e["outlets"]), -len(e["text"])))
    shown = entries[:limit]
    for entry in shown:
        entry["kinds"] = sorted(entry["kinds"])
        entry["segments"] = ([{"op": "same", "text": _clip(entry["text"])}] if entry["is_reference"]
                             else diff_words(_clip(reference, 4 * MAX_TEXT), _clip(entry["text"])))
    return shown, len(entries) - len(shown)


_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def _keys(text: str) -> list[str]:
    """Comparison keys of the words: lower case, curly quotes folded, edge punctuation dropped."""
    folded = text.replace("’", "'").replace("‘", "'").lower()
    return [k for k in (_EDGE.sub("", t) for t in folded.split()) if k]


def diff_words(reference: str, variant: str) -> list[dict[str, str]]:
    """Word-level diff of `variant` against `reference` as segments {"op": same|ins|del, "text": ...}.

    The segments hold plain text (the template escapes each one). Words are compared case-insensitively without
    edge punctuation. The variant is aligned to the stretch of the reference it quotes: reference words before or
    after that stretch are not shown as deletions (quoting part of a sentence is not a misquote).
    """
    ref_tokens, var_tokens = reference.split(), variant.split()
    ref_keys, var_keys = _token_keys(ref_tokens), _token_keys(var_tokens)
    steps = _align(ref_keys, var_keys)
    if steps is None:
        return [{"op": "ins", "text": variant}] if variant else []
    segments: list[dict[str, str]] = []
    pending: dict[str, list[str]] = {"del": [], "ins": []}

    def add(op: str, tokens: list[str]) -> None:
        if not tokens:
            return
        if segments and segments[-1]["op"] == op:
            segments[-1]["text"] += " " + " ".join(tokens)
        else:
            segments.append({"op": op, "text": " ".join(tokens)})

    def flush() -> None:  # a changed stretch reads best as "what was left out, then what was said instead"
        add("del", pending["del"])
        add("ins", pending["ins"])
        pending["del"], pending["ins"] = [], []

    for op, i, j in steps:
        if op == "same":
            flush()
            add("same", [var_tokens[j]])
        elif op == "del":
            pending["del"].append(ref_tokens[i])
        else:
            pending["ins"].append(var_tokens[j])
    flush()
    return segments


def _token_keys(tokens: list[str]) -> list[str]:
    return [_EDGE.sub("", t.replace("’", "'").replace("‘", "'").lower()) or t for t in tokens]


MAX_ALIGN_CELLS = 12_000  # beyond this a word diff falls back to difflib (linear-ish) to keep the report fast


def _align(ref: list[str], var: list[str]) -> list[tuple[str, int, int]] | None:
    """Steps (same|del|ins, ref index, var index) aligning all of `var` to one stretch of `ref`; None if no word
    is shared. Semi-global alignment (free reference ends; match +3, a left-out or added word -1) on the window of
    the reference around the longest shared run, so a short word matches next to its neighbours, not far away."""
    if not var:
        return None
    anchor = difflib.SequenceMatcher(None, ref, var, autojunk=False).find_longest_match(0, len(ref), 0, len(var))
    if anchor.size == 0:
        return None
    m = len(var)
    slack = 2 + m // 2
    lo = max(0, anchor.a - anchor.b - slack)
    hi = min(len(ref), anchor.a + (m - anchor.b) + slack)
    window = ref[lo:hi]
    n = len(window)
    if n * m > MAX_ALIGN_CELLS:
        return _align_difflib(window, var, lo)
    match, gap = 3, -1
    score = [[0] * (m + 1) for _ in range(n + 1)]
    move = [[""] * (m + 1) for _ in range(n + 1)]
    for j in range(1, m + 1):
        score[0][j], move[0][j] = gap * j, "ins"
    for i in range(1, n + 1):
        move[i][0] = "skip"  # reference words before the quoted stretch cost nothing
        row, prev, key = score[i], score[i - 1], window[i - 1]
        for j in range(1, m + 1):
            best, how = prev[j] + gap, "del"
            if row[j - 1] + gap > best:
                best, how = row[j - 1] + gap, "ins"
            if key == var[j - 1] and prev[j - 1] + match >= best:
                best, how = prev[j - 1] + match, "same"
            row[j], move[i][j] = best, how
    i = max(range(n + 1), key=lambda k: (score[k][m], -k))  # reference words after the stretch cost nothing
    j, steps = m, []
    while j > 0:
        how = move[i][j]
        if how == "same":
            i, j = i - 1, j - 1
            steps.append(("same", lo + i, j))
        elif how == "del":
            i -= 1
            steps.append(("del", lo + i, j))
        else:
            j -= 1
            steps.append(("ins", lo + i, j))
    steps.reverse()
    return steps


def _align_difflib(ref: list[str], var: list[str], offset: int) -> list[tuple[str, int, int]]:
    """The same steps from difflib's opcodes (for long wordings), dropping reference words outside the stretch."""
    ops = difflib.SequenceMatcher(None, ref, var, autojunk=False).get_opcodes()
    equal = [k for k, op in enumerate(ops) if op[0] == "equal"]
    steps: list[tuple[str, int, int]] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            steps += [("same", offset + i1 + d, j1 + d) for d in range(i2 - i1)]
            continue
        if tag in ("replace", "delete") and equal and equal[0] < k < equal[-1]:
            steps += [("del", offset + i, j1) for i in range(i1, i2)]
        steps += [("ins", offset + i2, j) for j in range(j1, j2)]
    return steps


def figures(m: Marts, mart: str, id_column: str, top: int = TOP_FIGURE_GROUPS,
            per_group: int = OUTLETS_PER_FIGURE_GROUP) -> dict[str, Any]:
    """Groups of figures for the same quantity (conflicts or agreements): the values each outlet gave, charted."""
    mart, id_column = _ident(mart), _ident(id_column)
    have = m.need(mart, id_column, "outlet", "value")
    widest = "max(n_documents) desc, " if "n_documents" in have else ""
    total = m.scalar(f"select count(distinct {id_column}) from main.{mart}")
    groups = m.rows(f"select {id_column} as group_id, count(distinct outlet) as n_outlets, count(*) as n_figures "
                    f"from main.{mart} group by 1 order by {widest}n_outlets desc, n_figures desc, group_id limit ?",
                    [top])
    wanted = ["doc_id", "surface", "kind", "low", "high", "unit", "base_unit", "interval_low", "interval_high",
              "value_band", "measures", "measure_concept", "measure_event", "story", "qualifier", "is_approximate",
              "context"]
    rows = m.rows(f"select {id_column} as group_id, outlet, value, {', '.join(_opt(have, c) for c in wanted)} "
                  f"from main.{mart} where {id_column} in (select unnest(?)) "
                  f"order by group_id, value, outlet, doc_id", [[g["group_id"] for g in groups]])
    by_group: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_group.setdefault(row["group_id"], []).append(row)
    out = []
    for group in groups:
        figures_ = by_group.get(group["group_id"], [])
        points, more = _figure_points(figures_, per_group)
        first = figures_[0] if figures_ else {}
        units = sorted({f["unit"] for f in figures_ if f["unit"]})
        concept = first.get("measure_concept") or first.get("measures") or first.get("kind") or "figure"
        if first.get("measure_event"):  # "person killed", "person injured": counts of one event only
            concept = f"{concept} {first['measure_event']}"
        if first.get("story"):  # figures are compared within a story
            concept = f"{concept} ({first['story']})"
        out.append({
            "id": group["group_id"], "concept": concept, "kind": first.get("kind"), "units": units,
            "n_outlets": group["n_outlets"], "n_figures": group["n_figures"], "points": points, "more": more,
            "chart": range_chart(points, _axis_unit(points), f"{concept}: values by outlet",
                                 f"chart-{mart.replace('_', '-')}"),
        })
    return {"total": total, "groups": out}


def _figure_points(figures_: list[dict[str, Any]], limit: int) -> tuple[list[dict[str, Any]], int]:
    """One point per (outlet, value, low, high, unit): where it sits on a shared axis, and the surfaces behind it."""
    same_unit = len({f["unit"] for f in figures_}) <= 1
    points: dict[tuple, dict[str, Any]] = {}
    for f in figures_:
        key = (f["outlet"], f["value"], f["low"], f["high"], f["unit"])
        point = points.get(key)
        if point is None:
            point = points[key] = {"outlet": f["outlet"], "unit": f["unit"], "surfaces": [], "contexts": [],
                                   "measures": [], "band": f["value_band"], "approximate": bool(f["is_approximate"]),
                                   **_position(f, same_unit)}
        written = f["surface"]
        if written and f["qualifier"] and f["qualifier"].lower() not in written.lower():
            written = f"{f['qualifier']} {written}"  # hedges stay outside the span: "Nearly 2,000", as the text says
        if written and written not in point["surfaces"]:
            point["surfaces"].append(written)
        if f["measures"] and f["measures"] not in point["measures"]:
            point["measures"].append(f["measures"])
        if f["context"] and len(point["contexts"]) < 2:
            point["contexts"].append(_context_segments(f["context"], f["surface"]))
    ordered = sorted(points.values(), key=lambda p: (_num(p["x"]), str(p["outlet"])))
    return ordered[:limit], max(0, len(ordered) - limit)


def _num(value: Any) -> float:
    return float(value) if isinstance(value, int | float) and math.isfinite(value) else math.inf


def _position(f: dict[str, Any], same_unit: bool) -> dict[str, Any]:
    """x (the value), x_low/x_high (a stated range) and the tolerance band, in the group's shared unit."""
    value, low, high = f["value"], f["low"], f["high"]
    ilow, ihigh = f["interval_low"], f["interval_high"]
    if same_unit or ilow is None or ihigh is None:
        centre = value if value is not None else (low + high) / 2 if low is not None and high is not None else None
        factor = None
        if centre and ilow is not None and ihigh is not None and (ilow + ihigh):
            factor = centre / ((ilow + ihigh) / 2)
        return {"x": centre, "x_low": low, "x_high": high,
                "band_low": None if factor is None else ilow * factor,
                "band_high": None if factor is None else ihigh * factor,
                "axis_unit": f["unit"]}
    # mixed units: everything in the base unit the marts normalised to
    return {"x": (ilow + ihigh) / 2, "x_low": None, "x_high": None, "band_low": ilow, "band_high": ihigh,
            "axis_unit": f["base_unit"]}


def _axis_unit(points: list[dict[str, Any]]) -> str:
    units = {p["axis_unit"] for p in points if p["axis_unit"]}
    return units.pop() if len(units) == 1 else ""


def _context_segments(context: str, surface: str | None) -> dict[str, str]:
    """The context split around the figure's surface (plain text; the template marks the middle)."""
    context = _clip(context, 400)
    at = context.find(surface) if surface else -1
    if at < 0:
        return {"before": context, "surface": "", "after": ""}
    return {"before": context[:at], "surface": surface, "after": context[at + len(surface):]}


def outlets(m: Marts, top: int = TOP_OUTLETS, titles: int = TITLES_PER_OUTLET) -> dict[str, Any]:
    """Per-outlet counts, a bar chart of quotes per outlet, and each outlet's most-quoting articles."""
    have = m.need("outlets", "outlet", "n_documents")
    wanted = ["n_quotes", "n_attributed_quotes", "n_full_quotes", "n_partial_quotes", "n_speakers", "n_figures",
              "quoted_word_share", "n_words"]
    total = m.scalar("select count(*) from main.outlets")
    rows = m.rows(f"select outlet, n_documents, {', '.join(_opt(have, c) for c in wanted)} from main.outlets "
                  f"order by n_documents desc, {'n_quotes desc, ' if 'n_quotes' in have else ''}outlet limit ?", [top])
    docs: dict[str, list[dict[str, Any]]] = {}
    ds = m.columns.get("documents_summary") or m.columns.get("documents") or set()
    source = "documents_summary" if "documents_summary" in m.columns else "documents"
    if rows and {"outlet", "doc_id", "title"} <= ds:
        order = "n_quotes desc, " if "n_quotes" in ds else ""
        for doc in m.rows(
                f"select outlet, doc_id, title, {_opt(ds, 'n_quotes')} from main.{source} "
                f"where outlet in (select unnest(?)) "
                f"qualify row_number() over (partition by outlet order by {order}doc_id) <= ? order by outlet",
                [[r["outlet"] for r in rows], titles]):
            docs.setdefault(doc["outlet"], []).append({**doc, "title": _clip(doc["title"], 200)})
    for row in rows:
        row["documents"] = docs.get(row["outlet"], [])
        share = row["quoted_word_share"]
        row["share_bar"] = share_bar(share) if isinstance(share, int | float) else None
    chart = None
    if rows and "n_quotes" in have:
        chart = bar_chart([(r["outlet"], r["n_quotes"] or 0) for r in rows[:TOP_SPEAKERS]], "quotes",
                          "Quotes per outlet", "chart-outlets-quotes", color=PALETTE[4])
    return {"total": total, "rows": rows, "chart": chart}


def data_quality(warehouse: Path, m: Marts, dq: dict[str, Any] | None, top: int = TOP_QUARANTINE) -> dict[str, Any]:
    """The data-quality checks (run now unless given) and the quarantine list."""
    checks_note = None
    if dq is None:
        try:
            from flows.dq import run_dq, summarize

            results, _ = run_dq(warehouse)
            dq = {**summarize(results), "results": [r.to_dict() for r in results]}
        except Exception as err:  # the report still shows the quarantine without the checks
            checks_note = f"the data-quality checks could not run ({type(err).__name__}: {_clip(err, 300)})"
    checks = []
    for r in (dq or {}).get("results", []):
        checks.append({"name": r.get("name"), "severity": r.get("severity"), "outcome": r.get("outcome"),
                       "message": _clip(r.get("message"), 300), "category": r.get("category")})
    order = {"fail": 0, "warn": 1, "skip": 2, "pass": 3, "info": 4}
    checks.sort(key=lambda c: order.get(c["outcome"], 5))
    quarantine: dict[str, Any]
    try:
        if "quarantine" in m.columns:
            have = m.need("quarantine", "reason")
            cols = (f"{_opt(have, 'stage')}, {_opt(have, 'source_file')}, {_opt(have, 'locator')}, "
                    f"{_opt(have, 'doc_id')}, {_opt(have, 'check_name')}, reason, {_opt(have, 'quarantined_at')}")
            table, check = "main.quarantine", "check_name" if "check_name" in have else "null"
        else:
            raw = {c for (c,) in m.con.execute(
                "select column_name from information_schema.columns where table_schema = 'raw' "
                "and table_name = 'quarantine'").fetchall()}
            if "reason" not in raw:
                raise Unavailable("there is no quarantine table in this warehouse")
            cols = (f"{_opt(raw, 'stage')}, {_opt(raw, 'source_file')}, {_opt(raw, 'locator')}, "
                    f"{_opt(raw, 'doc_id')}, \"check\" as check_name, reason, {_opt(raw, 'quarantined_at')}")
            table, check = "raw.quarantine", '"check"'
        total = m.scalar(f"select count(*) from {table}")
        rows = m.rows(f"select {cols} from {table} order by quarantined_at desc nulls last, source_file, locator "
                      f"limit ?", [top])
        for row in rows:
            row["reason"] = _clip(row["reason"], 300)
            row["file"] = os.path.basename(str(row["source_file"] or ""))
        by_check = m.rows(f"select {check} as check_name, count(*) as n from {table} group by 1 "
                          f"order by 2 desc, 1 limit 12")
        quarantine = {"ok": True, "total": total, "rows": rows, "by_check": by_check}
    except Unavailable as err:
        quarantine = {"ok": False, "note": str(err)}
    except duckdb.Error as err:
        quarantine = {"ok": False, "note": f"could not be read ({type(err).__name__}: {_clip(err, 300)})"}
    summary = None if dq is None else {k: dq.get(k) for k in ("passed", "checks", "pass", "fail", "warn", "skip",
                                                             "errors", "warnings")}
    return {"summary": summary, "checks": checks, "checks_note": checks_note, "quarantine": quarantine}


# ---------------------------------------------------------------------------------------------- SVG charts
# Every text that goes into an SVG passes through Markup.format, which escapes it.

FONT = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', 'Liberation Sans', sans-serif"


def _short(label: Any, limit: int) -> str:
    label = "—" if label is None else str(label)
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return f"{int(value):,}"
        return f"{value:,.3g}" if abs(value) >= 1 else f"{value:.3g}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _compact(value: Any) -> str:
    """A count short enough for a tile: 98,765 · 120k · 1.42M."""
    if not isinstance(value, int | float) or abs(value) < 100_000:
        return _fmt(value)
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return _fmt(value)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return [0.0, 1.0]
    if high <= low:
        high = low + (abs(low) or 1.0)
    raw = (high - low) / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(s * magnitude for s in (1, 2, 2.5, 5, 10) if s * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value < high + step * 0.999 and len(ticks) < 50:
        ticks.append(round(value, 10))
        value += step
    return ticks


def bar_chart(items: list[tuple[Any, float]], unit: str, title: str, css_id: str, color: str = PALETTE[0],
              width: int = 520, label_width: int = 170, row_height: int = 24) -> Markup:
    """A horizontal bar chart: one labelled bar per item, its value at the end, light gridlines."""
    if not items:
        return Markup('<p class="empty">Nothing to chart.</p>')
    top, bottom = 8, 22
    height = top + bottom + row_height * len(items)
    plot = width - label_width - 44
    ticks = nice_ticks(0, max(max(float(v or 0) for _, v in items), 1))
    scale = plot / ticks[-1]
    parts = [Markup('<svg class="chart bar-chart" id="{}" viewBox="0 0 {} {}" width="{}" height="{}" role="img" '
                    'aria-label="{}" font-family="{}" font-size="12">').format(
        css_id, width, height, width, height, title, FONT), Markup("<title>{}</title>").format(title)]
    for tick in ticks:
        x = label_width + tick * scale
        parts.append(Markup('<line class="grid" x1="{:.1f}" x2="{:.1f}" y1="{}" y2="{}"/>'
                            '<text class="tick" x="{:.1f}" y="{}" text-anchor="middle">{}</text>').format(
            x, x, top - 4, height - bottom + 2, x, height - 6, _fmt(tick)))
    for i, (label, value) in enumerate(items):
        y = top + i * row_height
        w = max(float(value or 0) * scale, 1.5)
        parts.append(Markup(
            '<g class="bar-row"><title>{}: {} {}</title>'
            '<text class="label" x="{}" y="{:.1f}" text-anchor="end">{}</text>'
            '<rect class="bar" x="{}" y="{:.1f}" width="{:.1f}" height="{}" rx="2" fill="{}"/>'
            '<text class="value" x="{:.1f}" y="{:.1f}">{}</text></g>').format(
            label, _fmt(value), unit, label_width - 8, y + row_height / 2 + 4, _short(label, 24),
            label_width, y + 4, w, row_height - 8, color, label_width + w + 5, y + row_height / 2 + 4, _fmt(value)))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def range_chart(points: list[dict[str, Any]], unit: str, title: str, css_class: str, width: int = 860,
                label_width: int = 190, row_height: int = 26) -> Markup:
    """A dot/range chart on one shared axis: one row per outlet and value; a dot for a value, a bar for a
    stated low–high range, a pale band for the tolerance the comparison allowed; colour = value band."""
    drawable = [p for p in points if isinstance(p["x"], int | float)]
    if not drawable:
        return Markup('<p class="empty">No numeric values to chart.</p>')
    values = [v for p in drawable for v in (p["x"], p["x_low"], p["x_high"], p["band_low"], p["band_high"])
              if isinstance(v, int | float) and math.isfinite(v)]
    # the grouped figures are quantities (counts, durations, money, shares; never dates), so the axis starts at 0
    low, high = min(min(values), 0.0), max(max(values), 0.0)
    ticks = nice_ticks(low, high)
    lo, hi = ticks[0], ticks[-1]
    top, bottom = 10, 34
    plot = width - label_width - 24
    height = top + bottom + row_height * len(drawable)

    def sx(v: float) -> float:
        # an open-ended interval ("at least four": up to infinity) runs to the edge of the axis
        return label_width + (min(max(v, lo), hi) - lo) / ((hi - lo) or 1) * plot

    parts = [Markup('<svg class="chart range-chart {}" viewBox="0 0 {} {}" width="{}" height="{}" role="img" '
                    'aria-label="{}" font-family="{}" font-size="12">').format(
        css_class, width, height, width, height, title, FONT), Markup("<title>{}</title>").format(title)]
    for tick in ticks:
        x = sx(tick)
        parts.append(Markup('<line class="grid" x1="{:.1f}" x2="{:.1f}" y1="{}" y2="{}"/>'
                            '<text class="tick" x="{:.1f}" y="{}" text-anchor="middle">{}</text>').format(
            x, x, top - 4, height - bottom + 2, x, height - bottom + 16, _fmt(tick)))
    if unit:
        parts.append(Markup('<text class="axis-unit" x="{:.1f}" y="{}" text-anchor="middle">{}</text>').format(
            label_width + plot / 2, height - 3, unit))
    for i, p in enumerate(drawable):
        y = top + i * row_height + row_height / 2
        color = PALETTE[(int(p["band"] or 1) - 1) % len(PALETTE)]
        said = ", ".join(p["surfaces"]) or _fmt(p["x"])
        parts.append(Markup('<g class="figure-row"><title>{}: {}</title>'
                            '<line class="row-rule" x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}"/>'
                            '<text class="label" x="{}" y="{:.1f}" text-anchor="end">{}</text>').format(
            p["outlet"], said, label_width, label_width + plot, y, y, label_width - 8, y + 4, _short(p["outlet"], 26)))
        if isinstance(p["band_low"], int | float) and isinstance(p["band_high"], int | float):
            parts.append(Markup('<rect class="tolerance" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="12" rx="3" '
                                'fill="{}"/>').format(sx(p["band_low"]), y - 6,
                                                      max(sx(p["band_high"]) - sx(p["band_low"]), 1), color))
        if isinstance(p["x_low"], int | float) and isinstance(p["x_high"], int | float):
            parts.append(Markup('<rect class="mark range" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="8" rx="4" '
                                'fill="{}"/>').format(sx(p["x_low"]), y - 4, max(sx(p["x_high"]) - sx(p["x_low"]), 3),
                                                      color))
        else:
            parts.append(Markup('<circle class="mark dot" cx="{:.1f}" cy="{:.1f}" r="6" fill="{}" '
                                'stroke="#fff" stroke-width="1.5"/>').format(sx(p["x"]), y, color))
        ends = [v for v in (p["x"], p["x_high"], p["band_high"]) if isinstance(v, int | float) and math.isfinite(v)]
        text_x = sx(max(ends)) + 9
        anchor = "start"
        if text_x > width - 120:  # no room on the right: write it left of the mark
            ends_low = [v for v in (p["x"], p["x_low"], p["band_low"])
                        if isinstance(v, int | float) and math.isfinite(v)]
            text_x, anchor = sx(min(ends_low)) - 9, "end"
        parts.append(Markup('<text class="value" x="{:.1f}" y="{:.1f}" text-anchor="{}">{}</text></g>').format(
            text_x, y + 4, anchor, _short(said, 28)))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def share_bar(share: float, width: int = 80) -> Markup:
    """A tiny inline bar for a 0–1 share."""
    share = min(max(float(share), 0.0), 1.0)
    return Markup('<svg class="share" viewBox="0 0 {} 8" width="{}" height="8" aria-hidden="true">'
                  '<rect width="{}" height="8" rx="2" fill="#e6e9ef"/>'
                  '<rect class="share-fill" width="{:.1f}" height="8" rx="2" fill="{}"/></svg>').format(
        width, width, width, share * width, PALETTE[0])


# ---------------------------------------------------------------------------------------------- rendering


def environment() -> Environment:
    """The Jinja2 environment: HTML templates are autoescaped; undefined names are errors."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["num"] = _fmt
    env.filters["compact"] = _compact
    env.filters["pct"] = lambda v: "–" if v is None else f"{float(v) * 100:.0f}%"
    return env


def build_context(warehouse: str | Path, dq: dict[str, Any] | None = None) -> dict[str, Any]:
    """Query the marts of `warehouse` (read-only) into the template's plain-dict context."""
    path = Path(warehouse).resolve()
    if not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}")
    started = time.perf_counter()
    with duckdb.connect(str(path), read_only=True) as con:
        con.execute("set enable_progress_bar = false")  # no progress bars in the logs
        m = Marts(con)
        context = {
            "overview": _section("overview", lambda: overview(m)),
            "speakers": _section("speakers", lambda: speakers(m)),
            "spread": _section("quote_spread", lambda: quote_spread(m)),
            "conflicts": _section("figure_conflicts", lambda: figures(m, "figure_conflicts", "conflict_id")),
            "agreements": _section("figure_agreements", lambda: figures(m, "figure_agreements", "agreement_id")),
            "outlets": _section("outlets", lambda: outlets(m)),
        }
        # the checks open their own read-only connection while this one is open, so both share one DB instance
        context["quality"] = _section("data_quality", lambda: data_quality(path, m, dq))
    context.update(warehouse=str(path), generated_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                   build_seconds=round(time.perf_counter() - started, 2), palette=PALETTE)
    return context


def render(context: dict[str, Any]) -> str:
    """The report page as HTML."""
    return environment().get_template(INDEX).render(**context)


def write_report(warehouse: str | Path, out_dir: str | Path, dq: dict[str, Any] | None = None) -> Path:
    """Write the report for `warehouse` to out_dir/index.html (atomically) and return that path.

    `dq` is the outcome of `flows.dq_flow.dq_checks` when the caller already has it; otherwise the checks run here.
    """
    html = render(build_context(warehouse, dq))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = out / INDEX
    fd, tmp = tempfile.mkstemp(prefix=".index-", suffix=".html", dir=out)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(html)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target.resolve()
