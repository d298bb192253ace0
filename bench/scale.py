"""Scale: the counsellor's case query as the store grows (``Sizes.scale_cases``: 100, 1,000, 10,000 cases).

One gateway process serves every measurement: first with the first point's cases in the stores,
then, after more cases are seeded in bulk up to each next point (a trajectory on parent A's side and a staff
assignment for each, spread over one counsellor per 30 cases), with ``large``. The seeded
cases' sessions are recorded as missed, without a private note: a note would need a case key,
and creating 10,000 keys one committed transaction at a time would dominate the run. The query and
the case asked for are the same both times; one client, p50 latency.
"""

from __future__ import annotations

import time
from contextlib import ExitStack

from services.staff_directory.application import StaffDirectory
from services.parent_a_context.application import ParentAContext

from bench import seed
from bench.gateway import PATH, open_counsellor_case, request, server_command
from bench.harness import Goal, Result, Run, result
from bench.load import Load, drive
from bench.servers import free_port, serving
from bench.stores import environ_for, settle, setup_store
from bench.tuning import PROFILES

SCALE = "scale"
SCALE_GOAL = Goal("<=", 1.2)
CASES_PER_COUNSELLOR = 30
EVENTS_PER_CASE = 8  # intake, goals, consent, agreement, start and three (missed) sessions


def run_scale(run: Run) -> list[Result]:
    points = run.sizes.scale_cases
    with run.stores() as settings:
        case_id = open_counsellor_case(settings, run.sizes.gateway_sessions)
        body, headers = request(settings, case_id)
        stored = points[0]
        _add_cases(settings, stored - 1, run)  # the case asked for is one of them
        curve: dict[str, dict[int, Load]] = {name: {} for name in run.sizes.server_configs}
        with ExitStack() as servers:
            bases = {name: _serve(servers, name, settings, run) for name in run.sizes.server_configs}
            for point in points:
                _add_cases(settings, point - stored, run)
                stored = point
                for name, base in bases.items():
                    curve[name][point] = drive(base + PATH, body, headers, run.sizes.scale_requests, 1)
    return [_result(run, name, curve[name]) for name in run.sizes.server_configs]


def _serve(servers: ExitStack, profile: str, settings, run: Run) -> str:  # noqa: ANN001
    port = free_port()
    return servers.enter_context(serving(server_command(profile, port), port, environ_for(settings),
                                         run.workdir / f"scale-{run.store}-{profile}.log"))


def _result(run: Run, profile: str, curve: dict[int, Load]) -> Result:
    small, large = min(curve), max(curve)
    before, after = curve[small], curve[large]
    run.log(f"{SCALE} {run.store} {profile}: p50 " + ", ".join(f"{n:,}: {load.p50_ms:.2f} ms" for n, load in curve.items()))
    note = (f"{profile}: {PROFILES[profile].description}; 1 client, {after.requests} requests each; "
            + "; ".join(f"{n:,} cases: p50 {load.p50_ms:.1f} ms, p99 {load.p99_ms:.1f} ms" for n, load in curve.items()))
    return result(SCALE, run.store, after.p50_ms, "ms p50", SCALE_GOAL, baseline=before.p50_ms,
                  baseline_unit="ms p50", note=note, config=profile,
                  detail={"cases": large, "baseline_cases": small, "p99_ms": round(after.p99_ms, 2),
                          "baseline_p99_ms": round(before.p99_ms, 2),
                          "curve": {str(n): {"p50_ms": round(load.p50_ms, 3), "p99_ms": round(load.p99_ms, 3)}
                                    for n, load in curve.items()}})


def _add_cases(settings, count: int, run: Run) -> None:  # noqa: ANN001
    """``count`` more cases, each with a trajectory on side A and a counsellor assigned, in bulk."""
    if count <= 0:
        return
    started = time.perf_counter()
    directory = StaffDirectory(setup_store(settings, "gateway"))
    side = ParentAContext(setup_store(settings, "parent_a_context"))
    try:
        counsellors = seed.register_counsellors(directory, max(1, count // CASES_PER_COUNSELLOR))
        case_ids = seed.bulk_cases(side, count, EVENTS_PER_CASE, counsellors, notes=False)
        seed.bulk_staffing(directory, case_ids, counsellors)
    finally:
        side.close()
        directory.close()
    settle(settings)
    run.log(f"added {count:,} cases on {run.store} in {time.perf_counter() - started:.1f} s")
