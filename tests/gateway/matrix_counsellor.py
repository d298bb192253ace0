"""The counsellor's and the child counsellor's rows of the authorization matrix.

Each counsellor takes their side of the OWN case and of the OTHER_SIDE case from intake to
erasure, row by row, writing their own tags; every answer shows the whole trajectory, so
anything of the other side would show. The child counsellor records a conversation on side
A of the OWN case while it has consent.
"""

from __future__ import annotations

from dataclasses import replace

from services.staff_directory.api import Role
from services.platform.access_log import Action
from tests.gateway.matrix_scene import DIRECTORY, LOMAN, SHARED, SIDE_A, SIDE_B, Call, Column
from tests.gateway.matrix_table import (
    ASSIGNED_CASE, COUNSELLOR_CASE, NO_CASE, Row, changes, logged, row,
)

TRAJECTORY = """caseId version status parent parentalAuthority openedOn goals proposedOn agreedOn startedOn closedOn
  children { firstName dateOfBirth } rules { template title maxSessions sessionIntervalDays maxChildConversations }
  counsellor counsellorHistory { counsellor since reason } themes { code label standard }
  consents { scope givenBy givenOn withdrawnOn withdrawnBy } plannedSessions { on cancelledReason }
  sessions { on durationMinutes attended missedReason note themes { code label standard } }
  childConversationCount childConversations { on child heldBy summary } evaluation retainUntil evaluationReleased
  releaseDecisions { decision on reason } courtReports { reportId madeAt } erasedOn erasureReason"""
RULE_VERSION = """version status text textHash signers unsigned offeredAt inForceFrom
  categories { category number title rules } signatures { parent method textHash signedAt }"""


def command(name: str, params: str = "", args: str = "") -> str:
    declared = "$case: UUID!" + (f", {params}" if params else "")
    passed = "caseId: $case" + (f", {args}" if args else "")
    return f"mutation({declared}) {{ {name}({passed}) {{ {TRAJECTORY} }} }}"


def side(operation: str, document: str, variables=None, action: Action = Action.CHANGE) -> Row:  # noqa: ANN001
    """An operation on the caller's own side of the case, whichever side that is; it answers with that side."""
    return row(Role.COUNSELLOR, operation, document, variables, expect=COUNSELLOR_CASE,
               logs=logged(None, action), writes=changes(None) if action is Action.CHANGE else changes(),
               # Right after the intake a side holds only the case header's part of it, no text of its own.
               shows_own_side=operation not in ("progress", "openTrajectory", "confirmParentalAuthority"))


def shared_read(operation: str, document: str, variables=None) -> Row:  # noqa: ANN001
    return row(Role.COUNSELLOR, operation, document, variables, expect=COUNSELLOR_CASE,
               logs=logged(SHARED, Action.READ))


def on(day: str, **more):  # noqa: ANN003, ANN201
    return lambda call: {"case": call.case, "on": day, **more}


def my_cases_logged(call: Call, data) -> list:  # noqa: ANN001
    """The summary of every case the caller counsels is read on the side they counsel there."""
    scene = call.scene
    return [(scene.call(call.caller, column).side_context, Action.READ, scene.case_for(call.caller, column))
            for column in (Column.OWN, Column.OTHER_SIDE)]


def _open(call: Call) -> dict:
    # Parent, children and authority come from the case header the coordinator registered.
    return {"case": call.case, "type": LOMAN, "on": "2025-01-06", "tailoring": {"maxSessions": 12}}


INTAKE_TO_FIRST_SESSION = [
    row(Role.COUNSELLOR, "trajectoryTypes", "{ trajectoryTypes { template title maxSessions goals } }",
        lambda call: {}, expect=NO_CASE),
    side("openTrajectory", command(
        "openTrajectory", "$type: String, $on: Date!, $tailoring: TailoringInput",
        "trajectoryType: $type, on: $on, tailoring: $tailoring"), _open),
    # Authority is in the case header and reached the side by the flow: confirming it records nothing.
    replace(side("confirmParentalAuthority", command("confirmParentalAuthority", "$on: Date!", "on: $on"),
                 on("2025-01-07")), writes=changes()),
    side("proposeGoals", command("proposeGoals", "$goals: [String!]!, $themes: [String!]!, $on: Date!",
                                 "goals: $goals, themes: $themes, on: $on"),
         lambda call: {"case": call.case, "goals": [f"Doel {call.tag}"], "on": "2025-01-13",
                       "themes": ["parallel_parenting", f"Thema {call.tag}"]}),
    side("recordAgreement", command("recordAgreement", "$on: Date!", "on: $on"), on("2025-01-20")),
    side("recordConsent", command("recordConsent", "$scopes: [ConsentScope!]!, $by: [String!]!, $on: Date!",
                                  "scopes: $scopes, givenBy: $by, givenOn: $on"),
         lambda call: {"case": call.case, "scopes": ["TRAJECTORY", "CHILD_CONVERSATIONS"], "on": "2025-01-20",
                       "by": [f"Ouder {call.tag}"]}),
    side("startTrajectory", command("startTrajectory", "$on: Date!", "on: $on"), on("2025-02-03")),
    side("planSession", command("planSession", "$on: Date!", "on: $on"), on("2025-02-17")),
    side("cancelPlannedSession", command("cancelPlannedSession", "$on: Date!, $reason: String!",
                                         "on: $on, reason: $reason"),
         lambda call: {"case": call.case, "on": "2025-02-17", "reason": f"Ziek {call.tag}"}),
    side("recordSession", command(
        "recordSession", "$on: Date!, $minutes: Int!, $themes: [String!], $note: String, $missed: String",
        "on: $on, attended: true, durationMinutes: $minutes, themes: $themes, note: $note, missedReason: $missed"),
        lambda call: {"case": call.case, "on": "2025-02-03", "minutes": 60, "themes": ["own_ground"],
                      "note": f"Notitie {call.private}"}),
]

