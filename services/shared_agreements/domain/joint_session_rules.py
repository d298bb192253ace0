"""What a joint session is, and the fixed frame some trajectory types give their meetings.

Opnieuw Verbinden (seed: opnieuw-verbinden) holds four in-person meetings a year, on a
Tuesday or Wednesday morning in March, June, September and November; they are "lang
vooraf ingepland" and "kunnen niet verzet worden". That frame is the type's data
(``services.platform.trajectory_types``), read here, not written here. Other trajectory
types plan their joint sessions (gezamenlijke gesprekken) freely and may move them, with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Iterable
from uuid import UUID

from services.platform.errors import Invalid, NotFound
from services.platform.trajectory_types import TYPES, TrajectoryType

MORNING_ENDS = time(12, 0)
IN_PERSON, ONLINE = "in_person", "online"
KINDS = (IN_PERSON, ONLINE)
MIN_MINUTES, MAX_MINUTES = 15, 8 * 60
MAX_TEXT = 300


class JointSessionNotFound(NotFound):
    """The case has no joint session with that id."""


class InvalidJointSession(Invalid):
    """The session's day, time, length, place or kind is missing or malformed."""


class OutsideFixedMeetingFrame(Invalid):
    """An Opnieuw Verbinden meeting falls outside its fixed days, months or form."""


class JointSessionLimitReached(Invalid):
    """The trajectory type's joint sessions of this phase (or this year) are all planned or held."""


class TooLittleNotice(Invalid):
    """An Opnieuw Verbinden meeting is planned too shortly before it takes place."""


class SessionCannotBeMoved(Invalid):
    """Opnieuw Verbinden meetings are never moved (de afspraken kunnen niet verzet worden)."""


class SessionClosed(Invalid):
    """The session was cancelled, or has already taken place, so it cannot change this way."""


class SessionAlreadyPaused(Invalid):
    """The session is paused already; resume it first."""


class SessionNotPaused(Invalid):
    """The session is running; only a paused session can be resumed."""


class TooFewProfessionals(Invalid):
    """A meeting of a type led by a number of professionals is recorded as held with fewer named."""


class AttendanceAlreadyRecorded(Invalid):
    """That parent's attendance of this session was recorded before."""


@dataclass(frozen=True)
class SessionPause:
    """The meeting was stopped (stilgelegd), e.g. on aggressive language, until calm returned."""

    reason: str
    parent: str | None
    paused_at: datetime
    paused_by: str  # who led the meeting and stopped it
    resumed_at: datetime | None = None
    resumed_by: str | None = None
    recorded_afterwards: str | None = None  # why it was recorded after the meeting, not live
    recorded_by: str | None = None  # who recorded it afterwards


@dataclass(frozen=True)
class Attendance:
    parent: str
    attended: bool
    absence_reason: str | None
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class JointSessionView:
    """One joint session (gezamenlijk gesprek) as callers see it. ``start`` is local time.

    Reasons and whys (here, in its pauses and its attendance) are text in a view; inside the
    ``JointSessions`` aggregate the same records hold them as the events do (``PrivateText``).
    """

    session_id: UUID
    number: int
    day: date
    start: time
    duration_minutes: int
    place: str
    kind: str
    trajectory_type: str
    planned_by: str
    planned_at: datetime
    moved_from: tuple[date, ...] = ()
    pauses: tuple[SessionPause, ...] = ()
    attendance: tuple[Attendance, ...] = ()
    cancel_reason: str | None = None
    recorded_afterwards: str | None = None  # a session that took place before the case was brought in: why
    led_by: tuple[str, ...] = ()  # the professionals who led it, named when it was recorded as held

    @property
    def is_cancelled(self) -> bool:
        return self.cancel_reason is not None

    @property
    def is_paused(self) -> bool:
        return bool(self.pauses) and self.pauses[-1].resumed_at is None

    @property
    def has_started(self) -> bool:
        return bool(self.pauses or self.attendance)

    @property
    def status(self) -> str:
        """planned, paused, held (attendance recorded) or cancelled."""
        if self.is_cancelled:
            return "cancelled"
        if self.is_paused:
            return "paused"
        return "held" if self.attendance else "planned"


def checked_text(value: str | None, what: str) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidJointSession(f"{what} is required")
    if len(text) > MAX_TEXT:
        raise InvalidJointSession(f"{what} is longer than {MAX_TEXT} characters")
    return text


def check_session(day: date, start: time, duration_minutes: int, kind: str, planned_on: date) -> None:
    """The rules every joint session keeps, whatever the trajectory type."""
    if isinstance(day, datetime) or not isinstance(day, date) or not isinstance(start, time):
        raise InvalidJointSession("a joint session needs a day and a start time")
    if isinstance(planned_on, datetime) or not isinstance(planned_on, date):
        raise InvalidJointSession("the day of planning is required")
    if day < planned_on:
        raise InvalidJointSession(f"{day.isoformat()} has passed; a session is planned ahead")
    if isinstance(duration_minutes, bool) or not isinstance(duration_minutes, int):
        raise InvalidJointSession("the length of a session is a whole number of minutes")
    if not MIN_MINUTES <= duration_minutes <= MAX_MINUTES:
        raise InvalidJointSession(f"a session lasts between {MIN_MINUTES} and {MAX_MINUTES} minutes")
    if kind not in KINDS:
        raise InvalidJointSession(f"a session is held {' or '.join(KINDS)}, not {kind!r}")


