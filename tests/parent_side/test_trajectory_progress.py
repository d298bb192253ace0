"""The plan against what happened: sessions held, missed and planned, weeks run against the term."""

from __future__ import annotations

from datetime import date, timedelta

from services.parent_side.domain.catalogue import template
from services.platform.holidays import HolidayCalendar, HolidayPeriod
from services.parent_side.domain.progress import progress_of
from tests.support.trajectories import (
    COUNSELLOR, START, child_conversation, close, fortnight, held, history, missed, plan, ready_to_start, started,
)
from tests.support.given_when_then import replay


def trajectory(*steps, **options):
    return replay(history(*steps, **options))


def cancel(on: date):
    return lambda t: t.cancel_planned_session(on, "ouder ziek", COUNSELLOR)


def test_before_the_start_no_week_has_run_and_no_session_is_due():
    progress = progress_of(trajectory(*ready_to_start()), START)
    assert (progress.status, progress.weeks_elapsed, progress.next_session_due) == ("agreed", 0, None)
    assert progress.last_allowed_day is None and not progress.before_minimum


def test_the_plan_is_held_against_the_sessions_held_missed_planned_and_cancelled():
    steps = (*started(), held(fortnight(1)), missed(fortnight(2)), plan(fortnight(3)), plan(fortnight(4)),
             cancel(fortnight(4)), plan(fortnight(5)), child_conversation(fortnight(2)))
    progress = progress_of(trajectory(*steps), fortnight(3) + timedelta(days=1))
    assert (progress.sessions_expected, progress.max_sessions) == (10, 10)
    assert (progress.sessions_held, progress.sessions_missed, progress.sessions_cancelled) == (1, 1, 1)
    assert progress.sessions_planned_not_recorded == (fortnight(3),), "planned, passed, and not recorded"
    assert progress.sessions_planned_ahead == (fortnight(5),)
    assert progress.next_session_due == fortnight(5)
    assert (progress.child_conversations_held, progress.max_child_conversations) == (1, 4)


def test_without_a_session_planned_ahead_the_next_one_is_due_by_the_cadence():
    progress = progress_of(trajectory(*started(), held(fortnight(1)), missed(fortnight(2))), fortnight(2))
    assert progress.next_session_due == fortnight(3)


def test_weeks_are_counted_from_the_start_against_the_minimum_and_maximum():
    t = trajectory(*started())
    tuesday_of_week_5 = date(2025, 2, 25)
    early = progress_of(t, tuesday_of_week_5)
    assert (early.weeks_elapsed, early.min_weeks, early.max_weeks) == (5, 26, 35)
    assert early.before_minimum and not early.over_time
    assert early.last_allowed_day == date(2025, 9, 28)
    late = progress_of(t, date(2025, 10, 6))
    assert late.weeks_elapsed == 37 and late.over_time and not late.before_minimum


def test_a_closed_trajectory_counts_its_weeks_until_the_closing_and_plans_nothing_ahead():
    t = trajectory(*started(), held(fortnight(1)), plan(fortnight(6)), close(fortnight(5)))
    progress = progress_of(t, date(2026, 1, 5))
    assert progress.weeks_elapsed == progress_of(t, fortnight(5)).weeks_elapsed == 9
    assert progress.sessions_planned_ahead == () and progress.sessions_planned_not_recorded == (fortnight(6),)
    assert progress.next_session_due is None and progress.closed_on == fortnight(5)


HOLIDAYS = HolidayCalendar((
    HolidayPeriod(date(2024, 12, 21), date(2025, 1, 5), "Kerstvakantie", "midden"),
    HolidayPeriod(date(2025, 2, 15), date(2025, 2, 23), "Voorjaarsvakantie", "midden"),
    HolidayPeriod(date(2025, 4, 26), date(2025, 5, 4), "Meivakantie", "midden"),
))


def test_a_type_that_excludes_school_holidays_counts_weeks_with_the_familys_holiday_calendar():
    t = trajectory(*started(), rules=template("gezinsbemiddeling_fase_1"))
    monday_of_week_6 = date(2025, 3, 3)
    assert progress_of(t, monday_of_week_6, HOLIDAYS, "midden").weeks_elapsed == 5
    assert not progress_of(t, monday_of_week_6, HOLIDAYS, "midden").holiday_weeks_counted


def test_without_a_holiday_calendar_such_a_type_says_holiday_weeks_were_counted():
    progress = progress_of(trajectory(*started(), rules=template("gezinsbemiddeling_fase_1")), date(2025, 3, 3))
    assert progress.weeks_elapsed == 6 and progress.holiday_weeks_counted


def test_the_progress_shows_the_sessions_and_child_conversations_this_phase_has_left():
    steps = (*started(), held(fortnight(1)), missed(fortnight(2)), held(fortnight(3)),
             child_conversation(fortnight(2)))
    progress = progress_of(trajectory(*steps), fortnight(4))
    assert (progress.sessions_left, progress.child_conversations_left) == (10 - 2, 4 - 1), "a missed one is not held"


def test_a_type_without_a_session_maximum_has_no_sessions_left_to_count_and_no_child_conversation_left():
    coaching = template("parallel_solo_coaching")
    progress = progress_of(trajectory(*started(), held(fortnight(1)), rules=coaching), fortnight(2))
    assert (progress.sessions_left, progress.child_conversations_left) == (None, 0)


def test_a_trajectory_closed_before_the_minimum_duration_is_recorded_and_flagged_not_refused():
    # A parent may stop early: that is a fact to record, and the plan shows it fell short of 6 months.
    closed_early = trajectory(*started(), held(fortnight(1)), close(fortnight(5)))
    progress = progress_of(closed_early, date(2025, 12, 1))
    assert (progress.status, progress.closed_on) == ("closed", fortnight(5))
    assert progress.before_minimum and progress.weeks_elapsed == 9 < progress.min_weeks
