"""Who may work on a case, over its whole history (design, section 4): given assignments, when another, then."""

from __future__ import annotations

import uuid

from services.platform.private_text import PrivateText
from services.staff_directory.domain.roles import Side
from services.staff_directory.domain.staffing import AssignmentRefused, CaseStaffing
from tests.support.given_when_then import given

CASE = uuid.uuid4()


def opened():
    return CaseStaffing(case_id=CASE, actor="coordinator-1").collect_events()


def history(*commands):
    staffing = CaseStaffing(case_id=CASE, actor="coordinator-1")
    for command in commands:
        command(staffing)
    return staffing.collect_events()


def counselled(side: Side, user: str):
    return lambda s: s.assign_counsellor(side, user, "admin-1", "intake")


def test_a_counsellor_unassigned_from_side_a_can_never_counsel_side_b_of_the_same_case():
    events = history(counselled(Side.PARENT_A, "a1"), lambda s: s.unassign("a1", "admin-1", "moved on"))
    given(*events).when(lambda s: s.assign_counsellor(Side.PARENT_B, "a1", "admin-1", "")).then_refused(
        AssignmentRefused, "never counsel the other side")


def test_a_reassigned_counsellor_can_never_hold_the_child_conversations_of_that_case():
    events = history(counselled(Side.PARENT_B, "b1"), counselled(Side.PARENT_B, "b2"))
    given(*events).when(lambda s: s.assign_child_counsellor("b1", "admin-1")).then_refused(
        AssignmentRefused, "never hold its child conversations")


def test_a_former_child_counsellor_can_never_become_a_sides_counsellor():
    events = history(lambda s: s.assign_child_counsellor("c1", "admin-1"),
                     lambda s: s.unassign("c1", "admin-1", "left the practice"))
    given(*events).when(lambda s: s.assign_counsellor(Side.PARENT_A, "c1", "admin-1", "")).then_refused(
        AssignmentRefused, "child conversations")


def test_a_counsellor_may_come_back_to_the_side_they_counselled_before():
    events = history(counselled(Side.PARENT_A, "a1"), counselled(Side.PARENT_A, "a2"))
    given(*events).when(lambda s: s.assign_counsellor(Side.PARENT_A, "a1", "admin-1", "a2 on leave")).then(
        (CaseStaffing.CounsellorAssigned, {"side": "parent_a", "user": "a1", "reason": PrivateText(CASE, "a2 on leave")}))


def test_the_coordinator_of_a_case_cannot_also_counsel_in_it():
    events = history(lambda s: s.assign_coordinator("co1", "co1"))
    given(*events).when(lambda s: s.assign_counsellor(Side.PARENT_A, "co1", "admin-1", "")).then_refused(
        AssignmentRefused, "cannot also counsel")


def test_events_stored_by_release_0_1_under_the_directorys_first_module_still_resolve():
    from eventsourcing.utils import resolve_topic

    import services.staff_directory.application  # noqa: F401 - registers the old topics
    from services.staff_directory.domain.staff import StaffMember

    assert resolve_topic("gateway.directory.staffing:CaseStaffing.CounsellorAssigned") is CaseStaffing.CounsellorAssigned
    assert resolve_topic("gateway.directory.staffing:CaseStaffing") is CaseStaffing
    assert resolve_topic("gateway.directory.staff:StaffMember.Registered") is StaffMember.Registered
