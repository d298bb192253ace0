"""The counts a Kind en Ik phase states on one side: 4 individual sessions, nothing after the phase ended."""

from __future__ import annotations

from datetime import date, timedelta

from services.parent_side.domain.catalogue import template
from services.parent_side.domain.errors import PhaseEnded, SessionLimitReached
from services.parent_side.domain.trajectory import Trajectory
from tests.support.trajectories import COUNSELLOR, START, held, history, plan, started
from tests.support.given_when_then import given

MEDIATION = template("gezinsbemiddeling_fase_1")
WEEKLY = [START + timedelta(weeks=n) for n in range(5)]
MOVED_ON = date(2025, 3, 3)


def test_gezinsbemiddeling_fase_1_holds_four_individual_sessions_and_refuses_a_fifth():
    four = history(*started(), *(held(day) for day in WEEKLY[:4]), rules=MEDIATION)
    given(*four).when(held(WEEKLY[4])).then_refused(SessionLimitReached, "at most 4 sessions")
    given(*four).when(plan(WEEKLY[4])).then_refused(SessionLimitReached, "at most 4 sessions")


def test_after_the_case_moved_on_this_phase_takes_no_session_dated_later():
    moved_on = history(*started(), lambda t: t.follow_phase_end(MOVED_ON, "coordinator-1"), rules=MEDIATION)
    given(*moved_on).when(held(MOVED_ON + timedelta(days=1))).then_refused(PhaseEnded, "next phase")
    given(*moved_on).when(plan(MOVED_ON + timedelta(days=7))).then_refused(PhaseEnded, "next phase")


def test_what_happened_before_the_move_may_still_be_recorded_in_the_phase():
    moved_on = history(*started(), lambda t: t.follow_phase_end(MOVED_ON, "coordinator-1"), rules=MEDIATION)
    given(*moved_on).when(held(MOVED_ON)).then(Trajectory.SessionRecorded)


def test_the_end_of_the_phase_is_recorded_once_with_who_decided():
    outcome = given(*history(*started(), rules=MEDIATION)).when(lambda t: t.follow_phase_end(MOVED_ON, "co-1"))
    outcome.then((Trajectory.PhaseEnded, {"on": MOVED_ON, "actor": "co-1"}))
    given(*history(*started(), lambda t: t.follow_phase_end(MOVED_ON, "co-1"), rules=MEDIATION)).when(
        lambda t: t.follow_phase_end(MOVED_ON + timedelta(days=1), "co-1")).then()