CHILD_CONVERSATIONS = [
    row(Role.CHILD_COUNSELLOR, "myCases", "{ myCases }", lambda call: {}, expect=NO_CASE,
        logs=logged(DIRECTORY, Action.SEARCH, case=False)),
    row(Role.CHILD_COUNSELLOR, "recordChildConversation",
        """mutation($case: UUID!, $summary: String!) { recordChildConversation(caseId: $case, side: PARENT_A,
           child: "Noor", on: "2025-02-10", summary: $summary) { ok } }""",
        lambda call: {"case": call.case, "summary": f"Kindgesprek {call.private}"}, expect=ASSIGNED_CASE,
        logs=logged(SIDE_A, Action.CHANGE), writes=changes(SIDE_A)),
    row(Role.CHILD_COUNSELLOR, "childConversations",
        "query($case: UUID!) { childConversations(caseId: $case) { side on child heldByYou summary } }",
        expect=ASSIGNED_CASE,
        logs=lambda call, data: [(SIDE_A, Action.READ, call.case), (SIDE_B, Action.READ, call.case)]),
    row(Role.CHILD_COUNSELLOR, "childConversationRooms",
        """query($case: UUID!) { childConversationRooms(caseId: $case, on: "2025-02-10") {
           side on trajectoryOpened inTerm consentInForce maximum held left } }""",
        expect=ASSIGNED_CASE,
        logs=lambda call, data: [(SIDE_A, Action.READ, call.case), (SIDE_B, Action.READ, call.case)]),
]

READS = [
    row(Role.COUNSELLOR, "myCases", """{ myCases { caseId side trajectory { status template title parent
        openedOn startedOn closedOn } } }""", lambda call: {}, expect=NO_CASE, logs=my_cases_logged),
    side("trajectory", f"query($case: UUID!) {{ trajectory(caseId: $case) {{ {TRAJECTORY} }} }}",
         action=Action.READ),
    side("progress", """query($case: UUID!, $on: Date!) { progress(caseId: $case, on: $on) { on status template
        weeksElapsed sessionsExpected maxSessions sessionsHeld sessionsMissed sessionsPlannedAhead
        sessionsPlannedNotRecorded sessionsCancelled nextSessionDue childConversationsHeld maxChildConversations } }""",
         on("2025-02-24"), action=Action.READ),
    shared_read("groundRules", f"""query($case: UUID!) {{ groundRules(caseId: $case) {{
        inForce {{ {RULE_VERSION} }} offered {{ {RULE_VERSION} }} }} }}"""),
    shared_read("jointSessions", """query($case: UUID!) { jointSessions(caseId: $case) {
        sessionId number day start durationMinutes place kind status movedFrom pauses } }"""),
    shared_read("jointSessionRoom", """query($case: UUID!, $on: Date!) { jointSessionRoom(caseId: $case, on: $on) {
        trajectoryType year maximum taken left } }""", on("2026-02-11")),
    shared_read("decisions", """query($case: UUID!) { decisions(caseId: $case) {
        number subject decision reasoning decidedAt binds } }"""),
    shared_read("contactSchedule", """query($case: UUID!) { contactSchedule(caseId: $case, year: 2026) {
        year version recordedAt reason ranges { firstDay lastDay parent children kind holiday handoverTime
        handoverPlace } } }"""),
]

TO_THE_END = [
    side("withdrawConsent", command("withdrawConsent", "$scopes: [ConsentScope!]!, $by: [String!]!, $on: Date!",
                                    "scopes: $scopes, withdrawnBy: $by, on: $on"),
         lambda call: {"case": call.case, "scopes": ["CHILD_CONVERSATIONS"], "on": "2025-03-01",
                       "by": [f"Ouder {call.tag}"]}),
    side("closeTrajectory", command("closeTrajectory", "$on: Date!, $evaluation: String!",
                                    "on: $on, evaluation: $evaluation"),
         lambda call: {"case": call.case, "on": "2025-03-10", "evaluation": f"Evaluatie {call.private}"}),
    side("releaseEvaluationForCourt", command("releaseEvaluationForCourt", "$on: Date!", "on: $on"),
         on("2025-03-11")),
    side("withdrawRelease", command("withdrawRelease", "$on: Date!, $reason: String", "on: $on, reason: $reason"),
         lambda call: {"case": call.case, "on": "2025-03-12", "reason": f"Reden {call.tag}"}),
    side("erasePrivateText", command("erasePrivateText", "$reason: ErasureReason!", "reason: $reason"),
         lambda call: {"case": call.case, "reason": "ERASURE_REQUEST"}),
]
