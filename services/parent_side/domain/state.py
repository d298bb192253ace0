"""What a trajectory's events build up, and what the rules and the views read of it.

Only the ``@event`` methods of ``Trajectory`` write these attributes; everything here reads.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from services.parent_side.domain.records import (
    Assignment, Child, ChildConversation, Consent, CourtReport, PlannedSession, ReleaseDecision, Session,
)
from services.parent_side.domain.templates import TrajectoryRules
from services.platform.private_text import PrivateText


class TrajectoryState:
    case_id: UUID
    phase: int  # of the case; each phase is a trajectory of its own, with its own plan and evaluation
    parent: str
    children: tuple[Child, ...]
    rules: TrajectoryRules
    parental_authority: bool
    assignments: tuple[Assignment, ...]
    opened_on: date
    last_on: date  # the latest day anything was recorded for: nothing closes before it
    goals: tuple[str, ...]
    themes: tuple[str, ...]
    proposed_on: date | None
    agreed_on: date | None
    consents: tuple[Consent, ...]
    started_on: date | None
    phase_ended_on: date | None  # the case moved on to its next phase that day
    planned: tuple[PlannedSession, ...]
    sessions: tuple[Session, ...]
    child_conversations: tuple[ChildConversation, ...]
    closed_on: date | None
    evaluation: PrivateText | None
    retain_until: date | None
    releases: tuple[ReleaseDecision, ...]
    reports: tuple[CourtReport, ...]
    erased_on: date | None
    erasure_reason: str | None

    @property
    def counsellor(self) -> str:
        return self.assignments[-1].counsellor

    def counsellors(self) -> set[str]:
        """Everyone who is or was the parent's counsellor in this trajectory."""
        return {a.counsellor for a in self.assignments}

    @property
    def status(self) -> str:
        """intake, proposed, agreed, started or closed."""
        for status, day in (("closed", self.closed_on), ("started", self.started_on),
                            ("agreed", self.agreed_on), ("proposed", self.proposed_on)):
            if day is not None:
                return status
        return "intake"

    @property
    def is_released(self) -> bool:
        return bool(self.releases) and self.releases[-1].decision == "released"

    def consent_in_force(self, scope: str, on: date) -> bool:
        return any(c.scope == scope and c.in_force_on(on) for c in self.consents)

    def children_needing_consent(self, on: date) -> tuple[Child, ...]:
        """The children under the consent age (16 unless tailored) on that day."""
        return tuple(c for c in self.children if c.age_on(on) < self.rules.consent_below_age)

    def upcoming_sessions(self) -> tuple[date, ...]:
        """Planned, not cancelled, and not yet recorded as held or missed."""
        recorded = {s.on for s in self.sessions}
        return tuple(sorted(p.on for p in self.planned if p.is_pending and p.on not in recorded))

    def sessions_held(self) -> int:
        return sum(1 for s in self.sessions if s.attended)
