"""Joint sessions (gezamenlijke gesprekken) for the coordinator: plan, move, pause, attendance, cancel.

Days and moments of pausing, resuming and recording attendance are the server's: what is
recorded is when it was recorded, never a time a client claims.
"""

from __future__ import annotations

from datetime import date, datetime, time
from uuid import UUID

import strawberry
from strawberry.types import Info

from gateway.schema.bounds import MAX_ITEMS, MAX_NAME, MAX_PLACE, bounded_list
from gateway.schema.common import Done, actor
from gateway.schema.coordinator.common import (
    Parent, SessionKind, SessionStatus, TrajectoryType, bounded_text, coordinate, member, optional_bounded_text,
    value,
)
from services.platform.access_log import Action
from services.shared_agreements.api import JointSessionRoom as RoomView, JointSessionView



@strawberry.type(description="A pause of a session (stilgelegd), e.g. on aggressive language, until calm returned.")
class SessionPause:
    reason: str
    parent: Parent | None = strawberry.field(description="The parent whose conduct led to the pause, if one did.")
    paused_at: datetime
    paused_by: str
    resumed_at: datetime | None
    resumed_by: str | None
    recorded_afterwards: str | None = strawberry.field(
        description="Why the pause was recorded after the meeting rather than live; null when recorded live.")
    recorded_by: str | None = strawberry.field(description="Who recorded it afterwards.")


@strawberry.type(description="Whether a parent attended a session; an absence carries its reason.")
class SessionAttendance:
    parent: Parent
    attended: bool
    absence_reason: str | None
    recorded_by: str
    recorded_at: datetime


@strawberry.type(description="A joint session of the case. The start is local time.")
class JointSession:
    session_id: UUID
    number: int
    day: date
    start: time
    duration_minutes: int
    place: str
    kind: SessionKind
    status: SessionStatus
    trajectory_type: TrajectoryType
    planned_by: str
    planned_at: datetime
    moved_from: list[date] = strawberry.field(description="Earlier days of the session, oldest first.")
    pauses: list[SessionPause]
    attendance: list[SessionAttendance]
    cancel_reason: str | None
    recorded_afterwards: str | None = strawberry.field(description=(
        "Set for a session that took place before the case was brought in: why it was entered afterwards."))
    led_by: list[str] = strawberry.field(description=(
        "The professionals who led the session, named when it was recorded as held (Opnieuw Verbinden: three)."))


def professionals(led_by: list[str] | None) -> tuple[str, ...]:
    """The names of the professionals who led a session, as the coordinator gives them."""
    return tuple(bounded_text(name, "a professional's name", limit=MAX_NAME)
                 for name in bounded_list(led_by or [], "professionals", limit=MAX_ITEMS))


def joint_session_of(s: JointSessionView) -> JointSession:
    return JointSession(
        session_id=s.session_id, number=s.number, day=s.day, start=s.start, duration_minutes=s.duration_minutes,
        place=s.place, kind=member(SessionKind, s.kind), status=member(SessionStatus, s.status),
        trajectory_type=member(TrajectoryType, s.trajectory_type), planned_by=s.planned_by, planned_at=s.planned_at,
        moved_from=list(s.moved_from),
        pauses=[SessionPause(reason=p.reason, parent=member(Parent, p.parent), paused_at=p.paused_at,
                             paused_by=p.paused_by, resumed_at=p.resumed_at, resumed_by=p.resumed_by,
                             recorded_afterwards=p.recorded_afterwards, recorded_by=p.recorded_by)
                for p in s.pauses],
        attendance=[SessionAttendance(parent=member(Parent, a.parent), attended=a.attended,
                                      absence_reason=a.absence_reason, recorded_by=a.recorded_by,
                                      recorded_at=a.recorded_at) for a in s.attendance],
        cancel_reason=s.cancel_reason, recorded_afterwards=s.recorded_afterwards, led_by=list(s.led_by),
    )


@strawberry.type(description="The joint sessions the case's current type still allows: in this phase, or in the "
                               "calendar year when the type counts per year. Null numbers: the type sets no limit.")
class JointSessionRoom:
    trajectory_type: TrajectoryType
    year: int | None = strawberry.field(description="The calendar year counted; null when the whole phase counts.")
    maximum: int | None
    taken: int = strawberry.field(description="Planned or held, not cancelled.")
    left: int | None


