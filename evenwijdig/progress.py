"""Progress of long command-line work on stderr: a bar with rate and time left on a terminal (rich),
plain lines otherwise (a log or a pipe gets a line per tenth of the work, not a redrawn bar)."""

from __future__ import annotations

import sys
from typing import Any, TextIO

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress as Bar, ProgressColumn, Task, TextColumn,
                           TimeRemainingColumn)
from rich.text import Text


class _Rate(ProgressColumn):
    def __init__(self, unit: str) -> None:
        super().__init__()
        self._unit = unit

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:,.0f} {self._unit}/s" if task.speed else f"– {self._unit}/s")


class Progress:
    """``update(done)`` as the work goes, ``finish(line)`` at the end; ``total`` may be 0 (nothing to do)."""

    def __init__(self, label: str, total: int, unit: str = "events", stream: TextIO | None = None,
                 live: bool | None = None) -> None:
        self._stream = stream or sys.stderr
        self._label, self._total, self._unit = label, total, unit
        self._live = bool(getattr(self._stream, "isatty", lambda: False)()) if live is None else live
        self._reported = 0  # tenths reported in plain mode
        self._bar: Any = None
        if self._live:
            console = Console(file=self._stream, force_terminal=True)
            self._bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _Rate(unit),
                            TimeRemainingColumn(), console=console, transient=True)
            self._bar.start()
            self._task = self._bar.add_task(label, total=total or None)

    def update(self, done: int) -> None:
        if self._bar is not None:
            self._bar.update(self._task, completed=done)
        elif self._total:
            tenth = min(10, 10 * done // self._total)
            if tenth > self._reported:
                self._reported = tenth
                share = 100 * done // self._total
                self._stream.write(f"{self._label}: {done:,} of {self._total:,} {self._unit} ({share}%)\n")
                self._stream.flush()

    def finish(self, line: str) -> None:
        if self._bar is not None:
            self._bar.stop()
        self._stream.write(f"{line}\n")
        self._stream.flush()
