"""Planning in school weeks: phase end dates, session plans, and the plan against practice.

Expected dates are counted by hand from the calendars in tests/data/holidays; the
comments list the ISO weeks that count. ISO weeks of 2026 start on Monday 29 Dec 2025.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from services.parent_side.domain.catalogue import template
from services.platform.holidays import OutsideHolidayCalendar, UnknownHolidayScope
from services.parent_side.domain.planning import (
    HolidayCalendarNeeded, InvalidPlanning, phase_end_date, plan_vs_actual, session_plan, weeks_elapsed,
)
from services.platform.holiday_import import import_holidays

DATA = Path(__file__).resolve().parents[1] / "data" / "holidays"
SCHOOL = "Kindcentrum De Wilgenhof"


def practice_calendar():
    calendar = None
    files = {"noord": "noord", "midden": "midden", "zuid": "zuid", SCHOOL: "kindcentrum-de-wilgenhof"}
    for scope, name in files.items():
        calendar = import_holidays((DATA / f"{name}.ics").read_bytes(), scope, into=calendar)
    return calendar


CALENDAR = practice_calendar()


# The acceptance cases: 16-week phases that skip the holiday weeks of a calendar.

def test_a_holiday_straddling_two_weeks_delays_the_phase_only_by_the_week_with_most_days_off():
    # Carnaval Thu 12 - Wed 18 Feb 2026: week 7 has two days off and counts, week 8 has three and does not.
    # Counted: 2025 weeks 46-51 (6), kerst skips 52 and 1, 2026 weeks 2-7 (12), 9-12 (16).
    assert phase_end_date(date(2025, 11, 10), 16, CALENDAR, SCHOOL) == date(2026, 3, 22)


def test_two_holidays_back_to_back_are_both_skipped():
    # The school adds a second week of meivakantie (4-10 May) to the region's (25 Apr - 3 May).
    # Counted: weeks 10-17 (8), 18 and 19 skipped, 20-27 (16); Hemelvaart and Pinksteren are too short to skip.
    assert phase_end_date(date(2026, 3, 2), 16, CALENDAR, SCHOOL) == date(2026, 7, 5)
    # The region alone has one week of meivakantie: 10-17, 19-26.
    assert phase_end_date(date(2026, 3, 2), 16, CALENDAR, "zuid") == date(2026, 6, 28)


def test_a_phase_starting_inside_a_holiday_begins_with_the_first_school_week_after_it():
    # Wed 22 Oct 2025 is herfstvakantie in midden: weeks 44-51 (8), kerst, 2-7 (14), voorjaar week 8, 9-10 (16).
    assert phase_end_date(date(2025, 10, 22), 16, CALENDAR, "midden") == date(2026, 3, 8)
    # In zuid school is back by then, so its week (43) counts: 43-51 (9), kerst, 2-7 (15), voorjaar week 8, 9 (16).
    assert phase_end_date(date(2025, 10, 22), 16, CALENDAR, "zuid") == date(2026, 3, 1)


# Around the acceptance cases.

def test_a_phase_without_holidays_in_the_way_ends_on_the_sunday_of_its_last_week():
    assert phase_end_date(date(2025, 9, 3), 4, CALENDAR, "midden") == date(2025, 9, 28)


def test_a_phase_starting_on_a_weekend_begins_with_the_next_school_week():
    assert phase_end_date(date(2025, 9, 5), 4, CALENDAR, "zuid") == date(2025, 9, 28)
    assert phase_end_date(date(2025, 9, 6), 4, CALENDAR, "zuid") == date(2025, 10, 5)


def test_a_phase_running_past_the_holidays_the_calendar_knows_is_refused():
    # After summer 2027 noord's holidays are unknown: refusing beats pretending there are none.
    with pytest.raises(OutsideHolidayCalendar, match="noord"):
        phase_end_date(date(2027, 5, 3), 16, CALENDAR, "noord")


def test_a_phase_starting_before_the_calendar_begins_is_refused():
    with pytest.raises(OutsideHolidayCalendar):
        phase_end_date(date(2025, 6, 2), 16, CALENDAR, "noord")


@pytest.mark.parametrize("weeks", [0, -16, 16.0, True])
def test_a_phase_needs_a_positive_whole_number_of_weeks(weeks):
    with pytest.raises(InvalidPlanning):
        phase_end_date(date(2025, 11, 10), weeks, CALENDAR, "midden")


def test_a_phase_for_a_region_without_holidays_is_refused():
    with pytest.raises(UnknownHolidayScope, match="'oost'"):
        phase_end_date(date(2025, 11, 10), 16, CALENDAR, "oost")


# Session plans follow the template's cadence.

def test_loman_sessions_are_every_two_weeks_straight_through_the_holidays():
    plan = session_plan(date(2025, 9, 1), template("parallel_solo_ouderschap_loman"))
    assert len(plan) == 10 and plan[0] == date(2025, 9, 1)
    assert {later - earlier for earlier, later in zip(plan, plan[1:])} == {timedelta(days=14)}
    assert date(2025, 12, 22) in plan  # kerstvakantie: this template does not skip holidays


def test_gezinsbemiddeling_spreads_its_four_sessions_over_school_weeks_only():
    # Every 4 counted weeks from the first school week: 44, 48, then 49-51 and 2 (kerst skipped), then 3-6.
    plan = session_plan(date(2025, 10, 22), template("gezinsbemiddeling_fase_1"), CALENDAR, "midden")
    assert plan == [date(2025, 10, 29), date(2025, 11, 26), date(2026, 1, 7), date(2026, 2, 4)]


def test_a_fortnightly_session_due_in_a_straddled_holiday_week_moves_a_week_on():
    rules = template("gezinsbemiddeling_fase_1").tailored(session_interval_days=14)
    plan = session_plan(date(2026, 2, 2), rules, CALENDAR, SCHOOL)
    assert plan == [date(2026, 2, 2), date(2026, 2, 23), date(2026, 3, 9), date(2026, 3, 23)]


def test_open_ended_coaching_plans_as_many_sessions_as_asked():
    rules = template("parallel_solo_coaching")
    with pytest.raises(InvalidPlanning, match="say how many"):
        session_plan(date(2025, 9, 1), rules)
    assert session_plan(date(2025, 9, 1), rules, count=3) == [date(2025, 9, 1), date(2025, 9, 15), date(2025, 9, 29)]


def test_a_plan_that_skips_holidays_without_a_calendar_is_refused():
    with pytest.raises(HolidayCalendarNeeded, match="region or school"):
        session_plan(date(2025, 10, 22), template("gezinsbemiddeling_fase_1"))


# The plan against what happened.

def test_sessions_due_held_and_missed_and_weeks_against_the_limits():
    started = date(2025, 9, 1)
    held = [date(2025, 9, 1), date(2025, 9, 15), date(2025, 10, 1), date(2025, 10, 27)]
    report = plan_vs_actual(template("parallel_solo_ouderschap_loman"), started, date(2025, 11, 12), held)
    # Due: 1 Sep, 15 Sep, 29 Sep, 13 Oct, 27 Oct, 10 Nov. Weeks: 36 to 46.
    assert (report.sessions_planned, report.sessions_due, report.sessions_held, report.sessions_missed) == (10, 6, 4, 2)
    assert (report.weeks_elapsed, report.weeks_allowed) == (11, 35)
    assert (report.over_time, report.before_minimum) == (False, True)


def test_holiday_weeks_do_not_count_as_weeks_elapsed():
    # Weeks 44-51 have begun by Sunday 4 January; kerst (52 and 1) does not count.
    assert weeks_elapsed(date(2025, 10, 22), date(2026, 1, 4), CALENDAR, "midden") == 8


def test_a_sixteen_week_phase_goes_over_time_the_week_after_its_end_date():
    rules, started = template("gezinsbemiddeling_fase_1"), date(2025, 10, 22)
    end = phase_end_date(started, 16, CALENDAR, "midden")
    on_time = plan_vs_actual(rules, started, end, [], calendar=CALENDAR, region="midden")
    late = plan_vs_actual(rules, started, end + timedelta(days=1), [], calendar=CALENDAR, region="midden")
    assert (on_time.weeks_elapsed, on_time.over_time) == (16, False)
    assert (late.weeks_elapsed, late.over_time) == (17, True)
    assert late.sessions_missed == 4


def test_more_child_conversations_or_sessions_than_allowed_are_flagged():
    rules = template("parallel_solo_ouderschap_loman").tailored(max_sessions=10)
    held = [date(2025, 9, 1) + timedelta(days=7 * n) for n in range(11)]
    within = plan_vs_actual(rules, date(2025, 9, 1), date(2025, 12, 1), held[:10], child_conversations=4)
    over = plan_vs_actual(rules, date(2025, 9, 1), date(2025, 12, 1), held, child_conversations=5)
    assert (within.over_session_limit, within.over_child_conversation_limit) == (False, False)
    assert (over.over_session_limit, over.over_child_conversation_limit) == (True, True)


def test_open_ended_coaching_counts_the_sessions_its_cadence_made_due():
    held = [date(2025, 9, 1), date(2025, 9, 16)]
    report = plan_vs_actual(template("parallel_solo_coaching"), date(2025, 9, 1), date(2025, 10, 13), held)
    assert (report.sessions_planned, report.sessions_due, report.sessions_missed) == (None, 4, 2)
    assert (report.weeks_allowed, report.over_time) == (None, False)


def test_a_session_held_after_the_day_of_comparison_is_refused():
    with pytest.raises(InvalidPlanning, match="after 2025-10-01"):
        plan_vs_actual(template("parallel_solo_coaching"), date(2025, 9, 1), date(2025, 10, 1), [date(2025, 10, 2)])
