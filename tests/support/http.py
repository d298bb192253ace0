"""A real GraphQL client over HTTP, as a practice's own software would call a served gateway."""

from __future__ import annotations

import pytest
from gql import Client, gql
from gql.transport.exceptions import TransportQueryError
from gql.transport.httpx import HTTPXTransport

from evenwijdig.bootstrap import bootstrap
from evenwijdig.settings import Settings
from gateway.audiences import path
from gateway.auth import mint_development_token
from services.staff_directory.api import Role

ADMIN = "e2e-admin"


def client(base: str, settings: Settings, user: str, role: Role) -> Client:
    """A client of ``role``'s endpoint carrying a development token for ``user``."""
    token = mint_development_token(settings.data_dir, user, role)
    transport = HTTPXTransport(url=f"{base}{path(role)}", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    return Client(transport=transport, fetch_schema_from_transport=False)


def run(client: Client, document: str, **variables) -> dict:
    request = gql(document)
    request.variable_values = variables
    return client.execute(request)


def refused(client: Client, document: str, **variables) -> dict:
    """The first error of a request the gateway must refuse."""
    with pytest.raises(TransportQueryError) as raised:
        run(client, document, **variables)
    return raised.value.errors[0]


def install_first_administrator(settings: Settings, admin: str = ADMIN) -> None:
    """What an operator does once when installing: register the first administrator directly."""
    contexts = bootstrap(settings)
    try:
        contexts.directory.register_staff(admin, "Applicatiebeheer", [Role.ADMIN], actor="installer")
    finally:
        contexts.close()
