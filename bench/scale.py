"""Scale: the counsellor's case query with 10,000 cases stored, against the same with 100.

One gateway process serves both measurements: first with ``small`` cases in the stores,
then, after the other cases are seeded in bulk (a trajectory on parent A's side and a staff
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
    small, large = run.sizes.scale_cases
    with run.stores() as settings:
        case_id = open_counsellor_case(settings, run.sizes.gateway_sessions)
        body, headers = request(settings, case_id)
        _add_cases(settings, small - 1, run)
        with ExitStack() as servers:
            bases = {name: _serve(servers, name, settings, run) for name in run.sizes.server_configs}
            before = {name: drive(base + PATH, body, headers, run.sizes.scale_requests, 1) for name, base in bases.items()}
            _add_cases(settings, large - small, run)
            after = {name: drive(base + PATH, body, headers, run.sizes.scale_requests, 1) for name, base in bases.items()}
    return [_result(run, name, before[name], after[name]) for name in run.sizes.server_configs]


def _serve(servers: ExitStack, profile: str, settings, run: Run) -> str:  # noqa: ANN001
    port = free_port()
    return servers.enter_context(serving(server_command(profile, port), port, environ_for(settings),
                                         run.workdir / f"scale-{run.store}-{profile}.log"))


def _result(run: Run, profile: str, before: Load, after: Load) -> Result:
    small, large = run.sizes.scale_cases
    run.log(f"{SCALE} {run.store} {profile}: p50 {after.p50_ms:.2f} ms with {large:,} cases, "
            f"{before.p50_ms:.2f} ms with {small:,}")
    note = (f"{profile}: {PROFILES[profile].description}; 1 client, {after.requests} requests each; "
            f"{large:,} cases: p50 {after.p50_ms:.1f} ms, p99 {after.p99_ms:.1f} ms; "
            f"{small:,} cases: p50 {before.p50_ms:.1f} ms, p99 {before.p99_ms:.1f} ms")
    return result(SCALE, run.store, after.p50_ms, "ms p50", SCALE_GOAL, baseline=before.p50_ms,
                  baseline_unit="ms p50", note=note, config=profile,
                  detail={"cases": large, "baseline_cases": small, "p99_ms": round(after.p99_ms, 2),
                          "baseline_p99_ms": round(before.p99_ms, 2)})


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
