"""EVENWIJDIG_ENV=production: tokens from the identity provider only, no development conveniences."""

from __future__ import annotations

import base64
import json
import os
import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi.testclient import TestClient

from evenwijdig.bootstrap import bootstrap
from evenwijdig.settings import STORES, AuthSettings
from gateway.app import create_app
from gateway.auth import mint_development_token
from services.staff_directory.api import Role

ISSUER, AUDIENCE, KID = "https://idp.praktijk.test", "evenwijdig-production", "praktijk-2026"


@pytest.fixture(scope="module")
def identity_provider():
    """A JWKS endpoint on loopback, as an OIDC provider publishes it."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    body = json.dumps({"keys": [{**jwk, "kid": KID, "use": "sig", "alg": "RS256"}]}).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield key, f"http://127.0.0.1:{server.server_address[1]}/jwks"
    server.shutdown()


@pytest.fixture
def production(settings, identity_provider):
    key, jwks_url = identity_provider
    prod = replace(
        settings, environment="production",
        auth=AuthSettings(issuer=ISSUER, audience=AUDIENCE, jwks_url=jwks_url, algorithms=("RS256",)),
        keystore_keys={store: base64.b64encode(os.urandom(32)).decode() for store in STORES},
    )
    contexts = bootstrap(prod)
    contexts.directory.register_staff("admin-1", "Beheer", [Role.ADMIN], actor="setup")
    with TestClient(create_app(prod, contexts)) as client:
        yield client, key, prod
    contexts.close()


def provider_token(key, **overrides) -> str:
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": AUDIENCE, "sub": "admin-1", "evenwijdig_role": "admin",
              "iat": now, "exp": now + 300, **overrides}
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": KID})


def post(client, token, query):
    return client.post("/graphql/admin", json={"query": query}, headers={"Authorization": f"Bearer {token}"})


def test_a_token_from_the_identity_provider_is_accepted(production):
    client, key, _ = production
    response = post(client, provider_token(key), '{ staffMember(user: "admin-1") { user } }')
    assert response.json() == {"data": {"staffMember": {"user": "admin-1"}}}


def test_development_tokens_are_refused_in_production(production):
    client, _, prod = production
    assert post(client, mint_development_token(prod.data_dir, "admin-1", Role.ADMIN), "{ __typename }").status_code == 401


def test_an_hmac_token_keyed_with_the_providers_public_key_is_refused(production):
    client, key, _ = production
    public_pem = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    now = int(time.time())
    header = base64.urlsafe_b64encode(json.dumps({"alg": "HS256", "kid": KID}).encode()).rstrip(b"=")
    payload = base64.urlsafe_b64encode(json.dumps({"iss": ISSUER, "aud": AUDIENCE, "sub": "admin-1",
                                                   "evenwijdig_role": "admin", "iat": now, "exp": now + 300}).encode()).rstrip(b"=")
    import hashlib
    import hmac
    signature = base64.urlsafe_b64encode(hmac.new(public_pem, header + b"." + payload, hashlib.sha256).digest()).rstrip(b"=")
    assert post(client, (header + b"." + payload + b"." + signature).decode(), "{ __typename }").status_code == 401


def test_a_token_with_a_key_id_the_provider_does_not_publish_is_refused(production):
    client, key, _ = production
    now = int(time.time())
    token = jwt.encode({"iss": ISSUER, "aud": AUDIENCE, "sub": "admin-1", "evenwijdig_role": "admin", "iat": now,
                        "exp": now + 300}, key, algorithm="RS256", headers={"kid": "unknown-key"})
    assert post(client, token, "{ __typename }").status_code == 401


def test_introspection_is_off_in_production(production):
    client, key, _ = production
    body = post(client, provider_token(key), "{ __schema { types { name } } }").json()
    assert "data" not in body or body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "INVALID"


def test_field_suggestions_never_reveal_the_schema(production):
    client, key, _ = production
    body = post(client, provider_token(key), '{ staffMembr(user: "x") { user } }').json()
    assert "Did you mean" not in json.dumps(body)


def test_graphiql_is_not_served_in_production(production):
    client, _, _ = production
    response = client.get("/graphql/admin", headers={"accept": "text/html"})
    assert "graphiql" not in response.text.lower()
    assert response.status_code in (401, 404, 405)
