"""The begeleider's rows of the authorization matrix: the shared context of the OWN case, read and recorded.

The scene's cases follow parallel solo ouderschap, which has no begeleider of both parents: recording a
mediation conversation about the OWN case reaches the domain and is refused there (INVALID), after the
access was logged; the begeleider's reads answer. A case they are not the begeleider of, and a case that
does not exist, answer the same NOT_FOUND and leave nothing.
"""

from __future__ import annotations

from services.platform.access_log import Action
from services.staff_directory.api import Role
from tests.gateway.matrix_scene import DIRECTORY, SHARED, Column
from tests.gateway.matrix_table import ASSIGNED_CASE, INVALID, NO_CASE, logged, row


def _read(operation: str, document: str):  # noqa: ANN202
    return row(Role.MEDIATOR, operation, document, expect=ASSIGNED_CASE, logs=logged(SHARED, Action.READ))


MEDIATOR_ROWS = [
    row(Role.MEDIATOR, "myCases", "{ myCases }", lambda call: {}, expect=NO_CASE,
        logs=logged(DIRECTORY, Action.SEARCH, case=False)),
    _read("case", """query($case: UUID!) { case(caseId: $case) { caseId trajectoryType parentA { slot displayName
        enrolled } parentB { slot displayName enrolled } children { firstName dateOfBirth } phases { number
        trajectoryType since } region } }"""),
    _read("groundRules", """query($case: UUID!) { groundRules(caseId: $case) { inForce { version status text textHash
        signers signed unsigned inForceFrom } offered { version signers unsigned } } }"""),
    _read("jointSessions", """query($case: UUID!) { jointSessions(caseId: $case) { number day start durationMinutes
        place status } }"""),
    _read("decisions", """query($case: UUID!) { decisions(caseId: $case) { number subject decision reasoning
        decidedAt binds } }"""),
    _read("mediation", """query($case: UUID!) { mediation(caseId: $case) { number trajectoryType beganOn termEnd
        holidayCalendarMissing joint jointLeft parents { parent intakeHeld individual individualLeft attended missed }
        conversations { kind on durationMinutes parents attended heldByYou note } } }"""),
    row(Role.MEDIATOR, "recordMediationConversation", """mutation($case: UUID!) { recordMediationConversation(
        caseId: $case, kind: INTAKE, on: "2026-03-02", durationMinutes: 60, parent: PARENT_A, attended: [PARENT_A],
        note: "Kennismaking.") { number } }""",
        expect={**ASSIGNED_CASE, Column.OWN: INVALID},
        refused_logs=lambda call, data: [(SHARED, Action.CHANGE, call.case)] if call.column is Column.OWN else []),
    row(Role.MEDIATOR, "recordNetworkMeeting", """mutation($case: UUID!) { recordNetworkMeeting(caseId: $case,
        withWhom: SOCIAAL_TEAM, on: "2026-03-02", durationMinutes: 90, note: "Sociaal Team.") { number } }""",
        expect={**ASSIGNED_CASE, Column.OWN: INVALID},
        refused_logs=lambda call, data: [(SHARED, Action.CHANGE, call.case)] if call.column is Column.OWN else []),
]
