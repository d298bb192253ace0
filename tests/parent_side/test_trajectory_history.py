"""Histories of one parent's trajectory, made by the aggregate's own commands, and what every history keeps.

The histories are built by ``tests.support.trajectories``, shared by every ``test_trajectory_*`` module.
"""

from __future__ import annotations

from uuid import UUID

from services.parent_side.domain.trajectory import trajectory_id
from tests.support.given_when_then import given, replay
from tests.support.trajectories import (
    CASE, CHILD_COUNSELLOR, COUNSELLOR, NEXT_COUNSELLOR, OTHER_CASE, child_conversation, everything, fortnight,
    history, opened, reassign, started,
)


def test_the_trajectory_of_a_case_is_found_by_the_case_alone():
    events = history()
    assert events[0].originator_id == trajectory_id(CASE) != trajectory_id(OTHER_CASE)
    assert trajectory_id(CASE) == trajectory_id(UUID(str(CASE))), "the same case must always give the same id"


def test_every_event_records_who_acted():
    events = history(*everything(), authority=False)
    kinds = {type(event).__name__ for event in events}
    assert kinds >= {
        "IntakeHeld", "GoalsProposed", "ProposalAgreed", "ConsentRecorded", "TrajectoryStarted", "SessionPlanned",
        "PlannedSessionCancelled", "SessionRecorded", "ChildConversationRecorded", "CounsellorReassigned",
        "ParentalAuthorityConfirmed", "ConsentWithdrawn", "TrajectoryClosed", "EvaluationReleasedForCourt",
        "EvaluationReleaseWithdrawn", "CourtReportMade", "PrivateTextErased",
    }, "the history should hold every kind of event"
    for event in events:
        assert isinstance(event.actor, str) and event.actor, f"{type(event).__name__} does not say who acted"


def test_a_replayed_trajectory_is_the_trajectory_that_recorded_the_events():
    trajectory = opened(authority=False)
    for step in everything():
        step(trajectory)
    replayed = replay(trajectory.collect_events())
    assert vars(replayed) == vars(trajectory)


def test_the_history_shows_the_counsellor_of_the_day_and_the_child_counsellor_apart():
    outcome = given(*history(*started(), reassign(on=fortnight(2)))).when(child_conversation(fortnight(3)))
    trajectory = outcome.aggregate
    assert trajectory.counsellor == NEXT_COUNSELLOR
    assert [a.counsellor for a in trajectory.assignments] == [COUNSELLOR, NEXT_COUNSELLOR]
    assert [c.held_by for c in trajectory.child_conversations] == [CHILD_COUNSELLOR]
