"""The plain records a trajectory keeps: children, consent, sessions, child conversations.

They are frozen values, safe to hand to callers outside the context. Events carry the
same facts as plain data (dicts, lists, dates), so stored history never depends on
these classes' shape.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, TypeVar
from uuid import UUID

from services.platform.private_text import PrivateText

T = TypeVar("T")

# The themes the practice names (seed: parallel-ouderschap); counsellors may add free themes.
STANDARD_THEMES: dict[str, str] = {
    "parallel_parenting": "parallel ouder zijn",
    "de_escalating_communication": "de-escalerend communiceren",
    "parent_child_bond": "versteviging van de ouder-kindverbinding",
    "own_ground": "versteviging van de eigen grond van de ouder",
    "network_involvement": "betrokkenheid van het netwerk",
}

# What parental consent (toestemming) can be given for.
CONSENT_TRAJECTORY = "trajectory"
CONSENT_CHILD_CONVERSATIONS = "child_conversations"
CONSENT_SCOPES = (CONSENT_TRAJECTORY, CONSENT_CHILD_CONVERSATIONS)

# Why private text may be erased: the Jeugdwet term ran out, or someone asked for it.
RETENTION_ENDED = "retention period ended"
ERASURE_REQUEST = "erasure request"
ERASURE_REASONS = (RETENTION_ENDED, ERASURE_REQUEST)


def erased(value: T) -> T:
    """Private text erased; anything else (a code, clear text of an older event, nothing) as it is."""
    return value.erased() if isinstance(value, PrivateText) else value  # type: ignore[return-value]


def theme_label(theme: str) -> str:
    """The practice's own words for a standard theme; a free theme reads as entered."""
    return STANDARD_THEMES.get(theme, theme)


@dataclass(frozen=True)
class Child:
    first_name: str
    date_of_birth: date

    def age_on(self, on: date) -> int:
        """Full years on that day (born on 29 February: a year older on 1 March)."""
        birthday_passed = (on.month, on.day) >= (self.date_of_birth.month, self.date_of_birth.day)
        return on.year - self.date_of_birth.year - (0 if birthday_passed else 1)

    def as_dict(self) -> dict[str, Any]:
        return {"first_name": self.first_name, "date_of_birth": self.date_of_birth}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Child:
        return cls(first_name=data["first_name"], date_of_birth=data["date_of_birth"])


@dataclass(frozen=True)
class Consent:
    """One recorded consent; in force from ``given_on`` until it is withdrawn."""

    scope: str
    given_by: tuple[str, ...]
    given_on: date
    recorded_by: str
    withdrawn_on: date | None = None
    withdrawn_by: tuple[str, ...] = ()

    def in_force_on(self, on: date) -> bool:
        return self.given_on <= on and (self.withdrawn_on is None or on < self.withdrawn_on)

    def withdrawn(self, on: date, by: tuple[str, ...]) -> Consent:
        """This consent ended on ``on``; one already withdrawn keeps its own end."""
        return self if self.withdrawn_on is not None else replace(self, withdrawn_on=on, withdrawn_by=by)


@dataclass(frozen=True)
class PlannedSession:
    """A session put in the agenda against the trajectory's cadence (ingepland gesprek)."""

    on: date
    planned_by: str
    cancelled_reason: PrivateText | str | None = None  # clear text in events stored before it was private

    @property
    def is_pending(self) -> bool:
        return self.cancelled_reason is None

    def cancelled(self, reason: PrivateText | str) -> PlannedSession:
        return replace(self, cancelled_reason=reason)

    def erased(self) -> PlannedSession:
        return replace(self, cancelled_reason=erased(self.cancelled_reason))


@dataclass(frozen=True)
class Session:
    """An individual session (individueel gesprek) that took place or was missed."""

    on: date
    duration_minutes: int
    themes: tuple[PrivateText | str, ...]  # a standard code, or a free theme as private text
    note: PrivateText | None
    attended: bool
    missed_reason: PrivateText | str | None  # clear text in events stored before it was private
    recorded_by: str

    def erased(self) -> Session:
        return replace(self, note=erased(self.note), themes=tuple(erased(t) for t in self.themes),
                       missed_reason=erased(self.missed_reason))


@dataclass(frozen=True)
class ChildConversation:
    """A child conversation (kindgesprek), held by a counsellor other than the parent's."""

    on: date
    child: str
    held_by: str
    summary: PrivateText
    recorded_by: str

    def erased(self) -> ChildConversation:
        return replace(self, summary=self.summary.erased())


@dataclass(frozen=True)
class Assignment:
    """Who counselled the parent from when, and why the assignment changed."""

    counsellor: str
    since: date
    reason: PrivateText | str  # private text (it can say why a parent or counsellor left); clear before, or a code
    assigned_by: str

    def erased(self) -> Assignment:
        return replace(self, reason=erased(self.reason))


@dataclass(frozen=True)
class ReleaseDecision:
    """The parent's decision about the closing evaluation and a court report."""

    decision: str  # "released" or "withdrawn"
    on: date
    recorded_by: str
    reason: PrivateText | str = ""  # clear text in events stored before it was private

    def erased(self) -> ReleaseDecision:
        return replace(self, reason=erased(self.reason))


@dataclass(frozen=True)
class CourtReport:
    """A court report that included the released closing evaluation."""

    report_id: UUID
    made_at: datetime
    recorded_by: str
