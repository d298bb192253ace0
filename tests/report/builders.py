"""A case for the report tests, made through the contexts' own application APIs.

Every free text a report must never show carries a unique marker (no spaces or hyphens,
so no line break in a PDF can split it): ``secret(slot, what)``.
"""

from __future__ import annotations

from tests.support.cases import known_case

from datetime import date, datetime, time, timedelta, timezone
from uuid import UUID

from evenwijdig.bootstrap import Contexts
from services.staff_directory.api import Role, Side
from services.parent_side.domain.catalogue import template
from services.parent_side.domain.records import Child as SideChild
from services.platform.private_text import PrivateText
from services.shared_agreements.application import Child, Parent
from tests.support.cases import open_trajectory

COORDINATOR = "coordinator-rapport"
COUNSELLORS = {"parent_a": "counsellor-rapport-a", "parent_b": "counsellor-rapport-b"}
CHILD_COUNSELLOR, CHILD_COUNSELLOR_NAME = "child-counsellor-rapport", "Lotte van Dijk"
PARENTS = {"parent_a": "Sanne de Vries", "parent_b": "Mark Jansen"}
NOOR = ("Noor", date(2014, 3, 12))
START = date(2026, 1, 5)
CLOSED = START + timedelta(days=60)
EVERYTHING = ["attendance", "session_themes", "goals", "child_conversation_held", "evaluation", "practitioner"]


def secret(slot: str, what: str) -> str:
    return f"Canary{what}{slot[-1].upper()}x31337"


def now() -> datetime:
    return datetime.now(timezone.utc)


def registered_case(contexts: Contexts, trajectory_type: str = "parallel_solo_ouderschap_loman") -> UUID:
    """A case with both parents enrolled, its staff in the directory, the coordinator assigned."""
    case_id = contexts.shared.register_case(
        parent_a=Parent(PARENTS["parent_a"], parental_authority=True),
        parent_b=Parent(PARENTS["parent_b"], parental_authority=True),
        children=[Child(*NOOR)], trajectory_type=trajectory_type, actor=COORDINATOR,
    )
    directory = contexts.directory
    for user, name, role in ((COORDINATOR, "Marieke Visser", Role.COORDINATOR),
                             (CHILD_COUNSELLOR, CHILD_COUNSELLOR_NAME, Role.CHILD_COUNSELLOR),
                             (COUNSELLORS["parent_a"], "Ineke Bos", Role.COUNSELLOR),
                             (COUNSELLORS["parent_b"], "Youssef El Amrani", Role.COUNSELLOR)):
        if directory.staff(user) is None:
            directory.register_staff(user, name, [role], actor="admin-rapport")
    known_case(directory, case_id)
    if COORDINATOR not in directory.staffing(case_id).coordinators:  # the flow assigns a registering coordinator
        directory.assign_coordinator(case_id, COORDINATOR, actor="admin-rapport")
    known_case(directory, case_id)
    directory.assign_child_counsellor(case_id, CHILD_COUNSELLOR, actor="admin-rapport")
    for slot, side in (("parent_a", Side.PARENT_A), ("parent_b", Side.PARENT_B)):
        known_case(directory, case_id)
        directory.assign_counsellor(case_id, side, COUNSELLORS[slot], actor="admin-rapport")
    return case_id


