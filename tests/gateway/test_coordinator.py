"""A coordinator registers a case, brings ground rules into force with both signatures, and decides a dispute.

``call`` checks that every call leaves exactly one access-log entry, in the shared context
(or, for ``myCases``, in the staff directory's own store), with the right action. The other
coordinator test modules build on the helpers here.
"""

from __future__ import annotations



from services.platform.access_log import Action
from tests.support.coordinator_gateway import (
    COORDINATOR, DISPUTE, DISPUTES, REVOKE, RULES, call, registered_with_both_parents, rules_signed_by_both_parents,
)


def test_a_coordinator_brings_ground_rules_into_force_with_both_signatures(coordinator):
    case = registered_with_both_parents(coordinator)
    version = rules_signed_by_both_parents(coordinator, case)
    assert version["status"] == "IN_FORCE" and version["inForceFrom"] and version["inForceUntil"] is None
    assert [(s["parent"], s["method"], s["recordedBy"]) for s in version["signatures"]] == [
        ("PARENT_A", "IN_PERSON", COORDINATOR), ("PARENT_B", "ELECTRONIC", COORDINATOR)]
    assert [c["category"] for c in version["categories"]] == ["COMMUNICATION", "HANDOVERS"]
    call(coordinator, REVOKE, {"case": case}, action=Action.CHANGE)
    revoked = call(coordinator, RULES, {"case": case})["groundRules"][0]
    assert revoked["status"] == "REVOKED" and revoked["revocation"]["revokedBy"] == COORDINATOR


RELAY = """mutation($case: UUID!, $parent: Parent!, $position: String!) {
  relayPosition(caseId: $case, dispute: 1, parent: $parent, position: $position) { ok } }"""
DECIDE = """mutation($case: UUID!) { decideDispute(caseId: $case, dispute: 1, decision: "Drie weken bij A",
  reasoning: "Werkrooster van B") { ok } }"""


def test_a_coordinator_relays_both_positions_and_takes_a_binding_decision(coordinator):
    case = registered_with_both_parents(coordinator)
    assert call(coordinator, DISPUTE, {"case": case}, action=Action.CHANGE)["raiseDispute"] == 1
    for parent, position in (("PARENT_A", "Drie weken"), ("PARENT_B", "Twee weken")):
        call(coordinator, RELAY, {"case": case, "parent": parent, "position": position}, action=Action.CHANGE)
    call(coordinator, DECIDE, {"case": case}, action=Action.CHANGE)
    [dispute] = call(coordinator, DISPUTES, {"case": case})["disputes"]
    assert (dispute["subject"], dispute["raisedBy"]) == ("Zomervakantie", "PARENT_A")
    assert [p["position"] for p in dispute["positions"]] == ["Drie weken", "Twee weken"]
    assert dispute["decision"] == {"decision": "Drie weken bij A", "reasoning": "Werkrooster van B",
                                   "decidedBy": COORDINATOR, "binds": ["PARENT_A", "PARENT_B"]}
    agree = """mutation($case: UUID!) { agreeTransparency(caseId: $case, parent: PARENT_A,
      categories: [GOALS, ATTENDANCE], agreedOn: "2026-02-01") { ok } }"""
    call(coordinator, agree, {"case": case}, action=Action.CHANGE)
    read = "query($case: UUID!) { transparencyAgreements(caseId: $case) { parent categories agreedOn recordedBy } }"
    assert call(coordinator, read, {"case": case})["transparencyAgreements"] == [
        {"parent": "PARENT_A", "categories": ["ATTENDANCE", "GOALS"], "agreedOn": "2026-02-01", "recordedBy": COORDINATOR}]
