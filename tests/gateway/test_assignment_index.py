"""The directory's assignments by user follow every assignment and unassignment, and rebuild from zero."""

from __future__ import annotations

from tests.support.cases import known_case

import uuid

import pytest

from services.staff_directory.application import StaffDirectory
from services.staff_directory.api import Assignment
from services.staff_directory.api import Role, Side


@pytest.fixture
def directory(settings):
    directory = StaffDirectory(settings.context_store("gateway"))
    for user, roles in (("anna", [Role.COUNSELLOR]), ("bram", [Role.COUNSELLOR]), ("cees", [Role.COUNSELLOR]),
                        ("kim", [Role.CHILD_COUNSELLOR]), ("coco", [Role.COORDINATOR])):
        directory.register_staff(user, user.title(), roles, actor="admin-1")
    yield directory
    directory.close()


def test_an_unassigned_counsellor_no_longer_has_the_case(directory):
    case, other = uuid.uuid4(), uuid.uuid4()
    known_case(directory, case)
    directory.assign_counsellor(case, Side.PARENT_A, "anna", actor="admin-1")
    known_case(directory, other)
    directory.assign_counsellor(other, Side.PARENT_B, "anna", actor="admin-1")
    assert directory.cases_of("anna") == {case: Assignment(Role.COUNSELLOR, Side.PARENT_A),
                                          other: Assignment(Role.COUNSELLOR, Side.PARENT_B)}

    directory.unassign(case, "anna", actor="admin-1", reason="Caseload verdeeld")

    assert directory.assignment("anna", case) is None
    assert directory.cases_of("anna") == {other: Assignment(Role.COUNSELLOR, Side.PARENT_B)}


def test_a_side_given_to_another_counsellor_leaves_the_first_without_it(directory):
    case = uuid.uuid4()
    known_case(directory, case)
    directory.assign_counsellor(case, Side.PARENT_A, "anna", actor="admin-1")
    known_case(directory, case)
    directory.assign_counsellor(case, Side.PARENT_A, "bram", actor="admin-1", reason="Ziekte")

    assert directory.assignment("anna", case) is None
    assert directory.assignment("bram", case) == Assignment(Role.COUNSELLOR, Side.PARENT_A)


def test_each_role_on_a_case_is_found_for_its_own_user_only(directory):
    case = uuid.uuid4()
    known_case(directory, case)
    directory.assign_counsellor(case, Side.PARENT_B, "cees", actor="admin-1")
    known_case(directory, case)
    directory.assign_child_counsellor(case, "kim", actor="admin-1")
    known_case(directory, case)
    directory.assign_coordinator(case, "coco", actor="admin-1")

    assert directory.assignment("cees", case) == Assignment(Role.COUNSELLOR, Side.PARENT_B)
    assert directory.assignment("kim", case) == Assignment(Role.CHILD_COUNSELLOR)
    assert directory.assignment("coco", case) == Assignment(Role.COORDINATOR)
    assert directory.assignment("anna", case) is None


def test_a_second_process_rebuilds_the_same_assignments_from_the_store(directory, settings):
    cases = [uuid.uuid4() for _ in range(3)]
    for case in cases:
        known_case(directory, case)
        directory.assign_counsellor(case, Side.PARENT_A, "anna", actor="admin-1")
    directory.unassign(cases[1], "anna", actor="admin-1", reason="Overgedragen")
    known_case(directory, cases[1])
    directory.assign_counsellor(cases[1], Side.PARENT_A, "bram", actor="admin-1")

    fresh = StaffDirectory(settings.context_store("gateway"))
    try:
        for user in ("anna", "bram", "kim"):
            assert fresh.cases_of(user) == directory.cases_of(user)
        assert set(fresh.cases_of("anna")) == {cases[0], cases[2]}
    finally:
        fresh.close()
