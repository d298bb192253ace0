"""The coordinator's rows of the authorization matrix: the shared context of the OWN case, start to end.

Parent B of the OWN case is not enrolled at first, so parent A's signature alone brings the
rules into force (and revoking them works); B is enrolled afterwards. The scene planned one
joint session to be cancelled; the one planned here is moved to today, paused, resumed and
attended (the shared context's clock says 10 March 2026, 09:30).
"""

from __future__ import annotations

from datetime import datetime, timezone

from services.staff_directory.api import Role
from services.platform.access_log import Action
from tests.gateway.matrix_scene import DIRECTORY, OWN_POSITION, SHARED, SIDE_A, SIDE_B, Call, Column
from tests.gateway.matrix_table import ASSIGNED_CASE, INVALID, NO_CASE, Row, changes, exported, logged, row

RULES = [{"category": "COMMUNICATION", "rules": ["Alleen per e-mail."]}]
NOWHERE = "00000000-0000-4000-8000-000000000000"  # a session id for calls that are refused before it matters


def change(operation: str, document: str, variables=None) -> Row:  # noqa: ANN001
    return row(Role.COORDINATOR, operation, document, variables, expect=ASSIGNED_CASE,
               logs=logged(SHARED, Action.CHANGE), writes=changes(SHARED))


def read(operation: str, document: str, action: Action = Action.READ) -> Row:
    return row(Role.COORDINATOR, operation, document, expect=ASSIGNED_CASE, logs=logged(SHARED, action))


def session(call: Call, **more) -> dict:  # noqa: ANN003
    return {"case": call.case, "session": call.earlier("planJointSession", NOWHERE), **more}


def _registered(call: Call, data) -> list:  # noqa: ANN001
    return [(SHARED, Action.CHANGE, data["registerCase"])]


REGISTER_CASE = {"parentA": {"displayName": "Anna", "parentalAuthority": True},
                 "parentB": {"displayName": "Bram", "parentalAuthority": True},
                 "children": [{"firstName": "Noor", "dateOfBirth": "2014-05-03"}],
                 "trajectoryType": "PARALLEL_SOLO_OUDERSCHAP_LOMAN"}
SIGNATURES = "version status signers signatures { parent method textHash recordedBy }"
SESSION_FIELDS = """sessionId number day start durationMinutes place kind status trajectoryType plannedBy plannedAt
  movedFrom pauses { reason parent pausedAt pausedBy resumedAt resumedBy }
  attendance { parent attended absenceReason recordedBy recordedAt } cancelReason"""
RANGES = [{"firstDay": "2026-01-01", "lastDay": "2026-06-30", "parent": "PARENT_A"},
          {"firstDay": "2026-07-01", "lastDay": "2026-12-31", "parent": "PARENT_B", "children": ["Noor"]}]

#: A court report as JSON, so what it holds can be searched. The moment is "now": no report of the future.
REPORT = """mutation($case: UUID!, $at: DateTime!) { courtReport(caseId: $case, asOf: $at, format: JSON,
  proceeding: "C/16/123456") { reportId caseId asOf format language mediaType sha256 contentEncoding content } }"""


def now(call: Call) -> dict:
    return {"case": call.case, "at": datetime.now(timezone.utc).isoformat()}