@dataclass(frozen=True)
class JointSessionRoom:
    """What the type's limit leaves for joint sessions on a day: in its phase, or in that day's calendar year.

    Who must respect a limit sees it before hitting it (issue 14); ``None`` where the type sets none.
    """

    trajectory_type: str
    year: int | None  # the calendar year counted, when the type counts per year; None: the whole phase
    maximum: int | None
    taken: int  # planned or held, not cancelled

    @property
    def left(self) -> int | None:
        return None if self.maximum is None else max(0, self.maximum - self.taken)


def joint_session_room(trajectory_type: str, day: date, taken: Iterable[date]) -> JointSessionRoom:
    """The room for joint sessions of ``trajectory_type`` on ``day``, given the days already ``taken``."""
    entry = TYPES.get(trajectory_type)
    per_year = entry is not None and entry.joint_sessions_per_year
    counted = [d for d in taken if not per_year or d.year == day.year]
    return JointSessionRoom(trajectory_type, day.year if per_year else None,
                            entry.template.max_joint_sessions if entry is not None else None, len(counted))


def check_joint_session_limit(trajectory_type: str, day: date, taken: Iterable[date]) -> None:
    """At most the type's number of joint sessions in its phase, or in the calendar year of ``day``."""
    room = joint_session_room(trajectory_type, day, taken)
    if room.left == 0:
        period = f"in {room.year}" if room.year is not None else "in this phase"
        raise JointSessionLimitReached(
            f"{TYPES[trajectory_type].name_nl} has at most {room.maximum} joint sessions {period}; "
            f"{room.taken} are planned or held"
        )


def checked_professionals(trajectory_type: str, led_by: Iterable[str] | None) -> tuple[str, ...]:
    """The professionals who led a meeting, each once, at least as many as the type's data says.

    Names (or user ids) as the coordinator gives them, not checked against the staff directory: a
    command writes this case's store only and reads no other context's store, and who may record is
    already the directory's answer (the coordinator of the case). The number is what the seed states.
    """
    if isinstance(led_by, str):
        raise InvalidJointSession("the professionals who led the meeting are a list of names")
    names: dict[str, str] = {}
    for name in led_by or ():
        text = checked_text(name, "the name of a professional who led the meeting")
        names.setdefault(text.casefold(), text)
    entry = TYPES.get(trajectory_type)
    required = entry.template.joint_meeting_professionals if entry is not None else None
    if required and len(names) < required:
        raise TooFewProfessionals(
            f"a meeting of {entry.name_nl} is led by {required} professionals; name all {required} "
            f"who led it ({len(names)} named)"
        )
    return tuple(names.values())


def meeting_frame(trajectory_type: str) -> TrajectoryType | None:
    """The type, when its joint meetings keep a fixed frame; None when they are planned freely."""
    entry = TYPES.get(trajectory_type)
    return entry if entry is not None and entry.has_meeting_frame else None


def check_fixed_meeting(
    frame: TrajectoryType, day: date, start: time, kind: str, planned_on: date | None, taken: Iterable[date],
) -> None:
    """A meeting of a fixed frame: its form, months, weekdays and time of day, one a month, notice.

    ``planned_on`` None: a meeting that took place before the case was brought in (no notice to check).
    """
    rules, name = frame.template, frame.name_nl
    if rules.joint_meetings_in_person and kind != IN_PERSON:
        raise OutsideFixedMeetingFrame(f"meetings of {name} are held in person, never online")
    if rules.joint_meeting_months and day.month not in rules.joint_meeting_months:
        months = ", ".join(_MONTHS[m - 1] for m in rules.joint_meeting_months)
        raise OutsideFixedMeetingFrame(f"meetings of {name} are held in {months}")
    if rules.joint_meeting_weekdays and day.weekday() not in rules.joint_meeting_weekdays:
        days = " or a ".join(_WEEKDAYS[d] for d in rules.joint_meeting_weekdays)
        raise OutsideFixedMeetingFrame(f"meetings of {name} are held on a {days}")
    if rules.joint_meetings_before_noon and start >= MORNING_ENDS:
        raise OutsideFixedMeetingFrame(f"meetings of {name} are held in the morning (start before 12:00)")
    if rules.joint_meeting_months and any((d.year, d.month) == (day.year, day.month) for d in taken):
        raise OutsideFixedMeetingFrame(
            f"this case already has its meeting of {name} of {day.year}-{day.month:02d}; "
            f"there is one in each of the {len(rules.joint_meeting_months)} months"
        )
    notice = timedelta(weeks=frame.meeting_notice_weeks or 0)
    if planned_on is not None and day - planned_on < notice:
        raise TooLittleNotice(f"meetings of {name} are planned at least {frame.meeting_notice_weeks} weeks ahead")


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
