"""The rules of a running trajectory: sessions, the plan, child conversations, counsellors.

Each function checks one command and returns the event's attributes, or raises.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Iterable

from services.parent_side.domain.entries import (
    not_after_today, not_before, optional_list, private_themes, optional_text, private_text, required_date, required_list, required_text,
)
from services.parent_side.domain.errors import (
    ChildConversationLimitReached, ConsentMissing, CounsellorNotIndependent, InvalidRecord, NotStarted, PhaseEnded,
    OutsideCadence, OutsideDuration, SessionLimitReached,
)
from services.parent_side.domain.records import CONSENT_CHILD_CONVERSATIONS
from services.parent_side.domain.steps import require_open, require_trajectory_consent
from services.parent_side.domain.term import NO_HOLIDAYS_KNOWN, FamilyHolidays, last_allowed_day
from services.platform.private_text import PrivateText

if TYPE_CHECKING:
    from services.parent_side.domain.trajectory import Trajectory

Attributes = dict[str, Any]


def planning(t: Trajectory, on: date, holidays: FamilyHolidays = NO_HOLIDAYS_KNOWN) -> Attributes:
    on = require_running(t, on, "a session", holidays)
    if on in t.upcoming_sessions() or any(s.on == on for s in t.sessions):
        raise InvalidRecord(f"a session on {on.isoformat()} is already planned or recorded")
    _require_cadence(t, on)
    limit = t.rules.max_sessions
    if limit is not None and t.sessions_held() + len(t.upcoming_sessions()) >= limit:
        raise SessionLimitReached(f"this trajectory allows at most {limit} sessions; all are held or planned")
    require_trajectory_consent(t, on)
    return dict(on=on)


def cancellation(t: Trajectory, on: date, reason: str) -> Attributes:
    require_open(t)
    on = required_date(on, "the date of the planned session")
    if on not in t.upcoming_sessions():
        raise InvalidRecord(f"no session is planned on {on.isoformat()}")
    # A reason ("opname ziekenhuis") can describe a person: private text of the case.
    return dict(on=on, reason=PrivateText(t.case_id, required_text(reason, "the reason for cancelling")))


def session(
    t: Trajectory, on: date, duration_minutes: int, themes: Iterable[str],
    note: PrivateText | None, attended: bool, missed_reason: str | None,
    holidays: FamilyHolidays = NO_HOLIDAYS_KNOWN, today: date | None = None,
) -> Attributes:
    on = require_running(t, on, "a session", holidays)
    not_after_today(on, today, "a session")
    if any(s.on == on for s in t.sessions):
        raise InvalidRecord(f"a session on {on.isoformat()} has already been recorded")
    if not isinstance(attended, bool):
        raise InvalidRecord("say whether the parent attended the session")
    if not isinstance(duration_minutes, int) or isinstance(duration_minutes, bool) or duration_minutes < 0:
        raise InvalidRecord("the duration must be a whole number of minutes")
    entry = _attended(t, duration_minutes, themes, note) if attended else _missed(t, themes, note, missed_reason)
    limit = t.rules.max_sessions
    if attended and limit is not None and t.sessions_held() >= limit:
        raise SessionLimitReached(f"this trajectory allows at most {limit} sessions; {limit} have been held")
    require_trajectory_consent(t, on)
    return dict(on=on, duration_minutes=duration_minutes, attended=attended, **entry)


def child_conversation(
    t: Trajectory, child: str, held_by: str, on: date, summary: PrivateText,
    holidays: FamilyHolidays = NO_HOLIDAYS_KNOWN, today: date | None = None,
) -> Attributes:
    on = require_running(t, on, "a child conversation", holidays)
    not_after_today(on, today, "a child conversation")
    child = required_text(child, "the child")
    if child not in {c.first_name for c in t.children}:
        raise InvalidRecord("the child is not one of the children of this trajectory")
    held_by = required_text(held_by, "who held the conversation")
    summary = private_text(summary, t.case_id, "the summary")
    if held_by in t.counsellors():
        raise CounsellorNotIndependent(
            "a child conversation must be held by a counsellor other than the parent's own; "
            "this counsellor is or was the parent's counsellor in this trajectory"
        )
    if not t.consent_in_force(CONSENT_CHILD_CONVERSATIONS, on):
        raise ConsentMissing(f"a child conversation needs parental consent (toestemming) in force on {on.isoformat()}")
    limit = t.rules.max_child_conversations
    if len(t.child_conversations) >= limit:
        raise ChildConversationLimitReached(
            f"this trajectory allows at most {limit} child conversations; {len(t.child_conversations)} have been held"
            if limit else "this trajectory allows no child conversations"
        )
    return dict(child=child, held_by=held_by, on=on, summary=summary)


def reassignment(t: Trajectory, counsellor: str, reason: str, on: date) -> Attributes:
    require_open(t)
    counsellor = required_text(counsellor, "the new counsellor")
    reason = required_text(reason, "the reason for the change")
    on = required_date(on, "the date of the change")
    not_before(on, t.assignments[-1].since, "the current assignment")
    if counsellor == t.counsellor:
        raise InvalidRecord("this counsellor is already the parent's counsellor")
    if any(c.held_by == counsellor for c in t.child_conversations):
        raise CounsellorNotIndependent(
            "this counsellor held a child conversation in this trajectory and cannot become the parent's counsellor"
        )
    return dict(counsellor=counsellor, reason=PrivateText(t.case_id, reason), on=on)


def require_running(t: Trajectory, on: date, what: str, holidays: FamilyHolidays = NO_HOLIDAYS_KNOWN) -> date:
    """Open, started, and the date lies within the trajectory's term (holiday weeks left out if the type says so)."""
    require_open(t)
    if t.started_on is None:
        raise NotStarted(f"{what} can be recorded only once the trajectory has started (step 3)")
    on = required_date(on, f"the date of {what}")
    not_before(on, t.started_on, "the start of the trajectory")
    if t.phase_ended_on is not None and on > t.phase_ended_on:
        raise PhaseEnded(
            f"the case moved on to its next phase on {t.phase_ended_on.isoformat()}; {what} after that belongs to "
            "the next phase (close this one with its evaluation, then hold the intake of the next)"
        )
    last = last_allowed_day(t.started_on, t.rules, holidays)
    if last is not None and on > last:
        weeks = f"{t.rules.max_weeks} weeks" + (" without school holidays" if t.rules.skips_school_holidays else "")
        raise OutsideDuration(
            f"{on.isoformat()} lies beyond the trajectory's maximum duration of {weeks}, which ended {last.isoformat()}"
        )
    return on


