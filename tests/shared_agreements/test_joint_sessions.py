"""Joint sessions (gezamenlijke gesprekken): the fixed Opnieuw Verbinden frame, pauses, attendance."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from typing import Any, Callable
from uuid import UUID

from services.platform.private_text import PrivateText
from services.shared_agreements.domain.errors import UnknownParent
from services.shared_agreements.domain.joint_session_rules import (
    AttendanceAlreadyRecorded, InvalidJointSession, JointSessionNotFound, OutsideFixedMeetingFrame,
    SessionAlreadyPaused, SessionCannotBeMoved, SessionClosed, SessionNotPaused, TooFewProfessionals, TooLittleNotice,
)
from services.shared_agreements.domain.joint_sessions import JointSessions, joint_sessions_id
from tests.support.given_when_then import given

CASE = UUID("0b7f3c52-8e1d-4c6a-9f2b-5d4e3a2c1b01")
COORDINATOR = "coordinator-anna"
OV = "opnieuw_verbinden"
MEDIATION = "gezinsbemiddeling_fase_1"
NEW_YEAR = date(2026, 1, 5)
TUESDAY_3_MARCH = date(2026, 3, 3)
LEADERS = ("Marieke Visser", "Joost de Vries", "Fatima el Amrani")  # "begeleid door drie professionals"


def plan(day: date = TUESDAY_3_MARCH, trajectory_type: str = OV, start: time = time(9, 30), kind: str = "in_person",
         planned_on: date = NEW_YEAR) -> Callable[[JointSessions], Any]:
    return lambda sessions: sessions.plan(
        day=day, start=start, duration_minutes=120, place="Praktijk Utrecht", kind=kind,
        trajectory_type=trajectory_type, planned_on=planned_on, actor=COORDINATOR,
    )


def history(*steps: Callable[[JointSessions], Any]) -> list:
    sessions = JointSessions(case_id=CASE, actor=COORDINATOR)
    for step in steps:
        step(sessions)
    return list(sessions.collect_events())


def first_session() -> UUID:
    sessions = JointSessions(case_id=CASE, actor=COORDINATOR)
    return plan()(sessions)


def at(hour: int, minute: int = 0, day: date = TUESDAY_3_MARCH) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=timezone.utc)


def test_an_opnieuw_verbinden_meeting_on_a_tuesday_morning_in_march_is_planned_with_its_planner():
    outcome = given(*history()).when(plan())
    outcome.then((JointSessions.JointSessionPlanned, {
        "session_id": outcome.result, "day": TUESDAY_3_MARCH, "start": "09:30", "trajectory_type": OV,
        "actor": COORDINATOR,
    }))
    view = outcome.aggregate.views()[0]
    assert (view.number, view.status, view.start, view.planned_by) == (1, "planned", time(9, 30), COORDINATOR)


def test_the_joint_sessions_of_a_case_have_an_id_derived_from_the_case():
    assert JointSessions(case_id=CASE, actor=COORDINATOR).id == joint_sessions_id(CASE)
    assert joint_sessions_id(CASE) != joint_sessions_id(UUID(int=1))


def test_moving_an_opnieuw_verbinden_meeting_is_refused():
    given(*history(plan())).when(lambda s: s.reschedule(
        first_session(), day=date(2026, 3, 4), start=time(9, 30), reason="ouder A is op vakantie",
        on=NEW_YEAR, actor=COORDINATOR,
    )).then_refused(SessionCannotBeMoved, "cannot be moved")


def test_a_mediation_session_is_moved_with_the_reason_why():
    outcome = given(*history(plan(date(2026, 4, 9), MEDIATION))).when(lambda s: s.reschedule(
        first_session(), day=date(2026, 4, 16), start=time(14, 0), reason="zieke begeleider", on=NEW_YEAR,
        actor=COORDINATOR,
    ))
    outcome.then((JointSessions.JointSessionRescheduled, {
        "day": date(2026, 4, 16), "start": "14:00", "reason": PrivateText(CASE, "zieke begeleider"), "actor": COORDINATOR,
    }))
    view = outcome.aggregate.views()[0]
    assert (view.day, view.moved_from) == (date(2026, 4, 16), (date(2026, 4, 9),))


def test_moving_a_mediation_session_without_a_reason_is_refused():
    given(*history(plan(date(2026, 4, 9), MEDIATION))).when(lambda s: s.reschedule(
        first_session(), day=date(2026, 4, 16), start=time(14, 0), reason="  ", on=NEW_YEAR, actor=COORDINATOR,
    )).then_refused(InvalidJointSession, "reason")


def test_an_opnieuw_verbinden_meeting_on_a_thursday_is_refused():
    given(*history()).when(plan(date(2026, 3, 5))).then_refused(OutsideFixedMeetingFrame, "tuesday or a wednesday")


def test_an_opnieuw_verbinden_meeting_in_april_is_refused():
    given(*history()).when(plan(date(2026, 4, 7))).then_refused(OutsideFixedMeetingFrame, "march, june")


def test_an_opnieuw_verbinden_meeting_in_the_afternoon_is_refused():
    given(*history()).when(plan(start=time(12, 0))).then_refused(OutsideFixedMeetingFrame, "morning")


def test_an_online_opnieuw_verbinden_meeting_is_refused():
    given(*history()).when(plan(kind="online")).then_refused(OutsideFixedMeetingFrame, "in person")


def test_an_opnieuw_verbinden_meeting_planned_five_weeks_ahead_is_refused():
    given(*history()).when(plan(planned_on=date(2026, 1, 27))).then_refused(TooLittleNotice, "6 weeks")


def test_an_opnieuw_verbinden_meeting_planned_six_weeks_ahead_is_accepted():
    given(*history()).when(plan(planned_on=date(2026, 1, 20))).then(JointSessions.JointSessionPlanned)


def test_a_fifth_opnieuw_verbinden_meeting_in_a_year_is_refused():
    year = [plan(TUESDAY_3_MARCH), plan(date(2026, 6, 2)), plan(date(2026, 9, 1)), plan(date(2026, 11, 3))]
    given(*history(*year)).when(plan(date(2026, 11, 4))).then_refused(OutsideFixedMeetingFrame, "already has")


def test_the_next_years_march_meeting_is_planned_after_a_full_year():
    year = [plan(TUESDAY_3_MARCH), plan(date(2026, 6, 2)), plan(date(2026, 9, 1)), plan(date(2026, 11, 3))]
    given(*history(*year)).when(plan(date(2027, 3, 2))).then(JointSessions.JointSessionPlanned)


def test_a_cancelled_meetings_month_can_be_planned_again():
    cancelled = lambda s: s.cancel(first_session(), reason="praktijk gesloten", actor=COORDINATOR)  # noqa: E731
    given(*history(plan(), cancelled)).when(plan(date(2026, 3, 31))).then(JointSessions.JointSessionPlanned)


def test_a_session_on_a_day_that_has_passed_is_refused():
    given(*history()).when(plan(date(2026, 1, 2), MEDIATION)).then_refused(InvalidJointSession, "has passed")


def test_a_session_of_three_minutes_is_refused():
    given(*history()).when(lambda s: s.plan(
        day=TUESDAY_3_MARCH, start=time(9), duration_minutes=3, place="Praktijk", kind="in_person",
        trajectory_type=MEDIATION, planned_on=NEW_YEAR, actor=COORDINATOR,
    )).then_refused(InvalidJointSession, "minutes")


def test_a_meeting_is_paused_on_aggressive_language_and_resumed_when_calm_returns():
    paused = given(*history(plan())).when(lambda s: s.pause(
        first_session(), reason="agressieve taal", parent="parent_b", at=at(10, 5), actor=COORDINATOR))
    paused.then((JointSessions.JointSessionPaused, {"reason": PrivateText(CASE, "agressieve taal"), "parent": "parent_b",
                                                    "at": at(10, 5), "actor": COORDINATOR}))
    assert paused.aggregate.views()[0].status == "paused"
    resumed = given(*history(plan()), *paused.events).when(
        lambda s: s.resume(first_session(), at=at(10, 20), actor=COORDINATOR))
    resumed.then((JointSessions.JointSessionResumed, {"at": at(10, 20), "actor": COORDINATOR}))
    pause = resumed.aggregate.views()[0].pauses[0]
    assert (pause.paused_at, pause.resumed_at) == (at(10, 5), at(10, 20))
    assert resumed.aggregate.views()[0].status == "planned"


def pause_at(hour: int) -> Callable[[JointSessions], Any]:
    return lambda s: s.pause(first_session(), reason="agressieve taal", at=at(hour), actor=COORDINATOR)


def test_pausing_a_paused_meeting_is_refused():
    given(*history(plan(), pause_at(10))).when(pause_at(11)).then_refused(SessionAlreadyPaused, "paused already")


def test_resuming_a_running_meeting_is_refused():
    given(*history(plan())).when(lambda s: s.resume(first_session(), at=at(10), actor=COORDINATOR)).then_refused(
        SessionNotPaused, "not paused")


def test_pausing_a_meeting_on_another_day_is_refused():
    given(*history(plan())).when(lambda s: s.pause(
        first_session(), reason="agressieve taal", at=at(10, day=date(2026, 3, 4)), actor=COORDINATOR,
    )).then_refused(InvalidJointSession, "on the day")


def attend(parent: str, attended: bool = True, reason: str | None = None,
           led_by: tuple[str, ...] = ()) -> Callable[[JointSessions], Any]:
    return lambda s: s.record_attendance(first_session(), parent=parent, attended=attended, on=TUESDAY_3_MARCH,
                                         actor=COORDINATOR, absence_reason=reason, led_by=led_by)


def held(parent: str = "parent_a") -> Callable[[JointSessions], Any]:
    """The first attendance of an Opnieuw Verbinden meeting: it is held, led by its three professionals."""
    return attend(parent, led_by=LEADERS)


def test_attendance_of_both_parents_is_recorded_and_the_session_is_held():
    outcome = given(*history(plan(), held())).when(attend("parent_b", False, "ziek"))
    outcome.then((JointSessions.JointSessionAttendanceRecorded, {
        "parent": "parent_b", "attended": False, "absence_reason": PrivateText(CASE, "ziek"), "actor": COORDINATOR}))
    view = outcome.aggregate.views()[0]
    assert [(a.parent, a.attended) for a in view.attendance] == [("parent_a", True), ("parent_b", False)]
    assert view.status == "held"


def test_an_absence_without_a_reason_is_refused():
    given(*history(plan())).when(attend("parent_a", False, led_by=LEADERS)).then_refused(InvalidJointSession, "absence")


def test_recording_a_parents_attendance_twice_is_refused():
    given(*history(plan(), held())).when(attend("parent_a")).then_refused(
        AttendanceAlreadyRecorded, "before")


def test_attendance_of_someone_who_is_not_a_parent_slot_is_refused():
    given(*history(plan())).when(held("grandmother")).then_refused(UnknownParent, "parent_a")


def test_attendance_before_the_session_took_place_is_refused():
    given(*history(plan())).when(lambda s: s.record_attendance(
        first_session(), parent="parent_a", attended=True, on=date(2026, 3, 2), actor=COORDINATOR,
    )).then_refused(InvalidJointSession, "on or after")


def test_attendance_of_a_cancelled_session_is_refused():
    cancel = lambda s: s.cancel(first_session(), reason="praktijk gesloten", actor=COORDINATOR)  # noqa: E731
    given(*history(plan(), cancel)).when(held()).then_refused(SessionClosed, "cancelled")


def test_cancelling_a_session_that_took_place_is_refused():
    given(*history(plan(), held())).when(
        lambda s: s.cancel(first_session(), reason="vergissing", actor=COORDINATOR)
    ).then_refused(SessionClosed, "taken place")


def test_a_session_the_case_does_not_have_is_not_found():
    given(*history(plan())).when(lambda s: s.cancel(UUID(int=7), reason="x", actor=COORDINATOR)).then_refused(
        JointSessionNotFound, "no such joint session")


# "Vier-jaarlijks overleg begeleid door drie professionals" (opnieuw-verbinden) ----------------------------

def test_an_opnieuw_verbinden_meeting_is_held_with_the_three_professionals_who_led_it():
    outcome = given(*history(plan())).when(held())
    outcome.then(
        (JointSessions.JointSessionLedBy, {"professionals": list(LEADERS), "actor": COORDINATOR}),
        (JointSessions.JointSessionAttendanceRecorded, {"parent": "parent_a", "attended": True}),
    )
    view = outcome.aggregate.views()[0]
    assert (view.status, view.led_by) == ("held", LEADERS)


def test_an_opnieuw_verbinden_meeting_held_with_fewer_than_three_professionals_is_refused_and_nothing_is_stored():
    given(*history(plan())).when(attend("parent_a")).then_refused(TooFewProfessionals, "3 professionals")
    given(*history(plan())).when(attend("parent_a", led_by=LEADERS[:2])).then_refused(TooFewProfessionals, "2 named")
    twice = (LEADERS[0], LEADERS[1], LEADERS[0].upper())
    given(*history(plan())).when(attend("parent_a", led_by=twice)).then_refused(TooFewProfessionals, "2 named")
    given(*history(plan())).when(attend("parent_a", led_by=(*LEADERS[:2], " "))).then_refused(
        InvalidJointSession, "professional")


def test_the_professionals_are_named_once_when_the_meeting_is_held():
    given(*history(plan(), held())).when(attend("parent_b", led_by=LEADERS)).then_refused(
        InvalidJointSession, "named before")


def test_a_type_whose_data_counts_no_professionals_holds_a_session_without_naming_them():
    mediation = plan(date(2026, 2, 10), trajectory_type=MEDIATION, start=time(15, 0))
    sessions = JointSessions(case_id=CASE, actor=COORDINATOR)
    session_id = mediation(sessions)
    outcome = given(*history(mediation)).when(lambda s: s.record_attendance(
        session_id, parent="parent_a", attended=True, on=date(2026, 2, 10), actor=COORDINATOR))
    outcome.then(JointSessions.JointSessionAttendanceRecorded)
    assert outcome.aggregate.views()[0].status == "held"
