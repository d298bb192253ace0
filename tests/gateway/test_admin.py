"""The administrator manages staff, roles and assignments, and the lines of the design hold."""

from __future__ import annotations

import uuid

import pytest

from services.staff_directory.api import Role
from tests.support.cases import register_case

ASSIGN_COUNSELLOR = """
mutation($case: UUID!, $side: Side!, $user: String!) { assignCounsellor(caseId: $case, side: $side, user: $user) { ok } }
"""
ASSIGN_CHILD = "mutation($case: UUID!, $user: String!) { assignChildCounsellor(caseId: $case, user: $user) { ok } }"
STAFFING = "query($case: UUID!) { caseStaffing(caseId: $case) { counsellors { side user } childCounsellors } }"


@pytest.fixture
def admin(gateway):
    gateway.staff("admin-1", Role.ADMIN)
    for user in ("counsellor-a", "counsellor-b"):
        gateway.staff(user, Role.COUNSELLOR)
    gateway.staff("child-1", Role.CHILD_COUNSELLOR, Role.COUNSELLOR)
    return gateway


def error_of(response) -> dict:
    body = response.json()
    assert response.status_code == 200 and body.get("errors"), body
    return body["errors"][0]


def test_an_admin_registers_staff_and_assigns_one_counsellor_per_side(admin):
    case = str(register_case(admin.contexts))
    register = 'mutation { registerStaff(user: "coordinator-1", displayName: "Co Ordinator", roles: [COORDINATOR]) { ok } }'
    assert admin.post(Role.ADMIN, register, user="admin-1").json()["data"]["registerStaff"]["ok"]
    for side, user in (("PARENT_A", "counsellor-a"), ("PARENT_B", "counsellor-b")):
        response = admin.post(Role.ADMIN, ASSIGN_COUNSELLOR, {"case": case, "side": side, "user": user}, user="admin-1")
        assert response.json()["data"]["assignCounsellor"]["ok"], response.text
    staffing = admin.post(Role.ADMIN, STAFFING, {"case": case}, user="admin-1").json()["data"]["caseStaffing"]
    assert staffing["counsellors"] == [{"side": "PARENT_A", "user": "counsellor-a"}, {"side": "PARENT_B", "user": "counsellor-b"}]


def test_one_counsellor_on_both_sides_of_a_case_is_refused_and_changes_nothing(admin):
    case = str(register_case(admin.contexts))
    admin.post(Role.ADMIN, ASSIGN_COUNSELLOR, {"case": case, "side": "PARENT_A", "user": "counsellor-a"}, user="admin-1")
    before = admin.contexts.directory.position
    error = error_of(admin.post(Role.ADMIN, ASSIGN_COUNSELLOR, {"case": case, "side": "PARENT_B", "user": "counsellor-a"}, user="admin-1"))
    assert error["extensions"]["code"] == "INVALID"
    assert "never counsel the other side" in error["message"]
    assert admin.contexts.directory.position == before


def test_a_child_counsellor_who_counsels_a_side_of_the_case_is_refused(admin):
    case = str(register_case(admin.contexts))
    admin.post(Role.ADMIN, ASSIGN_COUNSELLOR, {"case": case, "side": "PARENT_B", "user": "child-1"}, user="admin-1")
    error = error_of(admin.post(Role.ADMIN, ASSIGN_CHILD, {"case": case, "user": "child-1"}, user="admin-1"))
    assert error["extensions"]["code"] == "INVALID"


def test_a_side_counsellor_who_holds_the_child_conversations_of_the_case_is_refused(admin):
    case = str(register_case(admin.contexts))
    admin.post(Role.ADMIN, ASSIGN_CHILD, {"case": case, "user": "child-1"}, user="admin-1")
    error = error_of(admin.post(Role.ADMIN, ASSIGN_COUNSELLOR, {"case": case, "side": "PARENT_A", "user": "child-1"}, user="admin-1"))
    assert error["extensions"]["code"] == "INVALID"


def test_assigning_someone_without_the_role_is_refused(admin):
    case = str(uuid.uuid4())
    error = error_of(admin.post(Role.ADMIN, ASSIGN_CHILD, {"case": case, "user": "counsellor-a"}, user="admin-1"))
    assert "does not hold the role" in error["message"]


def test_an_assignment_is_found_by_the_case_it_was_made_for(admin):
    case = register_case(admin.contexts)
    admin.post(Role.ADMIN, ASSIGN_COUNSELLOR, {"case": str(case), "side": "PARENT_B", "user": "counsellor-b"}, user="admin-1")
    found = admin.contexts.directory.assignment("counsellor-b", case)
    assert (found.role, found.side.value) == (Role.COUNSELLOR, "parent_b")
    assert list(admin.contexts.directory.cases_of("counsellor-b")) == [case]
    assert admin.contexts.directory.assignment("counsellor-a", case) is None


