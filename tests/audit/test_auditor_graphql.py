"""The auditor's GraphQL schema: history by cursor, states as of a moment, verification, the access log.

Every auditor query leaves exactly one access-log entry, in the store of the context it
reads and in no other.
"""

from __future__ import annotations

from dataclasses import replace
from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

from gateway.app import create_app
from gateway.audiences import path
from services.staff_directory.api import Role
from services.platform.access_log import Action
from tests.audit.builders import NOTE, closed_trajectory, open_trajectory, registered_case
from tests.audit.tamper import RawStore

AUDITOR = "auditor-1"
HISTORY = """
query($context: AuditedContext!, $case: UUID, $type: String, $after: String, $first: Int!) {
  history(context: $context, caseId: $case, eventType: $type, after: $after, first: $first) {
    edges { cursor node { position eventType caseId actor payload } }
    pageInfo { hasNextPage endCursor }
  }
}"""
STATE = """
query($context: AuditedContext!, $case: UUID!, $position: Int) {
  caseStateAsOf(context: $context, caseId: $case, position: $position) {
    position aggregates { aggregateType version state }
  }
}"""
VERIFY = "query($context: AuditedContext!) { verify(context: $context) { ok headPosition firstBrokenPosition kind } }"
ACCESS_LOG = """
query($context: AuditedContext!, $case: UUID) {
  accessLog(context: $context, caseId: $case) { edges { node { user role action caseId operation } } }
}"""


@pytest.fixture
def audited(gateway):
    gateway.staff(AUDITOR, Role.AUDITOR)
    case = uuid4()
    registered_case(gateway.contexts.shared, case)  # the header reaches both sides by the flow
    closed_trajectory(gateway.contexts.parent_a, case)
    open_trajectory(gateway.contexts.parent_b, case)
    gateway.case = case
    return gateway


def ask(gateway, query, **variables):
    body = gateway.post(Role.AUDITOR, query, variables, user=AUDITOR).json()
    assert not body.get("errors"), body
    return body["data"]


def accesses(gateway) -> dict[str, list]:
    return {name: [e.access for e in app.access_log.entries()] for name, app in gateway.contexts.by_name().items()}


def test_the_history_pages_by_cursor_through_every_event_in_order(audited):
    seen, after = [], None
    while True:
        page = ask(audited, HISTORY, context="PARENT_A_CONTEXT", first=3, after=after)["history"]
        seen += [edge["node"]["position"] for edge in page["edges"]]
        assert [edge["cursor"] for edge in page["edges"]] == [str(e["node"]["position"]) for e in page["edges"]]
        after = page["pageInfo"]["endCursor"]
        if not page["pageInfo"]["hasNextPage"]:
            break
    assert seen == list(range(1, 9))  # the case header and seven steps


def test_private_text_is_redacted_unless_the_deployment_allows_it(audited):
    redacted = ask(audited, HISTORY, context="PARENT_A_CONTEXT", type="SessionRecorded", first=10)["history"]
    assert redacted["edges"][0]["node"]["payload"]["note"] == "[redacted]"
    state = ask(audited, STATE, context="PARENT_A_CONTEXT", case=str(audited.case))["caseStateAsOf"]
    trajectory = next(a for a in state["aggregates"] if a["aggregateType"] == "Trajectory")
    assert trajectory["state"]["sessions"][0]["note"] == "[redacted]"

    allowed = replace(audited.settings, audit_show_private_text=True)
    with TestClient(create_app(allowed, audited.contexts)) as client:
        response = client.post(path(Role.AUDITOR), json={"query": HISTORY, "variables": {
            "context": "PARENT_A_CONTEXT", "type": "SessionRecorded", "first": 10}},
            headers={"Authorization": f"Bearer {audited.token(AUDITOR, Role.AUDITOR)}"})
    assert response.json()["data"]["history"]["edges"][0]["node"]["payload"]["note"] == NOTE


def test_the_state_of_a_case_as_of_a_position(audited):
    state = ask(audited, STATE, context="PARENT_A_CONTEXT", case=str(audited.case), position=3)["caseStateAsOf"]
    assert state["position"] == 3 and [a["version"] for a in state["aggregates"]] == [1, 2]  # case file, trajectory
    shared = ask(audited, STATE, context="SHARED_AGREEMENTS", case=str(audited.case))["caseStateAsOf"]
    assert [a["aggregateType"] for a in shared["aggregates"]] == ["Case", "RuleSet"]


def test_verify_names_the_first_broken_position(audited):
    assert ask(audited, VERIFY, context="PARENT_A_CONTEXT")["verify"] == {
        "ok": True, "headPosition": 8, "firstBrokenPosition": None, "kind": None}
    RawStore(audited.settings, "parent_a_context").delete(5)
    assert ask(audited, VERIFY, context="PARENT_A_CONTEXT")["verify"] == {
        "ok": False, "headPosition": 4, "firstBrokenPosition": 5, "kind": "MISSING"}
    assert ask(audited, VERIFY, context="PARENT_B_CONTEXT")["verify"]["ok"]


QUERIES = {
    "history of one case": (HISTORY, "PARENT_B_CONTEXT", {"first": 5}, True, Action.READ, "history"),
    "history of every case": (HISTORY, "SHARED_AGREEMENTS", {"first": 5}, False, Action.SEARCH, "history"),
    "state as of": (STATE, "PARENT_A_CONTEXT", {}, True, Action.READ, "caseStateAsOf"),
    "verify": (VERIFY, "GATEWAY", {}, None, Action.READ, "verify"),
    "access log of one case": (ACCESS_LOG, "PARENT_A_CONTEXT", {}, True, Action.READ, "accessLog"),
    "access log of every case": (ACCESS_LOG, "PARENT_B_CONTEXT", {}, False, Action.SEARCH, "accessLog"),
}


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
def test_each_auditor_query_leaves_exactly_one_entry_in_the_log_of_the_context_it_reads(audited, query):
    text, context, variables, with_case, action, operation = query
    if with_case:
        variables = {**variables, "case": str(audited.case)}
    before = accesses(audited)
    ask(audited, text, context=context, **variables)
    after = accesses(audited)
    target = context.lower()
    for name in after:
        added = after[name][len(before[name]):]
        if name != target:
            assert added == [], f"{name} logged an access to {target}"
            continue
        assert len(added) == 1
        entry = added[0]
        assert (entry.user, entry.role, entry.action, entry.operation) == (AUDITOR, "auditor", action, operation)
        assert entry.case_id == (audited.case if with_case else None) and entry.context == target
        assert (entry.responsible_user, entry.emergency) == (AUDITOR, False)


def test_oversized_pages_and_foreign_cursors_are_refused_and_read_nothing(audited):
    before = accesses(audited)
    for variables in ({"first": 501}, {"first": 0}, {"first": 5, "after": "abc"}):
        body = audited.post(Role.AUDITOR, HISTORY, {"context": "PARENT_A_CONTEXT", **variables}, user=AUDITOR).json()
        assert body["errors"][0]["extensions"]["code"] == "INVALID"
    assert accesses(audited) == before


def test_only_auditors_reach_the_auditor_schema_and_it_changes_nothing(audited):
    audited.staff("counsellor-1", Role.COUNSELLOR)
    refused = audited.post(Role.COUNSELLOR, VERIFY, {"context": "PARENT_A_CONTEXT"}, user="counsellor-1",
                           endpoint=Role.AUDITOR)
    assert refused.status_code == 403
    body = audited.post(Role.AUDITOR, "mutation { anything }", user=AUDITOR).json()
    assert body.get("errors") and body.get("data") is None