SHARED_CONTEXT = [
    row(Role.COORDINATOR, "myCases", "{ myCases }", lambda call: {}, expect=NO_CASE,
        logs=logged(DIRECTORY, Action.SEARCH, case=False)),
    row(Role.COORDINATOR, "registerCase", "mutation($new: RegisterCaseInput!) { registerCase(case: $new) }",
        lambda call: {"new": REGISTER_CASE}, expect=NO_CASE, logs=_registered,
        writes=changes(SHARED, DIRECTORY, SIDE_A, SIDE_B)),  # the flows bring the case to the directory and sides
    read("case", """query($case: UUID!) { case(caseId: $case) { caseId trajectoryType registeredBy registeredAt
        parentA { slot displayName parentalAuthority enrolled } parentB { slot displayName parentalAuthority enrolled }
        children { firstName dateOfBirth } } }"""),
    row(Role.COORDINATOR, "recordParentalAuthority", """mutation($case: UUID!) {
        recordParentalAuthority(caseId: $case, parent: PARENT_B, hasAuthority: true) { ok } }""",
        expect=ASSIGNED_CASE, logs=logged(SHARED, Action.CHANGE), writes=changes(SHARED, SIDE_B)),  # B's header
    row(Role.COORDINATOR, "recordCaseRegion", """mutation($case: UUID!) {
        recordCaseRegion(caseId: $case, region: MIDDEN) { caseId region authorityMissing } }""",
        expect=ASSIGNED_CASE, logs=logged(SHARED, Action.CHANGE), writes=changes(SHARED, SIDE_A, SIDE_B)),
    change("draftGroundRules", "mutation($case: UUID!, $rules: [CategoryRulesInput!]!) { "
                               "draftGroundRules(caseId: $case, rules: $rules) }",
           lambda call: {"case": call.case, "rules": RULES}),
    change("reviseGroundRulesDraft", "mutation($case: UUID!, $rules: [CategoryRulesInput!]!) { "
                                     "reviseGroundRulesDraft(caseId: $case, version: 1, rules: $rules) { ok } }",
           lambda call: {"case": call.case, "rules": [*RULES, {"category": "HANDOVERS", "rules": ["Op school."]}]}),
    change("offerGroundRules", "mutation($case: UUID!) { offerGroundRules(caseId: $case, version: 1) }"),
    # Both parents follow the trajectory, so both sign (in one request: the version comes into force).
    row(Role.COORDINATOR, "signGroundRules", f"""mutation($case: UUID!, $hash: String!) {{ signGroundRules(
        caseId: $case, version: 1, parent: PARENT_A, textHash: $hash, method: IN_PERSON) {{ {SIGNATURES} }}
        parentB: signGroundRules(caseId: $case, version: 1, parent: PARENT_B, textHash: $hash, method: IN_PERSON) {{
        version }} }}""", lambda call: {"case": call.case, "hash": call.earlier("offerGroundRules", "0" * 64)},
        expect=ASSIGNED_CASE, logs=lambda call, data: [(SHARED, Action.CHANGE, call.case)] * 2,
        writes=changes(SHARED)),
    read("groundRules", """query($case: UUID!) { groundRules(caseId: $case) { version status text textHash signers
        draftedBy draftedAt offeredBy offeredAt inForceFrom inForceUntil withdrawnAt
        categories { category number title rules } signatures { parent method textHash recordedBy recordedAt }
        revocation { reason revokedBy revokedAt } } }"""),
    read("groundRulesAwaitingSignatureOf", "query($case: UUID!) { groundRulesAwaitingSignatureOf(caseId: $case) }"),
    change("revokeGroundRules", """mutation($case: UUID!) { revokeGroundRules(caseId: $case, version: 1,
        reason: "De rechter besliste anders") { ok } }"""),
    # Parent B follows the trajectory from the start here (counsellor B held the intake), so enrolling
    # them again is refused; the access was logged first.
    row(Role.COORDINATOR, "enrolParent", "mutation($case: UUID!) { enrolParent(caseId: $case, parent: PARENT_B) { ok } }",
        expect={**ASSIGNED_CASE, Column.OWN: INVALID},
        refused_logs=lambda call, data: [(SHARED, Action.CHANGE, call.case)] if call.column is Column.OWN else []),
    # The scene's case follows parallel solo ouderschap, which has no next phase: refused after the access was logged.
    row(Role.COORDINATOR, "moveCaseToNextPhase", """mutation($case: UUID!) { moveCaseToNextPhase(caseId: $case,
        trajectoryType: PARALLEL_OUDERSCHAP_FASE_2, reason: "Samenwerking lukt niet") { phases { number } } }""",
        expect={**ASSIGNED_CASE, Column.OWN: INVALID},
        refused_logs=lambda call, data: [(SHARED, Action.CHANGE, call.case)] if call.column is Column.OWN else []),
    change("raiseDispute", """mutation($case: UUID!) { raiseDispute(caseId: $case, subject: "Zomervakantie",
        raisedBy: PARENT_A) }"""),
    change("relayPosition", """mutation($case: UUID!, $position: String!) { relayPosition(caseId: $case,
        dispute: 1, parent: PARENT_B, position: $position) { ok } }""",
           lambda call: {"case": call.case, "position": OWN_POSITION}),
    change("decideDispute", """mutation($case: UUID!) { decideDispute(caseId: $case, dispute: 1,
        decision: "Twee weken bij elke ouder", reasoning: "Gelijke verdeling",
        missingPositions: [{parent: PARENT_A, reason: "Geen reactie"}]) { ok } }"""),
    read("disputes", """query($case: UUID!) { disputes(caseId: $case) { number subject raisedBy recordedBy
        recordedAt positions { parent position relayedBy relayedAt }
        decision { decision reasoning decidedBy decidedAt binds } } }"""),
    change("agreeTransparency", """mutation($case: UUID!) { agreeTransparency(caseId: $case, parent: PARENT_A,
        categories: [ATTENDANCE], agreedOn: "2026-02-01") { ok } }"""),
    read("transparencyAgreements", """query($case: UUID!) { transparencyAgreements(caseId: $case) {
        parent categories agreedOn recordedBy recordedAt } }"""),
    change("planJointSession", """mutation($case: UUID!) { planJointSession(caseId: $case, day: "2026-03-12",
        start: "10:00:00", durationMinutes: 90, place: "Praktijk Utrecht") }"""),
    change("rescheduleJointSession", """mutation($case: UUID!, $session: UUID!) { rescheduleJointSession(
        caseId: $case, sessionId: $session, day: "2026-03-10", start: "09:00:00", reason: "Ziekte") { ok } }""",
           session),
    change("pauseJointSession", """mutation($case: UUID!, $session: UUID!) { pauseJointSession(caseId: $case,
        sessionId: $session, reason: "Scheldwoorden", parent: PARENT_B) { ok } }""", session),
    change("resumeJointSession", """mutation($case: UUID!, $session: UUID!) {
        resumeJointSession(caseId: $case, sessionId: $session) { ok } }""", session),
    change("recordAttendance", """mutation($case: UUID!, $session: UUID!) { recordAttendance(caseId: $case,
        sessionId: $session, parent: PARENT_A, attended: true) { ok } }""", session),
    change("cancelJointSession", """mutation($case: UUID!, $session: UUID!) { cancelJointSession(caseId: $case,
        sessionId: $session, reason: "Ouder verhuisd") { ok } }""",
           lambda call: {"case": call.case, "session": call.scene.captured["session to cancel"]}),
    change("recordPastJointSession", """mutation($case: UUID!) { recordPastJointSession(caseId: $case,
        day: "2026-02-10", start: "10:00:00", durationMinutes: 90, place: "Praktijk Utrecht",
        why: "Zaak overgenomen van een andere praktijk") }"""),
    change("recordPauseAfterwards", """mutation($case: UUID!, $session: UUID!) { recordPauseAfterwards(
        caseId: $case, sessionId: $session, pausedAt: "2026-02-10T10:20:00+01:00",
        resumedAt: "2026-02-10T10:35:00+01:00", reason: "Scheldwoorden", ledBy: "Marieke Visser",
        why: "Systeem lag eruit op de dag zelf", parent: PARENT_B) { ok } }""",
           lambda call: {"case": call.case, "session": call.earlier("recordPastJointSession", NOWHERE)}),
    # Visits and the hour budget are Opnieuw Verbinden's; the OWN case follows another type: refused, after the
    # access was logged.
    *(row(Role.COORDINATOR, operation, document, expect={**ASSIGNED_CASE, Column.OWN: INVALID},
          refused_logs=lambda call, data, action=action: [(SHARED, action, call.case)] if call.column is Column.OWN
          else [])
      for operation, document, action in (
          ("reconnectingYear", "query($case: UUID!) { reconnectingYear(caseId: $case, year: 2026) { year minutes } }",
           Action.READ),
          ("recordChildVisit", """mutation($case: UUID!) { recordChildVisit(caseId: $case, on: "2026-02-11",
            parent: PARENT_A, visitedBy: "Lotte") { year } }""", Action.CHANGE),
          ("recordProfessionalHours", """mutation($case: UUID!) { recordProfessionalHours(caseId: $case,
            on: "2026-02-11", professional: "Lotte", activity: CHILD_VISIT, minutes: 90) { year } }""",
           Action.CHANGE))),
    read("jointSessions", f"query($case: UUID!) {{ jointSessions(caseId: $case) {{ {SESSION_FIELDS} }} }}"),
    read("jointSessionRoom", """query($case: UUID!) { jointSessionRoom(caseId: $case, on: "2026-02-11") {
        trajectoryType year maximum taken left } }"""),
    change("setContactSchedule", """mutation($case: UUID!, $ranges: [ContactRangeInput!]!) {
        setContactSchedule(caseId: $case, year: 2026, ranges: $ranges) }""",
           lambda call: {"case": call.case, "ranges": RANGES}),
    read("contactSchedule", """query($case: UUID!) { contactSchedule(caseId: $case, year: 2026) { year version
        recordedBy recordedAt reason ranges { firstDay lastDay parent children kind holiday handoverTime
        handoverPlace } } }"""),
    read("contactScheduleIcal", "query($case: UUID!) { contactScheduleIcal(caseId: $case, year: 2026) }",
         Action.EXPORT),
    row(Role.COORDINATOR, "courtReport", REPORT, now, expect=ASSIGNED_CASE, logs=exported, writes=changes(SHARED)),
]


#: Run last of all rows: once erased, the case's shared private text can neither be read nor written again.
ERASURE = [
    change("eraseCasePrivateText", """mutation($case: UUID!) { eraseCasePrivateText(caseId: $case,
        reason: ERASURE_REQUEST) { privateTextErasedAt } }"""),
]
