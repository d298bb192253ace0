"""The annual contact schedule of one case (jaarplanning van de omgang).

Which days the children are with which parent, school holidays included, for one
calendar year. A schedule is never edited in place: a new version replaces it, and
every version stays in the history, with who laid it down, when and why.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any, Sequence
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.platform.errors import Invalid, NotFound
from services.shared_agreements.domain.parents import PARENT_A, checked_parent
from services.shared_agreements.domain.private import Text, private, shown

_NAMESPACE = UUID("9d3f6a2c-51e4-4b8a-8c07-6e2b7f4d1c93")
REGULAR, HOLIDAY = "regular", "holiday"
MAX_TEXT = 200


class ContactScheduleNotFound(NotFound):
    """No contact schedule was laid down for that case and year (or that version)."""


class InvalidContactSchedule(Invalid):
    """A range of the schedule is incomplete or malformed."""


class OverlappingCareDays(Invalid):
    """Two ranges put the same child on the same day (with two parents, or twice)."""


class ScheduleUnchanged(Invalid):
    """The new version is the same as the schedule in force."""


@dataclass(frozen=True)
class ContactRange:
    """Days the children stay with one parent, first and last day included.

    ``children`` are first names as registered in the case; empty means all of them.
    ``holiday`` names the school holiday of a holiday range, e.g. "zomervakantie".
    """

    first_day: date
    last_day: date
    parent: str
    children: tuple[str, ...] = ()
    kind: str = REGULAR
    holiday: str | None = None
    handover_time: time | None = None
    handover_place: str | None = None

    def as_event_data(self) -> dict[str, Any]:
        handover = self.handover_time.isoformat(timespec="minutes") if self.handover_time else None
        return {**self.__dict__, "children": list(self.children), "handover_time": handover}

    @classmethod
    def from_event_data(cls, data: dict[str, Any]) -> ContactRange:
        handover = data["handover_time"]
        return cls(**{**data, "children": tuple(data["children"]),
                      "handover_time": time.fromisoformat(handover) if handover else None})


@dataclass(frozen=True)
class ScheduleView:
    """One version of a case's contact schedule for one year; ranges in calendar order."""

    case_id: UUID
    year: int
    version: int
    ranges: tuple[ContactRange, ...]
    recorded_by: str
    recorded_at: datetime
    reason: str | None

    @property
    def children(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(child for r in self.ranges for child in r.children))


def contact_schedule_id(case_id: UUID, year: int) -> UUID:
    return uuid5(_NAMESPACE, f"contact-schedule/{case_id}/{year}")


class ContactSchedule(Aggregate):
    """Jaarplanning van de omgang: one case, one year, every version."""

    @staticmethod
    def create_id(case_id: UUID, year: int) -> UUID:
        return contact_schedule_id(case_id, year)

    @classmethod
    def lay_down(
        cls, *, case_id: UUID, year: int, ranges: Sequence[ContactRange], children: Sequence[str], actor: str,
    ) -> ContactSchedule:
        """Lay down the first version of the year's schedule."""
        checked = checked_ranges(year, ranges, children)
        return cls(case_id=case_id, year=year, ranges=[r.as_event_data() for r in checked], actor=actor)

    @event("ContactScheduleLaidDown")
    def __init__(
        self, case_id: UUID, year: int, ranges: list[dict[str, Any]], actor: str, timestamp: datetime | None = None,
    ) -> None:
        """Jaarplanning van de omgang vastgelegd."""
        self.case_id, self.year = case_id, year
        self._record(ranges, None, actor, timestamp)

    def replace_schedule(
        self, *, ranges: Sequence[ContactRange], children: Sequence[str], reason: str, actor: str,
    ) -> None:
        """Replace the schedule by a new version (nieuwe versie van de jaarplanning), saying why."""
        checked = checked_ranges(self.year, ranges, children)
        if checked == self.ranges:
            raise ScheduleUnchanged("the new schedule is the same as the one in force")
        reason = private(self.case_id, _checked_text(reason, "the reason for replacing the schedule"))
        self._replaced(ranges=[r.as_event_data() for r in checked], reason=reason, actor=actor)

    @event("ContactScheduleReplaced")
    def _replaced(
        self, ranges: list[dict[str, Any]], reason: Text, actor: str, timestamp: datetime | None = None,
    ) -> None:
        """Jaarplanning van de omgang vervangen door een nieuwe versie."""
        self._record(ranges, reason, actor, timestamp)

    def _record(self, ranges: list[dict[str, Any]], reason: Text | None, actor: str, at: datetime | None) -> None:
        self.ranges = tuple(ContactRange.from_event_data(r) for r in ranges)
        self.reason, self.recorded_by, self.recorded_at = reason, actor, at

    def view(self) -> ScheduleView:
        return ScheduleView(
            case_id=self.case_id, year=self.year, version=self.version, ranges=self.ranges,
            recorded_by=self.recorded_by, recorded_at=self.recorded_at, reason=shown(self.reason),
        )


