"""What the begeleider sees of the case beside their own conversations: the header, the ground rules in force
and their signing state, the joint-session schedule and the decisions.

As for a side's counsellor, the staff who acted (drafted_by, planned_by, decided_by, ...) are left out,
and so are the positions relayed in a dispute and disputes still undecided. Nothing here reads a
parent side: the only context this schema touches is the shared one.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import Enum
from uuid import UUID

import strawberry

from gateway.schema.common import HolidayRegion
from services.shared_agreements.api import (
    TRAJECTORY_TYPES, CaseView, DisputeView, GroundRulesView, JointSessionView, RuleVersionView,
)

Parent = strawberry.enum(Enum("Parent", {"PARENT_A": "parent_a", "PARENT_B": "parent_b"}),
                         description="A parent of the case, by slot.")
TrajectoryType = strawberry.enum(Enum("TrajectoryType", {c.upper(): c for c in TRAJECTORY_TYPES}),
                                 description="The kind of trajectory the practice offers.")


@strawberry.type(description="A parent as the case registers them.")
class CaseParent:
    slot: Parent
    display_name: str
    enrolled: bool = strawberry.field(description="The parent follows the trajectory.")


@strawberry.type(description="A child of the case.")
class CaseChild:
    first_name: str
    date_of_birth: date


@strawberry.type(description="A phase of the case: the trajectory type it followed from a moment on.")
class CasePhase:
    number: int
    trajectory_type: TrajectoryType
    since: datetime


@strawberry.type(description="The case header (zaak): the phases, both parents, the children, the region.")
class Case:
    case_id: UUID
    trajectory_type: TrajectoryType = strawberry.field(description="The type of the case's current phase.")
    parent_a: CaseParent
    parent_b: CaseParent
    children: list[CaseChild]
    phases: list[CasePhase]
    region: HolidayRegion | None = strawberry.field(
        description="The family's school-holiday region; null until the coordinator records it.")


@strawberry.type(description="One version of the ground rules (spelregels) and its signing state.")
class RuleVersion:
    version: int
    status: str = strawberry.field(description="offered (awaiting signatures) or in_force.")
    text: str | None = strawberry.field(description="The exact canonical text the parents sign.")
    text_hash: str | None
    signers: list[Parent]
    signed: list[Parent]
    unsigned: list[Parent]
    in_force_from: datetime | None


@strawberry.type(description="The ground rules of a case: the version in force and the version offered for signing.")
class GroundRules:
    in_force: RuleVersion | None
    offered: RuleVersion | None


@strawberry.type(description="A joint session (gezamenlijk gesprek) in the case's schedule; start is local time.")
class JointSession:
    number: int
    day: date
    start: time
    duration_minutes: int
    place: str
    status: str = strawberry.field(description="planned, paused, held or cancelled.")


@strawberry.type(description="A binding decision (knoop doorgehakt) on a dispute; it binds the parents named.")
class Decision:
    number: int
    subject: str
    decision: str
    reasoning: str
    decided_at: datetime
    binds: list[Parent]


def case_of(view: CaseView) -> Case:
    parent = lambda p: CaseParent(slot=Parent(p.slot), display_name=p.display_name, enrolled=p.enrolled)  # noqa: E731
    return Case(
        case_id=view.case_id, trajectory_type=TrajectoryType(view.trajectory_type), parent_a=parent(view.parent_a),
        parent_b=parent(view.parent_b), children=[CaseChild(first_name=c.first_name, date_of_birth=c.date_of_birth)
                                                  for c in view.children],
        phases=[CasePhase(number=p.number, trajectory_type=TrajectoryType(p.trajectory_type), since=p.since)
                for p in view.phases],
        region=None if view.region is None else HolidayRegion(view.region),
    )


def _version(v: RuleVersionView) -> RuleVersion:
    signed = [s.parent for s in v.signatures]
    return RuleVersion(version=v.version, status=v.status, text=v.text, text_hash=v.text_hash,
                       signers=[Parent(p) for p in v.signers], signed=[Parent(p) for p in signed],
                       unsigned=[Parent(p) for p in v.signers if p not in signed], in_force_from=v.in_force_from)


def ground_rules_of(view: GroundRulesView) -> GroundRules:
    offered = next((v for v in reversed(view.versions) if v.status == "offered"), None)
    return GroundRules(in_force=view.in_force and _version(view.in_force), offered=offered and _version(offered))


def joint_session_of(s: JointSessionView) -> JointSession:
    return JointSession(number=s.number, day=s.day, start=s.start, duration_minutes=s.duration_minutes, place=s.place,
                        status=s.status)


def decisions_of(disputes: tuple[DisputeView, ...]) -> list[Decision]:
    return [Decision(number=d.number, subject=d.subject, decision=d.decision.decision, reasoning=d.decision.reasoning,
                     decided_at=d.decision.decided_at, binds=[Parent(p) for p in d.decision.binds])
            for d in disputes if d.decision is not None]
