"""A running gateway (in-process ASGI) over fresh stores of either kind, and tokens to call it with."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Iterator

import pytest
from fastapi.testclient import TestClient

from evenwijdig.bootstrap import Contexts, bootstrap
from evenwijdig.settings import Settings
from gateway.app import create_app
from gateway.audiences import path
from gateway.auth import mint_development_token
from services.platform.stores import Store
from services.staff_directory.api import Role, Side
from tests.support.clock import SettableClock
from tests.support import coordinator_gateway as coordinating
from tests.support import counsellor_scene as counselling


@dataclass
class Gateway:
    client: TestClient
    contexts: Contexts
    settings: Settings
    #: The shared context's "now" (planning, pauses, attendance): the real time until a test sets it.
    shared_clock: SettableClock

    def token(self, user: str, role: Role) -> str:
        return mint_development_token(self.settings.data_dir, user, role)

    def post(self, role: Role, query: str, variables: dict[str, Any] | None = None, *, user: str | None = None,
             token: str | None = None, endpoint: Role | None = None):
        bearer = token if token is not None else self.token(user or f"{role.value}-1", role)
        return self.client.post(path(endpoint or role), json={"query": query, "variables": variables or {}},
                                headers={"Authorization": f"Bearer {bearer}"})

    def staff(self, user: str, *roles: Role) -> str:
        self.contexts.directory.register_staff(user, user.replace("-", " ").title(), roles, actor="test-setup")
        return user


@pytest.fixture
def gateway(settings: Settings) -> Iterator[Gateway]:
    shared_clock = SettableClock()
    contexts = bootstrap(settings, clocks={Store.SHARED: shared_clock})
    try:
        with TestClient(create_app(settings, contexts)) as client:
            yield Gateway(client, contexts, settings, shared_clock)
    finally:
        contexts.close()


@pytest.fixture
def coordinator(gateway):
    gateway.staff(coordinating.COORDINATOR, Role.COORDINATOR)
    gateway.shared_clock.set(coordinating.NOW)  # the server's "now" for pauses, attendance and planning
    return gateway


@pytest.fixture
def scene(gateway) -> counselling.Scene:
    """One case with a counsellor on each side, a child counsellor and its coordinator (tests.support.counsellor_scene)."""
    for user in (counselling.COUNSELLOR_A, counselling.COUNSELLOR_B, counselling.OUTSIDER):
        gateway.staff(user, Role.COUNSELLOR)
    gateway.staff(counselling.COORDINATOR, Role.COORDINATOR)
    gateway.staff(counselling.CHILD_COUNSELLOR, Role.CHILD_COUNSELLOR)
    case = uuid.uuid4()
    directory = gateway.contexts.directory
    counselling.register_shared_case(gateway, case)  # the registering coordinator is assigned by the flow
    directory.assign_counsellor(case, Side.PARENT_A, counselling.COUNSELLOR_A, "admin-1")
    directory.assign_counsellor(case, Side.PARENT_B, counselling.COUNSELLOR_B, "admin-1")
    directory.assign_child_counsellor(case, counselling.CHILD_COUNSELLOR, "admin-1")
    return counselling.Scene(gateway, str(case))