def checked_ranges(year: int, ranges: Sequence[ContactRange], children: Sequence[str]) -> tuple[ContactRange, ...]:
    """The ranges, completed and in calendar order; refused when malformed or overlapping."""
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        raise InvalidContactSchedule("a contact schedule is for one calendar year, e.g. 2025")
    if not ranges:
        raise InvalidContactSchedule("a contact schedule needs at least one range of days")
    checked = sorted((_checked_range(year, r, tuple(children)) for r in ranges),
                     key=lambda r: (r.first_day, r.last_day, r.children))
    _refuse_overlaps(checked)
    return tuple(checked)


def _checked_range(year: int, r: ContactRange, known: tuple[str, ...]) -> ContactRange:
    if not isinstance(r, ContactRange):
        raise InvalidContactSchedule("each range of a contact schedule is a ContactRange")
    days = (r.first_day, r.last_day)
    if any(isinstance(d, datetime) or not isinstance(d, date) for d in days):
        raise InvalidContactSchedule("each range needs a first and a last day")
    if r.first_day.year != year or r.last_day < r.first_day or r.last_day.year > year + 1:
        raise InvalidContactSchedule(
            f"a range of the {year} schedule starts in {year} and ends on or after its first day"
        )
    if any(not isinstance(c, str) for c in r.children):
        raise InvalidContactSchedule("children are named by their first names")
    children = tuple(c.strip() for c in r.children) or known
    unknown = [c for c in children if c not in known]
    if not children or unknown or len(set(children)) != len(children):
        raise InvalidContactSchedule(f"a range names the children of the case ({', '.join(known)}), each once")
    if r.kind not in (REGULAR, HOLIDAY) or (r.kind == HOLIDAY) != bool((r.holiday or "").strip()):
        raise InvalidContactSchedule("a range is regular, or a holiday with the holiday's name")
    if r.handover_time is not None and not isinstance(r.handover_time, time):
        raise InvalidContactSchedule("a handover time is a time of day")
    holiday = _checked_text(r.holiday, "the holiday's name") if r.kind == HOLIDAY else None
    place = _checked_text(r.handover_place, "the handover place") if r.handover_place else None
    return replace(r, parent=checked_parent(r.parent), children=children, holiday=holiday, handover_place=place)


def _refuse_overlaps(ranges: Sequence[ContactRange]) -> None:
    """Ranges come in order of first day, so each child's previous range is the only one to compare."""
    latest: dict[str, ContactRange] = {}
    for current in ranges:
        for child in current.children:
            earlier = latest.get(child)
            if earlier is not None and current.first_day <= earlier.last_day:
                raise OverlappingCareDays(_overlap_message(child, earlier, current))
            latest[child] = current


def _overlap_message(child: str, earlier: ContactRange, current: ContactRange) -> str:
    day = current.first_day.isoformat()
    if earlier.parent == current.parent:
        return f"{child} is scheduled twice with {parent_label(current.parent)} on {day}"
    return f"{child} would be with both parents on {day}; a child is with one parent each day"


def parent_label(parent: str) -> str:
    return "parent A" if parent == PARENT_A else "parent B"


def _checked_text(value: str | None, what: str) -> str:
    text = (value or "").strip()
    if not text or len(text) > MAX_TEXT:
        raise InvalidContactSchedule(f"{what} is required (at most {MAX_TEXT} characters)")
    return text
