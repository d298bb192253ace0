"""The authorization matrix's scene, set up: staff, assignments, and what the cases hold before the rows run.

The OWN and OTHER_SIDE cases get only their shared headers here (their sides are written by
the matrix's own rows); the UNASSIGNED case gets everything, written directly through the
applications: both sides started with tagged text, ground rules in force, a dispute with a
relayed position, a joint session and a contact schedule.
"""

from __future__ import annotations

from tests.support.cases import known_case

from tests.support.cases import open_trajectory

import uuid
from datetime import date, time, timedelta

from services.staff_directory.api import Role, Side
from services.parent_side.application import ParentSide
from services.parent_side.domain.catalogue import template
from services.parent_side.domain.records import Child as SideChild
from services.platform.private_text import PrivateText
from services.shared_agreements.application import Child, Parent
from services.shared_agreements.domain.contact_schedule import ContactRange
from tests.gateway.matrix_scene import (
    CALLERS, CHILD, COORDINATOR, COUNSELLOR_A, MEDIATOR, COUNSELLOR_B, ELSEWHERE, LOMAN, NOW, SPARE, Z_TAGS, Column, MatrixScene,
)


def build_scene(gateway) -> MatrixScene:  # noqa: ANN001
    """Staff, assignments, the three cases' shared headers, and the unassigned case's full data."""
    cases = {column: uuid.uuid4() for column in (Column.OWN, Column.OTHER_SIDE, Column.UNASSIGNED, Column.MISSING)}
    for caller in CALLERS:
        gateway.staff(caller.user, caller.role)
    for key, role in (("coordinator", Role.COORDINATOR), ("za", Role.COUNSELLOR), ("zb", Role.COUNSELLOR),
                      ("child", Role.CHILD_COUNSELLOR)):
        gateway.staff(ELSEWHERE[key], role)
    for key, role in (("counsellor", Role.COUNSELLOR), ("child", Role.CHILD_COUNSELLOR),
                      ("coordinator", Role.COORDINATOR), ("mediator", Role.MEDIATOR)):
        gateway.staff(SPARE[key], role)
    gateway.shared_clock.set(NOW)
    # Registered first: the staff directory knows a case only once the shared context registered it,
    # and assigns the registering coordinator itself.
    _register(gateway, cases[Column.OWN], COORDINATOR.user)
    _register(gateway, cases[Column.OTHER_SIDE])
    _register(gateway, cases[Column.UNASSIGNED])
    _assign(gateway.contexts.directory, cases)
    scene = MatrixScene(gateway, cases)
    _own_session(gateway, cases[Column.OWN], scene)
    _unassigned_case(gateway, cases[Column.UNASSIGNED])
    return scene


def _assign(directory, cases: dict[Column, uuid.UUID]) -> None:  # noqa: ANN001
    own, other, unassigned = cases[Column.OWN], cases[Column.OTHER_SIDE], cases[Column.UNASSIGNED]
    for case, side_a, side_b in ((own, COUNSELLOR_A.user, COUNSELLOR_B.user),
                                 (other, COUNSELLOR_B.user, COUNSELLOR_A.user),
                                 (unassigned, ELSEWHERE["za"], ELSEWHERE["zb"])):
        known_case(directory, case)
        directory.assign_counsellor(case, Side.PARENT_A, side_a, "admin-setup")
        known_case(directory, case)
        directory.assign_counsellor(case, Side.PARENT_B, side_b, "admin-setup")
    known_case(directory, own)
    directory.assign_child_counsellor(own, CHILD.user, "admin-setup")
    directory.assign_mediator(own, MEDIATOR.user, "admin-setup")
    known_case(directory, unassigned)
    directory.assign_child_counsellor(unassigned, ELSEWHERE["child"], "admin-setup")


def _register(gateway, case: uuid.UUID, actor: str = ELSEWHERE["coordinator"], b_enrolled: bool = True) -> None:
    gateway.contexts.shared.register_case(
        parent_a=Parent("Anna", True), parent_b=Parent("Bram", b_enrolled, enrolled=b_enrolled),
        children=[Child("Noor", date(2014, 5, 3))], trajectory_type=LOMAN, actor=actor, case_id=case)


def _own_session(gateway, case: uuid.UUID, scene: MatrixScene) -> None:
    """One joint session waits to be cancelled."""
    planned = gateway.contexts.shared.plan_joint_session(
        case, day=date(2026, 3, 24), start=time(10, 0), duration_minutes=60, place="Praktijk Zeist",
        actor=COORDINATOR.user, planned_on=date(2026, 3, 1))
    scene.captured["session to cancel"] = str(planned)


def _unassigned_case(gateway, case: uuid.UUID) -> None:
    shared, actor = gateway.contexts.shared, ELSEWHERE["coordinator"]
    shared.draft_ground_rules(case, {"communication": ["Alleen per e-mail."]}, actor)
    offered = shared.offer_ground_rules(case, 1, actor)
    for parent in ("parent_a", "parent_b"):
        shared.sign_ground_rules(case, 1, parent, offered, "in_person", actor)
    shared.raise_dispute(case, "Vakantie", "parent_b", actor)
    shared.relay_position(case, 1, "parent_b", Z_TAGS["position"], actor)
    shared.plan_joint_session(case, day=date(2026, 3, 20), start=time(10, 0), duration_minutes=60, place="Utrecht",
                              actor=actor, planned_on=date(2026, 3, 1))
    shared.set_contact_schedule(case, 2026, [ContactRange(date(2026, 1, 1), date(2026, 12, 31), "parent_a")], actor)
    _started_side(gateway.contexts.parent_a, case, ELSEWHERE["za"], Z_TAGS["side_a"], Z_TAGS["priv_a"])
    _started_side(gateway.contexts.parent_b, case, ELSEWHERE["zb"], Z_TAGS["side_b"], Z_TAGS["priv_b"])
    gateway.contexts.parent_a.record_child_conversation(
        case, child="Noor", held_by=ELSEWHERE["child"], on=date(2025, 1, 20),
        summary=PrivateText(case, Z_TAGS["summary"]), actor=ELSEWHERE["child"])


def _started_side(app: ParentSide, case: uuid.UUID, counsellor: str, tag: str, private: str) -> None:
    start = date(2025, 1, 6)
    open_trajectory(app, case, parent=f"Ouder {tag}", children=[SideChild("Noor", date(2014, 5, 3))],
                        rules=template(LOMAN), counsellor=counsellor, on=start, actor=counsellor,
                        parental_authority=True)
    app.propose_goals(case, goals=[f"Doel {tag}"], themes=[f"Thema {tag}"], on=start, actor=counsellor)
    app.record_consent(case, scopes=["trajectory", "child_conversations"], given_by=[f"Ouder {tag}"],
                       given_on=start, actor=counsellor)
    app.record_agreement(case, on=start, actor=counsellor)
    app.start(case, on=start, actor=counsellor)
    app.record_session(case, on=start + timedelta(days=7), duration_minutes=60, themes=["own_ground"],
                       note=PrivateText(case, private), attended=True, actor=counsellor)
