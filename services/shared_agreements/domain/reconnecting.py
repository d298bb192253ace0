"""Opnieuw Verbinden's year: child visits at each parent's home and the professional hours against the budget.

Seed (opnieuw-verbinden): "Een van de begeleiders zal hen twee keer per jaar bezoeken of meer
als dat nodig is" and "Minstens vier keer per jaar bezoek aan de kinderen bij elke ouder twee
bezoeken": at least two visits a year at each parent's home. "In een dergelijk traject worden
170-200 professionele uren ingezet": the hours a year the practice plans for the case.

The numbers are the trajectory type's data (``services/platform/trajectory_types.py``:
``min_child_visits_per_year`` and the professional hours): a type whose entry states them keeps
such a year (``YearFrame.of``); no code names a type. The budget is a plan, not a cap: hours
worked are facts a court may rely on, so hours over the budget are recorded and flagged
(``over_budget``), never refused. A visit or an hour is recorded only for a day that has come. One record per case, in the shared context: the
coordinator keeps it; the parents' sides never see it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Sequence
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.platform.errors import Invalid
from services.platform.trajectory_types import TYPES
from services.shared_agreements.domain.parents import PARENTS, checked_parent

# The seed's activities: the quarterly meeting (three professionals), support in safe communication
# between meetings (two professionals), individual consultations, the visits to the children.
ACTIVITIES = ("joint_meeting", "communication_support", "individual_consultation", "child_visit", "other")
MAX_MINUTES_A_DAY = 24 * 60


class InvalidReconnectingRecord(Invalid):
    """A visit or hours without a day, a parent, a professional or a sensible length."""


class NotAReconnectingCase(InvalidReconnectingRecord):
    """The case's trajectory type keeps no yearly count of child visits and professional hours."""


@dataclass(frozen=True)
class YearFrame:
    """What a type's year is measured against: visits at each parent's home, and the hour budget."""

    min_visits_per_parent: int
    budget_hours: tuple[int, int]

    @classmethod
    def of(cls, trajectory_type: str) -> YearFrame:
        """The frame the type's data entry states; refused for a type that states none."""
        entry = TYPES.get(trajectory_type)
        rules = entry.template if entry is not None else None
        if rules is None or rules.min_child_visits_per_year is None or rules.min_professional_hours_per_year is None \
                or rules.max_professional_hours_per_year is None:
            raise NotAReconnectingCase("child visits and the hour budget belong to cases whose trajectory type "
                                       "states them (Opnieuw Verbinden)")
        return cls(rules.min_child_visits_per_year,
                   (rules.min_professional_hours_per_year, rules.max_professional_hours_per_year))


def reconnecting_id(case_id: UUID) -> UUID:
    return uuid5(case_id, "opnieuw-verbinden-jaar")


@dataclass(frozen=True)
class ChildVisit:
    on: date
    parent: str  # at whose home
    children: tuple[str, ...]
    visited_by: str
    recorded_by: str


@dataclass(frozen=True)
class HoursEntry:
    on: date
    professional: str
    activity: str
    minutes: int
    recorded_by: str


@dataclass(frozen=True)
class YearOverview:
    """One calendar year against the seed's numbers."""

    year: int
    visits: dict[str, int]  # per parent slot
    min_visits_per_parent: int
    visits_short: dict[str, int]  # per parent: visits still needed to reach the minimum
    minutes: int
    minutes_per_professional: dict[str, int]
    minutes_per_activity: dict[str, int]
    budget_hours: tuple[int, int]
    over_budget: bool
    below_budget: bool


