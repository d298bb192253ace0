"""Workers: the counsellor's case query at 16 clients with ``serve --workers 2``, against one worker.

The same store, case, query and client as ``gateway read`` (production configuration); first
one gateway process, then two sharing the port (``evenwijdig serve --workers 2``). On a
machine with two cores, two workers should come close to twice the requests per second of
one, less what the load generator itself takes (it runs on the same cores).
"""

from __future__ import annotations

from bench.gateway import PATH, _first_answer, open_counsellor_case, request
from bench.harness import Goal, Result, Run, result
from bench.load import Load, drive
from bench.servers import free_port, gateway_command, serving
from bench.stores import environ_for

WORKERS = "workers"
WORKERS_GOAL = Goal(">=", 1.6)
CLIENTS = 16


def run_workers(run: Run) -> list[Result]:
    requests = dict((c, n) for c, n in run.sizes.gateway_requests).get(CLIENTS, 800)
    with run.stores() as settings:
        case_id = open_counsellor_case(settings, run.sizes.gateway_sessions)
        body, headers = request(settings, case_id)
        measured: dict[int, Load] = {}
        for workers in (1, 2):
            port = free_port()
            command = gateway_command(port) + ["--workers", str(workers)]
            with serving(command, port, environ_for(settings), run.workdir / f"workers-{workers}.log") as base:
                _first_answer(base + PATH, body, headers)
                drive(base + PATH, body, headers, CLIENTS * 2, CLIENTS)  # every worker opens its pools
                measured[workers] = drive(base + PATH, body, headers, requests, CLIENTS)
    one, two = measured[1], measured[2]
    run.log(f"{WORKERS} {run.store}: 2 workers {two.per_second:.0f}/s, 1 worker {one.per_second:.0f}/s")
    note = (f"{CLIENTS} clients, {requests} requests each; 2 workers p50 {two.p50_ms:.1f} ms, p99 {two.p99_ms:.1f} ms; "
            f"1 worker p50 {one.p50_ms:.1f} ms, p99 {one.p99_ms:.1f} ms")
    return [result(WORKERS, run.store, two.per_second, "requests/s", WORKERS_GOAL, baseline=one.per_second,
                   baseline_unit="requests/s (1 worker)", note=note,
                   detail={"clients": CLIENTS, "p50_ms": round(two.p50_ms, 2), "p99_ms": round(two.p99_ms, 2),
                           "baseline_p50_ms": round(one.p50_ms, 2), "baseline_p99_ms": round(one.p99_ms, 2)})]
