"""Bad input from a coordinator gets INVALID with a readable message, and no store changes."""

from __future__ import annotations

import pytest

from services.staff_directory.api import Role
from tests.support.coordinator_gateway import (
    COORDINATOR, DRAFT, OFFER, PLAN, REGISTER, RULES_V1, SET_SCHEDULE, SIGN, access_logs, call, error_of, new_case,
    register,
)
from services.platform.access_log import Action

LONG = "x" * 10_001
WITHOUT_AUTHORITY = {"displayName": "Bram", "parentalAuthority": False}
OVERLAPPING = [{"firstDay": "2026-01-01", "lastDay": "2026-06-30", "parent": "PARENT_A"},
               {"firstDay": "2026-06-01", "lastDay": "2026-12-31", "parent": "PARENT_B"}]
TRANSPARENCY = """mutation($case: UUID!, $categories: [TransparencyCategory!]!) {
  agreeTransparency(caseId: $case, parent: PARENT_A, categories: $categories, agreedOn: "2026-01-01") { ok } }"""
RAISE = "mutation($case: UUID!, $subject: String!) { raiseDispute(caseId: $case, subject: $subject, raisedBy: PARENT_B) }"

# (query, variables besides the case, a fragment of the message, whether the domain judged it)
BAD = {
    "no rules at all": (DRAFT, {"rules": []}, "at least one rule", True),
    "a rule too long": (DRAFT, {"rules": [{"category": "SCHOOL", "rules": [LONG]}]}, "longer than", False),
    "a category twice": (DRAFT, {"rules": RULES_V1 * 2}, "given twice", False),
    "too many rules": (DRAFT, {"rules": [{"category": "HEALTH", "rules": ["r"] * 51}]}, "at most 50", False),
    "a signature on another text": (SIGN, {"parent": "PARENT_A", "hash": "ab" * 32, "method": "SCANNED_WET_SIGNATURE"},
                                    "not the text that was offered", True),
    "a case without children": (REGISTER, {"case": new_case(children=[])}, "at least one child", True),
    "a parent without authority": (REGISTER, {"case": new_case(parentB=WITHOUT_AUTHORITY)}, "parental authority", True),
    "a five-minute session": (PLAN.replace("90", "5"), {"day": "2026-04-01"}, "between 15", True),
    "a child with both parents": (SET_SCHEDULE, {"ranges": OVERLAPPING}, "both parents", True),
    "too many categories": (TRANSPARENCY, {"categories": ["GOALS"] * 7}, "at most 6", False),
    "a blank subject": (RAISE, {"subject": "  "}, "subject", True),
    # Inline, so the schema's validation refuses the unknown enum value before anything runs.
    "an unknown signature method": (SIGN.replace("$method: SignatureMethod!", "").replace("$method", "FAX"),
                                    {"parent": "PARENT_A", "hash": "ab" * 32}, "FAX", False),
}


def stored(gateway) -> dict[str, list]:
    return {name: [(n.id, n.topic, n.state) for n in app.recorder.select_notifications(start=1, limit=10**6)]
            for name, app in gateway.contexts.by_name().items()}


@pytest.mark.parametrize(("query", "extra", "fragment", "by_domain"), BAD.values(), ids=BAD.keys())
def test_bad_input_is_refused_as_invalid_and_changes_no_store(coordinator, query, extra, fragment, by_domain):
    case = register(coordinator)
    call(coordinator, DRAFT, {"case": case, "rules": RULES_V1}, action=Action.CHANGE)
    call(coordinator, OFFER, {"case": case}, action=Action.CHANGE)
    before, logs = stored(coordinator), {name: len(e) for name, e in access_logs(coordinator).items()}
    error = error_of(coordinator.post(Role.COORDINATOR, query, {"case": case, **extra}, user=COORDINATOR))
    assert error["extensions"]["code"] == "INVALID" and fragment in error["message"], error
    assert "Traceback" not in error["message"] and "services." not in error["message"]
    assert stored(coordinator) == before
    # The domain judges only after the access was logged; a request the gateway bounds touches nothing.
    expected = {name: logs[name] + int(by_domain and name == "shared_agreements") for name in logs}
    assert {name: len(e) for name, e in access_logs(coordinator).items()} == expected
