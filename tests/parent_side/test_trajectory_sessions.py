"""Individual sessions: planned against the cadence, recorded as held or missed, within the limits."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from services.parent_side.domain.errors import (
    ConsentMissing, DateOutOfOrder, InvalidRecord, NotStarted, OutsideCadence, OutsideDuration,
    SessionLimitReached, TrajectoryIsClosed,
)
from services.parent_side.domain.records import CONSENT_TRAJECTORY, PlannedSession, Session
from services.parent_side.domain.trajectory import Trajectory
from tests.support.trajectories import (
    COACHING, COUNSELLOR, OTHER_CASE, START, TIM, close, consent, fortnight, held, history, missed, plan, propose,
    agree, ready_to_start, start, started, text, withdraw,
)
from tests.support.given_when_then import given


def record(on: date = START, minutes=50, themes=("own_ground",), note=None, attended=True, reason=None):
    note = text("Vader vertelde over de eerste overdracht.") if note is None else note
    return lambda t: t.record_session(on, minutes, list(themes), note, attended, COUNSELLOR, missed_reason=reason)


# Recording what happened ----------------------------------------------------------------------


def test_a_held_session_is_recorded_with_its_date_duration_themes_and_private_note():
    note = text("Vader vertelde over de eerste overdracht.")
    given(*history(*started())).when(record(note=note)).then((Trajectory.SessionRecorded, {
        "on": START, "duration_minutes": 50, "themes": ["own_ground"], "note": note,
        "attended": True, "missed_reason": None, "actor": COUNSELLOR,
    }))


def test_a_missed_session_is_recorded_with_why():
    outcome = given(*history(*started())).when(missed(START, "niet komen opdagen, geen bericht"))
    outcome.then((Trajectory.SessionRecorded, {"attended": False,
                                                "missed_reason": text("niet komen opdagen, geen bericht")}))
    assert outcome.aggregate.sessions_held() == 0


def test_a_missed_session_without_a_reason_is_refused():
    given(*history(*started())).when(record(attended=False, minutes=0, themes=())).then_refused(
        InvalidRecord, "why the session was missed"
    )


def test_an_attended_session_without_a_private_note_is_refused():
    given(*history(*started())).when(
        lambda t: t.record_session(START, 50, ["own_ground"], None, True, COUNSELLOR)
    ).then_refused(InvalidRecord, "session note")


def test_a_session_note_of_another_case_is_refused():
    given(*history(*started())).when(record(note=text("elders", case=OTHER_CASE))).then_refused(
        InvalidRecord, "another case"
    )


def test_an_attended_session_without_a_duration_is_refused():
    given(*history(*started())).when(record(minutes=0)).then_refused(InvalidRecord, "duration")


def test_an_attended_session_without_themes_is_refused():
    given(*history(*started())).when(record(themes=())).then_refused(InvalidRecord, "themes")


def test_a_session_before_the_trajectory_started_is_refused():
    given(*history(*ready_to_start())).when(record()).then_refused(NotStarted, "started")


def test_a_session_dated_before_the_start_is_refused():
    given(*history(*started())).when(record(on=START - timedelta(days=1))).then_refused(
        DateOutOfOrder, "start of the trajectory"
    )


def test_a_session_on_a_closed_trajectory_is_refused():
    given(*history(*started(), close(fortnight(2)))).when(record(on=fortnight(3))).then_refused(
        TrajectoryIsClosed, "closed on"
    )


def test_a_second_session_on_the_same_day_is_refused():
    given(*history(*started(), held(START))).when(record()).then_refused(InvalidRecord, "already been recorded")


def test_an_eleventh_held_session_is_refused_when_the_rules_allow_ten():
    ten = [held(fortnight(n)) for n in range(1, 11)]
    given(*history(*started(), *ten)).when(record(on=fortnight(11))).then_refused(
        SessionLimitReached, "at most 10 sessions"
    )


def test_a_missed_session_does_not_count_towards_the_limit():
    nine_and_a_miss = [held(fortnight(n)) for n in range(1, 10)] + [missed(fortnight(10))]
    given(*history(*started(), *nine_and_a_miss)).when(record(on=fortnight(11))).then(Trajectory.SessionRecorded)


def test_a_session_beyond_the_maximum_duration_is_refused():
    # Started on Monday 27 January: week 35 ends on Sunday 28 September 2025.
    given(*history(*started())).when(record(on=date(2025, 9, 28))).then(Trajectory.SessionRecorded)
    given(*history(*started())).when(record(on=date(2025, 9, 29))).then_refused(OutsideDuration, "35 weeks")


def test_sessions_stop_when_consent_for_a_child_under_16_is_withdrawn():
    given(*history(*started(), withdraw(CONSENT_TRAJECTORY, on=fortnight(2)))).when(
        record(on=fortnight(2))
    ).then_refused(ConsentMissing, "Sara is under 16")


def test_sessions_with_a_parent_of_children_of_16_and_over_need_no_consent():
    given(*history(propose(), agree(), start(), children=(TIM,))).when(record()).then(Trajectory.SessionRecorded)


# Planning against the cadence ------------------------------------------------------------------


def test_a_session_is_planned_on_the_cadence():
    outcome = given(*history(*started(), held(fortnight(1)))).when(plan(fortnight(2)))
    outcome.then((Trajectory.SessionPlanned, {"on": fortnight(2), "actor": COUNSELLOR}))
    assert outcome.aggregate.planned == (PlannedSession(fortnight(2), COUNSELLOR),)


def test_a_session_planned_closer_than_the_cadence_is_refused():
    given(*history(*started(), held(fortnight(1)))).when(plan(fortnight(1) + timedelta(days=10))).then_refused(
        OutsideCadence, "at least 14 days apart"
    )


def test_a_session_planned_just_before_another_planned_one_is_refused():
    given(*history(*started(), plan(fortnight(3)))).when(plan(fortnight(3) - timedelta(days=3))).then_refused(
        OutsideCadence, "3 days from the session on"
    )


def test_a_type_without_a_cadence_plans_sessions_on_any_day():
    free = replace(COACHING, session_interval_days=None)
    steps = (propose(), agree(), consent(CONSENT_TRAJECTORY), start(), held(START))
    given(*history(*steps, rules=free)).when(plan(START + timedelta(days=2))).then(Trajectory.SessionPlanned)


def test_planning_counts_the_sessions_held_and_still_planned_against_the_limit():
    nine = [held(fortnight(n)) for n in range(1, 10)]
    given(*history(*started(), *nine, plan(fortnight(10)))).when(plan(fortnight(11))).then_refused(
        SessionLimitReached, "held or planned"
    )


def test_planning_beyond_the_maximum_duration_is_refused():
    given(*history(*started())).when(plan(date(2025, 10, 6))).then_refused(OutsideDuration, "maximum duration")


def test_planning_before_the_start_is_refused():
    given(*history(*ready_to_start())).when(plan(START)).then_refused(NotStarted, "started")


def test_a_planned_session_can_be_cancelled_with_a_reason():
    outcome = given(*history(*started(), plan(fortnight(2)))).when(
        lambda t: t.cancel_planned_session(fortnight(2), "ouder op vakantie", COUNSELLOR)
    )
    outcome.then((Trajectory.PlannedSessionCancelled, {"on": fortnight(2), "reason": text("ouder op vakantie")}))
    assert outcome.aggregate.upcoming_sessions() == ()


def test_a_cancelled_session_frees_its_day_for_a_new_plan():
    cancel = lambda t: t.cancel_planned_session(fortnight(2), "ouder ziek", COUNSELLOR)  # noqa: E731
    given(*history(*started(), plan(fortnight(2)), cancel)).when(plan(fortnight(2))).then(Trajectory.SessionPlanned)


def test_cancelling_a_session_that_is_not_planned_is_refused():
    given(*history(*started())).when(
        lambda t: t.cancel_planned_session(fortnight(2), "ouder ziek", COUNSELLOR)
    ).then_refused(InvalidRecord, "no session is planned")


def test_cancelling_without_a_reason_is_refused():
    given(*history(*started(), plan(fortnight(2)))).when(
        lambda t: t.cancel_planned_session(fortnight(2), "", COUNSELLOR)
    ).then_refused(InvalidRecord, "reason")


def test_a_recorded_session_fulfils_the_plan_of_its_day():
    outcome = given(*history(*started(), plan(fortnight(2)))).when(held(fortnight(2)))
    outcome.then(Trajectory.SessionRecorded)
    assert outcome.aggregate.upcoming_sessions() == ()
    assert [s.on for s in outcome.aggregate.sessions] == [fortnight(2)]
    assert isinstance(outcome.aggregate.sessions[0], Session)