def test_a_malformed_variable_is_invalid_input_not_an_internal_error(admin):
    error = error_of(admin.post(Role.ADMIN, ASSIGN_CHILD, {"case": "not-a-uuid", "user": "child-1"}, user="admin-1"))
    assert error["extensions"]["code"] == "INVALID"
    assert "incident" not in error["message"]


def test_a_refused_command_leaves_no_traceback_in_the_server_log(admin, caplog):
    caplog.set_level("DEBUG")
    case = str(uuid.uuid4())
    admin.post(Role.ADMIN, ASSIGN_CHILD, {"case": case, "user": "counsellor-a"}, user="admin-1")
    assert not [r for r in caplog.records if r.levelname == "ERROR" or r.exc_info]


def test_an_assignment_to_a_case_that_was_never_registered_is_not_found_and_changes_nothing(admin):
    before = admin.contexts.directory.position
    error = error_of(admin.post(Role.ADMIN, ASSIGN_COUNSELLOR,
                                {"case": str(uuid.uuid4()), "side": "PARENT_A", "user": "counsellor-a"}, user="admin-1"))
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert admin.contexts.directory.position == before


def test_an_administrator_cannot_give_themselves_a_role_or_a_case(admin):
    admin.staff("admin-2", Role.ADMIN, Role.COUNSELLOR)
    case = str(register_case(admin.contexts))
    before = admin.contexts.directory.position
    grant = 'mutation { grantRole(user: "admin-1", role: AUDITOR) { ok } }'
    assert error_of(admin.post(Role.ADMIN, grant, user="admin-1"))["extensions"]["code"] == "FORBIDDEN"
    own = {"case": case, "side": "PARENT_A", "user": "admin-2"}
    assert error_of(admin.post(Role.ADMIN, ASSIGN_COUNSELLOR, own, user="admin-2"))["extensions"]["code"] == "FORBIDDEN"
    assert admin.contexts.directory.position == before
    assert admin.post(Role.ADMIN, ASSIGN_COUNSELLOR, own, user="admin-1").json()["data"]["assignCounsellor"]["ok"]


def test_the_administrator_lists_staff_and_the_registered_cases_with_their_staffing_only(admin):
    case = register_case(admin.contexts)
    admin.contexts.directory.assign_counsellor(case, "parent_a", "counsellor-a", "admin-1", "intake")
    listed = admin.post(Role.ADMIN, "{ staffMembers { user roles } cases { caseId counsellors { side user } } }",
                        user="admin-1").json()["data"]
    assert {"user": "counsellor-a", "roles": ["COUNSELLOR"]} in listed["staffMembers"]
    assert {"caseId": str(case), "counsellors": [{"side": "PARENT_A", "user": "counsellor-a"}]} in listed["cases"]


def test_the_auditor_lists_registered_cases_with_their_position_and_the_search_is_logged(admin):
    case = register_case(admin.contexts)
    admin.staff("auditor-1", Role.AUDITOR)
    listed = admin.post(Role.AUDITOR, "{ cases { caseId position } }", user="auditor-1").json()["data"]["cases"]
    assert [c["caseId"] for c in listed] == [str(case)] and listed[0]["position"] > 0
    searches = [e.access for e in admin.contexts.shared.access_log.entries() if e.access.user == "auditor-1"]
    assert [(a.action.value, a.case_id, a.operation) for a in searches] == [("search", None, "cases")]


def test_answers_are_compact_utf8_json_with_names_as_they_were_written(admin):
    name = "Zoë Özdemir-IJsselmeer"
    register = f'mutation {{ registerStaff(user: "zoe-1", displayName: "{name}", roles: [COORDINATOR]) {{ ok }} }}'
    assert admin.post(Role.ADMIN, register, user="admin-1").json()["data"]["registerStaff"]["ok"]
    response = admin.post(Role.ADMIN, 'query { staffMember(user: "zoe-1") { displayName } }', user="admin-1")
    assert response.json() == {"data": {"staffMember": {"displayName": name}}}
    assert response.content == ('{"data":{"staffMember":{"displayName":"' + name + '"}}}').encode()


def test_an_admin_erases_the_why_of_a_case_s_assignments_in_the_directory(admin):
    case = register_case(admin.contexts)
    assign = """mutation($case: UUID!) {
      assignCounsellor(caseId: $case, side: PARENT_A, user: "counsellor-a", reason: "moeder wil een vrouw") { ok } }"""
    assert admin.post(Role.ADMIN, assign, {"case": str(case)}, user="admin-1").json()["data"]["assignCounsellor"]["ok"]
    erase = "mutation($case: UUID!) { eraseCasePrivateText(caseId: $case, reason: ERASURE_REQUEST) { ok } }"
    response = admin.post(Role.ADMIN, erase, {"case": str(case)}, user="admin-1")
    assert response.json()["data"]["eraseCasePrivateText"]["ok"], response.text
    assert admin.contexts.directory.case_keys.is_destroyed(case)
    unknown = admin.post(Role.ADMIN, erase, {"case": str(uuid.uuid4())}, user="admin-1")
    assert error_of(unknown)["extensions"]["code"] == "NOT_FOUND"
