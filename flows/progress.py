"""Run progress: a rich progress bar on a terminal, nothing extra otherwise (the flow logs each batch).

The CLI installs a reporter before calling the flow; the flow reports batch counts to whatever is installed.
A reporter is process-local state on purpose: flow parameters must stay plain, serializable values.
"""

from __future__ import annotations

from typing import Protocol


class Reporter(Protocol):
    """Receives the run's size up front and each finished batch's counts."""

    def start(self, total_units: int, total_bytes: int) -> None: ...

    def advance(self, units: int, stats: dict[str, int]) -> None: ...

    def stop(self) -> None: ...


class NullReporter:
    """Reports nothing."""

    def start(self, total_units: int, total_bytes: int) -> None:
        """Nothing to set up."""

    def advance(self, units: int, stats: dict[str, int]) -> None:
        """Nothing to show."""

    def stop(self) -> None:
        """Nothing to tear down."""


class RichReporter:
    """A live bar: work units done, MB read, documents, quotes, figures, quarantined."""

    def __init__(self) -> None:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn("[bold]ingest"), BarColumn(), TextColumn("{task.completed}/{task.total} units"),
            TextColumn("{task.fields[mb]:.1f} MB · {task.fields[documents]} docs · {task.fields[quotes]} quotes · "
                       "{task.fields[figures]} figures · {task.fields[quarantined]} quarantined"),
            TimeElapsedColumn(), TimeRemainingColumn(), transient=False,
        )
        self._totals = {"documents": 0, "quotes": 0, "figures": 0, "quarantined": 0, "bytes": 0}
        self._task = None

    def start(self, total_units: int, total_bytes: int) -> None:
        """Show the bar."""
        self._progress.start()
        self._task = self._progress.add_task("run", total=total_units, mb=0.0, **{k: 0 for k in self._totals
                                                                               if k != "bytes"})

    def advance(self, units: int, stats: dict[str, int]) -> None:
        """Add a finished batch."""
        for key in self._totals:
            self._totals[key] += stats.get(key, 0)
        fields = {k: v for k, v in self._totals.items() if k != "bytes"}
        self._progress.update(self._task, advance=units, mb=self._totals["bytes"] / 1e6, **fields)

    def stop(self) -> None:
        """Leave the final bar on screen."""
        self._progress.stop()


_reporter: Reporter = NullReporter()


def set_reporter(reporter: Reporter) -> None:
    """Install the reporter the next runs in this process report to."""
    global _reporter
    _reporter = reporter


def get_reporter() -> Reporter:
    """The installed reporter."""
    return _reporter
