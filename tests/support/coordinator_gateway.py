"""The coordinator's GraphQL documents, a case to register, and how to call and check the gateway as a coordinator.

The ``coordinator`` fixture (a gateway with its coordinator on staff, the shared context's clock fixed) is in
``tests/gateway/conftest.py``.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from typing import Any
from uuid import UUID

from services.staff_directory.api import Role
from services.platform.access_log import Action


COORDINATOR = "coordinator-1"
SHARED = "shared_agreements"
NOW = datetime(2026, 3, 10, 9, 30, tzinfo=timezone.utc)

REGISTER = """mutation($case: RegisterCaseInput!) { registerCase(case: $case) }"""
CASE = """query($case: UUID!) { case(caseId: $case) { caseId trajectoryType registeredBy
  parentA { slot displayName parentalAuthority enrolled } parentB { slot parentalAuthority enrolled }
  children { firstName dateOfBirth } } }"""
MY_CASES = "{ myCases }"
RULES = """query($case: UUID!) { groundRules(caseId: $case) { version status text textHash signers draftedBy
  categories { category number title rules } inForceFrom inForceUntil
  signatures { parent method textHash recordedBy } revocation { reason revokedBy } } }"""
DRAFT = """mutation($case: UUID!, $rules: [CategoryRulesInput!]!) { draftGroundRules(caseId: $case, rules: $rules) }"""
REVISE = """mutation($case: UUID!, $rules: [CategoryRulesInput!]!) {
  reviseGroundRulesDraft(caseId: $case, version: 1, rules: $rules) { ok } }"""
OFFER = "mutation($case: UUID!) { offerGroundRules(caseId: $case, version: 1) }"
SIGN = """mutation($case: UUID!, $parent: Parent!, $hash: String!, $method: SignatureMethod!) {
  signGroundRules(caseId: $case, version: 1, parent: $parent, textHash: $hash, method: $method) { status } }"""
REVOKE = """mutation($case: UUID!) { revokeGroundRules(caseId: $case, version: 1, reason: "Rechter besliste anders") { ok } }"""

RULES_V1 = [{"category": "COMMUNICATION", "rules": ["Alleen per e-mail.", "Antwoord binnen 48 uur."]}]
RULES_REVISED = [*RULES_V1, {"category": "HANDOVERS", "rules": ["Overdracht op school."]}]

PLAN = """mutation($case: UUID!, $day: Date!) { planJointSession(caseId: $case, day: $day, start: "10:00:00",
  durationMinutes: 90, place: "Praktijk Utrecht") }"""
SESSIONS = """query($case: UUID!) { jointSessions(caseId: $case) { sessionId day start status movedFrom cancelReason
  pauses { reason parent pausedAt resumedAt pausedBy } attendance { parent attended absenceReason } } }"""
SET_SCHEDULE = """mutation($case: UUID!, $ranges: [ContactRangeInput!]!, $reason: String) {
  setContactSchedule(caseId: $case, year: 2026, ranges: $ranges, reason: $reason) }"""
SCHEDULE_RANGES = [
    {"firstDay": "2026-01-01", "lastDay": "2026-07-03", "parent": "PARENT_A"},
    {"firstDay": "2026-07-04", "lastDay": "2026-08-16", "parent": "PARENT_B", "kind": "HOLIDAY",
     "holiday": "zomervakantie", "handoverTime": "18:00:00", "handoverPlace": "school"},
    {"firstDay": "2026-08-17", "lastDay": "2026-12-31", "parent": "PARENT_A", "children": ["Noor"]},
]


def new_case(**overrides: Any) -> dict[str, Any]:
    case = {
        "parentA": {"displayName": "Anna", "parentalAuthority": True},
        "parentB": {"displayName": "Bram", "parentalAuthority": False, "enrolled": False},
        "children": [{"firstName": "Noor", "dateOfBirth": "2014-05-03"}],
        "trajectoryType": "PARALLEL_OUDERSCHAP",
    }
    return {**case, **overrides}


def access_logs(gateway) -> dict[str, list]:
    return {name: app.access_log.entries(limit=1000) for name, app in gateway.contexts.by_name().items()}


def error_of(response) -> dict:
    body = response.json()
    assert response.status_code == 200 and body.get("errors"), body
    return body["errors"][0]


def call(gateway, query: str, variables: dict | None = None, *, action: Action = Action.READ,
         context: str = SHARED, user: str = COORDINATOR) -> dict:
    """Post as a coordinator; the call must succeed and leave one access-log entry, where it belongs."""
    before = access_logs(gateway)
    response = gateway.post(Role.COORDINATOR, query, variables, user=user)
    body = response.json()
    assert response.status_code == 200 and not body.get("errors"), body
    new = {name: entries[len(before[name]):] for name, entries in access_logs(gateway).items()}
    assert {name: len(entries) for name, entries in new.items()} == {name: int(name == context) for name in new}
    access = new[context][0].access
    assert (access.user, access.role, access.action, access.context) == (user, "coordinator", action, context)
    expected_case = (variables or {}).get("case")
    if isinstance(expected_case, str):
        assert access.case_id == UUID(expected_case)
    return body["data"]


def register(gateway, **overrides: Any) -> str:
    before = access_logs(gateway)[SHARED]
    case_id = call(gateway, REGISTER, {"case": new_case(**overrides)}, action=Action.CHANGE)["registerCase"]
    assert access_logs(gateway)[SHARED][len(before)].access.case_id == UUID(case_id)
    return case_id


def registered_with_both_parents(gateway) -> str:
    case = register(gateway)
    assert call(gateway, MY_CASES, context="gateway", action=Action.SEARCH)["myCases"] == [case]
    authority = "mutation($case: UUID!) { recordParentalAuthority(caseId: $case, parent: PARENT_B, hasAuthority: true) { ok } }"
    call(gateway, authority, {"case": case}, action=Action.CHANGE)
    call(gateway, "mutation($case: UUID!) { enrolParent(caseId: $case, parent: PARENT_B) { ok } }", {"case": case},
         action=Action.CHANGE)
    header = call(gateway, CASE, {"case": case})["case"]
    assert header["parentB"] == {"slot": "PARENT_B", "parentalAuthority": True, "enrolled": True}
    assert (header["trajectoryType"], header["registeredBy"], header["children"]) == (
        "PARALLEL_OUDERSCHAP", COORDINATOR, [{"firstName": "Noor", "dateOfBirth": "2014-05-03"}])
    return case


def rules_signed_by_both_parents(gateway, case: str) -> dict:
    assert call(gateway, DRAFT, {"case": case, "rules": RULES_V1}, action=Action.CHANGE)["draftGroundRules"] == 1
    call(gateway, REVISE, {"case": case, "rules": RULES_REVISED}, action=Action.CHANGE)
    text_hash = call(gateway, OFFER, {"case": case}, action=Action.CHANGE)["offerGroundRules"]
    offered = call(gateway, RULES, {"case": case})["groundRules"][0]
    # The hash handed out is the SHA-256 of exactly the text the parents read.
    assert hashlib.sha256(offered["text"].encode("utf-8")).hexdigest() == text_hash == offered["textHash"]
    assert "Overdracht op school." in offered["text"] and offered["signers"] == ["PARENT_A", "PARENT_B"]
    first = call(gateway, SIGN, {"case": case, "parent": "PARENT_A", "hash": text_hash, "method": "IN_PERSON"},
                 action=Action.CHANGE)
    assert first["signGroundRules"]["status"] == "OFFERED"
    second = call(gateway, SIGN, {"case": case, "parent": "PARENT_B", "hash": text_hash.upper(), "method": "ELECTRONIC"},
                  action=Action.CHANGE)
    assert second["signGroundRules"]["status"] == "IN_FORCE"
    return call(gateway, RULES, {"case": case})["groundRules"][0]


DISPUTE = """mutation($case: UUID!) { raiseDispute(caseId: $case, subject: "Zomervakantie", raisedBy: PARENT_A) }"""


DISPUTES = """query($case: UUID!) { disputes(caseId: $case) { number subject raisedBy positions { parent position }
  decision { decision reasoning decidedBy binds } } }"""
