"""The GraphiQL routes without a browser: development only, assets from the package, nothing from elsewhere."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from evenwijdig.settings import Settings
from gateway.app import create_app
from services.staff_directory.api import Role
from gateway.graphiql.routes import ASSETS, ASSETS_DIR


def test_production_has_no_graphiql_page_assets_or_sign_in():
    # Without its lifespan the app opens no store: enough to see which routes exist.
    production, development = TestClient(create_app(Settings(environment="production"))), TestClient(create_app(Settings()))
    for path in ("/graphiql", "/graphiql/assets/graphiql.min.js"):
        assert production.get(path).status_code == 404 and development.get(path).status_code == 200
    assert production.post("/graphiql/token", json={"audience": "admin", "user": "x"}).status_code == 404


def test_every_asset_ships_in_the_package_with_its_licence():
    for name in ASSETS:
        assert (ASSETS_DIR / name).stat().st_size > 0, name
    for licence in ("LICENSE-graphiql.txt", "LICENSE-react.txt", "LICENSE-react-dom.txt", "SOURCES.txt"):
        assert (ASSETS_DIR / licence).exists()


def test_a_page_refers_only_to_its_own_origin_and_says_so_in_its_policy(gateway):
    page = gateway.client.get("/graphql/auditor")
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy and "script-src 'self'" in policy
    addresses = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert addresses and all(address.startswith("/graphiql/assets/") for address in addresses)
    for address in addresses:
        assert gateway.client.get(address).status_code == 200


def test_only_named_assets_are_served(gateway):
    assert gateway.client.get("/graphiql/assets/SOURCES.txt").status_code == 404
    assert gateway.client.get("/graphiql/assets/..%2Froutes.py").status_code == 404


def test_the_sign_in_mints_a_token_only_for_a_user_who_holds_the_role(gateway):
    gateway.staff("auditor-1", Role.AUDITOR)
    refused = gateway.client.post("/graphiql/token", json={"audience": "admin", "user": "auditor-1"})
    assert refused.status_code == 403 and "token" not in refused.json()
    minted = gateway.client.post("/graphiql/token", json={"audience": "auditor", "user": "auditor-1"}).json()
    answer = gateway.client.post("/graphql/auditor", json={"query": "{ verify(context: GATEWAY) { ok } }"},
                                 headers={"Authorization": f"Bearer {minted['token']}"})
    assert answer.json() == {"data": {"verify": {"ok": True}}}
