"""Opnieuw Verbinden: "Vier-jaarlijks overleg begeleid door drie professionals", over the gateway.

The coordinator names the three who led a meeting when it is recorded as held; a side's counsellor
sees the joint-session schedule but only how many led it: the names would tell one side who
counsels the other (DESIGN §4).
"""

from __future__ import annotations

import uuid

from services.platform.access_log import Action
from services.staff_directory.api import Role, Side
from tests.support.coordinator_gateway import call, error_of, register

COUNSELLOR_A = "counsellor-a-canary-3071"
COUNSELLOR_B = "counsellor-b-canary-4189"
LEADERS = [COUNSELLOR_A, COUNSELLOR_B, "Fatima el Amrani"]
PAST = """mutation($case: UUID!, $led: [String!]) { recordPastJointSession(caseId: $case, day: "2025-11-11",
  start: "09:30:00", durationMinutes: 150, place: "Praktijk Utrecht", why: "Zaak overgenomen", ledBy: $led) }"""
COORDINATOR_SESSIONS = "query($case: UUID!) { jointSessions(caseId: $case) { day status ledBy } }"
COUNSELLOR_SESSIONS = "query($case: UUID!) { jointSessions(caseId: $case) { day status professionals } }"


def reconnecting_case(gateway) -> str:
    case = register(gateway, trajectoryType="OPNIEUW_VERBINDEN")
    for side, user in ((Side.PARENT_A, COUNSELLOR_A), (Side.PARENT_B, COUNSELLOR_B)):
        gateway.staff(user, Role.COUNSELLOR)
        gateway.contexts.directory.assign_counsellor(uuid.UUID(case), side, user, "admin-1")
    return case


def test_a_meeting_named_with_two_professionals_is_refused_clearly_and_changes_nothing(coordinator):
    case = reconnecting_case(coordinator)
    position = coordinator.contexts.shared.position
    error = error_of(coordinator.post(Role.COORDINATOR, PAST, {"case": case, "led": LEADERS[:2]}))
    assert error["extensions"]["code"] == "INVALID" and "led by 3 professionals" in error["message"], error
    assert coordinator.contexts.shared.position == position  # nothing stored
    assert call(coordinator, COORDINATOR_SESSIONS, {"case": case})["jointSessions"] == []

    call(coordinator, PAST, {"case": case, "led": LEADERS}, action=Action.CHANGE)
    assert call(coordinator, COORDINATOR_SESSIONS, {"case": case})["jointSessions"] == [
        {"day": "2025-11-11", "status": "PLANNED", "ledBy": LEADERS}]


def test_a_sides_counsellor_sees_how_many_professionals_led_a_meeting_never_who(coordinator):
    case = reconnecting_case(coordinator)
    call(coordinator, PAST, {"case": case, "led": LEADERS}, action=Action.CHANGE)
    for user, other in ((COUNSELLOR_A, COUNSELLOR_B), (COUNSELLOR_B, COUNSELLOR_A)):
        response = coordinator.post(Role.COUNSELLOR, COUNSELLOR_SESSIONS, {"case": case}, user=user)
        assert response.json() == {"data": {"jointSessions": [
            {"day": "2025-11-11", "status": "PLANNED", "professionals": 3}]}}, response.text
        assert other not in response.text and "Fatima" not in response.text
        asked = coordinator.post(Role.COUNSELLOR, "query($case: UUID!) { jointSessions(caseId: $case) { ledBy } }",
                                 {"case": case}, user=user)
        assert "errors" in asked.json() and other not in asked.text
