"""Mediation without weakening isolation (Kind en Ik): the begeleider of both parents, then one side at most.

Given a case's staffing, when the administrator assigns the begeleider (mediator) or, at the
switch to parallel parenting, the sides' counsellors, then the directory keeps the lines of
docs/practices.md over the whole history of the case.
"""

from __future__ import annotations

import uuid

from services.staff_directory.domain.roles import Side
from services.staff_directory.domain.staffing import AssignmentRefused, CaseStaffing
from tests.support.given_when_then import given

CASE = uuid.uuid4()


def history(*commands):
    staffing = CaseStaffing(case_id=CASE, actor="coordinator-1")
    for command in commands:
        command(staffing)
    return staffing.collect_events()


def mediated(user="m1"):
    return lambda s: s.assign_mediator(user, "admin-1")


def switched(user="m1"):
    return lambda s: s.unassign(user, "admin-1", "overstap naar parallel ouderschap")


def counsel(side, user):
    return lambda s: s.assign_counsellor(side, user, "admin-1", "overstap naar parallel ouderschap")


def test_the_begeleider_works_with_both_parents_as_a_role_of_the_case_not_of_a_side():
    outcome = given(*history()).when(mediated())
    outcome.then((CaseStaffing.MediatorAssigned, {"user": "m1"}))
    assert outcome.aggregate.mediators == ["m1"] and outcome.aggregate.counsellors == {}


def test_the_begeleider_counsels_no_side_while_they_are_the_begeleider():
    given(*history(mediated())).when(counsel(Side.PARENT_A, "m1")).then_refused(AssignmentRefused, "end that")


def test_after_the_switch_the_former_begeleider_may_counsel_one_side():
    given(*history(mediated(), switched())).when(counsel(Side.PARENT_A, "m1")).then(CaseStaffing.CounsellorAssigned)


def test_after_the_switch_the_former_begeleider_never_counsels_the_other_side_as_well():
    events = history(mediated(), switched(), counsel(Side.PARENT_A, "m1"), counsel(Side.PARENT_A, "a2"))
    given(*events).when(counsel(Side.PARENT_B, "m1")).then_refused(AssignmentRefused, "never counsel the other side")


def test_the_former_begeleider_never_holds_the_child_conversations():
    given(*history(mediated(), switched())).when(lambda s: s.assign_child_counsellor("m1", "admin-1")).then_refused(
        AssignmentRefused, "begeleider")


def test_a_sides_counsellor_never_becomes_the_begeleider_of_both_parents():
    given(*history(counsel(Side.PARENT_B, "b1"))).when(mediated("b1")).then_refused(AssignmentRefused, "counselled")


def test_a_child_counsellor_never_becomes_the_begeleider():
    events = history(lambda s: s.assign_child_counsellor("c1", "admin-1"))
    given(*events).when(mediated("c1")).then_refused(AssignmentRefused, "child conversations")
