"""The auditor's and the administrator's rows of the authorization matrix.

Neither is assigned to cases: an auditor replays any case (each read logged in the store it
reads), an administrator assigns spare staff to any case id and sees no case content.
"""

from __future__ import annotations

from services.staff_directory.api import Role
from services.platform.access_log import Action
from tests.gateway.matrix_coordinator import now
from tests.gateway.matrix_scene import COUNSELLOR_B, DIRECTORY, SHARED, SIDE_A, SIDE_B, SPARE, Column
from tests.gateway.matrix_table import ANY_CASE, NO_CASE, NOT_FOUND, OK, changes, exported, logged, row
from tests.support.school_holidays import MIDDEN

PAGE = "pageInfo { hasNextPage endCursor }"

AUDITOR = [
    # A query with effects (the report is registered); its export is logged before the case is looked up.
    row(Role.AUDITOR, "courtReport", """query($case: UUID!, $at: DateTime!) { courtReport(caseId: $case, asOf: $at,
        format: JSON) { reportId caseId asOf format language mediaType sha256 contentEncoding content } }""", now,
        expect={Column.UNASSIGNED: OK, Column.MISSING: NOT_FOUND}, logs=exported, refused_logs=exported,
        writes=changes(SHARED)),
    # The register lives in the shared-agreements store; the read is logged there before the case is looked up.
    row(Role.AUDITOR, "courtReportRegister", """query($case: UUID!) { courtReportRegister(caseId: $case) {
        reportId asOf format language proceeding sha256 evaluationsIncluded madeBy madeAt } }""",
        expect={Column.UNASSIGNED: OK, Column.MISSING: NOT_FOUND}, logs=logged(SHARED, Action.READ),
        refused_logs=logged(SHARED, Action.READ)),
    # The list of cases is read from the shared-agreements store: a search there, about no case.
    row(Role.AUDITOR, "cases", "{ cases { caseId position registeredAt } }", lambda call: {}, expect=NO_CASE,
        logs=logged(SHARED, Action.SEARCH, case=False)),
    row(Role.AUDITOR, "history", f"""query($case: UUID!) {{ history(context: PARENT_A_CONTEXT, caseId: $case,
        first: 500) {{ edges {{ cursor node {{ position time eventType caseId actor aggregateId aggregateVersion
        payload }} }} {PAGE} }} }}""", expect=ANY_CASE, logs=logged(SIDE_A, Action.READ)),
    row(Role.AUDITOR, "caseStateAsOf", """query($case: UUID!) { caseStateAsOf(context: PARENT_B_CONTEXT,
        caseId: $case) { context caseId position at aggregates { aggregateType aggregateId version createdOn
        modifiedOn state } } }""", expect=ANY_CASE, logs=logged(SIDE_B, Action.READ)),
    row(Role.AUDITOR, "verify", """{ verify(context: SHARED_AGREEMENTS) { context ok headPosition head
        eventsChecked checkpointsChecked firstBrokenPosition kind detail } }""", lambda call: {}, expect=NO_CASE,
        logs=logged(SHARED, Action.READ, case=False)),
    row(Role.AUDITOR, "accessLog", f"""query($case: UUID!) {{ accessLog(context: GATEWAY, caseId: $case) {{
        edges {{ cursor node {{ position at user role action caseId operation responsibleUser emergency }} }}
        {PAGE} }} }}""", expect=ANY_CASE, logs=logged(DIRECTORY, Action.READ)),
]


#: Staff are assigned only to a case the shared-agreements context registered.
REGISTERED_CASE = {Column.UNASSIGNED: OK, Column.MISSING: NOT_FOUND}


def staff(**more):  # noqa: ANN003, ANN201
    return lambda call: {"user": SPARE["new"], **more}


def assigning(user: str, **more):  # noqa: ANN003, ANN201
    return lambda call: {"case": call.case, "user": user, **more}


