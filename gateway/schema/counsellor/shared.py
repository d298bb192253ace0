"""What a counsellor sees of the shared context: what both parents agreed, and nothing about people.

The design allows the rules in force and their signing state, the joint-session schedule
and the decisions. Every shared view also names the staff who acted (drafted_by,
recorded_by, planned_by, decided_by, ...): those are left out here, because one of them
may be the other side's counsellor. So are the positions relayed in a dispute, the
attendance and pause details of joint sessions (about the other parent), drafts, and
disputes still undecided.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import Enum
from uuid import UUID

import strawberry

from gateway.schema.counsellor.plan import TrajectoryType
from gateway.schema.counsellor.types import Side
from services.shared_agreements.api import (
    IN_FORCE, OFFERED, DisputeView, GroundRulesView, JointSessionRoom as RoomView, JointSessionView, RuleVersionView,
    ScheduleView,
)

# Only the statuses a counsellor is shown (drafts, superseded and withdrawn versions are not), by the context's codes.
RuleVersionStatus = strawberry.enum(Enum("RuleVersionStatus", {code.upper(): code for code in (OFFERED, IN_FORCE)}),
                                    description="Where a version of the ground rules shown to a counsellor stands.")


@strawberry.type(description="The rules of one category, numbered as in the signed text.")
class RuleCategory:
    category: str
    number: int
    title: str
    rules: list[str]


@strawberry.type(description="A parent's signature: which parent, how, when, on the text with which SHA-256.")
class Signature:
    parent: Side
    method: str
    text_hash: str
    signed_at: datetime


@strawberry.type(description="One version of the ground rules (spelregels) as offered to the parents.")
class RuleVersion:
    version: int
    status: str = strawberry.field(description="offered (awaiting signatures) or in_force.",
                                   deprecation_reason="Use versionStatus: the same code as an enum.")
    categories: list[RuleCategory]
    text: str | None = strawberry.field(description="The exact canonical text the parents sign.")
    text_hash: str | None = strawberry.field(description="SHA-256 of the text, hex.")
    signers: list[Side] = strawberry.field(description="The parents asked to sign.")
    signatures: list[Signature]
    unsigned: list[Side] = strawberry.field(description="The parents asked to sign who have not signed yet.")
    offered_at: datetime | None
    in_force_from: datetime | None
    version_status: RuleVersionStatus = strawberry.field(
        description="OFFERED (awaiting signatures) or IN_FORCE.")


@strawberry.type(description="The ground rules of a case: the version in force and the version offered for signing.")
class GroundRules:
    in_force: RuleVersion | None
    offered: RuleVersion | None


@strawberry.enum(description="Where a joint session stands.")
class JointSessionStatus(Enum):
    PLANNED = "planned"
    PAUSED = "paused"
    HELD = "held"
    CANCELLED = "cancelled"


@strawberry.type(description="A joint session (gezamenlijk gesprek) in the case's schedule; start is local time.")
class JointSession:
    session_id: UUID
    number: int
    day: date
    start: time
    duration_minutes: int
    place: str
    kind: str
    status: JointSessionStatus
    moved_from: list[date]
    pauses: int = strawberry.field(description="How often the session was paused (stilgelegd).")
    # Only the number: the names would tell one side who counsels the other (DESIGN §4).
    professionals: int = strawberry.field(description="How many professionals led the session (named once held).")


@strawberry.type(description="The joint sessions the case's current type still allows: in this phase, or in the "
                               "calendar year when the type counts per year. Null numbers: the type sets no limit.")
class JointSessionRoom:
    trajectory_type: TrajectoryType
    year: int | None = strawberry.field(description="The calendar year counted; null when the whole phase counts.")
    maximum: int | None
    taken: int = strawberry.field(description="Planned or held, not cancelled.")
    left: int | None


@strawberry.type(description="A binding decision (knoop doorgehakt) on a dispute; it binds the parents named.")
class Decision:
    number: int
    subject: str
    decision: str
    reasoning: str
    decided_at: datetime
    binds: list[Side]


@strawberry.type(description="Days the children stay with one parent, first and last day included.")
class ContactRange:
    first_day: date
    last_day: date
    parent: Side
    children: list[str] = strawberry.field(description="First names; empty means all children.")
    kind: str
    holiday: str | None
    handover_time: time | None
    handover_place: str | None


@strawberry.type(description="The year's contact schedule (jaarplanning van de omgang) in force.")
class ContactSchedule:
    year: int
    version: int
    ranges: list[ContactRange]
    recorded_at: datetime
    reason: str | None


def _version_of(v: RuleVersionView) -> RuleVersion:
    signed = {s.parent for s in v.signatures}
    return RuleVersion(
        version=v.version, status=v.status,
        categories=[RuleCategory(category=c.category, number=c.number, title=c.title, rules=list(c.rules))
                    for c in v.categories],
        text=v.text, text_hash=v.text_hash, signers=[Side(p) for p in v.signers],
        signatures=[Signature(parent=Side(s.parent), method=s.method, text_hash=s.text_hash, signed_at=s.recorded_at)
                    for s in v.signatures],
        unsigned=[Side(p) for p in v.signers if p not in signed], offered_at=v.offered_at,
        in_force_from=v.in_force_from, version_status=RuleVersionStatus(v.status),
    )


def ground_rules_of(view: GroundRulesView) -> GroundRules:
    offered = next((v for v in reversed(view.versions) if v.status == "offered"), None)
    return GroundRules(in_force=view.in_force and _version_of(view.in_force),
                       offered=offered and _version_of(offered))


def joint_session_of(s: JointSessionView) -> JointSession:
    return JointSession(session_id=s.session_id, number=s.number, day=s.day, start=s.start,
                        duration_minutes=s.duration_minutes, place=s.place, kind=s.kind,
                        status=JointSessionStatus(s.status), moved_from=list(s.moved_from), pauses=len(s.pauses),
                        professionals=len(s.led_by))


def joint_session_room_of(room: RoomView) -> JointSessionRoom:
    return JointSessionRoom(trajectory_type=TrajectoryType(room.trajectory_type), year=room.year,
                            maximum=room.maximum, taken=room.taken, left=room.left)


def decisions_of(disputes: tuple[DisputeView, ...]) -> list[Decision]:
    return [Decision(number=d.number, subject=d.subject, decision=d.decision.decision,
                     reasoning=d.decision.reasoning, decided_at=d.decision.decided_at,
                     binds=[Side(p) for p in d.decision.binds])
            for d in disputes if d.decision is not None]


def contact_schedule_of(view: ScheduleView) -> ContactSchedule:
    return ContactSchedule(
        year=view.year, version=view.version, recorded_at=view.recorded_at, reason=view.reason,
        ranges=[ContactRange(first_day=r.first_day, last_day=r.last_day, parent=Side(r.parent),
                             children=list(r.children), kind=r.kind, holiday=r.holiday,
                             handover_time=r.handover_time, handover_place=r.handover_place)
                for r in view.ranges],
    )