def running_side(contexts: Contexts, case_id: UUID, slot: str) -> None:
    """Intake to start, a session held (private note, themes), one missed (reason), a child conversation."""
    app, counsellor = getattr(contexts, slot), COUNSELLORS[slot]
    open_trajectory(app, case_id, parent=PARENTS[slot], children=[SideChild(*NOOR)],
                        rules=template("parallel_solo_ouderschap_loman"), counsellor=counsellor, on=START,
                        actor=counsellor, parental_authority=True)
    app.propose_goals(case_id, goals=[secret(slot, "Goal")], themes=[secret(slot, "Theme")], on=START, actor=counsellor)
    app.record_consent(case_id, scopes=["trajectory", "child_conversations"], given_by=[PARENTS[slot]],
                       given_on=START, actor=counsellor)
    app.record_agreement(case_id, on=START, actor=counsellor)
    app.start(case_id, on=START, actor=counsellor)
    app.record_session(case_id, on=START, duration_minutes=60, themes=[secret(slot, "Theme")],
                       note=PrivateText(case_id, secret(slot, "Note")), attended=True, actor=counsellor)
    app.record_session(case_id, on=START + timedelta(days=14), duration_minutes=0, themes=[], note=None,
                       attended=False, actor=counsellor, missed_reason=secret(slot, "Missed"))
    app.record_child_conversation(case_id, child="Noor", held_by=CHILD_COUNSELLOR, on=START + timedelta(days=3),
                                  summary=PrivateText(case_id, secret(slot, "Summary")), actor=CHILD_COUNSELLOR)


def closed_side(contexts: Contexts, case_id: UUID, slot: str) -> None:
    """A running side, closed with a private closing evaluation (not released)."""
    running_side(contexts, case_id, slot)
    getattr(contexts, slot).close_trajectory(case_id, on=CLOSED, evaluation=PrivateText(case_id, secret(slot, "Eval")),
                                             actor=COUNSELLORS[slot])


def release(contexts: Contexts, case_id: UUID, slot: str) -> None:
    getattr(contexts, slot).release_evaluation_for_court(case_id, on=CLOSED, actor=COUNSELLORS[slot])


def withdraw(contexts: Contexts, case_id: UUID, slot: str) -> None:
    getattr(contexts, slot).withdraw_release(case_id, on=CLOSED, actor=COUNSELLORS[slot], reason="heroverwogen")


def share(contexts: Contexts, case_id: UUID, slot: str, categories: list[str]) -> None:
    contexts.shared.agree_transparency(case_id, slot, categories, START, COORDINATOR)


def shared_agreements(contexts: Contexts, case_id: UUID) -> None:
    """Ground rules signed by both, a binding decision (positions relayed), a joint session with a pause."""
    shared = contexts.shared
    version = shared.draft_ground_rules(case_id, {"communication": ["Alleen per e-mail."]}, COORDINATOR)
    text_hash = shared.offer_ground_rules(case_id, version, COORDINATOR)
    for parent, method in (("parent_a", "in_person"), ("parent_b", "electronic")):
        shared.sign_ground_rules(case_id, version, parent, text_hash, method, COORDINATOR)
    dispute = shared.raise_dispute(case_id, "Hockey op woensdag", "parent_b", COORDINATOR)
    shared.relay_position(case_id, dispute, "parent_a", secret("parent_a", "Position"), COORDINATOR)
    shared.decide_dispute(case_id, dispute, "Carpool van de club.", "Noor blijft buiten de strijd.", COORDINATOR,
                          {"parent_b": "Vader liet de termijn verlopen."})
    day = START + timedelta(days=30)
    session = shared.plan_joint_session(case_id, day=day, start=time(10), duration_minutes=90, place="Praktijk",
                                        actor=COORDINATOR, planned_on=START)
    shared.pause_joint_session(case_id, session, reason="Verheffing van stemmen", actor=COORDINATOR,
                               parent="parent_b", at=datetime.combine(day, time(10, 30), timezone.utc))
    shared.resume_joint_session(case_id, session, actor=COORDINATOR,
                                at=datetime.combine(day, time(10, 40), timezone.utc))
    shared.record_attendance(case_id, session, parent="parent_a", attended=True, actor=COORDINATOR, on=day)
    shared.record_attendance(case_id, session, parent="parent_b", attended=False, actor=COORDINATOR, on=day,
                             absence_reason=secret("parent_b", "Absence"))


def whole_case(contexts: Contexts) -> UUID:
    case_id = registered_case(contexts)
    running_side(contexts, case_id, "parent_a")
    running_side(contexts, case_id, "parent_b")
    shared_agreements(contexts, case_id)
    return case_id
