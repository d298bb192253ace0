"""Audit scale: an auditor's history of one case and its access log, as the store grows from 100 cases.

One parent-A store grows through the run's growth points (``Sizes.growth_cases``: 100, 1,000,
10,000 and, in a full run, 100,000 cases of eight events each, bulk-seeded as ``bench.scale``
does, each with one access-log entry), one store per point, all open together. In each store
one case is asked for, the way the auditor's ``history(caseId)`` and ``accessLog(caseId)``
queries ask (``Replay.page``, ``AccessLog.entries``), in-process, one client, the stores taking
turns read by read so the shared machine's load falls on every point alike: p50 and p99. The
case index is caught up before the timed reads (the first read after a bulk load indexes the
new events once; the note gives how long that took). The value is the p50 at the largest point, the baseline the
p50 at 100 cases; ``detail.curve`` holds every point (``python -m bench.plot`` draws them).
"""

from __future__ import annotations

import functools
import time
import uuid
from contextlib import ExitStack
from typing import Callable

from services.parent_a_context.application import ParentAContext
from services.platform.access_log import Access, Action
from services.platform.replay import HistoryFilter, Replay

from bench import seed
from bench.harness import Goal, Result, Run, percentile, result
from bench.stores import settle, setup_store

AUDIT_SCALE = "audit scale"
ACCESS_SCALE = "access log scale"
GROWTH_GOAL = Goal("<=", 1.2)
EVENTS_PER_CASE = 8
COUNSELLORS = ["bench-counsellor-0", "bench-counsellor-1"]


def run_audit_scale(run: Run) -> list[Result]:
    points = run.sizes.growth_cases
    with ExitStack() as stack:
        # One store per growth point, all open at once: every round reads each point in turn, so the
        # machine's load (it is shared) weighs on every point alike.
        sides, targets, indexing = [], [], {}
        for point in points:
            settings = stack.enter_context(run.stores())
            side = ParentAContext(setup_store(settings, "parent_a_context"))
            stack.callback(side.close)
            started = time.perf_counter()
            target = seed.bulk_cases(side, 1, EVENTS_PER_CASE, COUNSELLORS[:1], notes=False)[0]
            _log_accesses(side, [target])
            _grow(side, point - 1)
            settle(settings)
            seeded = time.perf_counter() - started
            started = time.perf_counter()
            Replay(side).index_up_to_date()
            indexing[point] = time.perf_counter() - started
            run.log(f"{AUDIT_SCALE} {run.store}: {point:,} cases seeded in {seeded:.1f} s, "
                    f"indexed in {indexing[point]:.1f} s")
            sides.append(side)
            targets.append(target)
        history = _interleaved([functools.partial(_history, side, target) for side, target in zip(sides, targets)],
                               run.sizes.growth_requests)
        access = _interleaved([functools.partial(side.access_log.entries, case_id=target, limit=101)
                               for side, target in zip(sides, targets)], run.sizes.growth_requests)
    history_curve, access_curve = dict(zip(points, history)), dict(zip(points, access))
    run.log(f"{AUDIT_SCALE} {run.store}: history p50 " + ", ".join(f"{p:,}: {v[0]:.2f} ms" for p, v in history_curve.items()))
    run.log(f"{ACCESS_SCALE} {run.store}: p50 " + ", ".join(f"{p:,}: {v[0]:.2f} ms" for p, v in access_curve.items()))
    return [_result(run, AUDIT_SCALE, "the auditor's history of one case (a page of 100)", history_curve, indexing),
            _result(run, ACCESS_SCALE, "the access log of one case (a page of 100)", access_curve, indexing)]


def _history(side: ParentAContext, case_id: uuid.UUID) -> None:
    page = Replay(side).page(0, 100, HistoryFilter(case_id=case_id))
    if len(page.events) != EVENTS_PER_CASE:
        raise AssertionError(f"the case's history holds {len(page.events)} events, not {EVENTS_PER_CASE}")


def _grow(side: ParentAContext, count: int) -> None:
    if count <= 0:
        return
    _log_accesses(side, seed.bulk_cases(side, count, EVENTS_PER_CASE, COUNSELLORS, notes=False))


def _log_accesses(side: ParentAContext, case_ids: list[uuid.UUID], batch: int = 1000) -> None:
    """One auditor read per case, written a thousand to a transaction (the log's group commit path)."""
    for start in range(0, len(case_ids), batch):
        side.access_log.record_many([
            Access(user="bench-auditor", role="auditor", action=Action.READ, context=side.name, case_id=case_id,
                   operation="history", responsible_user="bench-auditor")
            for case_id in case_ids[start:start + batch]])


def _interleaved(reads: list[Callable[[], object]], requests: int) -> list[tuple[float, float]]:
    """p50 and p99 (ms) of each read, the reads taking turns ``requests`` times."""
    for read in reads:
        read()  # warm: connections, caches
    samples: list[list[float]] = [[] for _ in reads]
    for _ in range(requests):
        for read, times in zip(reads, samples):
            started = time.perf_counter()
            read()
            times.append((time.perf_counter() - started) * 1000)
    return [(percentile(times, 50), percentile(times, 99)) for times in samples]


def _result(run: Run, metric: str, what: str, curve: dict[int, tuple[float, float]],
            indexing: dict[int, float]) -> Result:
    small, large = min(curve), max(curve)
    points = "; ".join(f"{n:,}: p50 {p50:.2f} ms, p99 {p99:.2f} ms" for n, (p50, p99) in sorted(curve.items()))
    note = (f"{what}, in-process, 1 client, {run.sizes.growth_requests} reads per point; {points}; "
            f"case index caught up after each load in " + ", ".join(f"{s:.1f} s" for s in indexing.values()))
    return result(metric, run.store, curve[large][0], "ms p50", GROWTH_GOAL, baseline=curve[small][0],
                  baseline_unit="ms p50", note=note,
                  detail={"cases": large, "baseline_cases": small,
                          "curve": {str(n): {"p50_ms": round(p50, 3), "p99_ms": round(p99, 3)}
                                    for n, (p50, p99) in sorted(curve.items())},
                          "index_catch_up_s": {str(n): round(s, 2) for n, s in indexing.items()}})