def joint_session_room_of(room: RoomView) -> JointSessionRoom:
    return JointSessionRoom(trajectory_type=member(TrajectoryType, room.trajectory_type), year=room.year,
                            maximum=room.maximum, taken=room.taken, left=room.left)


@strawberry.type
class SessionsQuery:
    @strawberry.field(description="The case's joint sessions in calendar order.")
    async def joint_sessions(self, info: Info, case_id: UUID) -> list[JointSession]:
        views = await coordinate(info, case_id, Action.READ, lambda app: app.joint_sessions(case_id))
        return [joint_session_of(s) for s in views]

    @strawberry.field(description="Before planning: the joint sessions the type still allows on the day given.")
    async def joint_session_room(self, info: Info, case_id: UUID, on: date) -> JointSessionRoom:
        return joint_session_room_of(await coordinate(
            info, case_id, Action.READ, lambda app: app.joint_session_room(case_id, on=on)))


@strawberry.type
class SessionsMutation:
    @strawberry.mutation(description="Plan a joint session; returns its id. Opnieuw Verbinden meetings keep their "
                                     "fixed frame: in person, Tuesday or Wednesday morning, March, June, "
                                     "September or November, at least six weeks ahead.")
    async def plan_joint_session(
        self, info: Info, case_id: UUID, day: date, start: time, duration_minutes: int, place: str,
        kind: SessionKind = SessionKind.IN_PERSON,  # type: ignore[attr-defined]
    ) -> UUID:
        where, who = bounded_text(place, "the place", limit=MAX_PLACE), actor(info)
        return await coordinate(info, case_id, Action.CHANGE, lambda app: app.plan_joint_session(
            case_id, day=day, start=start, duration_minutes=duration_minutes, place=where, kind=value(kind), actor=who))

    @strawberry.mutation(description="Move a joint session to another day and time, saying why. "
                                     "Opnieuw Verbinden meetings are never moved.")
    async def reschedule_joint_session(
        self, info: Info, case_id: UUID, session_id: UUID, day: date, start: time, reason: str
    ) -> Done:
        why, who = bounded_text(reason, "the reason", limit=MAX_PLACE), actor(info)
        await coordinate(info, case_id, Action.CHANGE, lambda app: app.reschedule_joint_session(
            case_id, session_id, day=day, start=start, reason=why, actor=who))
        return Done()

    @strawberry.mutation(description="Pause a running session now, e.g. because a parent uses aggressive language.")
    async def pause_joint_session(
        self, info: Info, case_id: UUID, session_id: UUID, reason: str, parent: Parent | None = None
    ) -> Done:
        why, who = bounded_text(reason, "the reason", limit=MAX_PLACE), actor(info)
        await coordinate(info, case_id, Action.CHANGE, lambda app: app.pause_joint_session(
            case_id, session_id, reason=why, actor=who, parent=value(parent)))
        return Done()

    @strawberry.mutation(description="Resume a paused session now that calm has returned.")
    async def resume_joint_session(self, info: Info, case_id: UUID, session_id: UUID) -> Done:
        who = actor(info)
        await coordinate(info, case_id, Action.CHANGE,
                         lambda app: app.resume_joint_session(case_id, session_id, actor=who))
        return Done()

    @strawberry.mutation(description="Record whether a parent attended a session; an absence needs its reason. The "
                                     "first attendance of a session names the professionals who led it (ledBy), as "
                                     "many as the trajectory type says (Opnieuw Verbinden: three).")
    async def record_attendance(
        self, info: Info, case_id: UUID, session_id: UUID, parent: Parent, attended: bool,
        absence_reason: str | None = None, led_by: list[str] | None = None,
    ) -> Done:
        why, who = optional_bounded_text(absence_reason, "the reason of absence", limit=MAX_PLACE), actor(info)
        names = professionals(led_by)
        await coordinate(info, case_id, Action.CHANGE, lambda app: app.record_attendance(
            case_id, session_id, parent=value(parent), attended=attended, actor=who, absence_reason=why,
            led_by=names))
        return Done()

    @strawberry.mutation(description="Cancel a session that has not taken place, saying why.")
    async def cancel_joint_session(self, info: Info, case_id: UUID, session_id: UUID, reason: str) -> Done:
        why, who = bounded_text(reason, "the reason", limit=MAX_PLACE), actor(info)
        await coordinate(info, case_id, Action.CHANGE,
                         lambda app: app.cancel_joint_session(case_id, session_id, reason=why, actor=who))
        return Done()
