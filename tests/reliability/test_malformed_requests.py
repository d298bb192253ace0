"""Every malformed request, at every endpoint, is refused with a 4xx or INVALID and a stable code, changes
nothing, leaves no traceback in the log, and gives nothing of the schema away (docs/reliability.md, "Bad input")."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from gateway.audiences import SCHEMAS, path
from services.staff_directory.api import Role
from gateway.request_shape import MAX_JSON_DEPTH
from tests.reliability.hostile import SENDERS, HostileScene
from tests.reliability.scene import access_logs, error_codes, positions
from tests.reliability.sdl_arguments import bad_requests

ENDPOINTS = [*SENDERS, None]  # None: /graphql/status, which takes no token


@pytest.fixture
def scene(gateway) -> HostileScene:
    return HostileScene.set_up(gateway.contexts)


def send(gateway, role: Role | None, body: bytes, *, token: bool = True) -> Any:
    headers = {"Content-Type": "application/json"}
    if role is not None and token:
        headers["Authorization"] = f"Bearer {gateway.token(SENDERS[role], role)}"
    return gateway.client.post(path(role) if role else "/graphql/status", content=body, headers=headers)


def refused(response: Any, status: int = 400) -> str:
    assert response.status_code == status, response.text
    assert error_codes(response.json()) == {"INVALID"}, response.text
    return response.json()["errors"][0]["message"]


def no_traceback(caplog: pytest.LogCaptureFixture) -> None:
    logged = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert not logged, [r.getMessage() for r in logged]


@pytest.mark.parametrize("token", [True, False], ids=["token", "no-token"])
def test_a_json_body_nested_50000_deep_is_refused_at_every_endpoint_and_the_next_request_is_served(
        gateway, scene, caplog, token):
    caplog.set_level(logging.INFO)
    before = positions(gateway.contexts), access_logs(gateway.contexts)
    bodies = [b"[" * 50_000 + b"]" * 50_000, b'{"query": "{ __typename }", "variables": {"v": '
              + b"[" * 50_000 + b"]" * 50_000 + b"}}"]
    for role in ENDPOINTS:
        for body in bodies:
            assert f"deeper than {MAX_JSON_DEPTH}" in refused(send(gateway, role, body, token=token))
        # The connection is still good: the next request on it is answered normally.
        follow = send(gateway, role, b'{"query": "{ __typename }"}', token=token)
        assert follow.status_code == (200 if token or role is None else 401), follow.text
    no_traceback(caplog)
    assert (positions(gateway.contexts), access_logs(gateway.contexts)) == before


def test_a_body_nested_as_deep_as_the_limit_still_reaches_graphql(gateway, scene):
    deep = b"[" * (MAX_JSON_DEPTH - 2) + b"]" * (MAX_JSON_DEPTH - 2)
    body = b'{"query": "{ __typename }", "extensions": {"x": ' + deep + b"}}"
    assert send(gateway, Role.ADMIN, body).json() == {"data": {"__typename": "Query"}}


MALFORMED = {
    "empty": b"", "not JSON": b"{", "not UTF-8": b'{"query": "\xff"}', "an array (a batch)": b"[]",
    "a number": b"1", "a string": b'"{ __typename }"', "no query": b"{}", "query not text": b'{"query": 1}',
    "variables not an object": b'{"query": "{ __typename }", "variables": []}',
    "operation name not text": b'{"query": "{ __typename }", "operationName": 3}',
    "extensions not an object": b'{"query": "{ __typename }", "extensions": []}',
    "NaN": b'{"query": "{ __typename }", "variables": {"x": NaN}}',
    "a number of 100,000 digits": b'{"query": "{ __typename }", "variables": {"x": ' + b"9" * 100_000 + b"}}",
    "a lone surrogate in the query": b'{"query": "{ __typename \\ud800 }"}',
    "a lone surrogate in a name": b'{"query": "{ __typename }", "variables": {"\\udc00": 1}}',
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_a_malformed_body_is_refused_with_400_and_a_code_at_every_endpoint(gateway, scene, caplog, name):
    before = positions(gateway.contexts), access_logs(gateway.contexts)
    for role in ENDPOINTS:
        refused(send(gateway, role, MALFORMED[name]))
    no_traceback(caplog)
    assert (positions(gateway.contexts), access_logs(gateway.contexts)) == before


def test_other_refusals_of_the_http_layer_carry_a_stable_code(gateway, scene):
    counsellor = {"Authorization": f"Bearer {gateway.token(SENDERS[Role.COUNSELLOR], Role.COUNSELLOR)}"}
    wrong_type = gateway.client.post(path(Role.COUNSELLOR), content=b"{}", headers={**counsellor,
                                                                                   "Content-Type": "text/plain"})
    unknown_operation = gateway.client.post(path(Role.COUNSELLOR), headers=counsellor,
                                            json={"query": "{ __typename }", "operationName": "Other"})
    cases = [(wrong_type, 400, "INVALID"), (unknown_operation, 400, "INVALID"),
             (gateway.client.post(path(Role.COUNSELLOR), json={"query": "{ __typename }"}), 401, "UNAUTHENTICATED"),
             (gateway.client.put(path(Role.COUNSELLOR), headers=counsellor, json={}), 405, "INVALID"),
             (gateway.client.post("/graphql/nothing", json={}), 404, "NOT_FOUND")]
    for response, status, code in cases:
        assert (response.status_code, error_codes(response.json())) == (status, {code}), response.text


SUGGESTIBLE = {
    "an output field": "{ staffMembr(user: \"x\") { user } }",
    "an argument": "{ staffMember(usr: \"x\") { user } }",
    "an enum value": "mutation { registerStaff(user: \"x\", displayName: \"X\", roles: [ADMN]) { ok } }",
    "an enum value in a variable": ("mutation($r: [Role!]!) { registerStaff(user: \"x\", displayName: \"X\", roles: $r) "
                                    "{ ok } }", {"r": ["ADMN"]}),
    "a type": "query($r: Rol) { staffMember(user: \"x\") { user } }",
    "a field of a returned type": "{ staffMember(user: \"x\") { usr } }",
}


@pytest.mark.parametrize("kind", list(SUGGESTIBLE))
def test_no_refusal_suggests_a_name_of_the_schema(gateway, scene, kind):
    query, variables = SUGGESTIBLE[kind] if isinstance(SUGGESTIBLE[kind], tuple) else (SUGGESTIBLE[kind], {})
    response = gateway.post(Role.ADMIN, query, variables, user=SENDERS[Role.ADMIN])
    assert error_codes(response.json()) == {"INVALID"}, response.text
    assert "did you mean" not in response.text.lower(), response.text


def test_input_fields_are_not_suggested_either(gateway, scene):
    query = ("mutation($c: RegisterCaseInput!) { registerCase(case: $c) }")
    variables = {"c": {"parentA": {"displayName": "A", "parentalAuthority": True, "nam": "x"},
                       "parentB": {"displayName": "B", "parentalAuthority": True}, "children": [],
                       "trajectoryType": "PARALLEL_OUDERSCHAP"}}
    literal = ("mutation { registerCase(case: {parentA: {displayName: \"A\", parentalAuthority: true, nam: \"x\"}, "
               "parentB: {displayName: \"B\", parentalAuthority: true}, children: [], "
               "trajectoryType: PARALLEL_OUDERSCHAP}) }")
    for sent, values in ((query, variables), (literal, {})):
        response = gateway.post(Role.COORDINATOR, sent, values, user=SENDERS[Role.COORDINATOR])
        assert error_codes(response.json()) == {"INVALID"}, response.text
        assert "did you mean" not in response.text.lower(), response.text


@pytest.mark.parametrize("role", list(SENDERS), ids=[role.value for role in SENDERS])
def test_a_lone_surrogate_or_an_extreme_date_in_any_argument_is_invalid_naming_it_and_changes_nothing(
        gateway, scene, caplog, role):
    sdl = SCHEMAS[role](introspection=False).as_str()
    headers = {"Authorization": f"Bearer {gateway.token(SENDERS[role], role)}"}
    before = positions(gateway.contexts), access_logs(gateway.contexts)
    problems, sent = [], 0
    for bad in bad_requests(sdl, str(scene.case)):
        sent += 1
        # Escaped (ensure_ascii): a lone surrogate is valid JSON syntax only as an escape.
        response = gateway.client.post(path(role), content=json.dumps({"query": bad.query, "variables": bad.variables}),
                                       headers={**headers, "Content-Type": "application/json"})
        body = response.json()
        named = f"variables.{bad.argument}" if bad.kind in ("String", "ID") else f"'{bad.argument}'"
        if error_codes(body) != {"INVALID"} or body.get("data") is not None or response.status_code >= 500:
            problems.append(f"{bad.label}: {response.status_code} {response.text[:300]}")
        elif not all(named in error["message"] for error in body["errors"]):
            problems.append(f"{bad.label}: does not name {named}: {response.text[:300]}")
    assert sent > 0 and not problems, f"{len(problems)} of {sent}:\n" + "\n".join(problems[:10])
    no_traceback(caplog)
    assert (positions(gateway.contexts), access_logs(gateway.contexts)) == before
