"""The counsellor tests' scene: one case, registered in the shared context by a coordinator, with a
counsellor on each side, the GraphQL documents they send, and how to check what was logged.

The ``scene`` fixture that builds it lives in ``tests/gateway/conftest.py``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from typing import Any

from services.staff_directory.api import Role
from services.platform.access_log import Action
from services.shared_agreements.application import Child, Parent
from services.shared_agreements.domain.contact_schedule import ContactRange
from services.shared_agreements.domain.rules_text import canonical_text, normalised_rules, text_hash


# Distinctive staff ids: none may surface where the design says it must not.
SIDE_A, SIDE_B, SHARED = "parent_a_context", "parent_b_context", "shared_agreements"
COUNSELLOR_A = "counsellor-a-canary-5713"
COUNSELLOR_B = "counsellor-b-canary-8642"
COORDINATOR = "coordinator-canary-2291"
CHILD_COUNSELLOR = "child-counsellor-canary-4407"
OUTSIDER = "counsellor-unassigned-3356"
STAFF = (COUNSELLOR_A, COUNSELLOR_B, COORDINATOR, CHILD_COUNSELLOR, OUTSIDER)


LOMAN = "parallel_solo_ouderschap_loman"
RULES = {"communication": ["Alleen per e-mail, via de coördinator."], "handovers": ["Overdracht op school."]}
AMENDED = {**RULES, "holidays": ["Zomervakantie wordt gedeeld."]}

TRAJECTORY = """
query($case: UUID!) { trajectory(caseId: $case) {
  caseId version status parent parentalAuthority openedOn goals proposedOn agreedOn startedOn closedOn
  children { firstName dateOfBirth } rules { template maxSessions sessionIntervalDays maxChildConversations }
  counsellor counsellorHistory { counsellor since reason } themes { code label standard }
  consents { scope givenBy givenOn withdrawnOn } plannedSessions { on cancelledReason }
  sessions { on durationMinutes attended missedReason note themes { code } }
  childConversationCount childConversations { on child heldBy summary }
  evaluation retainUntil evaluationReleased releaseDecisions { decision on reason } erasedOn erasureReason
} }
"""
MY_CASES = "{ myCases { caseId side trajectory { status template title parent openedOn startedOn closedOn } } }"
PROGRESS = """query($case: UUID!, $on: Date!) { progress(caseId: $case, on: $on) {
  status weeksElapsed sessionsExpected maxSessions sessionsHeld sessionsMissed sessionsPlannedAhead
  sessionsCancelled nextSessionDue childConversationsHeld maxChildConversations } }"""
OPEN = """
mutation($case: UUID!, $type: String, $on: Date!, $tailoring: TailoringInput) {
  openTrajectory(caseId: $case, trajectoryType: $type, on: $on,
                 tailoring: $tailoring) { status counsellor rules { template maxSessions } }
}
"""


def mutation(name: str, params: str, args: str, fields: str = "status version") -> str:
    """A one-command mutation document: ``params`` declares variables beyond $case, ``args`` passes them."""
    declared = "$case: UUID!" + (f", {params}" if params else "")
    passed = "caseId: $case" + (f", {args}" if args else "")
    return f"mutation({declared}) {{ {name}({passed}) {{ {fields} }} }}"


PROPOSE = mutation("proposeGoals", "$goals: [String!]!, $themes: [String!]!, $on: Date!",
                   "goals: $goals, themes: $themes, on: $on")
CONSENT = mutation("recordConsent", "$scopes: [ConsentScope!]!, $by: [String!]!, $on: Date!",
                   "scopes: $scopes, givenBy: $by, givenOn: $on")
WITHDRAW_CONSENT = mutation("withdrawConsent", "$scopes: [ConsentScope!]!, $by: [String!]!, $on: Date!",
                            "scopes: $scopes, withdrawnBy: $by, on: $on")
AUTHORITY = mutation("confirmParentalAuthority", "$on: Date!", "on: $on")
AGREE = mutation("recordAgreement", "$on: Date!", "on: $on")
START = mutation("startTrajectory", "$on: Date!", "on: $on")
PLAN = mutation("planSession", "$on: Date!", "on: $on")
CANCEL = mutation("cancelPlannedSession", "$on: Date!, $reason: String!", "on: $on, reason: $reason")
SESSION = mutation("recordSession", "$on: Date!, $attended: Boolean!, $minutes: Int!, $themes: [String!], "
                   "$note: String, $missed: String", "on: $on, attended: $attended, durationMinutes: $minutes, "
                   "themes: $themes, note: $note, missedReason: $missed")
CLOSE = mutation("closeTrajectory", "$on: Date!, $evaluation: String!", "on: $on, evaluation: $evaluation")
RELEASE = mutation("releaseEvaluationForCourt", "$on: Date!", "on: $on")
WITHDRAW_RELEASE = mutation("withdrawRelease", "$on: Date!, $reason: String", "on: $on, reason: $reason")
ERASE = mutation("erasePrivateText", "$reason: ErasureReason!", "reason: $reason")


@dataclass
class Scene:
    gateway: Any
    case: str

    def post(self, user: str, query: str, variables: dict[str, Any] | None = None):
        return self.gateway.post(Role.COUNSELLOR, query, variables or {}, user=user)

    def ok(self, user: str, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = self.post(user, query, variables)
        body = response.json()
        assert response.status_code == 200 and "errors" not in body, body
        return body["data"]

    def access_logs(self) -> dict[str, list]:
        return {name: app.access_log.entries(limit=1000) for name, app in self.gateway.contexts.by_name().items()}

    def positions(self) -> dict[str, int]:
        return {name: app.position for name, app in self.gateway.contexts.by_name().items()}


def new_entries(before: dict[str, list], after: dict[str, list]) -> dict[str, list]:
    return {name: after[name][len(before[name]):] for name in after if len(after[name]) > len(before[name])}


def register_shared_case(gateway, case: uuid.UUID) -> None:
    """What the coordinator laid down: rules in force, an amendment half signed, a decision, a session, a schedule."""
    shared = gateway.contexts.shared
    shared.register_case(parent_a=Parent("Sanne Jansen", True), parent_b=Parent("Mark de Boer", True),
                         children=[Child("Noor", date(2014, 5, 3))], trajectory_type=LOMAN, actor=COORDINATOR,
                         case_id=case)
    for version, rules, parents in ((1, RULES, ("parent_a", "parent_b")), (2, AMENDED, ("parent_a",))):
        shared.draft_ground_rules(case, rules, COORDINATOR)
        offered = shared.offer_ground_rules(case, version, COORDINATOR)
        assert offered == text_hash(canonical_text(case, version, normalised_rules(rules)))
        for parent in parents:
            shared.sign_ground_rules(case, version, parent, offered, "in_person", COORDINATOR)
    shared.raise_dispute(case, "Zomervakantie 2026", "parent_b", COORDINATOR)
    shared.relay_position(case, 1, "parent_b", "POSITION-CANARY: drie weken aaneen", COORDINATOR)
    shared.decide_dispute(case, 1, "Twee weken bij elke ouder", "Gelijke verdeling", COORDINATOR,
                          {"parent_a": "Moeder gaf geen standpunt."})
    shared.raise_dispute(case, "UNDECIDED-CANARY schoolkeuze", "parent_a", COORDINATOR)
    session = shared.plan_joint_session(case, day=date(2026, 3, 10), start=time(10, 0), duration_minutes=90,
                                        place="Praktijk Utrecht", actor=COORDINATOR, planned_on=date(2026, 1, 5))
    at = datetime(2026, 3, 10, 10, 30, tzinfo=timezone.utc)
    shared.pause_joint_session(case, session, reason="PAUSE-CANARY: scheldwoorden", actor=COORDINATOR,
                               parent="parent_b", at=at)
    shared.set_contact_schedule(case, 2026, [ContactRange(date(2026, 1, 1), date(2026, 6, 30), "parent_a"),
                                             ContactRange(date(2026, 7, 1), date(2026, 12, 31), "parent_b")],
                                COORDINATOR)


def open_side(scene: Scene, user: str) -> dict[str, Any]:
    """The intake: parent, children and authority come from the case header the coordinator registered."""
    variables = {"case": scene.case, "type": LOMAN, "on": "2025-01-06", "tailoring": {"maxSessions": 12}}
    return scene.ok(user, OPEN, variables)["openTrajectory"]


def started_side(scene: Scene, user: str, note: str) -> None:
    """Intake to a first held session with a private ``note``, every step through GraphQL."""
    open_side(scene, user)
    for query, variables in rest_of_trajectory(scene.case)[:6]:
        scene.ok(user, query, variables)
    scene.ok(user, SESSION, {"case": scene.case, "on": "2025-02-03", "attended": True, "minutes": 60,
                             "themes": ["own_ground"], "note": note})


#: The whole trajectory of a side after the intake, call by call.
def rest_of_trajectory(case: str) -> list[tuple[str, dict[str, Any]]]:
    return [
        (AUTHORITY, {"case": case, "on": "2025-01-07"}),
        (PROPOSE, {"case": case, "goals": ["Rust bij de overdracht"],
                   "themes": ["parallel_parenting", "Omgaan met de nieuwe partner"], "on": "2025-01-13"}),
        (AGREE, {"case": case, "on": "2025-01-20"}),
        (CONSENT, {"case": case, "scopes": ["TRAJECTORY", "CHILD_CONVERSATIONS"],
                   "by": ["Sanne Jansen", "Mark de Vries"], "on": "2025-01-20"}),
        (START, {"case": case, "on": "2025-02-03"}),
        (PLAN, {"case": case, "on": "2025-02-03"}),
        (PLAN, {"case": case, "on": "2025-02-17"}),
        (PLAN, {"case": case, "on": "2025-03-03"}),
        (CANCEL, {"case": case, "on": "2025-03-03", "reason": "Ouder ziek"}),
        (SESSION, {"case": case, "on": "2025-02-03", "attended": True, "minutes": 60, "themes": ["own_ground"],
                   "note": "Moeder sliep slecht na de overdracht."}),
        (SESSION, {"case": case, "on": "2025-02-17", "attended": False, "minutes": 0, "missed": "Niet verschenen"}),
        (WITHDRAW_CONSENT, {"case": case, "scopes": ["CHILD_CONVERSATIONS"], "by": ["Mark de Vries"],
                            "on": "2025-03-01"}),
        (CLOSE, {"case": case, "on": "2025-03-10", "evaluation": "Rustiger bij overdrachten."}),
        (RELEASE, {"case": case, "on": "2025-03-11"}),
        (WITHDRAW_RELEASE, {"case": case, "on": "2025-03-12", "reason": "Ouder wil het eerst lezen"}),
        (RELEASE, {"case": case, "on": "2025-03-13"}),
    ]


def assert_logged_once(
    scene: Scene, before: dict[str, list], context: str, action: Action, user: str = COUNSELLOR_A,
) -> None:
    logged = new_entries(before, scene.access_logs())
    assert list(logged) == [context], logged
    [entry] = logged[context]
    assert (entry.access.action, entry.access.case_id, entry.access.context) == (action, uuid.UUID(scene.case), context)
    assert (entry.access.user, entry.access.role, entry.access.responsible_user) == (user, "counsellor", user)
