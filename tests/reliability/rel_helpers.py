"""Helpers for the reliability suite (imported by the tests; conftest.py puts this folder on sys.path): generated corpora and real `newsdesk` CLI runs in child processes.

Each CLI run starts its own temporary Prefect server (~10-20 s), so the suite keeps the number of runs small
and runs independent ones side by side.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
NEWSDESK = Path(sys.executable).with_name("newsdesk")
RUN_TIMEOUT = 600


def seed_paragraphs() -> list[str]:
    """Every paragraph of the seed articles (real news prose with quotes and figures)."""
    paragraphs = []
    for path in sorted(SEEDS.glob("*.txt")):
        paragraphs += [p.strip() for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if len(p.strip()) > 80]
    return paragraphs


def article(rng: random.Random, paragraphs: list[str], n: int, tag: str) -> str:
    """A small realistic article: a headline, `n` seed paragraphs and a line unique to this document."""
    body = rng.sample(paragraphs, n)
    return (f"Summit coverage {tag}\n\n" + "\n\n".join(body)
            + f"\n\n“This is statement {tag},” said Anna Smith, adding that {rng.randint(2, 900)} people attended.\n")


def make_corpus(folder: Path, n_docs: int, seed: int = 7, version: str = "v1") -> list[str]:
    """`n_docs` small articles in 10 sub-folders; returns their doc_ids. Same seed → same corpus; version
    changes every document's text (for "the run being killed replaces existing rows")."""
    rng = random.Random(seed)
    paragraphs = seed_paragraphs()
    ids = []
    for i in range(n_docs):
        sub = folder / f"part{i % 10}"
        sub.mkdir(parents=True, exist_ok=True)
        doc_id = f"doc{i:05d}"
        (sub / f"{doc_id}.txt").write_text(article(rng, paragraphs, 2, f"{version}-{i}"), encoding="utf-8")
        ids.append(doc_id)
    return ids


@dataclass
class CliRun:
    """A `newsdesk` child process whose stderr (the Prefect log) is collected line by line as it arrives."""

    args: list[str]
    env: dict[str, str] = field(default_factory=dict)
    proc: subprocess.Popen | None = None
    stdout: str = ""
    stderr_lines: list[str] = field(default_factory=list)
    started: float = 0.0
    seconds: float = 0.0

    def start(self) -> "CliRun":
        self.started = time.monotonic()
        self.proc = subprocess.Popen([str(NEWSDESK), *self.args], cwd=REPO, env={**os.environ, **self.env},
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     encoding="utf-8", errors="replace", start_new_session=True)
        self._reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._reader.start()
        self._out = []
        self._out_reader = threading.Thread(target=lambda: self._out.append(self.proc.stdout.read()), daemon=True)
        self._out_reader.start()
        return self

    def _read_stderr(self) -> None:
        for line in self.proc.stderr:
            self.stderr_lines.append(line)

    @property
    def stderr(self) -> str:
        return "".join(self.stderr_lines)

    def wait_for(self, pattern: str, timeout: float = RUN_TIMEOUT, poll: float = 0.005,
                 extra=None) -> bool:
        """Wait until a stderr line matches `pattern` (or `extra()` is true); False if the process ended first."""
        rx = re.compile(pattern)
        seen = 0
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            lines = self.stderr_lines
            for line in lines[seen:]:
                if rx.search(line):
                    return True
            seen = len(lines)
            if extra is not None and extra():
                return True
            if self.proc.poll() is not None and len(self.stderr_lines) == seen:
                self._reader.join(1)
                return any(rx.search(line) for line in self.stderr_lines)
            time.sleep(poll)
        raise TimeoutError(f"no {pattern!r} within {timeout}s:\n{self.stderr[-3000:]}")

    def kill(self) -> None:
        """SIGKILL the CLI and every process it started, as a machine crash would (its temporary Prefect API
        server is a child process that would otherwise be left running; --no-build runs start no dbt)."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.wait()

    def wait(self, timeout: float = RUN_TIMEOUT) -> int:
        rc = self.proc.wait(timeout)
        self._reader.join(10)
        self._out_reader.join(10)
        self.stdout = "".join(self._out)
        self.seconds = time.monotonic() - self.started
        return rc

    @property
    def returncode(self) -> int | None:
        return self.proc.returncode


def cli(*args: str, **env: str) -> CliRun:
    """Start `newsdesk <args>` with extra environment variables."""
    return CliRun(list(args), dict(env)).start()


def summary_value(stdout: str, key: str) -> str | None:
    """A value from the run summary table the CLI prints (│ quarantined │ 3 │)."""
    match = re.search(rf"│\s*{re.escape(key)}\s*│\s*(.*?)\s*│", stdout)
    return match.group(1) if match else None


def staging_dirs(warehouse: Path) -> list[Path]:
    """Run staging folders beside a warehouse (named newsdesk-<run>-* or .newsdesk-staging-<file>-<run>-*)."""
    return [p for p in warehouse.parent.iterdir() if p.is_dir() and "newsdesk" in p.name]


def query(path: Path, sql: str, params: list | None = None) -> list[tuple]:
    """Read-only query on a warehouse file."""
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def snapshot(path: Path) -> dict[str, list]:
    """Every id per raw table, sorted: what two equivalent runs must agree on."""
    return {
        "documents": query(path, "select doc_id, content_hash from raw.documents order by 1"),
        "quotes": query(path, "select quote_id from raw.quotes order by 1"),
        "figures": query(path, "select figure_id from raw.figures order by 1"),
        "quarantine": query(path, "select quarantine_id from raw.quarantine order by 1"),
    }


def duplicates(path: Path) -> dict[str, int]:
    """Rows sharing a key in each raw table (primary keys make this 0 unless a constraint was lost)."""
    out = {}
    for table, key in (("documents", "doc_id"), ("quotes", "quote_id"), ("figures", "figure_id"),
                       ("quarantine", "quarantine_id")):
        out[table] = query(path, f"select count(*) - count(distinct {key}) from raw.{table}")[0][0]
    out["quote_spans"] = query(path, "select count(*) - count(distinct (doc_id, start_char, end_char)) "
                                     "from raw.quotes")[0][0]
    return out
