"""Planning a trajectory in school weeks, and holding the plan against what happened.

Weeks are school weeks, Monday to Friday. A phase's first week is the week it starts in
(a start on a Saturday or Sunday begins with the next week); for templates that exclude
school holidays ("16 weken, exclusief schoolvakantieweken") a holiday week of the
family's region or school does not count and the phase runs a week longer for each one
(see ``holidays`` for what makes a holiday week). A phase ends on the Sunday of its last
counted week. Pure functions: the day of comparison is always passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import islice
from typing import Iterator, Sequence

from services.platform.holidays import HolidayCalendar, monday_of
from services.parent_side.domain.templates import TrajectoryRules
from services.platform.errors import Invalid

WEEK = timedelta(days=7)
OptionalCalendar = HolidayCalendar | None


class InvalidPlanning(Invalid):
    """The planning question itself is wrong (no weeks, no sessions, a date in the future)."""


class HolidayCalendarNeeded(InvalidPlanning):
    """The template excludes school holidays, so its weeks cannot be counted without a calendar."""


def phase_end_date(start: date, weeks: int, calendar: HolidayCalendar, region: str) -> date:
    """The last day (a Sunday) of a phase of ``weeks`` school weeks that skips holiday weeks."""
    _check_count(weeks, "a phase")
    if not isinstance(calendar, HolidayCalendar):
        raise HolidayCalendarNeeded("a phase that excludes school holidays needs the holiday calendar")
    last_monday = next(islice(_counted_mondays(start, calendar, region), weeks - 1, None))
    return last_monday + timedelta(days=6)


def weeks_elapsed(start: date, on: date, calendar: HolidayCalendar | None = None, region: str | None = None) -> int:
    """Counted weeks begun by ``on``, the current one included ("week 3 of 16"); 0 before the start."""
    elapsed, monday = 0, _first_monday(start)
    while monday <= on:
        if calendar is None or not calendar.is_holiday_week_of(monday, region or ""):
            elapsed += 1
        monday += WEEK
    return elapsed


def session_plan(
    start: date, rules: TrajectoryRules, calendar: HolidayCalendar | None = None,
    region: str | None = None, count: int | None = None,
) -> list[date]:
    """The dates of the individual sessions, one per ``session_interval_days`` from ``start``.

    Without a stated interval the sessions are spread evenly over the maximum duration
    (4 sessions in 16 weeks: one every 4 weeks). When the rules skip school holidays a
    session never falls in a holiday week, and a holiday week does not count towards the
    interval. ``count`` overrides the planned number (needed for open-ended coaching).
    """
    count = rules.planned_sessions if count is None else count
    if count is None:
        raise InvalidPlanning(f"{rules.title} has no planned number of sessions: say how many to plan")
    _check_count(count, "a session plan")
    interval = _interval(rules, count)
    calendar = _calendar_if_needed(rules, calendar, region)
    sessions = [_first_session(start, calendar, region)]
    while len(sessions) < count:
        sessions.append(_advance(sessions[-1], interval, calendar, region))
    return sessions


@dataclass(frozen=True)
class PlanVsActual:
    """The plan against what happened, on one day. ``None``: the rules state no such number."""

    on: date
    sessions_planned: int | None
    sessions_due: int
    sessions_held: int
    sessions_missed: int
    max_sessions: int | None
    over_session_limit: bool
    weeks_elapsed: int
    weeks_allowed: int | None
    min_weeks: int | None
    over_time: bool
    before_minimum: bool
    child_conversations_held: int
    child_conversations_allowed: int
    over_child_conversation_limit: bool


def plan_vs_actual(
    rules: TrajectoryRules, start: date, on: date, held: Sequence[date], *,
    planned: Sequence[date] | None = None, child_conversations: int = 0,
    calendar: HolidayCalendar | None = None, region: str | None = None,
) -> PlanVsActual:
    """Sessions planned, due, held and missed, and weeks elapsed against the limits, on ``on``.

    ``planned`` defaults to ``session_plan``; for an open-ended template with a cadence
    the sessions due are counted by that cadence. A session is missed when it was due by
    ``on`` and no session was held in its place.
    """
    held = _checked_held(held, on)
    if not isinstance(child_conversations, int) or child_conversations < 0:
        raise InvalidPlanning("the number of child conversations held is a whole number, 0 or more")
    calendar = _calendar_if_needed(rules, calendar, region)
    open_ended = planned is None and rules.planned_sessions is None
    if planned is None:
        planned = _default_plan(start, on, rules, calendar, region)
    due = sum(1 for day in planned if day <= on)
    elapsed = weeks_elapsed(start, on, calendar, region)
    return PlanVsActual(
        on=on, sessions_planned=None if open_ended else len(planned),
        sessions_due=due, sessions_held=len(held), sessions_missed=max(0, due - len(held)),
        max_sessions=rules.max_sessions, over_session_limit=_over(len(held), rules.max_sessions),
        weeks_elapsed=elapsed, weeks_allowed=rules.max_weeks, min_weeks=rules.min_weeks,
        over_time=_over(elapsed, rules.max_weeks),
        before_minimum=rules.min_weeks is not None and elapsed < rules.min_weeks,
        child_conversations_held=child_conversations, child_conversations_allowed=rules.max_child_conversations,
        over_child_conversation_limit=child_conversations > rules.max_child_conversations,
    )


def _first_monday(start: date) -> date:
    return monday_of(start) + (WEEK if start.weekday() >= 5 else timedelta(0))


def _counted_mondays(start: date, calendar: HolidayCalendar, region: str) -> Iterator[date]:
    monday = _first_monday(start)
    while True:
        if not calendar.is_holiday_week_of(monday, region):
            yield monday
        monday += WEEK


def _first_session(start: date, calendar: OptionalCalendar, region: str | None) -> date:
    day = start
    while calendar is not None and calendar.is_holiday_week_of(day, region or ""):
        day += WEEK
    return day


def _advance(day: date, interval: int, calendar: OptionalCalendar, region: str | None) -> date:
    """``interval`` days after ``day``, a week later for every holiday week passed or landed in."""
    target = day + timedelta(days=interval)
    unchecked = monday_of(day) + WEEK
    while calendar is not None:
        holiday_weeks = sum(
            1 for n in range((monday_of(target) - unchecked).days // 7 + 1)
            if calendar.is_holiday_week_of(unchecked + n * WEEK, region or "")
        )
        if not holiday_weeks:
            break
        unchecked, target = monday_of(target) + WEEK, target + holiday_weeks * WEEK
    return target


def _interval(rules: TrajectoryRules, count: int) -> int:
    if rules.session_interval_days is not None:
        return rules.session_interval_days
    if rules.max_weeks is not None:
        return max(1, rules.max_weeks // count) * 7
    raise InvalidPlanning(f"{rules.title} states no cadence and no duration: tailor session_interval_days first")


def _calendar_if_needed(rules: TrajectoryRules, calendar: OptionalCalendar, region: str | None) -> OptionalCalendar:
    if not rules.skips_school_holidays:
        return None
    if not isinstance(calendar, HolidayCalendar) or region is None:
        raise HolidayCalendarNeeded(
            f"{rules.title} counts weeks without school holidays: give the holiday calendar and the region or school"
        )
    calendar.periods_for(region)  # an unknown region or school is refused before anything is counted
    return calendar


def _default_plan(
    start: date, on: date, rules: TrajectoryRules, calendar: OptionalCalendar, region: str | None,
) -> list[date]:
    if rules.planned_sessions is not None:
        return session_plan(start, rules, calendar, region)
    if rules.session_interval_days is None:
        return []
    interval = rules.session_interval_days
    sessions = [_first_session(start, calendar, region)] if start <= on else []
    # Stop before the next one is worked out: it may fall after the calendar's last known week.
    while sessions and sessions[-1] + timedelta(days=interval) <= on:
        sessions.append(_advance(sessions[-1], interval, calendar, region))
    return [day for day in sessions if day <= on]


def _checked_held(held: Sequence[date], on: date) -> list[date]:
    days = list(held)
    if not all(isinstance(day, date) for day in days):
        raise InvalidPlanning("held sessions are given by their dates")
    if any(day > on for day in days):
        raise InvalidPlanning(f"a session cannot have been held after {on.isoformat()}")
    return days


def _check_count(value: object, what: str) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise InvalidPlanning(f"{what} needs a positive whole number, not {value!r}")


def _over(value: int, limit: int | None) -> bool:
    return limit is not None and value > limit
