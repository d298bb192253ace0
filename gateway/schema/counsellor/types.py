"""What the counsellor sees of their own side: the whole trajectory, and the cases they counsel.

Built from the parent-side views by small mapping functions; private text reads as its
text, or "[gewist]" once erased. Nothing here is taken from the other side of a case.
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import strawberry

from gateway.schema.counsellor.plan import TrajectoryRules, TrajectoryStatus, TrajectoryType, rules_of
from gateway.schema.common import side_enum
from gateway.schema.follow import follows, followed_values
from services.parent_side.api import STANDARD_THEMES, theme_label, TrajectoryView
from services.platform.private_text import PrivateText


Side = side_enum()


@strawberry.type(description="A child of the trajectory.")
class Child:
    first_name: str
    date_of_birth: date


@strawberry.type(description="A theme: a standard code with the practice's words, or free text as entered.")
class Theme:
    code: str
    label: str
    standard: bool


@strawberry.type(description="Parental consent (toestemming): for what, by whom, from when, until when.")
class Consent:
    scope: str
    given_by: list[str]
    given_on: date
    withdrawn_on: date | None
    withdrawn_by: list[str]


@strawberry.type(description="A session put in the agenda; cancelled ones keep their reason.")
class PlannedSession:
    on: date
    cancelled_reason: str | None


@strawberry.type(description="An individual session that took place (with its private note) or was missed.")
class Session:
    on: date
    duration_minutes: int
    themes: list[Theme]
    attended: bool
    missed_reason: str | None
    note: str | None = strawberry.field(description='The private note; "[gewist]" once erased.')


@strawberry.type(description="A child conversation (kindgesprek) of this side's trajectory.")
class ChildConversation:
    on: date
    child: str
    held_by: str
    summary: str = strawberry.field(description='The private summary; "[gewist]" once erased.')


@strawberry.type(description="Who counselled this parent from when, and why it changed.")
class CounsellorAssignment:
    counsellor: str
    since: date
    reason: str


@strawberry.type(description="The parent's decision about releasing the closing evaluation for a court report.")
class ReleaseDecision:
    decision: str
    on: date
    reason: str


@strawberry.type(description="A court report that included the released closing evaluation.")
class CourtReport:
    report_id: UUID
    made_at: datetime


@strawberry.type(description="The caller's own side of a case: one parent's whole trajectory.")
@follows(TrajectoryView, not_shown={"trajectory_id": "the store's key; a trajectory is found by its case",
                                    "assignments": "shown as counsellorHistory"})
class Trajectory:
    case_id: UUID
    version: int = strawberry.field(description="The number of recorded events of this trajectory.")
    status: TrajectoryStatus
    parent: str
    children: list[Child]
    rules: TrajectoryRules
    counsellor: str
    counsellor_history: list[CounsellorAssignment]
    parental_authority: bool
    opened_on: date
    goals: list[str]
    themes: list[Theme]
    proposed_on: date | None
    agreed_on: date | None
    consents: list[Consent]
    started_on: date | None
    planned_sessions: list[PlannedSession]
    sessions: list[Session]
    child_conversation_count: int
    child_conversations: list[ChildConversation]
    closed_on: date | None
    evaluation: str | None = strawberry.field(description='The closing evaluation; "[gewist]" once erased.')
    retain_until: date | None
    evaluation_released: bool
    release_decisions: list[ReleaseDecision]
    court_reports: list[CourtReport]
    erased_on: date | None
    erasure_reason: str | None


def theme_of(code: str) -> Theme:
    return Theme(code=code, label=theme_label(code), standard=code in STANDARD_THEMES)


def _private(value: PrivateText | None) -> str | None:
    return None if value is None else str(value)


def _sessions(view: TrajectoryView) -> list[Session]:
    return [Session(on=s.on, duration_minutes=s.duration_minutes, themes=[theme_of(t) for t in s.themes],
                    attended=s.attended, missed_reason=s.missed_reason, note=_private(s.note))
            for s in view.sessions]


def trajectory_of(view: TrajectoryView) -> Trajectory:
    return Trajectory(
        case_id=view.case_id, version=view.version, status=TrajectoryStatus(view.status), parent=view.parent,
        children=[Child(first_name=c.first_name, date_of_birth=c.date_of_birth) for c in view.children],
        rules=rules_of(view.rules), counsellor=view.counsellor,
        counsellor_history=[CounsellorAssignment(counsellor=a.counsellor, since=a.since, reason=a.reason)
                            for a in view.assignments],
        parental_authority=view.parental_authority, opened_on=view.opened_on, goals=list(view.goals),
        themes=[theme_of(t) for t in view.themes], proposed_on=view.proposed_on, agreed_on=view.agreed_on,
        consents=[Consent(scope=c.scope, given_by=list(c.given_by), given_on=c.given_on,
                          withdrawn_on=c.withdrawn_on, withdrawn_by=list(c.withdrawn_by)) for c in view.consents],
        started_on=view.started_on,
        planned_sessions=[PlannedSession(on=p.on, cancelled_reason=p.cancelled_reason) for p in view.planned_sessions],
        sessions=_sessions(view), child_conversation_count=len(view.child_conversations),
        child_conversations=[ChildConversation(on=c.on, child=c.child, held_by=c.held_by, summary=str(c.summary))
                             for c in view.child_conversations],
        closed_on=view.closed_on, evaluation=_private(view.evaluation), retain_until=view.retain_until,
        evaluation_released=view.evaluation_released,
        release_decisions=[ReleaseDecision(decision=d.decision, on=d.on, reason=d.reason)
                           for d in view.release_decisions],
        court_reports=[CourtReport(report_id=r.report_id, made_at=r.made_at) for r in view.court_reports],
        erased_on=view.erased_on, erasure_reason=view.erasure_reason, **followed_values(Trajectory, view),
    )


@strawberry.type(description="Where one of the caller's trajectories stands.")
class TrajectorySummary:
    status: TrajectoryStatus
    template: str = strawberry.field(deprecation_reason="Use trajectoryType: the same code as an enum.")
    title: str
    parent: str
    opened_on: date
    started_on: date | None
    closed_on: date | None
    trajectory_type: TrajectoryType = strawberry.field(description="The type this trajectory follows.")


@strawberry.type(description="A case the caller counsels one side of; trajectory is null until the intake.")
class MyCase:
    case_id: UUID
    side: Side
    trajectory: TrajectorySummary | None


def summary_of(view: TrajectoryView | None) -> TrajectorySummary | None:
    if view is None:
        return None
    return TrajectorySummary(status=TrajectoryStatus(view.status), template=view.rules.template,
                             title=view.rules.title, parent=view.parent, opened_on=view.opened_on,
                             started_on=view.started_on, closed_on=view.closed_on,
                             trajectory_type=TrajectoryType(view.rules.template))