def _require_cadence(t: Trajectory, on: date) -> None:
    interval = t.rules.session_interval_days
    if interval is None:
        return
    taken = set(t.upcoming_sessions()) | {s.on for s in t.sessions}
    close = sorted(other for other in taken if abs((other - on).days) < interval)
    if close:
        raise OutsideCadence(
            f"sessions in this trajectory are at least {interval} days apart; "
            f"{on.isoformat()} is {abs((close[0] - on).days)} days from the session on {close[0].isoformat()}"
        )


def _attended(t: Trajectory, minutes: int, themes: Iterable[str], note: PrivateText | None) -> Attributes:
    if minutes == 0:
        raise InvalidRecord("an attended session has a duration")
    return dict(
        themes=private_themes(required_list(themes, "the themes"), t.case_id),
        note=private_text(note, t.case_id, "the session note"), missed_reason=None,
    )


def _missed(t: Trajectory, themes: Iterable[str], note: PrivateText | None, reason: str | None) -> Attributes:
    reason = optional_text(reason, "the reason the session was missed")
    if not reason:
        raise InvalidRecord("say why the session was missed")
    return dict(
        themes=private_themes(optional_list(themes, "the themes"), t.case_id),
        note=None if note is None else private_text(note, t.case_id, "the session note"),
        missed_reason=PrivateText(t.case_id, reason),
    )
