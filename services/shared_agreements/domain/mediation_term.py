"""The term of a mediation phase: "16 weken, exclusief schoolvakantieweken" (gezinsbemiddeling-kind-en-ik).

Weeks are counted as the parent sides count them (``services/parent_side/domain/term.py``):
the first week is the week of the start (a start on a Saturday or Sunday begins with the next
week), a school-holiday week of the family's region does not count, and the term ends on the
Sunday of its last counted week. A week no imported list covers is never guessed to be a school
week: the end is then unknown (None), and a command refuses only what is certainly too late,
the maximum plus the most holiday weeks a Dutch school year has. Contexts share no code but the
platform, so these few lines are this context's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Mapping

from services.platform.holidays import HolidayCalendar, HolidayPeriod, monday_of
from services.platform.school_years import known_spans
from services.platform.trajectory_types import TYPES

WEEK = timedelta(weeks=1)
# Autumn 1, Christmas 2, spring 1, May 2 and summer 6 weeks: no region has more in a year.
MOST_HOLIDAY_WEEKS_PER_YEAR = 12


@dataclass(frozen=True)
class Term:
    """A phase's term as far as the holiday lists make it known."""

    end: date | None  #: the last day of the term; None when a week of it is not covered by a list
    last_allowed_day: date  #: the end, or where unknown the latest the end can be

    @property
    def calendar_missing(self) -> bool:
        return self.end is None


def first_monday(started_on: date) -> date:
    return monday_of(started_on) + (WEEK if started_on.weekday() >= 5 else timedelta(0))


def term(started_on: date, weeks: int, calendar: HolidayCalendar, region: str | None) -> Term:
    """The term of ``weeks`` school weeks from ``started_on`` for a family in ``region``."""
    latest = first_monday(started_on) + WEEK * (weeks + MOST_HOLIDAY_WEEKS_PER_YEAR * (1 + weeks // 52)) - timedelta(days=1)
    if region is None or not calendar.periods or region not in calendar.scopes():
        return Term(None, latest)
    monday, counted = first_monday(started_on), 0
    while True:
        if not calendar.knows_week_of(monday, region):
            return Term(None, latest)
        if not calendar.is_holiday_week_of(monday, region):
            counted += 1
            if counted == weeks:
                end = monday + timedelta(days=6)
                return Term(end, end)
        monday += WEEK


def calendar_of(region: str, years: Mapping[str, Iterable[HolidayPeriod]]) -> HolidayCalendar:
    """The imported school holidays of ``region`` (by school year), with the spans they are known for."""
    lists = {year: tuple(periods) for year, periods in years.items()}
    periods = tuple(p for year in lists.values() for p in year)
    return HolidayCalendar(periods, known_spans(region, lists)) if periods else HolidayCalendar()


def phase_term(trajectory_type: str, began_on: date | None, calendar: HolidayCalendar, region: str | None) -> Term | None:
    """The term of a phase of ``trajectory_type`` that began on ``began_on`` (None before it began)."""
    rules = TYPES[trajectory_type].template
    if began_on is None or rules.max_weeks is None:
        return None
    if not rules.skips_school_holidays:
        end = first_monday(began_on) + WEEK * rules.max_weeks - timedelta(days=1)
        return Term(end, end)
    return term(began_on, rules.max_weeks, calendar, region)
