"""What every metric shares: results, goals, sizes, timing, and how a run is printed and saved.

A metric is a function ``run(run: Run) -> list[Result]``. Each result carries its own
baseline, measured in the same run on the same store, and the goal it is judged by.
"""

from __future__ import annotations

import json
import math
import threading
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, ContextManager, Iterable, Sequence

from evenwijdig.settings import Settings, StoreKind


@dataclass(frozen=True)
class Goal:
    """A goal on the ratio to the baseline (``on="ratio"``) or on the value itself."""

    op: str  # ">=", "<=" or "<"
    threshold: float
    on: str = "ratio"
    unit: str = "×"

    def met(self, value: float | None, ratio: float | None) -> bool | None:
        judged = ratio if self.on == "ratio" else value
        if judged is None or math.isnan(judged):
            return None
        return {">=": judged >= self.threshold, "<=": judged <= self.threshold, "<": judged < self.threshold}[self.op]

    def text(self) -> str:
        symbol = {">=": "≥", "<=": "≤", "<": "<"}[self.op]
        return f"{symbol} {self.threshold:g}{self.unit if self.unit == '×' else ' ' + self.unit}"


@dataclass(frozen=True)
class Result:
    metric: str
    store: str
    value: float | None
    unit: str
    baseline: float | None
    baseline_unit: str | None
    ratio: float | None
    goal: str
    met: bool | None
    note: str = ""
    config: str = "production"
    detail: dict[str, Any] = field(default_factory=dict)  # further figures (latency percentiles, sizes)


def result(metric: str, store: str, value: float | None, unit: str, goal: Goal, *, baseline: float | None = None,
           baseline_unit: str | None = None, note: str = "", config: str = "production",
           detail: dict[str, Any] | None = None) -> Result:
    """A result with its ratio (value / baseline) and whether the goal is met."""
    ratio = value / baseline if value is not None and baseline else None
    return Result(metric, store, _round(value), unit, _round(baseline), baseline_unit, _round(ratio, 3),
                  goal.text(), goal.met(value, ratio), note, config, dict(detail or {}))


def failed(metric: str, store: str, goal: Goal, error: BaseException) -> Result:
    """A metric that could not be measured is reported, never silently left out."""
    return result(metric, store, None, "", goal, note=f"failed: {type(error).__name__}: {error}"[:800])


@dataclass(frozen=True)
class Sizes:
    """How much each metric does; ``QUICK`` must finish both stores in under three minutes."""

    write_commands: int = 1000
    write_baseline_rows: int = 3000
    sessions_per_case: int = 40
    concurrent_clients: int = 8
    concurrent_commands: int = 120  # per client
    replay_events: int = 200_000
    memory_events: int = 1_000_000
    events_per_case: int = 100
    gateway_requests: tuple[tuple[int, int], ...] = ((1, 300), (16, 800), (64, 1600))
    gateway_sessions: int = 30
    scale_cases: tuple[int, ...] = (100, 1_000, 10_000)  # the counsellor's case query: growth points
    scale_requests: int = 200
    growth_cases: tuple[int, ...] = (100, 1_000, 10_000, 100_000)  # audit scale: the store grows through these
    growth_requests: int = 100
    report_events: int = 10_000
    configs: tuple[str, ...] = ("production", "uncached", "no-pre-ping")  # the write metrics
    server_configs: tuple[str, ...] = ("production", "uncached")  # gateway read and scale
    rounds: int = 3  # interleaved repetitions of the write measurements; the best of each counts


FULL = Sizes()
QUICK = replace(
    FULL, write_commands=200, write_baseline_rows=500, concurrent_commands=25, replay_events=10_000,
    memory_events=10_000, gateway_requests=((1, 40), (16, 64), (64, 128)), scale_requests=40,
    report_events=2_000, configs=("production",), server_configs=("production",), rounds=1,
    scale_cases=(100, 10_000), growth_cases=(100, 1_000), growth_requests=30,
)


@dataclass
class Run:
    """One store's turn: which kind, how big, and where scratch files go.

    ``provide`` hands out the stores a metric measures on; by default a fresh, empty set of
    the run's kind each time (``bench.stores.fresh``). A test hands in its own.
    """

    store: StoreKind
    sizes: Sizes
    workdir: Path
    mode: str = "quick"
    log: Callable[[str], None] = field(default=lambda line: None)
    provide: Callable[[], ContextManager[Settings]] | None = None

    def stores(self) -> ContextManager[Settings]:
        if self.provide is not None:
            return self.provide()
        from bench.stores import fresh

        return fresh(self.store, self.workdir)


# Timing -----------------------------------------------------------------------------------

def per_second(count: int, action: Callable[[], object]) -> float:
    """Run ``action`` once and return ``count`` divided by the seconds it took."""
    started = time.perf_counter()
    action()
    return count / (time.perf_counter() - started)


def in_threads(work: Sequence[Callable[[], None]], total: int) -> float:
    """Run each piece of work on its own thread, all released at once; ``total`` per second of wall time."""
    errors: list[BaseException] = []
    gate = threading.Barrier(len(work) + 1)

    def guarded(fn: Callable[[], None]) -> None:
        gate.wait()
        try:
            fn()
        except BaseException as error:  # noqa: BLE001 - re-raised in the caller's thread
            errors.append(error)

    threads = [threading.Thread(target=guarded, args=(fn,)) for fn in work]
    for thread in threads:
        thread.start()
    gate.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise errors[0]
    return total / elapsed


def percentile(samples: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by nearest rank."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def _round(value: float | None, digits: int = 4) -> float | None:
    if value is None:
        return None
    return float(f"{value:.{digits}g}")


# Output -----------------------------------------------------------------------------------

COLUMNS = ("metric", "store", "config", "value", "unit", "baseline", "baseline_unit", "ratio", "goal", "met")


def table(results: Iterable[Result]) -> str:
    """A plain-text table; notes follow below it, numbered."""
    rows, notes = [], []
    for r in results:
        cells = [_cell(getattr(r, name)) for name in COLUMNS]
        if r.note:
            notes.append(r.note)
            cells[0] += f" [{len(notes)}]"
        rows.append(cells)
    widths = [max(len(h), *(len(row[i]) for row in rows)) if rows else len(h) for i, h in enumerate(COLUMNS)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(COLUMNS, widths))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in rows]
    lines += [f"[{i}] {note}" for i, note in enumerate(notes, 1)]
    return "\n".join(lines)


def _cell(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.0f}"
    return str(value)


def markdown(results: Iterable[Result]) -> str:
    """The table as Markdown (for docs/benchmarks.md), notes left out."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(_cell(getattr(r, name)) for name in COLUMNS) + " |" for r in results]
    return "\n".join(lines) + "\n"


def write_json(results: Iterable[Result], path: Path) -> None:
    path.write_text(json.dumps([asdict(r) for r in results], indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
