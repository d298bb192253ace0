"""Phases within one case (Kind en Ik): the move is one write in the shared context; the flows carry it.

Given a gezinsbemiddeling case with both sides' trajectories, when the coordinator moves it on
to parallel ouderschap fase 1 and then fase 2, then each side follows the case into the next
phase with its own intake, plan and evaluation, its counsellor carries over, the ground rules
stay the case's, and the coordinator's reason never reaches a side. Both stores.
"""

from __future__ import annotations

from datetime import date

import pytest

from evenwijdig.bootstrap import bootstrap
from services.parent_side.domain.case_file import case_file_id
from services.parent_side.domain.errors import PreviousPhaseOpen, TrajectoryAlreadyOpened
from services.parent_side.domain.trajectory import trajectory_id
from services.platform.private_text import PrivateText
from services.staff_directory.api import Role, Side
from tests.support.cases import register_case

INTAKE, CLOSED, NEXT_INTAKE = date(2026, 1, 12), date(2026, 5, 4), date(2026, 5, 11)
REASON = "Moeder blijft in een afwijzende houding; de samenwerking verbetert niet."


@pytest.fixture
def contexts(settings):
    contexts = bootstrap(settings)
    directory = contexts.directory
    directory.register_staff("coordinator-1", "Co", [Role.COORDINATOR], actor="admin-0")
    for user in ("a1", "b1"):
        directory.register_staff(user, user.upper(), [Role.COUNSELLOR], actor="admin-0")
    yield contexts
    contexts.close()


@pytest.fixture
def case(contexts):
    case = register_case(contexts, trajectory_type="gezinsbemiddeling_fase_1", actor="coordinator-1")
    contexts.directory.assign_counsellor(case, Side.PARENT_A, "a1", "admin-0", "intake")
    contexts.directory.assign_counsellor(case, Side.PARENT_B, "b1", "admin-0", "intake")
    contexts.shared.draft_ground_rules(case, {"communication": ["Alleen per e-mail, eens per week."]},
                                       "coordinator-1")
    for side, counsellor in ((contexts.parent_a, "a1"), (contexts.parent_b, "b1")):
        side.open_trajectory(case, on=INTAKE, actor=counsellor)
    return case


def close(side, case, counsellor, text="Fase 1 afgerond."):
    side.close_trajectory(case, on=CLOSED, evaluation=PrivateText(case, text), actor=counsellor)


def test_the_case_moves_on_and_each_side_opens_the_next_phase_with_its_own_plan(contexts, case):
    close(contexts.parent_a, case, "a1")
    contexts.shared.move_to_next_phase(case, trajectory_type="parallel_ouderschap_fase_1", reason=REASON,
                                       actor="coordinator-1")

    following = contexts.parent_a.case_file(case)
    assert (following.phase, following.trajectory_type) == (2, "parallel_ouderschap_fase_1")
    assert contexts.parent_a.trajectory(case).phase == 1  # until the next intake, the side reads phase 1
    opened = contexts.parent_a.open_trajectory(case, on=NEXT_INTAKE, actor="a1")
    assert (opened.phase, opened.rules.template, opened.rules.joint_sessions) == (2, "parallel_ouderschap_fase_1", 5)
    assert opened.counsellor == "a1" and opened.status == "intake" and opened.sessions == ()
    assert contexts.parent_a.trajectory(case).phase == 2

    header = contexts.shared.case(case)
    assert [(p.trajectory_type, p.reason) for p in header.phases] == [
        ("gezinsbemiddeling_fase_1", None), ("parallel_ouderschap_fase_1", REASON)]
    assert len(contexts.shared.ground_rules(case).versions) == 1  # the rules stay the case's


def test_a_side_closes_its_phase_before_the_intake_of_the_next(contexts, case):
    contexts.shared.move_to_next_phase(case, trajectory_type="gezinsbemiddeling_fase_2", reason=REASON,
                                       actor="coordinator-1")
    with pytest.raises(PreviousPhaseOpen, match="close it with its evaluation"):
        contexts.parent_b.open_trajectory(case, on=NEXT_INTAKE, actor="b1")
    assert contexts.parent_b.trajectory(case).phase == 1  # nothing was opened
    close(contexts.parent_b, case, "b1")
    contexts.parent_b.open_trajectory(case, on=NEXT_INTAKE, actor="b1")
    with pytest.raises(TrajectoryAlreadyOpened):
        contexts.parent_b.open_trajectory(case, on=NEXT_INTAKE, actor="b1")


def test_the_kind_en_ik_route_reaches_phase_three_and_each_phase_keeps_its_evaluation(contexts, case):
    side = contexts.parent_a
    close(side, case, "a1", "Evaluatie gezinsbemiddeling.")
    contexts.shared.move_to_next_phase(case, trajectory_type="parallel_ouderschap_fase_1", reason=REASON,
                                       actor="coordinator-1")
    side.open_trajectory(case, on=NEXT_INTAKE, actor="a1")
    side.close_trajectory(case, on=date(2026, 9, 7), evaluation=PrivateText(case, "Evaluatie fase 1."), actor="a1")
    contexts.shared.move_to_next_phase(case, trajectory_type="parallel_ouderschap_fase_2",
                                       reason="Zelf regelen lukt nog niet.", actor="coordinator-1")
    third = side.open_trajectory(case, on=date(2026, 9, 14), actor="a1")
    assert (third.phase, third.rules.template, third.rules.max_joint_sessions) == (3, "parallel_ouderschap_fase_2", 4)
    assert [p.trajectory_type for p in contexts.shared.case(case).phases] == [
        "gezinsbemiddeling_fase_1", "parallel_ouderschap_fase_1", "parallel_ouderschap_fase_2"]
    assert side.case_file(case).phases[-1][0] == "parallel_ouderschap_fase_2"


def test_the_reason_for_moving_on_never_reaches_a_side(contexts, case):
    contexts.shared.move_to_next_phase(case, trajectory_type="parallel_ouderschap_fase_1", reason=REASON,
                                       actor="coordinator-1")
    for side in (contexts.parent_a, contexts.parent_b):
        events = side.repository.event_store.get(case_file_id(case))
        assert [type(e).__name__ for e in events][-1] == "PhaseStarted"
        assert all("afwijzende" not in repr(vars(e)) for e in events)


def test_the_move_ends_the_open_phase_on_each_side_through_the_flow(contexts, case):
    close(contexts.parent_a, case, "a1")
    contexts.shared.move_to_next_phase(case, trajectory_type="gezinsbemiddeling_fase_2", reason=REASON,
                                       actor="coordinator-1")
    ended = contexts.parent_b.repository.get(trajectory_id(case))
    assert ended.phase_ended_on is not None  # side B's phase 1 takes nothing dated after the move
    assert contexts.parent_a.repository.get(trajectory_id(case)).phase_ended_on is None  # closed before: untouched
