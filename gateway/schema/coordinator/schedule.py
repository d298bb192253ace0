"""The annual contact schedule (jaarplanning van de omgang) for the coordinator, and its iCalendar export."""

from __future__ import annotations

from datetime import date, datetime, time
from uuid import UUID

import strawberry
from strawberry.types import Info

from gateway.schema.bounds import MAX_ITEMS, MAX_NAME, MAX_RANGES
from gateway.schema.common import actor
from gateway.schema.coordinator.common import (
    ContactKind, Parent, bounded_list, bounded_text, coordinate, member, optional_bounded_text, value,
)
from services.platform.access_log import Action
from services.shared_agreements.api import ContactRange as RangeRecord, ScheduleView



@strawberry.type(description="Days the children stay with one parent, first and last day included.")
class ContactRange:
    first_day: date
    last_day: date
    parent: Parent
    children: list[str] = strawberry.field(description="First names of the children this range is about.")
    kind: ContactKind
    holiday: str | None
    handover_time: time | None
    handover_place: str | None


@strawberry.type(description="One version of a case's contact schedule for one year; ranges in calendar order.")
class ContactSchedule:
    year: int
    version: int
    ranges: list[ContactRange]
    recorded_by: str
    recorded_at: datetime
    reason: str | None = strawberry.field(description="Why this version replaced the previous one.")


@strawberry.input(description="Days the children stay with one parent. No children named: all of them.")
class ContactRangeInput:
    first_day: date
    last_day: date
    parent: Parent
    children: list[str] = strawberry.field(default_factory=list)
    kind: ContactKind = ContactKind.REGULAR  # type: ignore[attr-defined]
    holiday: str | None = None
    handover_time: time | None = None
    handover_place: str | None = None


def _range_record(given: ContactRangeInput) -> RangeRecord:
    return RangeRecord(
        first_day=given.first_day, last_day=given.last_day, parent=value(given.parent),
        children=tuple(bounded_text(c, "a child's first name", limit=MAX_NAME)
                       for c in bounded_list(given.children, "children in a range", limit=MAX_ITEMS)),
        kind=value(given.kind), holiday=optional_bounded_text(given.holiday, "the holiday's name", limit=MAX_NAME),
        handover_time=given.handover_time,
        handover_place=optional_bounded_text(given.handover_place, "the handover place", limit=MAX_NAME),
    )


def schedule_of(view: ScheduleView) -> ContactSchedule:
    return ContactSchedule(
        year=view.year, version=view.version, recorded_by=view.recorded_by, recorded_at=view.recorded_at,
        reason=view.reason,
        ranges=[ContactRange(first_day=r.first_day, last_day=r.last_day, parent=member(Parent, r.parent),
                             children=list(r.children), kind=member(ContactKind, r.kind), holiday=r.holiday,
                             handover_time=r.handover_time, handover_place=r.handover_place) for r in view.ranges],
    )


@strawberry.type
class ScheduleQuery:
    @strawberry.field(description="The year's contact schedule: the version in force, or the given earlier version.")
    async def contact_schedule(
        self, info: Info, case_id: UUID, year: int, version: int | None = None
    ) -> ContactSchedule:
        view = await coordinate(info, case_id, Action.READ, lambda app: app.contact_schedule(case_id, year, version))
        return schedule_of(view)

    @strawberry.field(description="The year's contact schedule as an iCalendar file (RFC 5545) for the parents' "
                                  "calendars; the same version always gives the same text.")
    async def contact_schedule_ical(self, info: Info, case_id: UUID, year: int, version: int | None = None) -> str:
        ical = await coordinate(info, case_id, Action.EXPORT,
                                lambda app: app.contact_schedule_ical(case_id, year, version))
        return ical.decode("utf-8")


@strawberry.type
class ScheduleMutation:
    @strawberry.mutation(description="Lay down the year's contact schedule, or replace it by a new version "
                                     "(then say why); returns the version number.")
    async def set_contact_schedule(
        self, info: Info, case_id: UUID, year: int, ranges: list[ContactRangeInput], reason: str | None = None
    ) -> int:
        records = [_range_record(r) for r in bounded_list(ranges, "ranges", limit=MAX_RANGES)]
        why, who = optional_bounded_text(reason, "the reason"), actor(info)
        return await coordinate(info, case_id, Action.CHANGE,
                                lambda app: app.set_contact_schedule(case_id, year, records, who, why))
