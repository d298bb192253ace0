"""Disputes and binding decisions (knopen doorhakken), and transparency agreements, for the coordinator."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import strawberry
from strawberry.types import Info

from gateway.schema.bounds import MAX_SHORT_TEXT
from gateway.schema.common import Done, actor
from gateway.schema.coordinator.common import (
    Parent, TransparencyCategory, bounded_list, bounded_text, coordinate, member, value,
)
from services.platform.access_log import Action
from services.platform.errors import Invalid
from services.shared_agreements.api import DisputeView



@strawberry.type(description="A parent's position in a dispute, as the coordinator relayed it.")
class Position:
    parent: Parent
    position: str
    relayed_by: str
    relayed_at: datetime


@strawberry.type(description="Why a parent's position is not in the log of a decided dispute.")
class MissingPosition:
    parent: Parent
    reason: str


@strawberry.input(description="Why a parent's position could not be relayed before the decision.")
class MissingPositionInput:
    parent: Parent
    reason: str


@strawberry.type(description="The binding decision on a dispute, with its reasoning.")
class Decision:
    decision: str
    reasoning: str
    decided_by: str
    decided_at: datetime
    binds: list[Parent]
    missing_positions: list[MissingPosition] = strawberry.field(
        description="For each parent whose position was not relayed: why not.")


@strawberry.type(description="A dispute raised by one parent, the positions relayed, and its decision.")
class Dispute:
    number: int
    subject: str
    raised_by: Parent
    recorded_by: str
    recorded_at: datetime
    positions: list[Position]
    decision: Decision | None


@strawberry.type(description="What one parent agreed the other side may see, from the day it was agreed.")
class TransparencyAgreement:
    parent: Parent
    categories: list[TransparencyCategory]
    agreed_on: date
    recorded_by: str
    recorded_at: datetime


def dispute_of(d: DisputeView) -> Dispute:
    decision = d.decision
    return Dispute(
        number=d.number, subject=d.subject, raised_by=member(Parent, d.raised_by), recorded_by=d.recorded_by,
        recorded_at=d.recorded_at,
        positions=[Position(parent=member(Parent, p.parent), position=p.position, relayed_by=p.relayed_by,
                            relayed_at=p.relayed_at) for p in d.positions],
        decision=None if decision is None else Decision(
            decision=decision.decision, reasoning=decision.reasoning, decided_by=decision.decided_by,
            decided_at=decision.decided_at, binds=[member(Parent, p) for p in decision.binds],
            missing_positions=[MissingPosition(parent=member(Parent, p), reason=r)
                               for p, r in sorted(decision.missing_positions.items())]),
    )


@strawberry.type
class DisputesQuery:
    @strawberry.field(description="Every dispute of the case with the positions relayed and the binding decision.")
    async def disputes(self, info: Info, case_id: UUID) -> list[Dispute]:
        views = await coordinate(info, case_id, Action.READ, lambda app: app.decisions(case_id))
        return [dispute_of(d) for d in views]

    @strawberry.field(description="Every transparency agreement of the case, oldest first.")
    async def transparency_agreements(self, info: Info, case_id: UUID) -> list[TransparencyAgreement]:
        view = await coordinate(info, case_id, Action.READ, lambda app: app.transparency(case_id))
        return [TransparencyAgreement(parent=member(Parent, a.parent),
                                      categories=[member(TransparencyCategory, c) for c in a.categories],
                                      agreed_on=a.agreed_on, recorded_by=a.recorded_by, recorded_at=a.recorded_at)
                for a in view.history]


@strawberry.type
class DisputesMutation:
    @strawberry.mutation(description="Record a dispute raised by one parent; returns its number within the case.")
    async def raise_dispute(self, info: Info, case_id: UUID, subject: str, raised_by: Parent) -> int:
        about, who = bounded_text(subject, "the subject", limit=MAX_SHORT_TEXT), actor(info)
        return await coordinate(info, case_id, Action.CHANGE,
                                lambda app: app.raise_dispute(case_id, about, value(raised_by), who))

    @strawberry.mutation(description="Record one parent's position in a dispute, as you relay it.")
    async def relay_position(self, info: Info, case_id: UUID, dispute: int, parent: Parent, position: str) -> Done:
        said, who = bounded_text(position, "the position"), actor(info)
        await coordinate(info, case_id, Action.CHANGE,
                         lambda app: app.relay_position(case_id, dispute, value(parent), said, who))
        return Done()

    @strawberry.mutation(description="Take the binding decision on a dispute, with its reasoning; it binds both "
                                     "parents, so both positions are relayed first, or missingPositions says "
                                     "per parent why not.")
    async def decide_dispute(
        self, info: Info, case_id: UUID, dispute: int, decision: str, reasoning: str,
        missing_positions: list[MissingPositionInput] | None = None,
    ) -> Done:
        decided, why = bounded_text(decision, "the decision"), bounded_text(reasoning, "the reasoning")
        given = bounded_list(missing_positions or [], "missing positions", limit=len(Parent))
        missing = {value(m.parent): bounded_text(m.reason, "why a position is missing") for m in given}
        if len(missing) < len(given):
            raise Invalid("name each parent once in missingPositions")
        who = actor(info)
        await coordinate(info, case_id, Action.CHANGE,
                         lambda app: app.decide_dispute(case_id, dispute, decided, why, who, missing))
        return Done()

    @strawberry.mutation(description="Record which kinds of information a parent lets the other side see, "
                                     "from the day agreed. An empty list shares nothing.")
    async def agree_transparency(
        self, info: Info, case_id: UUID, parent: Parent, categories: list[TransparencyCategory], agreed_on: date
    ) -> Done:
        codes = [value(c) for c in bounded_list(categories, "categories", limit=len(TransparencyCategory))]
        who = actor(info)
        await coordinate(info, case_id, Action.CHANGE,
                         lambda app: app.agree_transparency(case_id, value(parent), codes, agreed_on, who))
        return Done()
