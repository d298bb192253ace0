"""Nobody is let in on a token that is not exactly right (issues 5 and 9)."""

from __future__ import annotations

import base64
import json
import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from gateway.auth import DEVELOPMENT_AUDIENCE, DEVELOPMENT_ISSUER, development_key
from services.staff_directory.api import Role

QUERY = '{ staffMember(user: "admin-1") { user roles } }'


def claims(**overrides):
    now = int(time.time())
    base = {"iss": DEVELOPMENT_ISSUER, "aud": DEVELOPMENT_AUDIENCE, "sub": "admin-1", "role": "admin",
            "iat": now, "nbf": now, "exp": now + 600}
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def signed(gateway, headers=None, **overrides) -> str:
    return jwt.encode(claims(**overrides), development_key(gateway.settings.data_dir), algorithm="EdDSA",
                      headers={"kid": "development", **(headers or {})})


@pytest.fixture
def admin(gateway):
    gateway.staff("admin-1", Role.ADMIN)
    return gateway


def test_a_valid_token_of_a_held_role_is_let_in(admin):
    response = admin.post(Role.ADMIN, QUERY, token=signed(admin))
    assert response.status_code == 200, response.text
    assert response.json()["data"]["staffMember"] == {"user": "admin-1", "roles": ["ADMIN"]}


def test_a_request_without_a_token_is_refused_with_401(admin):
    response = admin.client.post("/graphql/admin", json={"query": QUERY})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    "overrides",
    [
        {"exp": int(time.time()) - 3600},
        {"nbf": int(time.time()) + 3600},
        {"iss": "https://evil.example"},
        {"aud": "another-service"},
        {"exp": None},
        {"sub": None},
    ],
    ids=["expired", "not-yet-valid", "wrong-issuer", "wrong-audience", "no-expiry", "no-subject"],
)
def test_a_token_with_wrong_claims_is_refused_with_401(admin, overrides):
    response = admin.post(Role.ADMIN, QUERY, token=signed(admin, **overrides))
    assert response.status_code == 401, response.text
    assert "admin-1" not in response.text


def test_an_unsigned_token_is_refused(admin):
    token = jwt.encode(claims(), key=None, algorithm="none", headers={"kid": "development"})
    assert admin.post(Role.ADMIN, QUERY, token=token).status_code == 401


def test_a_token_signed_with_the_public_key_as_an_hmac_secret_is_refused(admin):
    public_pem = development_key(admin.settings.data_dir).public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    header = base64.urlsafe_b64encode(json.dumps({"alg": "HS256", "typ": "JWT", "kid": "development"}).encode()).rstrip(b"=")
    payload = base64.urlsafe_b64encode(json.dumps(claims()).encode()).rstrip(b"=")
    import hashlib
    import hmac
    signature = base64.urlsafe_b64encode(hmac.new(public_pem, header + b"." + payload, hashlib.sha256).digest()).rstrip(b"=")
    token = b".".join([header, payload, signature]).decode()
    assert admin.post(Role.ADMIN, QUERY, token=token).status_code == 401


def test_a_token_whose_payload_was_altered_is_refused(admin):
    header, payload, signature = signed(admin, sub="counsellor-9").split(".")
    forged = base64.urlsafe_b64encode(json.dumps(claims(sub="admin-1")).encode()).rstrip(b"=").decode()
    assert admin.post(Role.ADMIN, QUERY, token=f"{header}.{forged}.{signature}").status_code == 401


def test_a_token_signed_by_another_key_is_refused(admin):
    other = Ed25519PrivateKey.generate()
    token = jwt.encode(claims(), other, algorithm="EdDSA", headers={"kid": "development"})
    assert admin.post(Role.ADMIN, QUERY, token=token).status_code == 401


def test_a_token_with_an_unknown_key_id_is_refused(admin):
    assert admin.post(Role.ADMIN, QUERY, token=signed(admin, headers={"kid": "rotated-2019"})).status_code == 401


def test_a_role_the_user_does_not_hold_is_refused_with_403(admin):
    admin.staff("counsellor-1", Role.COUNSELLOR)
    response = admin.post(Role.ADMIN, QUERY, token=signed(admin, sub="counsellor-1", role="admin"))
    assert response.status_code == 403


def test_a_token_for_one_audience_does_not_open_another(admin):
    admin.staff("counsellor-1", Role.COUNSELLOR)
    response = admin.post(Role.COUNSELLOR, QUERY, user="counsellor-1", endpoint=Role.ADMIN)
    assert response.status_code == 403


def test_a_deactivated_account_is_refused_at_once(admin):
    admin.staff("admin-2", Role.ADMIN)
    admin.contexts.directory.deactivate("admin-2", actor="admin-1", reason="left the practice")
    assert admin.post(Role.ADMIN, QUERY, user="admin-2").status_code == 403


def test_a_refused_token_is_logged(admin, caplog):
    caplog.set_level("INFO", logger="evenwijdig.gateway.security")
    admin.post(Role.ADMIN, QUERY, token=signed(admin, iss="https://evil.example"))
    assert any("refused /graphql/admin" in record.getMessage() for record in caplog.records)


def test_graphiql_opens_in_development_but_queries_over_get_are_refused(admin):
    page = admin.client.get("/graphql/admin", headers={"accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()
    over_get = admin.client.get("/graphql/admin", params={"query": QUERY}, headers={"accept": "application/json"})
    assert over_get.status_code in (400, 405)
    assert "admin-1" not in over_get.text
