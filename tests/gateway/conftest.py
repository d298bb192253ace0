"""A running gateway (in-process ASGI) over fresh stores of either kind, and tokens to call it with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

import pytest
from fastapi.testclient import TestClient

from evenwijdig.bootstrap import Contexts, bootstrap
from evenwijdig.settings import Settings
from gateway.app import create_app
from gateway.audiences import path
from gateway.auth import mint_development_token
from services.staff_directory.api import Role


@dataclass
class Gateway:
    client: TestClient
    contexts: Contexts
    settings: Settings

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
    contexts = bootstrap(settings)
    try:
        with TestClient(create_app(settings, contexts)) as client:
            yield Gateway(client, contexts, settings)
    finally:
        contexts.close()
