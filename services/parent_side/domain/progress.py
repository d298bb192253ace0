"""The plan against what happened, on one day: what a counsellor checks before planning on.

Weeks are counted as ``planning.weeks_elapsed`` counts them (weeks begun, the current one
included). A template that excludes school holidays counts its weeks with the family's
holidays (the case's region and the practice's lists, ``term.FamilyHolidays``). A week no
list covers is counted, since it may be a school week, and ``holiday_weeks_counted`` says
that weeks that may be holidays were counted; ``holiday_calendar_missing`` says the lists
do not cover the term, and then no end is claimed (``last_allowed_day`` is None).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from services.parent_side.domain.entries import required_date
from services.parent_side.domain.term import NO_HOLIDAYS_KNOWN, FamilyHolidays, first_monday, term_end
from services.parent_side.domain.trajectory import Trajectory
from services.platform.holidays import HolidayCalendar


@dataclass(frozen=True)
class Progress:
    """``None`` where the rules state no such number, or the step has not been reached."""

    on: date
    status: str
    template: str
    started_on: date | None
    closed_on: date | None
    weeks_elapsed: int
    min_weeks: int | None
    max_weeks: int | None
    last_allowed_day: date | None
    holiday_weeks_counted: bool
    holiday_region: str | None
    holiday_calendar_missing: bool
    over_time: bool
    before_minimum: bool
    sessions_expected: int | None
    max_sessions: int | None
    sessions_held: int
    sessions_missed: int
    sessions_planned_ahead: tuple[date, ...]
    sessions_planned_not_recorded: tuple[date, ...]
    sessions_cancelled: int
    session_interval_days: int | None
    next_session_due: date | None
    child_conversations_held: int
    max_child_conversations: int

    # Who must respect a limit sees it before hitting it (issue 14). Counted per phase: each
    # phase is a trajectory of its own, with its own limits.
    @property
    def sessions_left(self) -> int | None:
        """Individual sessions this phase still allows; null where the type sets no maximum."""
        return None if self.max_sessions is None else max(0, self.max_sessions - self.sessions_held)

    @property
    def child_conversations_left(self) -> int:
        """Child conversations this phase still allows (none unless the type or the tailored plan allows them)."""
        return max(0, self.max_child_conversations - self.child_conversations_held)


def progress_of(
    t: Trajectory, on: date, calendar: HolidayCalendar | None = None, region: str | None = None,
) -> Progress:
    """``calendar`` and ``region``: the family's holidays (see ``progress_with``)."""
    holidays = FamilyHolidays(region, calendar) if calendar is not None else FamilyHolidays(region)
    return progress_with(t, on, holidays)


def progress_with(t: Trajectory, on: date, holidays: FamilyHolidays = NO_HOLIDAYS_KNOWN) -> Progress:
    on, rules = required_date(on, "the day of the overview"), t.rules
    weeks, unknown_weeks = _weeks(t, on, holidays if rules.skips_school_holidays else None)
    end = term_end(t.started_on, rules, holidays) if t.started_on else None
    missing = rules.skips_school_holidays and (unknown_weeks or (t.started_on is not None and end is None))
    pending = t.upcoming_sessions()
    ahead = () if t.closed_on else tuple(day for day in pending if day >= on)
    return Progress(
        on=on, status=t.status, template=rules.template, started_on=t.started_on, closed_on=t.closed_on,
        weeks_elapsed=weeks, min_weeks=rules.min_weeks, max_weeks=rules.max_weeks,
        last_allowed_day=end, holiday_weeks_counted=unknown_weeks,
        holiday_region=holidays.region, holiday_calendar_missing=missing,
        over_time=rules.max_weeks is not None and weeks > rules.max_weeks,
        before_minimum=t.started_on is not None and rules.min_weeks is not None and weeks < rules.min_weeks,
        sessions_expected=rules.planned_sessions, max_sessions=rules.max_sessions,
        sessions_held=t.sessions_held(), sessions_missed=sum(1 for s in t.sessions if not s.attended),
        sessions_planned_ahead=ahead, sessions_planned_not_recorded=tuple(d for d in pending if d not in ahead),
        sessions_cancelled=sum(1 for p in t.planned if not p.is_pending),
        session_interval_days=rules.session_interval_days, next_session_due=_next_due(t, ahead),
        child_conversations_held=len(t.child_conversations), max_child_conversations=rules.max_child_conversations,
    )


def _weeks(t: Trajectory, on: date, holidays: FamilyHolidays | None) -> tuple[int, bool]:
    """Weeks begun by ``on`` (holiday weeks left out when ``holidays``), and whether unknown weeks were counted."""
    if t.started_on is None:
        return 0, False
    until = min(on, t.closed_on) if t.closed_on else on
    counted, unknown, monday = 0, False, first_monday(t.started_on)
    while monday <= until:
        if holidays is None or not holidays.knows_week_of(monday):
            counted, unknown = counted + 1, unknown or holidays is not None
        elif not holidays.is_holiday_week_of(monday):
            counted += 1
        monday += timedelta(weeks=1)
    return counted, unknown


def _next_due(t: Trajectory, ahead: tuple[date, ...]) -> date | None:
    """The next planned session; without one, the cadence counted from the last session."""
    if t.started_on is None or t.closed_on is not None:
        return None
    if ahead:
        return ahead[0]
    if t.rules.session_interval_days is None:
        return None
    if not t.sessions:
        return t.started_on
    return max(s.on for s in t.sessions) + timedelta(days=t.rules.session_interval_days)
