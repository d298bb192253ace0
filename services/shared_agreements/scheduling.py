"""Joint sessions and the annual contact schedule: a part of the shared-agreements application."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING, Callable, Sequence
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from services.platform.practice_day import practice_day
from services.shared_agreements.calendar_export import schedule_to_ical
from services.shared_agreements.domain.contact_schedule import (
    ContactRange, ContactSchedule, ContactScheduleNotFound, ScheduleView, contact_schedule_id,
)
from services.shared_agreements.domain.errors import ConcurrentChange
from services.shared_agreements.domain.joint_session_rules import (
    IN_PERSON, InvalidJointSession, JointSessionNotFound, JointSessionRoom, JointSessionView, joint_session_room,
)
from services.shared_agreements.domain.joint_sessions import JointSessions, joint_sessions_id

if TYPE_CHECKING:
    from services.platform.application import Clock, ContextApplication
    from services.shared_agreements.domain.views import CaseView

PLANNING_CONFLICT = "someone else changed this planning at the same moment; nothing was saved, reload and try again"


class JointSessionsAndSchedule:
    """Joint sessions (gezamenlijke gesprekken) and the annual contact schedule (jaarplanning van de omgang).

    Built by the shared-agreements application, which offers its methods: ``records`` is the
    application's idiom (find, load, save), ``case`` reads a case header (NOT_FOUND when none),
    ``clock`` says when "now" is (a pause, attendance and planning default to it).
    """

    def __init__(self, records: ContextApplication, case: Callable[[UUID], CaseView], clock: Clock) -> None:
        self.records, self.case, self.clock = records, case, clock

    def plan_joint_session(
        self, case_id: UUID, *, day: date, start: time, duration_minutes: int, place: str, actor: str,
        kind: str = IN_PERSON, planned_on: date | None = None,
    ) -> UUID:
        """Plan a joint session of the case; returns the session's id.

        Opnieuw Verbinden meetings are in person, on a Tuesday or Wednesday morning in March,
        June, September or November, one in each of those months, planned at least six weeks
        ahead. ``planned_on`` defaults to today (UTC).
        """
        trajectory_type = self.case(case_id).trajectory_type
        sessions = self._sessions_of(case_id, actor)
        session_id = sessions.plan(
            day=day, start=start, duration_minutes=duration_minutes, place=place, kind=kind,
            trajectory_type=trajectory_type, planned_on=planned_on or self.clock().date(), actor=actor,
        )
        self._save_scheduling(sessions)
        return session_id

    def record_past_joint_session(
        self, case_id: UUID, *, day: date, start: time, duration_minutes: int, place: str, why: str, actor: str,
        kind: str = IN_PERSON, led_by: Sequence[str] = (),
    ) -> UUID:
        """Enter a joint session that took place before the case was brought in, marked as recorded afterwards
        (``why``: e.g. "zaak overgenomen van een andere praktijk"), with the professionals who led it (``led_by``);
        returns its id. Never a day to come."""
        trajectory_type = self.case(case_id).trajectory_type
        sessions = self._sessions_of(case_id, actor)
        session_id = sessions.record_past(
            day=day, start=start, duration_minutes=duration_minutes, place=place, kind=kind,
            trajectory_type=trajectory_type, today=practice_day(self.clock()), why=why, actor=actor, led_by=led_by,
        )
        self._save_scheduling(sessions)
        return session_id

    def record_pause_afterwards(
        self, case_id: UUID, session_id: UUID, *, paused_at: datetime, resumed_at: datetime, reason: str,
        led_by: str, why: str, actor: str, parent: str | None = None,
    ) -> None:
        """Record, after the meeting, a pause with its begin and end, by the one who led the meeting (``led_by``),
        with why it was not recorded live."""
        now = self.clock()
        self._change_sessions(case_id, lambda s: s.record_pause_afterwards(
            session_id, paused_at=paused_at, resumed_at=resumed_at, reason=reason, led_by=led_by, why=why, now=now,
            actor=actor, parent=parent))

    def reschedule_joint_session(
        self, case_id: UUID, session_id: UUID, *, day: date, start: time, reason: str, actor: str,
        on: date | None = None,
    ) -> None:
        """Move a joint session to another day and time, saying why. Refused for Opnieuw Verbinden."""
        on = on or self.clock().date()
        self._change_sessions(case_id, lambda s: s.reschedule(session_id, day=day, start=start, reason=reason,
                                                             on=on, actor=actor))

    def pause_joint_session(
        self, case_id: UUID, session_id: UUID, *, reason: str, actor: str, parent: str | None = None,
        at: datetime | None = None,
    ) -> None:
        """Pause a running session, e.g. because a parent (``parent``: slot) uses aggressive language."""
        at = at or self.clock()
        self._change_sessions(case_id, lambda s: s.pause(session_id, reason=reason, at=at, actor=actor, parent=parent))

    def resume_joint_session(self, case_id: UUID, session_id: UUID, *, actor: str, at: datetime | None = None) -> None:
        """Resume a paused session once calm has returned."""
        at = at or self.clock()
        self._change_sessions(case_id, lambda s: s.resume(session_id, at=at, actor=actor))

    def record_attendance(
        self, case_id: UUID, session_id: UUID, *, parent: str, attended: bool, actor: str,
        absence_reason: str | None = None, on: date | None = None, led_by: Sequence[str] = (),
    ) -> None:
        """Record whether a parent ("parent_a" / "parent_b") attended; an absence needs its reason. The first
        attendance of a session names the professionals who led it (``led_by``) where the type counts them."""
        on = on or self.clock().date()
        self._change_sessions(case_id, lambda s: s.record_attendance(
            session_id, parent=parent, attended=attended, on=on, actor=actor, absence_reason=absence_reason,
            led_by=led_by))

    def cancel_joint_session(self, case_id: UUID, session_id: UUID, *, reason: str, actor: str) -> None:
        """Cancel a session that has not taken place, saying why."""
        self._change_sessions(case_id, lambda s: s.cancel(session_id, reason=reason, actor=actor))

    def joint_sessions(self, case_id: UUID) -> list[JointSessionView]:
        """The case's joint sessions in calendar order (empty when none was planned)."""
        self.case(case_id)
        sessions = self.records.find(joint_sessions_id(case_id), JointSessions)
        return sessions.views() if sessions else []

    def joint_session_room(self, case_id: UUID, *, on: date) -> JointSessionRoom:
        """The joint sessions the case's current type still allows on ``on``: in this phase, or in that year."""
        trajectory_type = self.case(case_id).trajectory_type
        if isinstance(on, datetime) or not isinstance(on, date):
            raise InvalidJointSession("the day is a calendar date")
        sessions = self.records.find(joint_sessions_id(case_id), JointSessions)
        if sessions is None:
            return joint_session_room(trajectory_type, on, ())
        return sessions.room(trajectory_type, on)

    def set_contact_schedule(
        self, case_id: UUID, year: int, ranges: Sequence[ContactRange], actor: str, reason: str | None = None,
    ) -> int:
        """Lay down the year's contact schedule, or replace it by a new version (then ``reason`` is required).

        Ranges name the case's children by first name (none named: all children). Returns the
        version number; earlier versions stay readable.
        """
        children = [child.first_name for child in self.case(case_id).children]
        schedule = self.records.find(contact_schedule_id(case_id, year), ContactSchedule)
        if schedule is None:
            schedule = ContactSchedule.lay_down(case_id=case_id, year=year, ranges=ranges, children=children,
                                                actor=actor)
        else:
            schedule.replace_schedule(ranges=ranges, children=children, reason=reason or "", actor=actor)
        self._save_scheduling(schedule)
        return schedule.version

    def contact_schedule(self, case_id: UUID, year: int, version: int | None = None) -> ScheduleView:
        """The year's contact schedule: the version in force, or the given earlier version."""
        self.case(case_id)
        missing = ContactScheduleNotFound(f"no contact schedule{'' if version is None else f' version {version}'} "
                                          f"was laid down for {year}")
        if version is not None and (isinstance(version, bool) or not isinstance(version, int) or version < 1):
            raise missing
        try:
            view = self.records.repository.get(contact_schedule_id(case_id, year), version=version).view()
        except AggregateNotFoundError:
            raise missing from None
        if version is not None and view.version != version:
            raise missing
        return view

    def contact_schedule_ical(self, case_id: UUID, year: int, version: int | None = None) -> bytes:
        """The year's contact schedule as an iCalendar file (RFC 5545); the same version gives the same bytes."""
        return schedule_to_ical(self.contact_schedule(case_id, year, version))

    def _sessions_of(self, case_id: UUID, actor: str) -> JointSessions:
        return (self.records.find(joint_sessions_id(case_id), JointSessions)
                or JointSessions(case_id=case_id, actor=actor))

    def _change_sessions(self, case_id: UUID, command: Callable[[JointSessions], None]) -> None:
        self.records.change(joint_sessions_id(case_id), JointSessions, command,
                            missing=JointSessionNotFound("this case has no such joint session"),
                            conflict=ConcurrentChange(PLANNING_CONFLICT))

    def _save_scheduling(self, aggregate: JointSessions | ContactSchedule) -> None:
        self.records.save(aggregate, conflict=ConcurrentChange(PLANNING_CONFLICT))

