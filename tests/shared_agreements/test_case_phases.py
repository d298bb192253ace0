"""Phases within one case: the coordinator moves it on to the next trajectory type, with the reason."""

from __future__ import annotations

from services.platform.private_text import PrivateText
from services.shared_agreements.domain.case import Case
from services.shared_agreements.domain.errors import (
    InvalidCase, NotANextPhase, ParentalAuthorityMissing, UnknownTrajectoryType,
)
from tests.shared_agreements.builders import CASE, COORDINATOR, parent, registered_case
from tests.support.given_when_then import given

STILL_REJECTING = "vader blijft in een afwijzende houding; de samenwerking verbetert niet"


def move(trajectory_type, reason=STILL_REJECTING):
    return lambda case: case.move_to_phase(trajectory_type, reason, COORDINATOR)


def phase_started(history, trajectory_type, reason=STILL_REJECTING):
    return [*history, *given(*history).when(move(trajectory_type, reason)).events]


def test_mediation_moves_on_to_parallel_parenting_in_the_same_case_with_the_reason():
    outcome = given(*registered_case("gezinsbemiddeling_fase_1")).when(move("parallel_ouderschap_fase_1"))
    outcome.then((Case.PhaseStarted, {"trajectory_type": "parallel_ouderschap_fase_1",
                                      "reason": PrivateText(CASE, STILL_REJECTING),
                                      "actor": COORDINATOR}))
    view = outcome.aggregate.view()
    assert view.trajectory_type == "parallel_ouderschap_fase_1"
    assert [(p.number, p.trajectory_type, p.reason) for p in view.phases] == [
        (1, "gezinsbemiddeling_fase_1", None), (2, "parallel_ouderschap_fase_1", STILL_REJECTING),
    ]


def test_the_kind_en_ik_route_runs_three_phases_in_one_case_in_order():
    history = phase_started(registered_case("gezinsbemiddeling_fase_1"), "parallel_ouderschap_fase_1")
    outcome = given(*history).when(move("parallel_ouderschap_fase_2", "afspraken lukken niet zelfstandig"))
    outcome.then(Case.PhaseStarted)
    assert [p.trajectory_type for p in outcome.aggregate.view().phases] == [
        "gezinsbemiddeling_fase_1", "parallel_ouderschap_fase_1", "parallel_ouderschap_fase_2",
    ]


def test_mediation_phase_one_may_also_continue_in_its_own_phase_two():
    given(*registered_case("gezinsbemiddeling_fase_1")).when(move("gezinsbemiddeling_fase_2")).then(Case.PhaseStarted)


def test_a_move_the_seed_does_not_describe_is_refused_and_names_the_next_phases():
    given(*registered_case("parallel_ouderschap_fase_1")).when(move("gezinsbemiddeling_fase_1")).then_refused(
        NotANextPhase, "parallel_ouderschap_fase_2"
    )


def test_a_type_without_a_next_phase_cannot_move_on():
    given(*registered_case("parallel_solo_ouderschap_loman")).when(move("parallel_ouderschap_fase_2")).then_refused(
        NotANextPhase, "no next phase"
    )


def test_moving_to_the_phase_the_case_is_in_is_refused():
    given(*registered_case("parallel_ouderschap_fase_1")).when(move("parallel_ouderschap_fase_1")).then_refused(
        NotANextPhase
    )


def test_an_unknown_type_is_refused():
    given(*registered_case("gezinsbemiddeling_fase_1")).when(move("co_ouderschap")).then_refused(
        UnknownTrajectoryType, "co_ouderschap"
    )


def test_a_move_without_a_reason_is_refused():
    given(*registered_case("gezinsbemiddeling_fase_1")).when(move("gezinsbemiddeling_fase_2", "  ")).then_refused(
        InvalidCase, "reason"
    )


def test_moving_into_parallel_parenting_needs_the_parental_authority_of_every_enrolled_parent():
    # Mediation does not need ouderlijk gezag; parallel parenting does (seed: parallel-solo-ouderschap-loman).
    history = registered_case("gezinsbemiddeling_fase_1", parent_b=parent("Mark", authority=False))
    given(*history).when(move("parallel_ouderschap_fase_1")).then_refused(ParentalAuthorityMissing, "parent_b")
