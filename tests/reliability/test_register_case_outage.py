"""PostgreSQL killed (``kill -9``) while coordinators register cases: every case is whole or absent.

Registering a case is one write, to the shared-agreements store; the registering coordinator
is assigned in the staff directory by the flow. So after the crash and restart, every case the
shared store holds has its coordinator assigned (once the flow caught up), a request that was
answered UNAVAILABLE left nothing or will be completed by the flow, and its idempotency key is
free for the retry, which registers the case exactly once.
"""

from __future__ import annotations

import threading
import time

import httpx
from eventsourcing.utils import get_topic

from gateway.app import create_app
from gateway.auth import mint_development_token
from services.shared_agreements.domain.case import Case
from services.staff_directory.api import Role
from tests.reliability.pg_server import kill
from tests.reliability.scene import error_codes
from tests.reliability.serving import served

COORDINATOR = "coordinator-fault"
REGISTER = """mutation($a: String!) { registerCase(case: {
  parentA: {displayName: $a, parentalAuthority: true}, parentB: {displayName: "Bram", parentalAuthority: true},
  children: [{firstName: "Noor", dateOfBirth: "2014-05-03"}], trajectoryType: PARALLEL_SOLO_OUDERSCHAP_LOMAN }) }"""
CLIENTS = 8


def register(http: httpx.Client, token: str, marker: str) -> tuple[str, str | None]:
    """('ok', case id) | ('unavailable', None) | (other outcome, None)."""
    try:
        response = http.post("/graphql/coordinator", json={"query": REGISTER, "variables": {"a": marker}},
                             headers={"Authorization": f"Bearer {token}", "Idempotency-Key": marker})
    except httpx.HTTPError as error:
        return type(error).__name__, None
    body = response.json()
    codes = error_codes(body)
    if response.status_code == 200 and not codes:
        return "ok", body["data"]["registerCase"]
    return ("unavailable" if codes == {"UNAVAILABLE"} else f"{response.status_code} {sorted(codes)}"), None


def registered_cases(contexts) -> dict[str, str]:  # noqa: ANN001
    """Every case the shared store holds: parent A's name (the request's marker) by case id."""
    topic = get_topic(Case.CaseRegistered)
    notifications = contexts.shared.recorder.select_notifications(start=1, limit=100_000, topics=[topic])
    return {str(n.originator_id): contexts.shared.mapper.to_domain_event(n).parents["parent_a"]["display_name"]
            for n in notifications}


def test_cases_registered_while_postgres_is_killed_are_whole_or_absent(server, own_stores):
    settings, contexts = own_stores
    contexts.directory.register_staff(COORDINATOR, "Co", [Role.COORDINATOR], actor="installer")
    token = mint_development_token(settings.data_dir, COORDINATOR, Role.COORDINATOR)
    outcomes: dict[str, tuple[str, str | None]] = {}
    stop = threading.Event()

    def client(number: int) -> None:
        with httpx.Client(base_url=base, timeout=10) as http:
            sent = 0
            while not stop.is_set():
                marker = f"fault-{number}-{sent}"
                outcomes[marker] = register(http, token, marker)
                sent += 1
                time.sleep(0.02 if outcomes[marker][0] == "ok" else 0.25)

    with served(create_app(settings, contexts)) as base:
        threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
        for thread in threads:
            thread.start()
        time.sleep(1.5)
        kill(server)
        time.sleep(1.0)
        server.start()
        time.sleep(3.0)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)

        failed = [marker for marker, (outcome, _) in outcomes.items() if outcome != "ok"]
        assert failed, "the crash was never seen"
        assert {outcomes[m][0] for m in failed} == {"unavailable"}, {outcomes[m][0] for m in failed}
        with httpx.Client(base_url=base, timeout=10) as http:
            retried = {marker: register(http, token, marker) for marker in failed}
    assert {outcome for outcome, _ in retried.values()} == {"ok"}, "an idempotency key stayed held"

    contexts.catch_up()
    stored = registered_cases(contexts)
    acknowledged = {case: marker for marker, (outcome, case) in [*outcomes.items(), *retried.items()]
                    if outcome == "ok"}
    assert set(acknowledged) <= set(stored), "an acknowledged registration is missing"
    assert sorted(stored.values()) == sorted(set(stored.values())), "a retried registration was stored twice"
    for case in stored:
        staffing = contexts.directory.staffing(__import__("uuid").UUID(case))
        assert staffing is not None and staffing.coordinators == (COORDINATOR,), case
    assert all(app.chain.verify().ok for app in contexts.by_name().values())
