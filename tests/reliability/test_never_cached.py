"""No answer of the gateway may be kept by a browser or a proxy: answers hold private case text."""

from __future__ import annotations

import pytest

from gateway.audiences import path
from services.staff_directory.api import Role
from tests.reliability.hostile import SENDERS, HostileScene
from tests.reliability.scene import CONSENT, TRAJECTORY


@pytest.fixture
def scene(gateway) -> HostileScene:
    return HostileScene.set_up(gateway.contexts)


def test_every_answer_says_it_must_not_be_stored(gateway, scene):
    counsellor = {"Authorization": f"Bearer {gateway.token(SENDERS[Role.COUNSELLOR], Role.COUNSELLOR)}"}
    case = {"case": str(scene.case)}
    keyed = {**counsellor, "Idempotency-Key": "never-cached-1"}
    consent = {"query": CONSENT, "variables": {**case, "by": ["Sanne"]}}
    answers = {
        "private data": gateway.client.post(path(Role.COUNSELLOR), json={"query": TRAJECTORY, "variables": case},
                                            headers=counsellor),
        "a mutation": gateway.client.post(path(Role.COUNSELLOR), json=consent, headers=keyed),
        "its replay by key": gateway.client.post(path(Role.COUNSELLOR), json=consent, headers=keyed),
        "a GraphQL error": gateway.client.post(path(Role.COUNSELLOR), json={"query": "{ nothing }"}, headers=counsellor),
        "no token": gateway.client.post(path(Role.COUNSELLOR), json={"query": TRAJECTORY}),
        "a malformed body": gateway.client.post(path(Role.COUNSELLOR), content=b"[", headers=counsellor),
        "a body too large": gateway.client.post(path(Role.COUNSELLOR), content=b" " * 300_000, headers=counsellor),
        "status": gateway.client.post("/graphql/status", json={"query": "{ status { service } }"}),
        "readiness": gateway.client.get("/readyz"),
    }
    assert answers["private data"].json()["data"]["trajectory"]["version"] >= 1
    assert answers["its replay by key"].headers.get("Idempotency-Replayed") == "true"
    for role in SENDERS:
        answers[role.value] = gateway.client.post(path(role), json={"query": "{ __typename }"}, headers={
            "Authorization": f"Bearer {gateway.token(SENDERS[role], role)}"})
    wrong = {name: dict(r.headers) for name, r in answers.items()
             if r.headers.get("cache-control") != "no-store" or r.headers.get("pragma") != "no-cache"}
    assert not wrong, wrong
