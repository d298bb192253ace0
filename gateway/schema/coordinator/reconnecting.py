"""Opnieuw Verbinden for the coordinator: child visits, professional hours against the budget, and what
happened before it could be recorded live (past joint sessions, a pause recorded after the meeting)."""

from __future__ import annotations

from datetime import date, datetime, time
from enum import Enum
from uuid import UUID

import strawberry
from strawberry.types import Info

from gateway.schema.common import Done, actor
from gateway.schema.coordinator.common import (
    Parent, SessionKind, bounded_list, bounded_text, coordinate, member, value,
)
from services.platform.access_log import Action
from services.shared_agreements.application import ACTIVITIES, YearOverview
from gateway.schema.bounds import MAX_PLACE
from gateway.schema.coordinator.sessions import professionals

Activity = strawberry.enum(Enum("Activity", {code.upper(): code for code in ACTIVITIES}),  # type: ignore[misc]
                           description="What professional time was spent on (seed: Opnieuw Verbinden).")


@strawberry.type(description="Visits to the children at one parent's home in the year, against the minimum.")
class ParentVisits:
    parent: Parent
    visits: int
    still_needed: int = strawberry.field(description="Visits still needed this year to reach the minimum.")


@strawberry.type(description="Minutes of professional time, by whom or on what.")
class MinutesBy:
    name: str
    minutes: int


@strawberry.type(description=(
    "One calendar year of an Opnieuw Verbinden case: visits at each parent's home against the minimum (at least "
    "twice a year at each parent) and professional hours against the 170-200 hour budget. Hours over the budget "
    "are recorded and flagged, never refused: they were worked."))
class ReconnectingYear:
    year: int
    visits: list[ParentVisits]
    min_visits_per_parent: int
    minutes: int
    budget_min_hours: int
    budget_max_hours: int
    over_budget: bool
    below_budget: bool
    per_professional: list[MinutesBy]
    per_activity: list[MinutesBy]


def year_of(view: YearOverview) -> ReconnectingYear:
    return ReconnectingYear(
        year=view.year, min_visits_per_parent=view.min_visits_per_parent, minutes=view.minutes,
        visits=[ParentVisits(parent=member(Parent, p), visits=n, still_needed=view.visits_short[p])
                for p, n in view.visits.items()],
        budget_min_hours=view.budget_hours[0], budget_max_hours=view.budget_hours[1],
        over_budget=view.over_budget, below_budget=view.below_budget,
        per_professional=[MinutesBy(name=k, minutes=v) for k, v in view.minutes_per_professional.items()],
        per_activity=[MinutesBy(name=k, minutes=v) for k, v in view.minutes_per_activity.items()],
    )


@strawberry.type
class ReconnectingQuery:
    @strawberry.field(description="The year's child visits and professional hours of an Opnieuw Verbinden case.")
    async def reconnecting_year(self, info: Info, case_id: UUID, year: int) -> ReconnectingYear:
        return year_of(await coordinate(info, case_id, Action.READ, lambda app: app.reconnecting_year(case_id, year)))


@strawberry.type
class ReconnectingMutation:
    @strawberry.mutation(description="Record a visit to the children at one parent's home (no children named: "
                                     "all of them). Never a day to come. Returns the year.")
    async def record_child_visit(
        self, info: Info, case_id: UUID, on: date, parent: Parent, visited_by: str,
        children: list[str] | None = None,
    ) -> ReconnectingYear:
        who, by = actor(info), bounded_text(visited_by, "who visited", limit=MAX_PLACE)
        kids = [bounded_text(c, "a child's first name", limit=MAX_PLACE) for c in bounded_list(children or [], "children")]
        return year_of(await coordinate(info, case_id, Action.CHANGE, lambda app: app.record_child_visit(
            case_id, on=on, parent=value(parent), visited_by=by, actor=who, children=kids)))

    @strawberry.mutation(description="Record professional time spent on the case, per activity and professional. "
                                     "Returns the year against the budget.")
    async def record_professional_hours(
        self, info: Info, case_id: UUID, on: date, professional: str, activity: Activity, minutes: int,
    ) -> ReconnectingYear:
        who, name = actor(info), bounded_text(professional, "the professional", limit=MAX_PLACE)
        return year_of(await coordinate(info, case_id, Action.CHANGE, lambda app: app.record_professional_hours(
            case_id, on=on, professional=name, activity=value(activity), minutes=minutes, actor=who)))

    @strawberry.mutation(description="Enter a joint session that took place before the case was brought in; it is "
                                     "marked as recorded afterwards, with why and the professionals who led it "
                                     "(ledBy: three for Opnieuw Verbinden). Returns its id.")
    async def record_past_joint_session(
        self, info: Info, case_id: UUID, day: date, start: time, duration_minutes: int, place: str, why: str,
        kind: SessionKind = SessionKind.IN_PERSON,  # type: ignore[attr-defined]
        led_by: list[str] | None = None,
    ) -> UUID:
        where, reason, who = bounded_text(place, "the place", limit=MAX_PLACE), bounded_text(why, "why", limit=MAX_PLACE), actor(info)
        names = professionals(led_by)
        return await coordinate(info, case_id, Action.CHANGE, lambda app: app.record_past_joint_session(
            case_id, day=day, start=start, duration_minutes=duration_minutes, place=where, why=reason, actor=who,
            kind=value(kind), led_by=names))

    @strawberry.mutation(description="Record, after the meeting, a pause with its begin and end, by the one who "
                                     "led the meeting, and why it was not recorded live.")
    async def record_pause_afterwards(
        self, info: Info, case_id: UUID, session_id: UUID, paused_at: datetime, resumed_at: datetime, reason: str,
        led_by: str, why: str, parent: Parent | None = None,
    ) -> Done:
        texts = [bounded_text(t, what, limit=MAX_PLACE) for t, what in ((reason, "the reason"), (led_by, "who led"),
                                                                        (why, "why afterwards"))]
        who = actor(info)
        await coordinate(info, case_id, Action.CHANGE, lambda app: app.record_pause_afterwards(
            case_id, session_id, paused_at=paused_at, resumed_at=resumed_at, reason=texts[0], led_by=texts[1],
            why=texts[2], actor=who, parent=value(parent)))
        return Done()
