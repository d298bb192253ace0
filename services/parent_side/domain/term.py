"""The term of a trajectory: the last day its rules allow a session on.

Weeks are counted as ``planning`` counts them: the first week is the week of the start
(a start on a Saturday or Sunday begins with the next week) and the term ends on the
Sunday of its last week. Templates whose duration excludes school-holiday weeks
("16 weken, exclusief schoolvakantieweken") count with the family's holidays: the case's
region and the practice's lists for it (``FamilyHolidays``). Where no list covers a week
of the term its end is not known, and nothing claims one (``term_end`` is None); a command
then refuses only what is certainly too late: the maximum plus the most holiday weeks a
Dutch school year has.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from services.parent_side.domain.planning import phase_end_date
from services.parent_side.domain.templates import TrajectoryRules
from services.platform.holidays import HolidayCalendar, OutsideHolidayCalendar, UnknownHolidayScope, monday_of

# Autumn 1, Christmas 2, spring 1, May 2 and summer 6 weeks: no region has more in a year.
MOST_HOLIDAY_WEEKS_PER_YEAR = 12


@dataclass(frozen=True)
class FamilyHolidays:
    """The school holidays a family's trajectory leaves out: its region and the lists imported for it."""

    region: str | None = None
    calendar: HolidayCalendar = field(default_factory=HolidayCalendar)

    def knows_week_of(self, day: date) -> bool:
        """Whether it is known if the week of ``day`` is a school-holiday week for this family."""
        return self.region is not None and bool(self.calendar.periods) and self.calendar.knows_week_of(day, self.region)

    def is_holiday_week_of(self, day: date) -> bool:
        """Only asked of a week it knows (``knows_week_of``)."""
        return self.calendar.is_holiday_week_of(day, self.region or "")


NO_HOLIDAYS_KNOWN = FamilyHolidays()


def first_monday(started_on: date) -> date:
    return monday_of(started_on) + timedelta(weeks=1 if started_on.weekday() >= 5 else 0)


def term_end(started_on: date, rules: TrajectoryRules, holidays: FamilyHolidays = NO_HOLIDAYS_KNOWN) -> date | None:
    """The last day of the term as far as it is known; None: no limit, or holidays not known for it."""
    if rules.max_weeks is None:
        return None
    if not rules.skips_school_holidays:
        return first_monday(started_on) + timedelta(weeks=rules.max_weeks, days=-1)
    if holidays.region is None or not holidays.calendar.periods:
        return None
    try:
        return phase_end_date(started_on, rules.max_weeks, holidays.calendar, holidays.region)
    except (OutsideHolidayCalendar, UnknownHolidayScope):
        return None


def last_allowed_day(
    started_on: date, rules: TrajectoryRules, holidays: FamilyHolidays = NO_HOLIDAYS_KNOWN,
) -> date | None:
    """The last day a session is allowed on: the term's end, or where unknown the latest it can be."""
    if rules.max_weeks is None:
        return None
    known = term_end(started_on, rules, holidays)
    if known is not None:
        return known
    weeks = rules.max_weeks + MOST_HOLIDAY_WEEKS_PER_YEAR * (1 + rules.max_weeks // 52)
    return first_monday(started_on) + timedelta(weeks=weeks, days=-1)


def add_years(on: date, years: int) -> date:
    """The same day ``years`` later; 29 February moves to 1 March (never a day short)."""
    try:
        return on.replace(year=on.year + years)
    except ValueError:
        return date(on.year + years, 3, 1)
