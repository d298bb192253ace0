"""The joint sessions of one case (planning van de gezamenlijke gesprekken).

Each session remembers the trajectory type it was planned under, so the rule that an
Opnieuw Verbinden meeting is never moved holds for that session whatever happens later.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from typing import Sequence
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.platform.practice_day import practice_day
from services.shared_agreements.domain.joint_session_rules import (
    Attendance, AttendanceAlreadyRecorded, InvalidJointSession, JointSessionNotFound,
    JointSessionRoom, JointSessionView, SessionAlreadyPaused, SessionCannotBeMoved, SessionClosed, SessionNotPaused, SessionPause,
    check_fixed_meeting, check_joint_session_limit, check_session, checked_professionals, checked_text, joint_session_room,
    meeting_frame,
)
from services.shared_agreements.domain.parents import checked_parent
from services.shared_agreements.domain.private import Text, private, shown

_NAMESPACE = UUID("5b0c1b9e-3f7d-4c52-9a51-2f0c8e6d4a11")


def joint_sessions_id(case_id: UUID) -> UUID:
    return uuid5(_NAMESPACE, f"joint-sessions/{case_id}")


class JointSessions(Aggregate):
    """Gezamenlijke gesprekken: every joint session of one case, planned, held or cancelled.

    Every reason and every why is private text of the case (``services.shared_agreements.domain.private``):
    the state holds it as stored, ``session`` and ``views`` show it as text.
    """

    @staticmethod
    def create_id(case_id: UUID) -> UUID:
        return joint_sessions_id(case_id)

    @event("JointSessionsOpened")
    def __init__(self, case_id: UUID, actor: str) -> None:
        """Planning gezamenlijke gesprekken geopend: the first session of the case is planned."""
        self.case_id = case_id
        self.sessions: dict[UUID, JointSessionView] = {}

    def session(self, session_id: UUID) -> JointSessionView:
        try:
            return _shown(self.sessions[session_id])
        except KeyError:
            raise JointSessionNotFound("this case has no such joint session") from None

    def views(self) -> list[JointSessionView]:
        return sorted(map(_shown, self.sessions.values()), key=lambda s: (s.day, s.start, s.number))

    def plan(
        self, *, day: date, start: time, duration_minutes: int, place: str, kind: str,
        trajectory_type: str, planned_on: date, actor: str,
    ) -> UUID:
        """Plan a joint session (gezamenlijk gesprek inplannen); returns its id."""
        check_session(day, start, duration_minutes, kind, planned_on)
        place = checked_text(place, "the place of the session")
        self._check_frame_and_limit(trajectory_type, day, start, kind, planned_on)
        session_id = self._next_id()
        self._planned(
            session_id=session_id, day=day, start=start.isoformat(timespec="minutes"),
            duration_minutes=duration_minutes, place=place, kind=kind, trajectory_type=trajectory_type,
            planned_on=planned_on, actor=actor,
        )
        return session_id

    @event("JointSessionPlanned")
    def _planned(
        self, session_id: UUID, day: date, start: str, duration_minutes: int, place: str, kind: str,
        trajectory_type: str, planned_on: date, actor: str, timestamp: datetime | None = None,
    ) -> None:
        """Gezamenlijk gesprek ingepland."""
        self.sessions[session_id] = JointSessionView(
            session_id=session_id, number=len(self.sessions) + 1, day=day, start=time.fromisoformat(start),
            duration_minutes=duration_minutes, place=place, kind=kind, trajectory_type=trajectory_type,
            planned_by=actor, planned_at=timestamp,
        )

    def record_past(
        self, *, day: date, start: time, duration_minutes: int, place: str, kind: str, trajectory_type: str,
        today: date, why: str, actor: str, led_by: Sequence[str] = (),
    ) -> UUID:
        """A joint session that took place before the case was brought in, marked as recorded afterwards,
        with the professionals who led it (as many as the type's data says)."""
        check_session(day, start, duration_minutes, kind, day)
        if day > today:
            raise InvalidJointSession(f"{day.isoformat()} has not come yet; plan the session instead")
        place, why = checked_text(place, "the place of the session"), checked_text(why, "why it is recorded afterwards")
        self._check_frame_and_limit(trajectory_type, day, start, kind, None)
        professionals = checked_professionals(trajectory_type, led_by)
        session_id = self._next_id()
        self._recorded_afterwards(
            session_id=session_id, day=day, start=start.isoformat(timespec="minutes"),
            duration_minutes=duration_minutes, place=place, kind=kind, trajectory_type=trajectory_type,
            why=private(self.case_id, why), actor=actor,
        )
        if professionals:
            self._led_by(session_id=session_id, professionals=list(professionals), actor=actor)
        return session_id

    @event("JointSessionLedBy")
    def _led_by(self, session_id: UUID, professionals: list[str], actor: str) -> None:
        """De professionals die het overleg begeleidden vastgelegd."""
        self.sessions[session_id] = replace(self.sessions[session_id], led_by=tuple(professionals))

    @event("PastJointSessionRecorded")
    def _recorded_afterwards(
        self, session_id: UUID, day: date, start: str, duration_minutes: int, place: str, kind: str,
        trajectory_type: str, why: Text, actor: str, timestamp: datetime | None = None,
    ) -> None:
        """Eerder gehouden gezamenlijk gesprek achteraf vastgelegd (bij het inbrengen van de zaak)."""
        self.sessions[session_id] = JointSessionView(
            session_id=session_id, number=len(self.sessions) + 1, day=day, start=time.fromisoformat(start),
            duration_minutes=duration_minutes, place=place, kind=kind, trajectory_type=trajectory_type,
            planned_by=actor, planned_at=timestamp, recorded_afterwards=why,
        )

    def reschedule(self, session_id: UUID, *, day: date, start: time, reason: str, on: date, actor: str) -> None:
        """Move a session to another day or time (gesprek verzetten), with the reason why."""
        session = self._open_session(session_id)
        frame = meeting_frame(session.trajectory_type)
        if frame is not None:
            raise SessionCannotBeMoved(
                f"meetings of {frame.name_nl} are planned long ahead and cannot be moved; parents give them priority"
            )
        if session.has_started:
            raise SessionClosed("this session has already taken place")
        check_session(day, start, session.duration_minutes, session.kind, on)
        reason = checked_text(reason, "the reason for moving the session")
        self._rescheduled(session_id=session_id, day=day, start=start.isoformat(timespec="minutes"),
                          reason=private(self.case_id, reason), actor=actor)

    @event("JointSessionRescheduled")
    def _rescheduled(self, session_id: UUID, day: date, start: str, reason: Text, actor: str) -> None:
        """Gezamenlijk gesprek verzet."""
        session = self.sessions[session_id]
        self.sessions[session_id] = replace(
            session, day=day, start=time.fromisoformat(start), moved_from=(*session.moved_from, session.day)
        )

    def pause(self, session_id: UUID, *, reason: str, at: datetime, actor: str, parent: str | None = None) -> None:
        """Stop the meeting (overleg stilleggen), e.g. because a parent uses aggressive language."""
        session = self._open_session(session_id)
        if session.is_paused:
            raise SessionAlreadyPaused("this session is paused already")
        if not isinstance(at, datetime) or at.date() != session.day:
            raise InvalidJointSession("a session can only be paused on the day it takes place")
        if parent is not None:
            checked_parent(parent)
        reason = checked_text(reason, "the reason for pausing")
        self._paused(session_id=session_id, reason=private(self.case_id, reason), parent=parent, at=at, actor=actor)

    @event("JointSessionPaused")
    def _paused(self, session_id: UUID, reason: Text, parent: str | None, at: datetime, actor: str) -> None:
        """Overleg stilgelegd."""
        session = self.sessions[session_id]
        pause = SessionPause(reason=reason, parent=parent, paused_at=at, paused_by=actor)
        self.sessions[session_id] = replace(session, pauses=(*session.pauses, pause))

    def record_pause_afterwards(
        self, session_id: UUID, *, paused_at: datetime, resumed_at: datetime, reason: str, led_by: str, why: str,
        now: datetime, actor: str, parent: str | None = None,
    ) -> None:
        """A pause recorded after the meeting: when it was stopped and resumed, by the one who led it, and why
        it is recorded afterwards (the meeting's day was too full, the system was down)."""
        session = self._open_session(session_id)
        if not all(isinstance(t, datetime) and t.tzinfo is not None for t in (paused_at, resumed_at)):
            raise InvalidJointSession("a pause has a moment it began and one it ended, with a time zone")
        if practice_day(paused_at) != session.day or not paused_at < resumed_at:
            raise InvalidJointSession("a pause begins on the day of the session and ends after it began")
        if resumed_at > now:
            raise InvalidJointSession("a pause recorded afterwards has ended; record a pause now live")
        if any(p.paused_at < resumed_at and paused_at < (p.resumed_at or now) for p in session.pauses):
            raise InvalidJointSession("this pause overlaps a pause already recorded")
        if parent is not None:
            checked_parent(parent)
        self._paused_afterwards(
            session_id=session_id, reason=private(self.case_id, checked_text(reason, "the reason for pausing")),
            parent=parent, paused_at=paused_at, resumed_at=resumed_at,
            led_by=checked_text(led_by, "who led the meeting"),
            why=private(self.case_id, checked_text(why, "why the pause is recorded afterwards")), actor=actor,
        )

    @event("JointSessionPauseRecordedAfterwards")
    def _paused_afterwards(
        self, session_id: UUID, reason: Text, parent: str | None, paused_at: datetime, resumed_at: datetime,
        led_by: str, why: Text, actor: str,
    ) -> None:
        """Stillegging van het overleg achteraf vastgelegd, met begin en einde."""
        session = self.sessions[session_id]
        pause = SessionPause(reason=reason, parent=parent, paused_at=paused_at, paused_by=led_by,
                             resumed_at=resumed_at, resumed_by=led_by, recorded_afterwards=why, recorded_by=actor)
        self.sessions[session_id] = replace(session, pauses=tuple(sorted((*session.pauses, pause),
                                                                        key=lambda p: p.paused_at)))

    def resume(self, session_id: UUID, *, at: datetime, actor: str) -> None:
        """Go on with the meeting once calm has returned (overleg hervat)."""
        session = self.session(session_id)
        if not session.is_paused:
            raise SessionNotPaused("this session is not paused, so it cannot be resumed")
        if not isinstance(at, datetime) or at < session.pauses[-1].paused_at:
            raise InvalidJointSession("a session resumes after it was paused")
        self._resumed(session_id=session_id, at=at, actor=actor)

    @event("JointSessionResumed")
    def _resumed(self, session_id: UUID, at: datetime, actor: str) -> None:
        """Overleg hervat."""
        session = self.sessions[session_id]
        last = replace(session.pauses[-1], resumed_at=at, resumed_by=actor)
        self.sessions[session_id] = replace(session, pauses=(*session.pauses[:-1], last))

    def record_attendance(
        self, session_id: UUID, *, parent: str, attended: bool, on: date, actor: str,
        absence_reason: str | None = None, led_by: Sequence[str] = (),
    ) -> None:
        """Record whether a parent attended the session (aanwezigheid), with the reason of an absence.

        The first attendance makes the session held: then the professionals who led it are named
        (``led_by``), as many as the type's data says; they are named once per session.
        """
        session = self._open_session(session_id)
        checked_parent(parent)
        if on < session.day:
            raise InvalidJointSession("attendance is recorded on or after the day of the session")
        if any(a.parent == parent for a in session.attendance):
            raise AttendanceAlreadyRecorded(f"the attendance of {parent} at this session was recorded before")
        if led_by and session.led_by:
            raise InvalidJointSession("the professionals who led this session were named before")
        professionals = checked_professionals(session.trajectory_type, led_by) \
            if led_by or not (session.attendance or session.led_by) else ()
        reason = None if attended else private(self.case_id, checked_text(absence_reason, "the reason of the absence"))
        if professionals:
            self._led_by(session_id=session_id, professionals=list(professionals), actor=actor)
        self._attendance_recorded(session_id=session_id, parent=parent, attended=bool(attended),
                                  absence_reason=reason, actor=actor)

    @event("JointSessionAttendanceRecorded")
    def _attendance_recorded(
        self, session_id: UUID, parent: str, attended: bool, absence_reason: Text | None, actor: str,
        timestamp: datetime | None = None,
    ) -> None:
        """Aanwezigheid vastgelegd."""
        session = self.sessions[session_id]
        record = Attendance(parent=parent, attended=attended, absence_reason=absence_reason,
                            recorded_by=actor, recorded_at=timestamp)
        self.sessions[session_id] = replace(session, attendance=(*session.attendance, record))

    def cancel(self, session_id: UUID, *, reason: str, actor: str) -> None:
        """Call off a session that has not taken place (gesprek geannuleerd), with the reason why."""
        session = self._open_session(session_id)
        if session.has_started:
            raise SessionClosed("this session has already taken place")
        reason = private(self.case_id, checked_text(reason, "the reason for cancelling"))
        self._cancelled(session_id=session_id, reason=reason, actor=actor)

    @event("JointSessionCancelled")
    def _cancelled(self, session_id: UUID, reason: Text, actor: str) -> None:
        """Gezamenlijk gesprek geannuleerd."""
        self.sessions[session_id] = replace(self.sessions[session_id], cancel_reason=reason)

    def room(self, trajectory_type: str, on: date) -> JointSessionRoom:
        """The joint sessions the type's limit leaves on ``on`` (this phase, or that calendar year)."""
        return joint_session_room(trajectory_type, on, self._taken(trajectory_type))

    def _taken(self, trajectory_type: str) -> list[date]:
        # A case never returns to a type it left (next phases only go on), so the sessions of
        # this type are the sessions of this phase.
        return [s.day for s in self.sessions.values() if s.trajectory_type == trajectory_type and not s.is_cancelled]

    def _check_frame_and_limit(
        self, trajectory_type: str, day: date, start: time, kind: str, planned_on: date | None,
    ) -> None:
        taken = self._taken(trajectory_type)
        frame = meeting_frame(trajectory_type)
        if frame is not None:
            check_fixed_meeting(frame, day, start, kind, planned_on, taken)
        check_joint_session_limit(trajectory_type, day, taken)

    def _next_id(self) -> UUID:
        # Ids follow the order of planning, so they are reproducible from the history alone.
        return uuid5(self.id, f"session/{len(self.sessions) + 1}")

    def _open_session(self, session_id: UUID) -> JointSessionView:
        session = self.session(session_id)  # shown: commands read days and states, never the private text
        if session.is_cancelled:
            raise SessionClosed("this session was cancelled")
        return session


def _shown(session: JointSessionView) -> JointSessionView:
    """The session with its private text as text ("[gewist]" once erased)."""
    return replace(
        session, cancel_reason=shown(session.cancel_reason), recorded_afterwards=shown(session.recorded_afterwards),
        pauses=tuple(replace(p, reason=str(p.reason), recorded_afterwards=shown(p.recorded_afterwards))
                     for p in session.pauses),
        attendance=tuple(replace(a, absence_reason=shown(a.absence_reason)) for a in session.attendance),
    )
