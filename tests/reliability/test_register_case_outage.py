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
import uuid

import httpx
from eventsourcing.utils import get_topic

from gateway.app import create_app
from gateway.auth import mint_development_token
from services.shared_agreements.domain.case import Case
from services.staff_directory.api import Role
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
    if codes == {"ALREADY_DONE"}:
        return "already done", None
    named = {"UNAVAILABLE": "unavailable", "OUTCOME_UNKNOWN": "outcome unknown"}
    return named.get(next(iter(codes), ""), f"{response.status_code} {sorted(codes)}") if len(codes) == 1 else (
        f"{response.status_code} {sorted(codes)}"), None


def retry(http: httpx.Client, token: str, marker: str, seconds: float = 45) -> tuple[str, str | None]:
    """Send the request again with its key until it is settled, as a client told to retry would.

    The pool takes a few seconds to reconnect after the restart (UNAVAILABLE meanwhile), and a key
    whose first attempt was still running when its client gave up answers CONFLICT until it ends.
    """
    deadline = time.monotonic() + seconds
    while True:
        outcome = register(http, token, marker)
        if outcome[0] in ("ok", "already done") or time.monotonic() > deadline:
            return outcome
        time.sleep(0.5)


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
        server.kill()
        time.sleep(1.0)
        server.start()
        time.sleep(3.0)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)

        failed = [marker for marker, (outcome, _) in outcomes.items() if outcome != "ok"]
        assert failed, "the crash was never seen"
        # Told UNAVAILABLE (nothing stored) or OUTCOME_UNKNOWN (the connection died after the write was sent).
        assert {outcomes[m][0] for m in failed} <= {"unavailable", "outcome unknown"}, {outcomes[m][0] for m in failed}
        with httpx.Client(base_url=base, timeout=10) as http:
            retried = {marker: retry(http, token, marker) for marker in failed}
    # A retry with the request's key: carried out now, or found carried out by the attempt whose answer
    # was lost (ALREADY_DONE). Never a key still held, never a second case.
    assert {outcome for outcome, _ in retried.values()} <= {"ok", "already done"}, retried

    contexts.catch_up()
    stored = registered_cases(contexts)
    acknowledged = {case: marker for marker, (outcome, case) in [*outcomes.items(), *retried.items()]
                    if outcome == "ok"}
    assert set(acknowledged) <= set(stored), "an acknowledged registration is missing"
    assert sorted(stored.values()) == sorted(set(stored.values())), "a retried registration was stored twice"
    for case in stored:
        staffing = contexts.directory.staffing(uuid.UUID(case))
        assert staffing is not None and staffing.coordinators == (COORDINATOR,), case
    assert all(app.chain.verify().ok for app in contexts.by_name().values())