class ReconnectingRecord(Aggregate):
    """De jaarlijkse registratie van Opnieuw Verbinden van één zaak: bezoeken en professionele uren."""

    @staticmethod
    def create_id(case_id: UUID, **_: Any) -> UUID:
        return reconnecting_id(case_id)

    class Opened(Aggregate.Created):
        case_id: UUID
        actor: str

    @classmethod
    def open(cls, case_id: UUID, actor: str) -> ReconnectingRecord:
        return cls._create(cls.Opened, id=reconnecting_id(case_id), case_id=case_id, actor=actor)

    @event(Opened)
    def __init__(self, case_id: UUID, actor: str) -> None:
        self.case_id = case_id
        self.visits: tuple[ChildVisit, ...] = ()
        self.hours: tuple[HoursEntry, ...] = ()

    def record_visit(
        self, *, on: date, parent: str, children: Sequence[str], visited_by: str, today: date, actor: str,
        case_children: Sequence[str],
    ) -> None:
        """A professional visited the children at one parent's home."""
        on = _past_day(on, today, "a visit")
        named = [c.strip() for c in children if isinstance(c, str) and c.strip()] or list(case_children)
        unknown = sorted(set(named) - set(case_children))
        if unknown:
            raise InvalidReconnectingRecord(f"{', '.join(unknown)} is not a child of this case")
        self._visit_recorded(on=on.isoformat(), parent=checked_parent(parent), children=sorted(set(named)),
                             visited_by=_name(visited_by, "who visited"), actor=actor)

    @event("ChildVisitRecorded")
    def _visit_recorded(self, on: str, parent: str, children: list[str], visited_by: str, actor: str) -> None:
        """Bezoek aan de kinderen bij een ouder thuis vastgelegd."""
        self.visits += (ChildVisit(date.fromisoformat(on), parent, tuple(children), visited_by, actor),)

    def record_hours(
        self, *, on: date, professional: str, activity: str, minutes: int, today: date, actor: str,
    ) -> None:
        """Professional time spent on the case: who, on what, how long (in minutes)."""
        on = _past_day(on, today, "hours")
        if activity not in ACTIVITIES:
            raise InvalidReconnectingRecord(f"an activity is one of {', '.join(ACTIVITIES)}, not {activity!r}")
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 < minutes <= MAX_MINUTES_A_DAY:
            raise InvalidReconnectingRecord(f"the time spent is a whole number of minutes, 1 to {MAX_MINUTES_A_DAY}")
        self._hours_recorded(on=on.isoformat(), professional=_name(professional, "the professional"),
                             activity=activity, minutes=minutes, actor=actor)

    @event("ProfessionalHoursRecorded")
    def _hours_recorded(self, on: str, professional: str, activity: str, minutes: int, actor: str) -> None:
        """Professionele uren vastgelegd."""
        self.hours += (HoursEntry(date.fromisoformat(on), professional, activity, minutes, actor),)

    def year(self, year: int, frame: YearFrame) -> YearOverview:
        """``year`` against the case's type's ``frame``."""
        visits = {p: sum(1 for v in self.visits if v.on.year == year and v.parent == p) for p in PARENTS}
        entries = [h for h in self.hours if h.on.year == year]
        minutes, (low, high) = sum(h.minutes for h in entries), frame.budget_hours
        return YearOverview(
            year=year, visits=visits, min_visits_per_parent=frame.min_visits_per_parent,
            visits_short={p: max(0, frame.min_visits_per_parent - n) for p, n in visits.items()},
            minutes=minutes, minutes_per_professional=_sum(entries, "professional"),
            minutes_per_activity=_sum(entries, "activity"), budget_hours=frame.budget_hours,
            over_budget=minutes > high * 60, below_budget=minutes < low * 60,
        )


def _sum(entries: list[HoursEntry], key: str) -> dict[str, int]:
    totals: dict[str, int] = {}
    for entry in entries:
        totals[getattr(entry, key)] = totals.get(getattr(entry, key), 0) + entry.minutes
    return dict(sorted(totals.items()))


def _past_day(on: object, today: date, what: str) -> date:
    if not isinstance(on, date) or isinstance(on, datetime):
        raise InvalidReconnectingRecord(f"the day of {what} is a calendar date")
    if on > today:
        raise InvalidReconnectingRecord(f"{what} on {on.isoformat()} cannot be recorded yet: that day has not come "
                                        f"(today is {today.isoformat()})")
    return on


def _name(value: object, what: str) -> str:
    text = " ".join(value.split()) if isinstance(value, str) else ""
    if not text or len(text) > 200:
        raise InvalidReconnectingRecord(f"{what} is required (at most 200 characters)")
    return text
