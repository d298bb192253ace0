"""Gateway read: the counsellor's case query over HTTP, against a bare FastAPI endpoint.

The gateway runs as ``evenwijdig serve`` in its own process, configured by the environment
as an operator would; a counsellor registered in the staff directory and assigned to parent
A's side of a case asks for that side's whole trajectory. The baseline serves the very same
JSON answer from memory with the same uvicorn settings.
"""

from __future__ import annotations

import json
import sys
from typing import Any
from uuid import UUID, uuid4

from gateway.auth import mint_development_token
from services.staff_directory.application import StaffDirectory
from services.staff_directory.api import Role, Side
from services.parent_a_context.application import ParentAContext

from bench import seed
from bench.harness import Goal, Result, Run, result
from bench.load import Load, drive
from bench.servers import bare_command, free_port, gateway_command, serving
from bench.stores import environ_for, setup_store
from bench.tuning import PROFILES

GATEWAY_READ = "gateway read"
READ_GOAL = Goal(">=", 0.6)
PATH = "/graphql/counsellor"
USER = "bench-counsellor"
QUERY = """query Case($case: UUID!) {
  trajectory(caseId: $case) {
    caseId version status parent counsellor parentalAuthority openedOn goals proposedOn agreedOn startedOn closedOn
    children { firstName dateOfBirth }
    rules { template title maxWeeks maxSessions sessionIntervalDays maxChildConversations }
    counsellorHistory { counsellor since reason }
    themes { code label standard }
    consents { scope givenBy givenOn withdrawnOn withdrawnBy }
    plannedSessions { on cancelledReason }
    sessions { on durationMinutes themes { code label } attended missedReason note }
    childConversationCount
    childConversations { on child heldBy summary }
    evaluation evaluationReleased retainUntil erasedOn
  }
}"""


def open_counsellor_case(settings, sessions: int, counsellor: str = USER) -> UUID:  # noqa: ANN001
    """Through the applications: register the counsellor, assign them to side A of a new case, run it."""
    directory = StaffDirectory(setup_store(settings, "gateway"))
    side = ParentAContext(setup_store(settings, "parent_a_context"))
    try:
        if directory.staff(counsellor) is None:
            directory.register_staff(counsellor, "Bench Counsellor", [Role.COUNSELLOR], actor=seed.ADMIN)
        case_id = uuid4()
        seed.known_case(directory, case_id)
        directory.assign_counsellor(case_id, Side.PARENT_A, counsellor, seed.ADMIN, "intake")
        seed.start_case(side, case_id, counsellor)
        for number in range(sessions):
            seed.record_session(side, case_id, number, counsellor)
        return case_id
    finally:
        side.close()
        directory.close()


def request(settings, case_id: UUID, counsellor: str = USER) -> tuple[bytes, dict[str, str]]:  # noqa: ANN001
    """The body and headers of the counsellor's case query (token minted before the server starts)."""
    token = mint_development_token(settings.data_dir, counsellor, Role.COUNSELLOR)
    body = json.dumps({"query": QUERY, "variables": {"case": str(case_id)}}).encode()
    return body, {"Authorization": f"Bearer {token}"}


def run_gateway(run: Run) -> list[Result]:
    levels, configs = run.sizes.gateway_requests, run.sizes.server_configs
    with run.stores() as settings:
        case_id = open_counsellor_case(settings, run.sizes.gateway_sessions)
        body, headers = request(settings, case_id)
        measured, answer = {}, {}
        for name in configs:
            port = free_port()
            with serving(server_command(name, port), port, environ_for(settings), run.workdir / "gateway.log") as base:
                answer = _first_answer(base + PATH, body, headers)
                measured[name] = {c: drive(base + PATH, body, headers, n, c) for c, n in levels}
        bare = _bare(run, settings, answer, body, headers)
    events = answer["data"]["trajectory"]["version"]
    for name in configs:
        for c, _ in levels:
            run.log(f"{GATEWAY_READ} {run.store} {name} {c} clients: {measured[name][c].per_second:.0f}/s, "
                    f"bare {bare[c].per_second:.0f}/s")
    return [_result(run.store, name, measured[name][c], bare[c], events) for name in configs for c, _ in levels]


def server_command(profile: str, port: int) -> list[str]:
    """Production is ``evenwijdig serve`` itself; other profiles go through ``bench.serve_profile``."""
    if profile == "production":
        return gateway_command(port)
    return [sys.executable, "-m", "bench.serve_profile", "--profile", profile, "--port", str(port)]


def _bare(run: Run, settings, answer: dict[str, Any], body: bytes, headers: dict[str, str]) -> dict[int, Load]:  # noqa: ANN001
    payload = run.workdir / f"projection-{run.store}.json"
    payload.write_text(json.dumps(answer), encoding="utf-8")
    port = free_port()
    with serving(bare_command(port, payload), port, environ_for(settings), run.workdir / "bare.log") as base:
        return {c: drive(base + PATH, body, headers, n, c) for c, n in run.sizes.gateway_requests}


def _first_answer(url: str, body: bytes, headers: dict[str, str]) -> dict[str, Any]:
    import httpx

    answer = httpx.post(url, content=body, headers={"Content-Type": "application/json", **headers}, timeout=60)
    parsed = answer.json()
    if answer.status_code != 200 or parsed.get("errors") or not parsed.get("data", {}).get("trajectory"):
        raise RuntimeError(f"the counsellor query failed: HTTP {answer.status_code} {answer.text[:300]}")
    return parsed


def _result(store: str, profile: str, gateway: Load, bare: Load, events: int) -> Result:
    clients = f"{gateway.concurrency} client{'s' if gateway.concurrency > 1 else ''}"
    note = (f"{profile}: {PROFILES[profile].description}; {clients}, {gateway.requests} requests, a trajectory of {events} events; p50 {gateway.p50_ms:.1f} ms, "
            f"p99 {gateway.p99_ms:.1f} ms; bare endpoint p50 {bare.p50_ms:.1f} ms, p99 {bare.p99_ms:.1f} ms")
    detail = {"clients": gateway.concurrency, "requests": gateway.requests, "p50_ms": round(gateway.p50_ms, 2),
              "p99_ms": round(gateway.p99_ms, 2), "baseline_p50_ms": round(bare.p50_ms, 2),
              "baseline_p99_ms": round(bare.p99_ms, 2)}
    return result(GATEWAY_READ, store, gateway.per_second, "requests/s", READ_GOAL, baseline=bare.per_second,
                  baseline_unit="requests/s", config=f"{profile}, {clients}", note=note, detail=detail)
