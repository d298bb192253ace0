"""The school-holiday calendar (schoolvakanties) a practice maintains, per region or school.

Dutch schools follow their region's holidays (noord, midden, zuid) but may set their
own, so every period applies to one *scope*: a region or a school's name. A school's
periods form a complete calendar of their own (the practice imports the school's own
list); a school does not inherit its region's holidays.

A holiday week. School weeks run Monday to Friday. A week is a holiday week for a scope
when at least three of its five school days, a majority, fall inside that scope's holiday
periods; overlapping and back-to-back periods count together. So herfstvakantie
(Saturday to the Sunday a week later) makes its week a holiday week, Hemelvaart (Thursday
and Friday) does not, and a school holiday from a Thursday to the next Wednesday makes the
second week (Monday to Wednesday off) a holiday week and not the first (two days off).

What the calendar knows. It knows a scope's holidays over its ``known`` spans (an imported
school year's list, consecutive years joined: see ``school_years``) or, when none are
given, from the first day of its earliest period to the last day of its latest, and
answers for a week whose five school days all lie in one such span. Any other week is not guessed to be a school week: the query refuses
it (OutsideHolidayCalendar), because one unknown holiday would silently move every date
planned after it. Import each school year's list, summer holidays included.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable

from services.platform.errors import Invalid

REGIONS = ("noord", "midden", "zuid")
HOLIDAY_DAYS_THAT_MAKE_A_HOLIDAY_WEEK = 3
SCHOOL_DAYS_PER_WEEK = 5


class InvalidHolidayPeriod(Invalid):
    """A holiday period without a name or scope, or ending before it starts."""


class UnknownHolidayScope(Invalid):
    """The calendar holds no holidays for that region or school."""


class OutsideHolidayCalendar(Invalid):
    """The question is about a week the calendar holds no holidays for (yet)."""


def scope_key(scope: object) -> str:
    """A region or school name as the calendar matches it: trimmed, single-spaced, case-blind."""
    if not isinstance(scope, str) or not scope.strip():
        raise InvalidHolidayPeriod(f"name a region ({', '.join(REGIONS)}) or a school")
    return " ".join(scope.split()).casefold()


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, order=True)
class HolidayPeriod:
    """One holiday (e.g. "Herfstvakantie") from its first to its last day, both included."""

    first_day: date
    last_day: date
    name: str
    scope: str

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise InvalidHolidayPeriod("a holiday needs a name")
        if not (_is_day(self.first_day) and _is_day(self.last_day)):
            raise InvalidHolidayPeriod(f"{self.name.strip()!r} needs a first and a last day")
        if self.last_day < self.first_day:
            name, first, last = self.name.strip(), self.first_day.isoformat(), self.last_day.isoformat()
            raise InvalidHolidayPeriod(f"{name!r} ends ({last}) before it starts ({first})")
        object.__setattr__(self, "name", " ".join(self.name.split()))
        object.__setattr__(self, "scope", scope_key(self.scope))

    def covers(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day

    def as_record(self) -> dict[str, str]:
        """As events store it: name and days (the scope is the list's, stored beside it)."""
        return {"name": self.name, "first_day": self.first_day.isoformat(), "last_day": self.last_day.isoformat()}

    @classmethod
    def from_record(cls, record: dict[str, str], scope: str) -> HolidayPeriod:
        return cls(date.fromisoformat(record["first_day"]), date.fromisoformat(record["last_day"]), record["name"],
                   scope)


def _is_day(value: object) -> bool:
    # A datetime is a date too, but a holiday is whole days.
    return isinstance(value, date) and not hasattr(value, "hour")


@dataclass(frozen=True, order=True)
class KnownSpan:
    """Days, both included, for which a scope's holidays are all known."""

    scope: str
    first_day: date
    last_day: date


@dataclass(frozen=True)
class HolidayCalendar:
    """The holiday periods of every region and school the practice works with.

    ``known``: the spans each scope's holidays are known for; a scope without any is
    known from its first holiday to its last.
    """

    periods: tuple[HolidayPeriod, ...] = ()
    known: tuple[KnownSpan, ...] = ()

    def __post_init__(self) -> None:
        periods = tuple(self.periods)
        if not all(isinstance(p, HolidayPeriod) for p in periods):
            raise InvalidHolidayPeriod("a holiday calendar holds holiday periods only")
        object.__setattr__(self, "periods", tuple(sorted(set(periods))))
        object.__setattr__(self, "known", tuple(sorted(set(self.known))))

    def scopes(self) -> tuple[str, ...]:
        """The regions and schools this calendar has holidays for."""
        return tuple(sorted({p.scope for p in self.periods}))

    def periods_for(self, scope: str) -> tuple[HolidayPeriod, ...]:
        key = scope_key(scope)
        periods = tuple(p for p in self.periods if p.scope == key)
        if not periods:
            known = ", ".join(self.scopes()) or "none yet"
            raise UnknownHolidayScope(f"the holiday calendar has no holidays for {scope.strip()!r} (known: {known})")
        return periods

    def known_spans(self, scope: str) -> tuple[tuple[date, date], ...]:
        """The spans of days this calendar knows every holiday of ``scope`` for, earliest first."""
        periods, key = self.periods_for(scope), scope_key(scope)
        given = tuple((k.first_day, k.last_day) for k in self.known if k.scope == key)
        return given or ((periods[0].first_day, max(p.last_day for p in periods)),)

    def known_span(self, scope: str) -> tuple[date, date]:
        """The first and last day this calendar knows the holidays of ``scope`` for (gaps aside)."""
        spans = self.known_spans(scope)
        return spans[0][0], spans[-1][1]

    def knows_week_of(self, day: date, scope: str) -> bool:
        """Whether every school day of the week of ``day`` lies in a span the calendar knows."""
        monday = monday_of(day)
        friday = monday + timedelta(days=SCHOOL_DAYS_PER_WEEK - 1)
        return any(first <= monday and friday <= last for first, last in self.known_spans(scope))

    def holiday_school_days(self, day: date, scope: str) -> int:
        """How many school days (Monday–Friday) of the week of ``day`` are holidays in ``scope``."""
        monday = self._known_monday(day, scope)
        periods = self.periods_for(scope)
        week = (monday + timedelta(days=n) for n in range(SCHOOL_DAYS_PER_WEEK))
        return sum(1 for d in week if any(p.covers(d) for p in periods))

    def is_holiday_week_of(self, day: date, scope: str) -> bool:
        """Whether the week of ``day`` is a holiday week in ``scope`` (see the module's rule)."""
        return self.holiday_school_days(day, scope) >= HOLIDAY_DAYS_THAT_MAKE_A_HOLIDAY_WEEK

    def is_holiday_week(self, year: int, week: int, scope: str) -> bool:
        """Whether ISO week ``week`` of ``year`` is a holiday week in ``scope``."""
        try:
            monday = date.fromisocalendar(year, week, 1)
        except (TypeError, ValueError):
            raise InvalidHolidayPeriod(f"{year} has no ISO week {week}") from None
        return self.is_holiday_week_of(monday, scope)

    def with_periods(self, periods: Iterable[HolidayPeriod]) -> HolidayCalendar:
        """This calendar with more periods (a period already present is kept once)."""
        return HolidayCalendar(self.periods + tuple(periods), self.known)

    def replacing(self, scope: str, periods: Iterable[HolidayPeriod]) -> HolidayCalendar:
        """This calendar with the holidays of ``scope`` replaced (a re-imported school list)."""
        key, new = scope_key(scope), tuple(periods)
        if any(p.scope != key for p in new):
            raise InvalidHolidayPeriod(f"every replacing period must belong to {scope.strip()!r}")
        return HolidayCalendar(tuple(p for p in self.periods if p.scope != key) + new,
                               tuple(k for k in self.known if k.scope != key))

    def _known_monday(self, day: date, scope: str) -> date:
        monday = monday_of(day)
        if not self.knows_week_of(monday, scope):
            covered = "; ".join(f"{a.isoformat()} to {b.isoformat()}" for a, b in self.known_spans(scope))
            raise OutsideHolidayCalendar(
                f"the holiday calendar of {scope.strip()!r} covers {covered}; "
                f"the week of {monday.isoformat()} is outside it, so import the school holidays for that time first"
            )
        return monday
