"""Planting the attack suite's scene: side B's whole trajectory through the counsellor API, canaries everywhere.

Counsellor B takes side B of the case from intake to a released closing evaluation, a second
child counsellor records a conversation on side B through the child counsellor's API, and B
opens the case only B works on. Counsellor A's side and the shared context get data of
their own, so the attackers' reads have something real to return.
"""

from __future__ import annotations

from tests.support.cases import known_case

import uuid
from datetime import date, time
from typing import Any

from services.staff_directory.api import Role, Side
from services.shared_agreements.application import Child, Parent
from services.shared_agreements.domain.contact_schedule import ContactRange
from tests.gateway.attack_scene import (
    ATTACKERS, CANARIES, CHILD, CHILD_B, COORDINATOR, COUNSELLOR_A, COUNSELLOR_B, COUNSELLOR_B_NAME, POSITION_B,
    AttackScene,
)


def command(name: str, params: str = "", args: str = "") -> str:
    declared = "$case: UUID!" + (f", {params}" if params else "")
    passed = "caseId: $case" + (f", {args}" if args else "")
    return f"mutation({declared}) {{ {name}({passed}) {{ version }} }}"


def side_story(tag: dict[str, str]) -> list[tuple[str, dict[str, Any]]]:
    """A side from intake to a released evaluation, every free text taken from ``tag``."""
    return [
        (command("openTrajectory", "$on: Date!", 'trajectoryType: "parallel_solo_ouderschap_loman", on: $on'),
         {"on": "2025-01-06"}),
        (command("confirmParentalAuthority", "$on: Date!", "on: $on"), {"on": "2025-01-07"}),
        (command("proposeGoals", "$goals: [String!]!, $themes: [String!]!", 'goals: $goals, themes: $themes, '
                 'on: "2025-01-13"'), {"goals": [tag["goal"]], "themes": ["parallel_parenting", tag["theme"]]}),
        (command("recordAgreement", "", 'on: "2025-01-20"'), {}),
        (command("recordConsent", "$by: [String!]!", 'scopes: [TRAJECTORY, CHILD_CONVERSATIONS], givenBy: $by, '
                 'givenOn: "2025-01-20"'), {"by": [tag["consent"]]}),
        (command("startTrajectory", "", 'on: "2025-02-03"'), {}),
        *[(command("planSession", "$on: Date!", "on: $on"), {"on": day}) for day in ("2025-02-03", "2025-02-17",
                                                                                   "2025-03-03")],
        (command("cancelPlannedSession", "$reason: String!", 'on: "2025-03-03", reason: $reason'),
         {"reason": tag["cancel"]}),
        (command("recordSession", "$note: String!", 'on: "2025-02-03", attended: true, durationMinutes: 60, '
                 'themes: ["own_ground"], note: $note'), {"note": tag["note"]}),
        (command("recordSession", "$missed: String!", 'on: "2025-02-17", attended: false, missedReason: $missed'),
         {"missed": tag["missed"]}),
    ]


def side_ending(tag: dict[str, str]) -> list[tuple[str, dict[str, Any]]]:
    """Consent withdrawn, the trajectory closed, its evaluation released, withdrawn and released again."""
    return [
        (command("withdrawConsent", "$by: [String!]!", 'scopes: [CHILD_CONVERSATIONS], withdrawnBy: $by, '
                 'on: "2025-03-01"'), {"by": [tag["withdrawn"]]}),
        (command("closeTrajectory", "$evaluation: String!", 'on: "2025-03-10", evaluation: $evaluation'),
         {"evaluation": tag["evaluation"]}),
        (command("releaseEvaluationForCourt", "", 'on: "2025-03-11"'), {}),
        (command("withdrawRelease", "$reason: String!", 'on: "2025-03-12", reason: $reason'),
         {"reason": tag["release"]}),
        (command("releaseEvaluationForCourt", "", 'on: "2025-03-13"'), {}),
    ]


RECORD_CHILD_CONVERSATION = """mutation($case: UUID!, $side: Side!, $summary: String!) {
  recordChildConversation(caseId: $case, side: $side, child: "Noor", on: "2025-02-10", summary: $summary) { ok } }"""
