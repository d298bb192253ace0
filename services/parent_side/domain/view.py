"""What a counsellor sees of a trajectory: plain, frozen data, never the aggregate.

Notes, summaries and the evaluation stay ``PrivateText`` (erased text reads as "[gewist]");
whoever renders them decides whether the reader may see them. Goals, free themes and
reasons are private text in the events too (encrypted, erased with the case key), but read
as text here: the side's own counsellor is the only reader of this view.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from services.parent_side.domain.records import (
    Assignment, Child, ChildConversation, Consent, CourtReport, PlannedSession, ReleaseDecision, Session,
)
from services.parent_side.domain.entries import shown
from services.parent_side.domain.templates import TrajectoryRules
from services.parent_side.domain.trajectory import Trajectory
from services.platform.private_text import PrivateText


@dataclass(frozen=True)
class TrajectoryView:
    """One parent's trajectory as recorded; ``version`` is the number of its events."""

    trajectory_id: UUID
    case_id: UUID
    version: int
    status: str  # intake, proposed, agreed, started or closed
    parent: str
    children: tuple[Child, ...]
    rules: TrajectoryRules
    counsellor: str
    assignments: tuple[Assignment, ...]
    parental_authority: bool
    opened_on: date
    goals: tuple[str, ...]
    themes: tuple[str, ...]
    proposed_on: date | None
    agreed_on: date | None
    consents: tuple[Consent, ...]
    started_on: date | None
    planned_sessions: tuple[PlannedSession, ...]
    sessions: tuple[Session, ...]
    child_conversations: tuple[ChildConversation, ...]
    closed_on: date | None
    evaluation: PrivateText | None
    retain_until: date | None
    evaluation_released: bool
    release_decisions: tuple[ReleaseDecision, ...]
    court_reports: tuple[CourtReport, ...]
    erased_on: date | None
    erasure_reason: str | None
    phase: int = 1  # the case's phase this trajectory belongs to (Kind en Ik: fase 1, then the next)


def view_of(t: Trajectory) -> TrajectoryView:
    return TrajectoryView(
        trajectory_id=t.id, case_id=t.case_id, version=t.version, phase=t.phase, status=t.status, parent=t.parent,
        children=t.children, rules=t.rules, counsellor=t.counsellor,
        assignments=tuple(replace(a, reason=str(a.reason)) for a in t.assignments),
        parental_authority=t.parental_authority, opened_on=t.opened_on, goals=_texts(t.goals),
        themes=_texts(t.themes), proposed_on=t.proposed_on, agreed_on=t.agreed_on, consents=t.consents,
        started_on=t.started_on,
        planned_sessions=tuple(replace(p, cancelled_reason=shown(p.cancelled_reason)) for p in t.planned),
        sessions=tuple(replace(s, themes=_texts(s.themes), missed_reason=shown(s.missed_reason)) for s in t.sessions),
        child_conversations=t.child_conversations, closed_on=t.closed_on, evaluation=t.evaluation,
        retain_until=t.retain_until, evaluation_released=t.is_released,
        release_decisions=tuple(replace(d, reason=str(d.reason)) for d in t.releases), court_reports=t.reports,
        erased_on=t.erased_on, erasure_reason=t.erasure_reason,
    )


def _texts(values: tuple[object, ...]) -> tuple[str, ...]:
    return tuple(str(value) for value in values)
