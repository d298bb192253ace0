"""A mutation sent again with its idempotency key is answered from the first time and writes nothing.

Also after a restart of the gateway; never twice when two copies race; a key means something
only for one user, one endpoint and one request, and a key whose request changed nothing
(the store was down, or a conflict) is free for the retry.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from eventsourcing.persistence import IntegrityError, OperationalError
from fastapi.testclient import TestClient

from evenwijdig.bootstrap import bootstrap
from gateway.app import create_app
from gateway.auth import mint_development_token
from services.staff_directory.api import Role
from gateway.idempotency_store import KEEP_SECONDS, IdempotencyKeys
from gateway.idempotency_store import Scope, idempotency_table_for
from tests.reliability.scene import (
    CONSENT, COUNSELLOR, TRAJECTORY, access_logs, error_codes, opened_case, positions, register_counsellor,
    trajectory_events,
)
from tests.reliability.serving import served

ENDPOINT = "/graphql/counsellor"


def send(client: Any, token: str, query: str, variables: dict[str, Any], key: str | None = None,
         extensions: dict[str, Any] | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}", **({"Idempotency-Key": key} if key is not None else {})}
    body: dict[str, Any] = {"query": query, "variables": variables, **({"extensions": extensions} if extensions else {})}
    return client.post(ENDPOINT, json=body, headers=headers)


@pytest.fixture
def case(gateway):
    return opened_case(gateway.contexts)


@pytest.fixture
def token(gateway):
    return gateway.token(COUNSELLOR, Role.COUNSELLOR)


def consent(case, by: str = "Sanne Jansen") -> dict[str, Any]:
    return {"case": str(case), "by": [by]}


def state(gateway) -> tuple[dict[str, int], dict[str, int]]:
    return positions(gateway.contexts), access_logs(gateway.contexts)


def test_a_mutation_repeated_with_its_key_gets_the_first_answer_and_writes_nothing(gateway, case, token):
    first = send(gateway.client, token, CONSENT, consent(case), key="consent-2025-01-20")
    assert first.status_code == 200 and "errors" not in first.json(), first.text
    before = state(gateway)

    again = send(gateway.client, token, CONSENT, consent(case), key="consent-2025-01-20")

    assert (again.status_code, again.content) == (first.status_code, first.content)
    assert again.headers["Idempotency-Replayed"] == "true" and "Idempotency-Replayed" not in first.headers
    assert state(gateway) == before, "a replay wrote an event or logged an access"
    assert len(trajectory_events(gateway.contexts.parent_a, case)) == 2


def test_the_same_command_without_a_key_is_a_new_command(gateway, case, token):
    send(gateway.client, token, CONSENT, consent(case), key="k-1")
    send(gateway.client, token, CONSENT, consent(case))
    assert len(trajectory_events(gateway.contexts.parent_a, case)) == 3


def test_a_key_reused_for_a_different_request_is_refused_and_changes_nothing(gateway, case, token):
    send(gateway.client, token, CONSENT, consent(case), key="k-1")
    before = state(gateway)
    response = send(gateway.client, token, CONSENT, consent(case, "Mark de Vries"), key="k-1")
    assert response.status_code == 422
    assert error_codes(response.json()) == {"INVALID"}
    assert "used for a different request" in response.json()["errors"][0]["message"]
    assert state(gateway) == before


def test_a_refused_command_is_answered_the_same_way_again_without_a_second_access(gateway, case, token):
    first = send(gateway.client, token, CONSENT, {"case": str(case), "by": []}, key="empty-consent")
    assert error_codes(first.json()) == {"INVALID"}
    before = state(gateway)
    again = send(gateway.client, token, CONSENT, {"case": str(case), "by": []}, key="empty-consent")
    assert again.content == first.content and again.headers["Idempotency-Replayed"] == "true"
    assert state(gateway) == before


def test_a_restarted_gateway_still_answers_a_repeat_from_the_first_time(settings):
    contexts = bootstrap(settings)
    case = opened_case(contexts)
    with TestClient(create_app(settings, contexts)) as client:
        token = mint_development_token(settings.data_dir, COUNSELLOR, Role.COUNSELLOR)
        first = send(client, token, CONSENT, consent(case), key="before-the-restart")
    contexts.close()

    reopened = bootstrap(settings)
    try:
        before = positions(reopened), access_logs(reopened)
        with TestClient(create_app(settings, open_contexts=bootstrap)) as client:
            again = send(client, token, CONSENT, consent(case), key="before-the-restart")
        assert (again.status_code, again.content) == (200, first.content)
        assert "errors" not in first.json()
        assert (positions(reopened), access_logs(reopened)) == before
    finally:
        reopened.close()


def test_copies_of_one_request_racing_with_one_key_run_it_once(gateway, case, token):
    copies = 16
    barrier = threading.Barrier(copies, timeout=30)

    def one_copy(_: int) -> httpx.Response:
        with httpx.Client(base_url=base, timeout=60) as http:
            barrier.wait()
            return send(http, token, CONSENT, consent(case), key="sent-sixteen-times")

    with served(create_app(gateway.settings, gateway.contexts)) as base:
        with ThreadPoolExecutor(copies) as pool:
            responses = list(pool.map(one_copy, range(copies)))

    assert len(trajectory_events(gateway.contexts.parent_a, case)) == 2, "the command ran more than once"
    answers = [r for r in responses if r.status_code == 200]
    in_progress = [r for r in responses if r.status_code == 409]
    assert len(answers) + len(in_progress) == copies, [r.text for r in responses]
    assert len({r.content for r in answers}) == 1 and "errors" not in answers[0].json()
    assert all(error_codes(r.json()) == {"CONFLICT"} for r in in_progress)


@pytest.mark.parametrize("failure", [OperationalError("the store went away"), IntegrityError("raced")],
                         ids=["unavailable", "conflict"])
def test_a_key_whose_request_changed_nothing_is_free_for_the_retry(gateway, case, token, monkeypatch, failure):
    app = gateway.contexts.parent_a
    insert = app.recorder.insert_events  # the store refuses the command's events once

    def fail_once(*args: Any, **kwargs: Any) -> Any:
        monkeypatch.setattr(app.recorder, "insert_events", insert)
        raise failure

    monkeypatch.setattr(app.recorder, "insert_events", fail_once)
    failed = send(gateway.client, token, CONSENT, consent(case), key="retry-me")
    assert error_codes(failed.json()) <= {"UNAVAILABLE", "CONFLICT"} and error_codes(failed.json())

    retried = send(gateway.client, token, CONSENT, consent(case), key="retry-me")
    assert "errors" not in retried.json() and "Idempotency-Replayed" not in retried.headers
    assert len(trajectory_events(app, case)) == 2


def test_a_key_stays_taken_when_one_field_ran_though_a_later_one_hit_a_conflict(gateway, case, token, monkeypatch):
    app = gateway.contexts.parent_a
    insert, calls = app.recorder.insert_events, []

    def second_call_conflicts(*args: Any, **kwargs: Any) -> Any:  # the store refuses the second field's events
        calls.append(1)
        if len(calls) == 2:
            raise IntegrityError("raced")
        return insert(*args, **kwargs)

    monkeypatch.setattr(app.recorder, "insert_events", second_call_conflicts)
    both = """mutation($case: UUID!) {
      first: recordConsent(caseId: $case, scopes: [TRAJECTORY], givenBy: ["Sanne"], givenOn: "2025-01-20") { version }
      second: recordConsent(caseId: $case, scopes: [TRAJECTORY], givenBy: ["Mark"], givenOn: "2025-01-20") { version }
    }"""
    failed = send(gateway.client, token, both, {"case": str(case)}, key="two-fields")
    assert error_codes(failed.json()) == {"CONFLICT"} and failed.json()["data"] is None, failed.text

    again = send(gateway.client, token, both, {"case": str(case)}, key="two-fields")
    assert again.headers.get("Idempotency-Replayed") == "true", "the first field would have run twice"
    assert len(trajectory_events(app, case)) == 2


def test_a_key_is_kept_per_user(gateway, case, token):
    first = send(gateway.client, token, CONSENT, consent(case), key="shared-key")
    other = register_counsellor(gateway.contexts, "reliability-counsellor-2")
    response = send(gateway.client, gateway.token(other, Role.COUNSELLOR), CONSENT, consent(case), key="shared-key")
    assert response.content != first.content and "Idempotency-Replayed" not in response.headers
    assert error_codes(response.json()) == {"NOT_FOUND"}, "another user's key must not replay the first answer"


def test_queries_ignore_the_key(gateway, case, token):
    variables = {"case": str(case)}
    first = send(gateway.client, token, TRAJECTORY, variables, key="read-twice")
    send(gateway.client, token, CONSENT, consent(case))
    again = send(gateway.client, token, TRAJECTORY, variables, key="read-twice")
    assert again.json()["data"]["trajectory"]["version"] == first.json()["data"]["trajectory"]["version"] + 1


def test_a_key_in_the_request_extensions_works_like_the_header(gateway, case, token):
    first = send(gateway.client, token, CONSENT, consent(case), extensions={"idempotencyKey": "in-the-body"})
    again = send(gateway.client, token, CONSENT, consent(case), key="in-the-body",
                 extensions={"idempotencyKey": "in-the-body"})
    assert again.content == first.content and again.headers["Idempotency-Replayed"] == "true"


@pytest.mark.parametrize("key, extensions", [
    ("", None), ("k" * 256, None), ("with space", None), (None, {"idempotencyKey": "tab\there"}),
    (None, {"idempotencyKey": "sleutel-é"}), (None, {"idempotencyKey": 42}),
    ("one-key", {"idempotencyKey": "another-key"}),
], ids=["empty", "too-long", "space", "control-character", "not-ascii", "not-a-string", "two-keys"])
def test_a_malformed_key_is_refused_and_changes_nothing(gateway, case, token, key, extensions):
    before = state(gateway)
    response = send(gateway.client, token, CONSENT, consent(case), key=key, extensions=extensions)
    assert response.status_code == 422 and error_codes(response.json()) == {"INVALID"}
    assert "idempotency key" in response.json()["errors"][0]["message"]
    assert state(gateway) == before


def test_a_key_is_forgotten_a_day_after_it_was_first_used(gateway):
    directory = gateway.contexts.directory
    now = [1_000_000.0]
    keys = IdempotencyKeys(idempotency_table_for(directory.factory, directory.name), b"s" * 32, clock=lambda: now[0])
    scope = Scope("someone", "counsellor")
    assert keys.claim(scope, "k", "request-1") is None
    keys.answer(scope, "k", "request-1", 200, b'{"data": {}}')
    now[0] += KEEP_SECONDS - 1
    kept = keys.claim(scope, "k", "request-2")
    assert kept is not None and kept.fingerprint == "request-1" and kept.body == b'{"data": {}}'
    now[0] += 2
    assert keys.claim(scope, "k", "request-2") is None, "an expired key is free again"
    assert keys.claim(Scope("someone", "coordinator"), "k", "request-3") is None, "a key is per audience"


def test_a_kept_answer_cannot_be_read_from_the_gateway_store(gateway, case, token):
    note = "KEPT-ANSWER-CANARY-7731"
    showing = CONSENT.replace("{ version }", "{ consents { givenBy } }")
    answer = send(gateway.client, token, showing, consent(case, note), key="sealed")
    assert note in answer.text
    raw = raw_rows(gateway.contexts.directory)
    assert raw and not any(note.encode() in row for row in raw), "the answer is readable in the gateway's store"


def raw_rows(directory: Any) -> list[bytes]:
    with directory.factory.datastore.transaction(commit=False) as cursor:
        table = directory.storage.dialect.table("gateway_idempotency")
        cursor.execute(f"SELECT body FROM {table}")
        return [bytes(row["body"]) for row in cursor.fetchall() if row["body"] is not None]