OWN_A = {"parent": "Ouder A", "child": "Sem", "goal": "Rust", "theme": "Grenzen", "consent": "Ouder A",
         "cancel": "Ziek", "note": "Eigen notitie van A", "missed": "Vergeten"}


def build_attack_scene(gateway) -> AttackScene:  # noqa: ANN001
    """Staff and the shared context; side B planted through GraphQL; then the attackers' own data."""
    scene = AttackScene(gateway, uuid.uuid4(), uuid.uuid4())
    _staff(gateway, scene)
    _shared(gateway, scene)
    for query, variables in side_story(CANARIES):
        scene.ok(COUNSELLOR_B, query, {"case": str(scene.case), **variables})
    scene.ok(CHILD_B, RECORD_CHILD_CONVERSATION, {"case": str(scene.case), "side": "PARENT_B",
                                                  "summary": CANARIES["summary"]})
    for query, variables in side_ending(CANARIES):
        scene.ok(COUNSELLOR_B, query, {"case": str(scene.case), **variables})
    for query, variables in side_story(CANARIES)[:3]:  # the case only B works on: an intake and goals suffice
        scene.ok(COUNSELLOR_B, query, {"case": str(scene.b_only), **variables})
    for query, variables in side_story(OWN_A):
        scene.ok(COUNSELLOR_A, query, {"case": str(scene.case), **variables})
    scene.ok(CHILD, RECORD_CHILD_CONVERSATION, {"case": str(scene.case), "side": "PARENT_A",
                                                "summary": "Eigen kindgesprek"})
    return scene


def _staff(gateway, scene: AttackScene) -> None:  # noqa: ANN001
    for user, role in (*ATTACKERS.items(), (CHILD_B, Role.CHILD_COUNSELLOR)):
        gateway.staff(user, role)
    gateway.contexts.directory.register_staff(COUNSELLOR_B, COUNSELLOR_B_NAME, [Role.COUNSELLOR], actor="admin-setup")
    directory = gateway.contexts.directory
    known_case(directory, scene.case)
    directory.assign_counsellor(scene.case, Side.PARENT_A, COUNSELLOR_A, "admin-setup")
    for case in (scene.case, scene.b_only):
        known_case(directory, case)
        directory.assign_counsellor(case, Side.PARENT_B, COUNSELLOR_B, "admin-setup")
    known_case(directory, scene.case)
    directory.assign_coordinator(scene.case, COORDINATOR, "admin-setup")
    for child in (CHILD, CHILD_B):
        known_case(directory, scene.case)
        directory.assign_child_counsellor(scene.case, child, "admin-setup")


def _shared(gateway, scene: AttackScene) -> None:  # noqa: ANN001
    """Rules in force, a decided dispute with B's position relayed, a joint session, a schedule."""
    shared = gateway.contexts.shared
    for case in (scene.case, scene.b_only):
        shared.register_case(parent_a=Parent("Anna", True), parent_b=Parent("Bram", True),
                             children=[Child("Noor", date(2014, 5, 3))], actor="coordinator-elders", case_id=case,
                             trajectory_type="parallel_solo_ouderschap_loman")
    case = scene.case
    shared.draft_ground_rules(case, {"communication": ["Alleen per e-mail."]}, COORDINATOR)
    offered = shared.offer_ground_rules(case, 1, COORDINATOR)
    for parent in ("parent_a", "parent_b"):
        shared.sign_ground_rules(case, 1, parent, offered, "in_person", COORDINATOR)
    shared.raise_dispute(case, "Zomervakantie", "parent_b", COORDINATOR)
    shared.relay_position(case, 1, "parent_b", POSITION_B, COORDINATOR)
    shared.decide_dispute(case, 1, "Twee weken elk", "Gelijke verdeling", COORDINATOR,
                          {"parent_a": "Moeder gaf geen standpunt."})
    shared.plan_joint_session(case, day=date(2026, 3, 10), start=time(10, 0), duration_minutes=90, place="Utrecht",
                              actor=COORDINATOR, planned_on=date(2026, 1, 5))
    shared.set_contact_schedule(case, 2026, [ContactRange(date(2026, 1, 1), date(2026, 12, 31), "parent_a")],
                                COORDINATOR)