ADMIN = [
    row(Role.ADMIN, "staffMember",
        "query($user: String!) { staffMember(user: $user) { user displayName roles active } }",
        lambda call: {"user": COUNSELLOR_B.user}, expect=NO_CASE),
    row(Role.ADMIN, "staffMembers", "{ staffMembers { user displayName roles active } }", lambda call: {},
        expect=NO_CASE),
    row(Role.ADMIN, "cases", "{ cases { caseId counsellors { side user } childCounsellors coordinators } }",
        lambda call: {}, expect=NO_CASE),
    row(Role.ADMIN, "caseStaffing", """query($case: UUID!) { caseStaffing(caseId: $case) { caseId
        counsellors { side user } childCounsellors coordinators } }""", expect=ANY_CASE),
    row(Role.ADMIN, "registerStaff", """mutation($user: String!) { registerStaff(user: $user,
        displayName: "Nieuwe Collega", roles: [COUNSELLOR]) { ok } }""", staff(), expect=NO_CASE,
        writes=changes(DIRECTORY)),
    row(Role.ADMIN, "grantRole", "mutation($user: String!) { grantRole(user: $user, role: AUDITOR) { ok } }",
        staff(), expect=NO_CASE, writes=changes(DIRECTORY)),
    row(Role.ADMIN, "revokeRole", """mutation($user: String!) { revokeRole(user: $user, role: AUDITOR,
        reason: "Tijdelijk") { ok } }""", staff(), expect=NO_CASE, writes=changes(DIRECTORY)),
    row(Role.ADMIN, "deactivateStaff", """mutation($user: String!) { deactivateStaff(user: $user,
        reason: "Uit dienst") { ok } }""", staff(), expect=NO_CASE, writes=changes(DIRECTORY)),
    row(Role.ADMIN, "assignCounsellor", """mutation($case: UUID!, $user: String!) { assignCounsellor(caseId: $case,
        side: PARENT_A, user: $user, reason: "Ziekteverlof") { ok } }""", assigning(SPARE["counsellor"]),
        expect=REGISTERED_CASE, writes=changes(DIRECTORY, "parent_a_context")),  # the flow tells side A
    row(Role.ADMIN, "assignChildCounsellor", """mutation($case: UUID!, $user: String!) {
        assignChildCounsellor(caseId: $case, user: $user) { ok } }""", assigning(SPARE["child"]),
        expect=REGISTERED_CASE, writes=changes(DIRECTORY)),
    row(Role.ADMIN, "assignMediator", """mutation($case: UUID!, $user: String!) {
        assignMediator(caseId: $case, user: $user) { ok } }""", assigning(SPARE["mediator"]),
        expect=REGISTERED_CASE, writes=changes(DIRECTORY)),
    row(Role.ADMIN, "assignCoordinator", """mutation($case: UUID!, $user: String!) {
        assignCoordinator(caseId: $case, user: $user) { ok } }""", assigning(SPARE["coordinator"]),
        expect=REGISTERED_CASE, writes=changes(DIRECTORY)),
    # Practice data, no case: the list is stored in the shared context and the flow brings it to both sides.
    row(Role.ADMIN, "importSchoolHolidays", """mutation($ics: String!) { importSchoolHolidays(region: MIDDEN,
        schoolYear: "2026-2027", ics: $ics, source: "midden.ics") { region schoolYear source importedBy importedAt
        holidays { name firstDay lastDay } } }""", lambda call: {"ics": MIDDEN.decode()}, expect=NO_CASE,
        logs=logged(SHARED, Action.CHANGE, case=False), writes=changes(SHARED, SIDE_A, SIDE_B)),
    row(Role.ADMIN, "schoolHolidays", "{ schoolHolidays { region schoolYear holidays { name } } }",
        lambda call: {}, expect=NO_CASE, logs=logged(SHARED, Action.READ, case=False)),
    row(Role.ADMIN, "unassign", """mutation($case: UUID!, $user: String!) { unassign(caseId: $case, user: $user,
        reason: "Project klaar") { ok } }""", assigning(SPARE["coordinator"]), expect=REGISTERED_CASE,
        writes=changes(DIRECTORY)),
    # Last of the administrator's rows: the why of that case's assignments reads erased from here on.
    row(Role.ADMIN, "eraseCasePrivateText", """mutation($case: UUID!) { eraseCasePrivateText(caseId: $case,
        reason: ERASURE_REQUEST) { ok } }""", expect=REGISTERED_CASE, writes=changes(DIRECTORY)),
]
