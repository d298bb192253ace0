"""The number of joint sessions a seed states: per phase, or per year ("3-4 keer per jaar")."""

from __future__ import annotations

from datetime import date, time, timedelta
from uuid import UUID

from services.shared_agreements.domain.joint_session_rules import JointSessionLimitReached, JointSessionRoom
from services.shared_agreements.domain.joint_sessions import JointSessions
from tests.support.given_when_then import given

CASE = UUID("0b7f3c52-8e1d-4c6a-9f2b-5d4e3a2c1b02")
COORDINATOR = "coordinator-anna"
PLANNED_ON = date(2026, 1, 5)


def plan(day, trajectory_type):
    return lambda sessions: sessions.plan(
        day=day, start=time(10), duration_minutes=90, place="Praktijk Utrecht", kind="in_person",
        trajectory_type=trajectory_type, planned_on=PLANNED_ON, actor=COORDINATOR,
    )


def planned(trajectory_type, days):
    sessions = JointSessions(case_id=CASE, actor=COORDINATOR)
    for day in days:
        plan(day, trajectory_type)(sessions)
    return list(sessions.collect_events())


def weekly(count, first=date(2026, 1, 12)):
    return [first + timedelta(weeks=n) for n in range(count)]


def test_gezinsbemiddeling_fase_1_holds_four_joint_sessions_and_refuses_a_fifth():
    history = planned("gezinsbemiddeling_fase_1", weekly(4))
    given(*history).when(plan(date(2026, 2, 23), "gezinsbemiddeling_fase_1")).then_refused(
        JointSessionLimitReached, "at most 4 joint sessions in this phase")


def test_a_cancelled_joint_session_does_not_count():
    history = planned("gezinsbemiddeling_fase_1", weekly(4))
    session = JointSessions.JointSessionPlanned
    first = next(e.session_id for e in history if isinstance(e, session))
    cancel = given(*history).when(lambda s: s.cancel(first, reason="ziek", actor=COORDINATOR))
    given(*history, *cancel.events).when(plan(date(2026, 2, 23), "gezinsbemiddeling_fase_1")).then(session)


def test_parallel_ouderschap_fase_1_holds_five_joint_sessions():
    history = planned("parallel_ouderschap_fase_1", weekly(5))
    given(*history).when(plan(date(2026, 3, 2), "parallel_ouderschap_fase_1")).then_refused(
        JointSessionLimitReached, "at most 5")


def test_the_next_phase_counts_its_own_joint_sessions():
    history = planned("gezinsbemiddeling_fase_1", weekly(4))
    given(*history).when(plan(date(2026, 3, 2), "parallel_ouderschap_fase_1")).then(
        JointSessions.JointSessionPlanned)


def test_parallel_ouderschap_fase_2_guides_at_most_four_conversations_a_year():
    history = planned("parallel_ouderschap_fase_2", [date(2026, 2, 2), date(2026, 5, 4), date(2026, 8, 3),
                                                     date(2026, 10, 5)])
    given(*history).when(plan(date(2026, 12, 7), "parallel_ouderschap_fase_2")).then_refused(
        JointSessionLimitReached, "at most 4 joint sessions in 2026")
    given(*history).when(plan(date(2027, 1, 11), "parallel_ouderschap_fase_2")).then(
        JointSessions.JointSessionPlanned)


def room(history, trajectory_type, on):
    return given(*history).when(lambda s: s.room(trajectory_type, on)).result


def test_the_room_shows_the_joint_sessions_a_phase_has_left():
    history = planned("gezinsbemiddeling_fase_1", weekly(3))
    assert room(history, "gezinsbemiddeling_fase_1", date(2026, 2, 2)) == JointSessionRoom(
        "gezinsbemiddeling_fase_1", year=None, maximum=4, taken=3)
    assert room(history, "gezinsbemiddeling_fase_1", date(2026, 2, 2)).left == 1
    assert room(history, "parallel_ouderschap_fase_1", date(2026, 2, 2)).left == 5, "the next phase counts its own"


def test_a_type_that_counts_per_year_shows_the_guided_conversations_left_in_that_year():
    history = planned("parallel_ouderschap_fase_2", [date(2026, 2, 2), date(2026, 5, 4), date(2026, 8, 3)])
    assert room(history, "parallel_ouderschap_fase_2", date(2026, 9, 1)) == JointSessionRoom(
        "parallel_ouderschap_fase_2", year=2026, maximum=4, taken=3)
    assert room(history, "parallel_ouderschap_fase_2", date(2027, 1, 4)).left == 4


def test_a_type_without_a_joint_session_limit_has_no_count_left():
    assert room(planned("parallel_solo_coaching", []), "parallel_solo_coaching", date(2026, 2, 2)).left is None
