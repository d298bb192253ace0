"""A keyed write whose outcome the client could not learn is resolved by sending it again with its key.

The store records the request with its events, in their transaction (``services.platform.requests``):
a retry of a write that was stored is refused by the store and answered ALREADY_DONE, so no command is
ever applied twice; a retry of one that was not is carried out. A key whose request was abandoned (its
process died, or its store failed before the answer was kept) is free again after the lease.
"""

from __future__ import annotations

import time

from eventsourcing.persistence import OperationalError

from gateway.audiences import path
from services.staff_directory.api import Role
from gateway.idempotency import _fingerprint
from gateway.idempotency_store import Scope
from services.platform.requests import current
from tests.reliability.scene import CONSENT, COUNSELLOR, error_codes, opened_case, trajectory_events


#: Documented (docs/reliability.md): a claim left without an answer is abandoned after 30 seconds.
LEASE_SECONDS = 30


def consent(gateway, case, marker: str, key: str):
    headers = {"Authorization": f"Bearer {gateway.token(COUNSELLOR, Role.COUNSELLOR)}", "Idempotency-Key": key}
    return gateway.client.post(path(Role.COUNSELLOR), headers=headers,
                               json={"query": CONSENT, "variables": {"case": str(case), "by": [marker]}})


def stored_markers(gateway, case) -> list[str]:
    return [given for event in trajectory_events(gateway.contexts.parent_a, case)[1:] for given in event.given_by]


def test_a_write_whose_acknowledgement_was_lost_is_applied_once_when_sent_again_with_its_key(gateway, monkeypatch):
    case = opened_case(gateway.contexts)
    recorder = gateway.contexts.parent_a.recorder
    insert = recorder.insert_events

    def committed_then_connection_lost(*args, **kwargs):
        insert(*args, **kwargs)
        current.get().outcome_unknown = True  # what the PostgreSQL recorder says when no answer came back
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(recorder, "insert_events", committed_then_connection_lost)
    lost = consent(gateway, case, "Sanne", "key-lost-ack")
    monkeypatch.undo()
    assert error_codes(lost.json()) == {"OUTCOME_UNKNOWN"}, lost.text
    assert "nothing was changed" not in lost.text and stored_markers(gateway, case) == ["Sanne"]

    retried = consent(gateway, case, "Sanne", "key-lost-ack")
    assert error_codes(retried.json()) == {"ALREADY_DONE"}, retried.text
    assert consent(gateway, case, "Sanne", "key-lost-ack").content == retried.content  # kept for the key
    assert stored_markers(gateway, case) == ["Sanne"], "applied twice"
    # Another request is not taken for it: a new key for the same text is a new consent.
    assert "errors" not in consent(gateway, case, "Sanne", "key-new").json()
    assert stored_markers(gateway, case) == ["Sanne", "Sanne"]


def test_a_key_abandoned_by_a_dead_process_is_free_after_the_lease_and_never_applies_twice(gateway, monkeypatch):
    case = opened_case(gateway.contexts)
    keys = gateway.client.app.state.idempotency
    # The process dies after the commit, before it keeps the answer: the key stays claimed, the write is stored.
    monkeypatch.setattr(keys, "answer", lambda *args: (_ for _ in ()).throw(OperationalError("process died")))
    assert "errors" not in consent(gateway, case, "Mark", "key-abandoned").json()
    monkeypatch.undo()
    held = consent(gateway, case, "Mark", "key-abandoned")
    assert held.status_code == 409 and error_codes(held.json()) == {"CONFLICT"}, held.text

    monkeypatch.setattr(keys, "_clock", lambda: time.time() + LEASE_SECONDS + 1)
    after_lease = consent(gateway, case, "Mark", "key-abandoned")
    assert error_codes(after_lease.json()) == {"ALREADY_DONE"}, after_lease.text
    assert stored_markers(gateway, case) == ["Mark"]


def test_a_key_abandoned_before_its_write_was_stored_is_carried_out_after_the_lease(gateway, monkeypatch):
    case = opened_case(gateway.contexts)
    keys = gateway.client.app.state.idempotency
    now = time.time()
    # A process claimed the key, then died before storing anything.
    payload = {"query": CONSENT, "variables": {"case": str(case), "by": ["Noor"]}}
    monkeypatch.setattr(keys, "_clock", lambda: now - LEASE_SECONDS - 1)
    assert keys.claim(Scope(COUNSELLOR, Role.COUNSELLOR.value), "key-never-stored", _fingerprint(payload)) is None
    monkeypatch.setattr(keys, "_clock", lambda: now)
    answer = consent(gateway, case, "Noor", "key-never-stored")
    assert "errors" not in answer.json(), answer.text
    assert stored_markers(gateway, case) == ["Noor"]
