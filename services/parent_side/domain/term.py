"""The term of a trajectory: the last day its rules allow a session on.

Weeks are counted as ``planning`` counts them: the first week is the week of the start
(a start on a Saturday or Sunday begins with the next week) and the term ends on the
Sunday of its last week. Templates whose duration excludes school-holiday weeks
("16 weken, exclusief schoolvakantieweken") would need the family's holiday calendar;
the aggregate has none, so for them it refuses only what is certainly too late: the
maximum plus the most holiday weeks a Dutch school year has.
"""

from __future__ import annotations

from datetime import date, timedelta

from services.parent_side.domain.holidays import monday_of
from services.parent_side.domain.templates import TrajectoryRules

# Autumn 1, Christmas 2, spring 1, May 2 and summer 6 weeks: no region has more in a year.
MOST_HOLIDAY_WEEKS_PER_YEAR = 12


def first_monday(started_on: date) -> date:
    return monday_of(started_on) + timedelta(weeks=1 if started_on.weekday() >= 5 else 0)


def last_allowed_day(started_on: date, rules: TrajectoryRules) -> date | None:
    """The last day on which the trajectory may still have a session; None: no limit."""
    if rules.max_weeks is None:
        return None
    weeks = rules.max_weeks
    if rules.skips_school_holidays:
        weeks += MOST_HOLIDAY_WEEKS_PER_YEAR * (1 + rules.max_weeks // 52)
    return first_monday(started_on) + timedelta(weeks=weeks, days=-1)


def add_years(on: date, years: int) -> date:
    """The same day ``years`` later; 29 February moves to 1 March (never a day short)."""
    try:
        return on.replace(year=on.year + years)
    except ValueError:
        return date(on.year + years, 3, 1)
