"""Thirty-two clients send commands to one case at once: each takes effect exactly once or is told CONFLICT.

The commands go over real HTTP to a gateway served by uvicorn, all clients released together by
a barrier. Afterwards the trajectory's stored events are exactly the accepted commands' events
(none lost, none twice, none of a command that was refused), and replaying the accepted commands
one by one, in the order they were stored, on a fresh store gives the very same trajectory.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any
from uuid import UUID

import httpx

from evenwijdig.bootstrap import bootstrap
from gateway.app import create_app
from services.staff_directory.api import Role
from services.parent_side.domain.records import CONSENT_TRAJECTORY
from tests.reliability.scene import (
    CONSENT, COUNSELLOR, PROPOSE, error_codes, open_trajectory, opened_case, trajectory_events,
)
from tests.reliability.serving import served

CLIENTS = 32
COMMANDS_EACH = 3


def command(client: int, n: int) -> tuple[str, str, dict[str, Any]]:
    """Half the commands record a consent, half replace the goals: the marker says which client sent it."""
    marker = f"client-{client:02d}-command-{n}"
    if (client + n) % 2:
        return marker, PROPOSE, {"goals": [marker]}
    return marker, CONSENT, {"by": [marker]}


def send_all_at_once(base: str, token: str, case: UUID) -> list[tuple[str, int, dict[str, Any]]]:
    barrier = threading.Barrier(CLIENTS, timeout=30)

    def client(number: int) -> list[tuple[str, int, dict[str, Any]]]:
        sent = []
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=60) as http:
            barrier.wait()
            for n in range(COMMANDS_EACH):
                marker, query, variables = command(number, n)
                response = http.post("/graphql/counsellor", json={"query": query,
                                                                   "variables": {"case": str(case), **variables}})
                sent.append((marker, response.status_code, response.json()))
        return sent

    with ThreadPoolExecutor(CLIENTS) as pool:
        return [result for results in pool.map(client, range(CLIENTS)) for result in results]


def marker_of(event: Any) -> str:
    # A goal is private text (read here with the case key); a consent names who gave it in clear.
    return str((event.given_by if type(event).__name__ == "ConsentRecorded" else event.goals)[0])


def replay(app: Any, case: UUID, marker: str) -> None:
    """The accepted command with this marker, sent once, straight to a context's application."""
    client, n = (int(part) for part in marker.removeprefix("client-").split("-command-"))
    if (client + n) % 2:
        app.propose_goals(case, goals=[marker], themes=["own_ground"], on=date(2025, 1, 13), actor=COUNSELLOR)
    else:
        app.record_consent(case, scopes=[CONSENT_TRAJECTORY], given_by=[marker], given_on=date(2025, 1, 20),
                           actor=COUNSELLOR)


def test_each_of_many_concurrent_commands_takes_effect_once_or_is_told_conflict(gateway, fresh_settings):
    contexts = gateway.contexts
    case = opened_case(contexts)
    token = gateway.token(COUNSELLOR, Role.COUNSELLOR)
    with served(create_app(gateway.settings, contexts)) as base:
        outcomes = send_all_at_once(base, token, case)

    accepted = {marker: body["data"] for marker, status, body in outcomes if status == 200 and "errors" not in body}
    refused = [(marker, status, body) for marker, status, body in outcomes if marker not in accepted]
    assert all(status == 200 and error_codes(body) == {"CONFLICT"} for _, status, body in refused), refused[:3]
    assert accepted and refused, f"{len(accepted)} accepted, {len(refused)} conflicts: the race was not real"

    stored = trajectory_events(contexts.parent_a, case)[1:]  # after the intake
    assert sorted(marker_of(event) for event in stored) == sorted(accepted), "an event was lost, doubled or leaked"
    assert contexts.parent_a.chain.verify().ok

    fresh = bootstrap(fresh_settings)
    try:
        open_trajectory(fresh.parent_a, case)
        for event in stored:
            replay(fresh.parent_a, case, marker_of(event))
        assert fresh.parent_a.trajectory(case) == contexts.parent_a.trajectory(case)
        assert [type(e).__name__ for e in trajectory_events(fresh.parent_a, case)] == \
            [type(e).__name__ for e in trajectory_events(contexts.parent_a, case)]
    finally:
        fresh.close()


def test_refused_concurrent_commands_leave_no_trace_in_any_store(gateway):
    contexts = gateway.contexts
    case = opened_case(contexts)
    before = event_counts(contexts)
    token = gateway.token(COUNSELLOR, Role.COUNSELLOR)
    with served(create_app(gateway.settings, contexts)) as base:
        outcomes = send_all_at_once(base, token, case)
    accepted = sum(1 for _, status, body in outcomes if status == 200 and "errors" not in body)
    assert event_counts(contexts) == {**before, "parent_a_context": before["parent_a_context"] + accepted}


def event_counts(contexts: Any) -> dict[str, int]:
    # Counted, not read from the position: PostgreSQL burns a position on every insert a conflict rolls back.
    return {name: len(app.recorder.select_notifications(start=1, limit=10**6))
            for name, app in contexts.by_name().items()}
