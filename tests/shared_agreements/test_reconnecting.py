"""Opnieuw Verbinden's year: visits at each parent's home against the minimum, hours against the budget,
and what happened before it could be recorded live (seed: opnieuw-verbinden)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from services.platform.private_text import PrivateText
from services.shared_agreements.domain.joint_session_rules import (
    InvalidJointSession, OutsideFixedMeetingFrame, TooFewProfessionals,
)
from services.shared_agreements.domain.joint_sessions import JointSessions
from services.shared_agreements.domain.reconnecting import (
    InvalidReconnectingRecord, NotAReconnectingCase, ReconnectingRecord, YearFrame,
)
from services.shared_agreements.domain.errors import UnknownParent
from tests.shared_agreements.builders import CASE, COORDINATOR
from tests.support.given_when_then import given

TODAY = date(2027, 11, 30)
KIDS = ("Noor", "Daan")
#: Opnieuw Verbinden's numbers, read from its data entry: two visits at each parent, 170-200 hours.
OPNIEUW = YearFrame.of("opnieuw_verbinden")


def opened() -> list:
    return list(ReconnectingRecord.open(CASE, COORDINATOR).collect_events())


def visit(on=date(2027, 3, 20), parent="parent_a", children=()):
    return lambda r: r.record_visit(on=on, parent=parent, children=children, visited_by="Lotte van Dijk",
                                    today=TODAY, actor=COORDINATOR, case_children=KIDS)


def hours(minutes=90, on=date(2027, 3, 9), activity="joint_meeting", professional="Ineke Bos"):
    return lambda r: r.record_hours(on=on, professional=professional, activity=activity, minutes=minutes,
                                    today=TODAY, actor=COORDINATOR)


def test_a_visit_at_a_parents_home_is_recorded_with_who_visited_and_the_children():
    outcome = given(*opened()).when(visit(children=["Noor"]))
    outcome.then((ReconnectingRecord.ChildVisitRecorded, {
        "on": "2027-03-20", "parent": "parent_a", "children": ["Noor"], "visited_by": "Lotte van Dijk"}))


def test_the_year_shows_the_visits_at_each_parent_against_the_minimum_of_two():
    record = opened()
    for step in (visit(), visit(date(2027, 9, 18)), visit(date(2027, 6, 5), parent="parent_b")):
        record += given(*record).when(step).then(ReconnectingRecord.ChildVisitRecorded)
    year = given(*record).when(lambda r: r).aggregate.year(2027, OPNIEUW)
    assert year.visits == {"parent_a": 2, "parent_b": 1}
    assert year.visits_short == {"parent_a": 0, "parent_b": 1}, "parent B's home needs one more visit this year"
    last_year = given(*record).when(lambda r: r).aggregate.year(2026, OPNIEUW)
    assert last_year.visits_short == {"parent_a": 2, "parent_b": 2}


def test_a_visit_on_a_day_that_has_not_come_or_for_a_stranger_or_at_no_parent_is_refused():
    given(*opened()).when(visit(on=TODAY + timedelta(days=1))).then_refused(InvalidReconnectingRecord, "has not come")
    given(*opened()).when(visit(children=["Sara"])).then_refused(InvalidReconnectingRecord, "not a child")
    given(*opened()).when(visit(parent="grandmother")).then_refused(UnknownParent, "grandmother")


def test_hours_are_summed_per_year_professional_and_activity_against_the_budget():
    record = opened()
    for step in (hours(), hours(60, professional="Youssef El Amrani", activity="communication_support"),
                 hours(30, on=date(2026, 11, 10))):
        record += given(*record).when(step).then(ReconnectingRecord.ProfessionalHoursRecorded)
    year = given(*record).when(lambda r: r).aggregate.year(2027, OPNIEUW)
    assert year.minutes == 150 and year.minutes_per_professional == {"Ineke Bos": 90, "Youssef El Amrani": 60}
    assert year.minutes_per_activity == {"communication_support": 60, "joint_meeting": 90}
    assert year.budget_hours == (170, 200) and year.below_budget and not year.over_budget


def test_hours_over_the_budget_are_recorded_and_flagged_not_refused():
    record = opened()
    for day in range(1, 15):  # 14 days of 15 hours: 210 hours
        record += given(*record).when(hours(15 * 60, on=date(2027, 1, day))).then(
            ReconnectingRecord.ProfessionalHoursRecorded)
    year = given(*record).when(lambda r: r).aggregate.year(2027, OPNIEUW)
    assert year.minutes == 210 * 60 and year.over_budget and not year.below_budget


def test_hours_need_a_known_activity_a_sensible_length_and_a_day_that_has_come():
    given(*opened()).when(hours(activity="koffie")).then_refused(InvalidReconnectingRecord, "activity")
    given(*opened()).when(hours(0)).then_refused(InvalidReconnectingRecord, "whole number of minutes")
    given(*opened()).when(hours(24 * 60 + 1)).then_refused(InvalidReconnectingRecord, "whole number of minutes")
    given(*opened()).when(hours(on=TODAY + timedelta(days=1))).then_refused(InvalidReconnectingRecord, "has not come")


# Before it could be recorded live ------------------------------------------------------------------------

def sessions() -> list:
    return list(JointSessions(case_id=CASE, actor=COORDINATOR).collect_events())


LEADERS = ("Marieke Visser", "Joost de Vries", "Fatima el Amrani")


def past(day=date(2027, 3, 9), start=time(10, 0), why="Zaak overgenomen van een andere praktijk", led_by=LEADERS):
    return lambda s: s.record_past(day=day, start=start, duration_minutes=120, place="Praktijk Utrecht",
                                   kind="in_person", trajectory_type="opnieuw_verbinden", today=TODAY, why=why,
                                   actor=COORDINATOR, led_by=led_by)


def test_a_past_meeting_is_entered_when_the_case_is_brought_in_marked_as_recorded_afterwards():
    outcome = given(*sessions()).when(past())
    outcome.then((JointSessions.PastJointSessionRecorded, {"why": PrivateText(CASE, "Zaak overgenomen van een andere praktijk")}),
                 (JointSessions.JointSessionLedBy, {"professionals": list(LEADERS)}))
    [session] = outcome.aggregate.views()
    assert (session.recorded_afterwards, session.led_by) == ("Zaak overgenomen van een andere praktijk", LEADERS)


def test_a_past_meeting_names_the_three_professionals_who_led_it():
    given(*sessions()).when(past(led_by=())).then_refused(TooFewProfessionals, "led by 3 professionals")
    given(*sessions()).when(past(led_by=LEADERS[1:])).then_refused(TooFewProfessionals, "2 named")


def test_a_past_meeting_keeps_opnieuw_verbindens_frame_and_is_never_in_the_future():
    given(*sessions()).when(past(day=date(2027, 3, 11))).then_refused(OutsideFixedMeetingFrame, "Tuesday")
    given(*sessions()).when(past(day=date(2028, 3, 7))).then_refused(InvalidJointSession, "has not come yet")
    given(*sessions()).when(past(why=" ")).then_refused(InvalidJointSession, "why it is recorded afterwards")


def held_meeting() -> list:
    history = sessions()
    return history + given(*history).when(past()).then(JointSessions.PastJointSessionRecorded,
                                                        JointSessions.JointSessionLedBy)


AMSTERDAM = timezone(timedelta(hours=1))


def pause_afterwards(begin=time(10, 20), end=time(10, 35), why="Geen laptop bij de hand tijdens het overleg"):
    def command(s):
        session = s.views()[0]
        s.record_pause_afterwards(
            session.session_id, paused_at=datetime.combine(session.day, begin, AMSTERDAM),
            resumed_at=datetime.combine(session.day, end, AMSTERDAM), reason="Agressieve taal", led_by="Marieke Visser",
            why=why, now=datetime(2027, 11, 30, 12, tzinfo=timezone.utc), actor=COORDINATOR, parent="parent_b")
    return command


def test_a_pause_is_recorded_after_the_meeting_with_its_times_by_the_one_who_led_it():
    outcome = given(*held_meeting()).when(pause_afterwards())
    outcome.then((JointSessions.JointSessionPauseRecordedAfterwards, {
        "led_by": "Marieke Visser", "why": PrivateText(CASE, "Geen laptop bij de hand tijdens het overleg"),
        "reason": PrivateText(CASE, "Agressieve taal"), "parent": "parent_b"}))
    [pause] = outcome.aggregate.views()[0].pauses
    assert (pause.paused_by, pause.recorded_by) == ("Marieke Visser", COORDINATOR)
    assert pause.resumed_at - pause.paused_at == timedelta(minutes=15)


def test_a_pause_afterwards_needs_why_and_a_begin_before_its_end_on_the_meetings_day():
    given(*held_meeting()).when(pause_afterwards(why="")).then_refused(InvalidJointSession, "afterwards")
    given(*held_meeting()).when(pause_afterwards(begin=time(11), end=time(10))).then_refused(
        InvalidJointSession, "ends after it began")
    first = held_meeting()
    first += given(*first).when(pause_afterwards()).then(JointSessions.JointSessionPauseRecordedAfterwards)
    given(*first).when(pause_afterwards(begin=time(10, 30), end=time(10, 50))).then_refused(
        InvalidJointSession, "overlaps")


def test_the_visit_minimum_and_the_hour_budget_are_the_types_data_and_a_type_without_them_keeps_no_such_year():
    assert OPNIEUW == YearFrame(min_visits_per_parent=2, budget_hours=(170, 200))
    history = opened() + given(*opened()).when(visit()).then(ReconnectingRecord.ChildVisitRecorded)
    other = given(*history).when(lambda r: r).aggregate.year(2027, YearFrame(min_visits_per_parent=3, budget_hours=(10, 20)))
    assert (other.visits_short, other.budget_hours) == ({"parent_a": 2, "parent_b": 3}, (10, 20))
    for code in ("parallel_solo_ouderschap_loman", "gezinsbemiddeling_fase_1", "no_such_type"):
        try:
            YearFrame.of(code)
        except NotAReconnectingCase as refused:
            assert "Opnieuw Verbinden" in str(refused)
        else:
            raise AssertionError(f"{code} keeps no visits and hours")
