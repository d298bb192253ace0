"""Oversized requests are refused with the documented limits, and change nothing.

Body 256 KiB (413), depth 8, 15 aliases, 2,000 tokens (INVALID), and every list an audience
may send: over its limit it is refused with INVALID naming the limit, before any store is
touched. The limits are listed in docs/reliability.md.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

import pytest

from gateway.audiences import path
from services.staff_directory.api import Role
from gateway.limits import MAX_BODY_BYTES
from gateway.schema.base import MAX_ALIASES, MAX_DEPTH, MAX_TOKENS
from tests.reliability.hostile import SENDERS, HostileScene
from tests.reliability.scene import access_logs, error_codes, positions


@pytest.fixture
def scene(gateway) -> HostileScene:
    return HostileScene.set_up(gateway.contexts)


def with_case(query: str, scene: HostileScene, entries: list[Any]) -> dict[str, Any]:
    return {"v": entries, **({"case": str(scene.case)} if "$case" in query else {})}


def post(gateway, role: Role, query: str, variables: dict[str, Any] | None = None, **kwargs: Any) -> Any:
    headers = {"Authorization": f"Bearer {gateway.token(SENDERS[role], role)}"}
    if "content" in kwargs:
        return gateway.client.post(path(role), headers={**headers, "Content-Type": "application/json"}, **kwargs)
    return gateway.client.post(path(role), json={"query": query, "variables": variables or {}}, headers=headers)


def refused_as_invalid(gateway, response: Any, fragment: str, before: Any) -> None:
    body = response.json()
    assert error_codes(body) == {"INVALID"} and body.get("data") is None, response.text
    assert fragment in body["errors"][0]["message"], body["errors"][0]["message"]
    assert (positions(gateway.contexts), access_logs(gateway.contexts)) == before


def test_a_body_over_the_limit_is_refused_with_413_whether_or_not_it_says_its_length(gateway, scene):
    before = positions(gateway.contexts), access_logs(gateway.contexts)
    big = {"query": "mutation($by: [String!]!) { __typename }", "variables": {"by": ["x" * MAX_BODY_BYTES]}}
    declared = post(gateway, Role.COUNSELLOR, "", json=None, content=_json(big))

    def chunks() -> Iterator[bytes]:
        body = _json(big)
        for start in range(0, len(body), 16_384):
            yield body[start:start + 16_384]

    streamed = post(gateway, Role.COUNSELLOR, "", content=chunks())
    for response in (declared, streamed):
        assert response.status_code == 413 and error_codes(response.json()) == {"INVALID"}
        assert f"larger than {MAX_BODY_BYTES} bytes" in response.json()["errors"][0]["message"]
    assert (positions(gateway.contexts), access_logs(gateway.contexts)) == before


def _json(value: Any) -> bytes:
    return json.dumps(value).encode()


def nested(depth: int) -> str:
    """Selections ``depth`` levels below the root field (which is level 0). No audience's schema goes deeper
    than four, so the fields are made up: GraphQL refuses them too, and the depth limit must be among the reasons."""
    inner = "leaf"
    for level in range(depth, 0, -1):
        inner = f"level{level} {{ {inner} }}"
    return f"{{ {inner} }}"


def messages(response: Any) -> str:
    return " | ".join(error["message"] for error in response.json().get("errors", []))


def test_a_query_deeper_than_the_limit_is_refused(gateway, scene):
    limit = f"maximum operation depth of {MAX_DEPTH}"
    assert limit not in messages(post(gateway, Role.ADMIN, nested(MAX_DEPTH)))
    before = positions(gateway.contexts), access_logs(gateway.contexts)
    too_deep = post(gateway, Role.ADMIN, nested(MAX_DEPTH + 1))
    assert limit in messages(too_deep) and error_codes(too_deep.json()) == {"INVALID"}
    assert (positions(gateway.contexts), access_logs(gateway.contexts)) == before


def test_more_aliases_than_the_limit_are_refused(gateway, scene):
    def aliased(count: int) -> str:
        return "{ " + " ".join(f"a{n}: __typename" for n in range(count)) + " }"

    assert "errors" not in post(gateway, Role.ADMIN, aliased(MAX_ALIASES)).json()
    before = positions(gateway.contexts), access_logs(gateway.contexts)
    refused_as_invalid(gateway, post(gateway, Role.ADMIN, aliased(MAX_ALIASES + 1)),
                       f"Allowed: {MAX_ALIASES}", before)


def test_more_tokens_than_the_limit_are_refused(gateway, scene):
    before = positions(gateway.contexts), access_logs(gateway.contexts)
    query = "{ " + "__typename " * MAX_TOKENS + "}"
    refused_as_invalid(gateway, post(gateway, Role.ADMIN, query), f"{MAX_TOKENS} tokens", before)


CHILD = {"firstName": "Noor", "dateOfBirth": "2014-05-03"}
RANGE = {"firstDay": "2026-01-01", "lastDay": "2026-01-02", "parent": "PARENT_A"}

#: Every list argument of every audience, just over its limit (or far over, where the limit is an enum's size).
LISTS = [
    (Role.COUNSELLOR, "openTrajectory.children", "mutation($case: UUID!, $v: [ChildInput!]!) { openTrajectory("
     "caseId: $case, parent: \"P\", children: $v, trajectoryType: \"parallel_solo_ouderschap_loman\", on: \"2025-01-06\""
     ") { version } }", [CHILD] * 21, "at most 20"),
    (Role.COUNSELLOR, "proposeGoals.goals", "mutation($case: UUID!, $v: [String!]!) { proposeGoals(caseId: $case, "
     "goals: $v, themes: [\"t\"], on: \"2025-01-13\") { version } }", ["g"] * 51, "at most 50"),
    (Role.COUNSELLOR, "proposeGoals.themes", "mutation($case: UUID!, $v: [String!]!) { proposeGoals(caseId: $case, "
     "goals: [\"g\"], themes: $v, on: \"2025-01-13\") { version } }", ["t"] * 51, "at most 50"),
    (Role.COUNSELLOR, "recordConsent.givenBy", "mutation($case: UUID!, $v: [String!]!) { recordConsent(caseId: $case, "
     "scopes: [TRAJECTORY], givenBy: $v, givenOn: \"2025-01-20\") { version } }", ["p"] * 51, "at most 50"),
    (Role.COUNSELLOR, "withdrawConsent.withdrawnBy", "mutation($case: UUID!, $v: [String!]!) { withdrawConsent("
     "caseId: $case, scopes: [TRAJECTORY], withdrawnBy: $v, on: \"2025-01-20\") { version } }", ["p"] * 51, "at most 50"),
    (Role.COUNSELLOR, "recordSession.themes", "mutation($case: UUID!, $v: [String!]) { recordSession(caseId: $case, "
     "on: \"2025-02-03\", attended: true, durationMinutes: 60, themes: $v) { version } }", ["t"] * 51, "at most 50"),
    (Role.COORDINATOR, "registerCase.case.children", "mutation($v: [ChildInput!]!) { registerCase(case: {"
     "parentA: {displayName: \"A\", parentalAuthority: true}, parentB: {displayName: \"B\", parentalAuthority: true}, "
     "children: $v, trajectoryType: PARALLEL_OUDERSCHAP}) }", [CHILD] * 51, "at most 50"),
    (Role.COORDINATOR, "draftGroundRules.rules", "mutation($case: UUID!, $v: [CategoryRulesInput!]!) { "
     "draftGroundRules(caseId: $case, rules: $v) }", [{"category": "SCHOOL", "rules": ["r"]}] * 8, "at most 7"),
    (Role.COORDINATOR, "draftGroundRules.rules.rules", "mutation($case: UUID!, $v: [CategoryRulesInput!]!) { "
     "draftGroundRules(caseId: $case, rules: $v) }", [{"category": "SCHOOL", "rules": ["r"] * 51}], "at most 50"),
    (Role.COORDINATOR, "reviseGroundRulesDraft.rules", "mutation($case: UUID!, $v: [CategoryRulesInput!]!) { "
     "reviseGroundRulesDraft(caseId: $case, version: 1, rules: $v) { ok } }", [{"category": "SCHOOL", "rules": ["r"]}] * 8,
     "at most 7"),
    (Role.COORDINATOR, "reviseGroundRulesDraft.rules.rules", "mutation($case: UUID!, $v: [CategoryRulesInput!]!) { "
     "reviseGroundRulesDraft(caseId: $case, version: 1, rules: $v) { ok } }", [{"category": "SCHOOL", "rules": ["r"] * 51}],
     "at most 50"),
    (Role.COORDINATOR, "agreeTransparency.categories", "mutation($case: UUID!, $v: [TransparencyCategory!]!) { "
     "agreeTransparency(caseId: $case, parent: PARENT_A, categories: $v, agreedOn: \"2025-01-20\") { ok } }",
     ["GOALS"] * 7, "at most 6"),
    (Role.COORDINATOR, "setContactSchedule.ranges", "mutation($case: UUID!, $v: [ContactRangeInput!]!) { "
     "setContactSchedule(caseId: $case, year: 2026, ranges: $v) }", [RANGE] * 501, "at most 500"),
    (Role.COORDINATOR, "setContactSchedule.ranges.children", "mutation($case: UUID!, $v: [ContactRangeInput!]!) { "
     "setContactSchedule(caseId: $case, year: 2026, ranges: $v) }", [{**RANGE, "children": ["Noor"] * 51}], "at most 50"),
    # Lists of enum values: at most one of each value.
    (Role.COUNSELLOR, "recordConsent.scopes", "mutation($case: UUID!, $v: [ConsentScope!]!) { recordConsent("
     "caseId: $case, scopes: $v, givenBy: [\"p\"], givenOn: \"2025-01-20\") { version } }", ["TRAJECTORY"] * 1000,
     "at most"),
    (Role.COUNSELLOR, "withdrawConsent.scopes", "mutation($case: UUID!, $v: [ConsentScope!]!) { withdrawConsent("
     "caseId: $case, scopes: $v, withdrawnBy: [\"p\"], on: \"2025-01-20\") { version } }", ["TRAJECTORY"] * 1000,
     "at most"),
    (Role.ADMIN, "registerStaff.roles", "mutation($v: [Role!]!) { registerStaff(user: \"new-user\", "
     "displayName: \"New\", roles: $v) { ok } }", ["AUDITOR"] * 1000, "at most"),
]
@pytest.mark.parametrize("role, where, query, entries, says", LISTS, ids=[row[1] for row in LISTS])
def test_a_list_over_its_limit_is_refused_before_any_store_is_touched(gateway, scene, role, where, query, entries, says):
    before = positions(gateway.contexts), access_logs(gateway.contexts)
    refused_as_invalid(gateway, post(gateway, role, query, with_case(query, scene, entries)), says, before)
