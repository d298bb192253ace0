"""The begeleider's (mediator's) schema: gezinsbemiddeling, one begeleider working with both parents.

The role lives in the shared-agreements context, like the coordinator's, never as a side's counsellor
(design §4, "Mediation phases"). A begeleider sees, of a case the directory assigns them to as its
begeleider: the case header, the ground rules in force and their signing state, the joint-session
schedule, the decisions, and the mediation conversations with the counts left; they record their
conversations. Nothing here reads a parent side: the only context this schema touches is the shared
one. A case they are not (or no longer) the begeleider of is answered exactly like a missing case.
"""

from __future__ import annotations

from datetime import date
from typing import Callable, TypeVar
from uuid import UUID

import strawberry
from strawberry.types import Info

from gateway.schema.base import build_schema
from gateway.schema.bounds import MAX_LONG_TEXT, bounded_list, text
from gateway.schema.common import actor, assignment_to, context_app, directory, on_case
from gateway.schema.mediator.agreements import (
    Case, Decision, GroundRules, JointSession, Parent, case_of, decisions_of, ground_rules_of, joint_session_of,
)
from gateway.schema.mediator.mediation import ConversationKind, MediationPhase, NetworkPartner, phase_of
from services.platform.access_log import Action
from services.platform.private_text import PrivateText
from services.platform.stores import Store
from services.shared_agreements.application import SharedAgreements
from services.staff_directory.api import Role

T = TypeVar("T")


async def _mediate(info: Info, case_id: UUID, action: Action, call: Callable[[SharedAgreements], T]) -> T:
    """Run ``call`` on the shared context for a case the caller is the begeleider of, after logging the access."""
    await assignment_to(info, case_id, Role.MEDIATOR)
    return await on_case(info, case_id, Store.SHARED, action, call, context_app(info, Store.SHARED))


@strawberry.type
class Query:
    @strawberry.field(description="The cases you are the begeleider of.")
    async def my_cases(self, info: Info) -> list[UUID]:
        # The directory's own store holds the assignments: the look-up is logged there.
        assigned = await on_case(info, None, Store.DIRECTORY, Action.SEARCH, directory(info).cases_of, actor(info))
        return sorted((case_id for case_id, a in assigned.items() if a.role is Role.MEDIATOR), key=str)

    @strawberry.field(description="The case header: phases, parents, children, the family's school-holiday region.")
    async def case(self, info: Info, case_id: UUID) -> Case:
        return case_of(await _mediate(info, case_id, Action.READ, lambda app: app.case(case_id)))

    @strawberry.field(description="The ground rules in force and the version offered, with who signed.")
    async def ground_rules(self, info: Info, case_id: UUID) -> GroundRules:
        return ground_rules_of(await _mediate(info, case_id, Action.READ, lambda app: app.ground_rules(case_id)))

    @strawberry.field(description="The joint-session schedule, in calendar order.")
    async def joint_sessions(self, info: Info, case_id: UUID) -> list[JointSession]:
        sessions = await _mediate(info, case_id, Action.READ, lambda app: app.joint_sessions(case_id))
        return [joint_session_of(s) for s in sessions]

    @strawberry.field(description="The binding decisions taken in the case.")
    async def decisions(self, info: Info, case_id: UUID) -> list[Decision]:
        return decisions_of(await _mediate(info, case_id, Action.READ, lambda app: app.decisions(case_id)))

    @strawberry.field(description="Every gezinsbemiddeling phase of the case: its term, the conversations recorded "
                                  "and the counts left.")
    async def mediation(self, info: Info, case_id: UUID) -> list[MediationPhase]:
        view = await _mediate(info, case_id, Action.READ, lambda app: app.mediation(case_id))
        return [phase_of(p, actor(info)) for p in view.phases]


@strawberry.type
class Mutation:
    @strawberry.mutation(description=(
        "Record a conversation you held: an intake or an individual conversation names its one parent, a joint one "
        "is with both. Refused outside a gezinsbemiddeling phase or its 16 school weeks, on a day to come, and "
        "beyond the phase's counts (an intake per parent, 4 joint, 4 individual with each parent). Returns the "
        "mediation's phases."))
    async def record_mediation_conversation(
        self, info: Info, case_id: UUID, kind: ConversationKind, on: date, duration_minutes: int,
        attended: list[Parent], note: str, parent: Parent | None = None,
    ) -> list[MediationPhase]:
        note, came, who = text(note, "the note", MAX_LONG_TEXT), bounded_list(attended, "attended"), actor(info)
        view = await _mediate(info, case_id, Action.CHANGE, lambda app: app.record_mediation_conversation(
            case_id, kind=kind.value, on=on, minutes=duration_minutes, note=PrivateText(case_id, note), actor=who,
            parents=[parent.value] if parent else [], attended=[p.value for p in came]))
        return [phase_of(p, who) for p in view.phases]

    @strawberry.mutation(description=(
        "Record a meeting with the Sociaal Team or Jeugdbescherming you attended as begeleider, with a note; at "
        "most the phase's number (the seed: 1-2 x). Returns the mediation's phases."))
    async def record_network_meeting(
        self, info: Info, case_id: UUID, with_whom: NetworkPartner, on: date, duration_minutes: int, note: str,
    ) -> list[MediationPhase]:
        note, who = text(note, "the note", MAX_LONG_TEXT), actor(info)
        view = await _mediate(info, case_id, Action.CHANGE, lambda app: app.record_network_meeting(
            case_id, with_whom=with_whom.value, on=on, minutes=duration_minutes, note=PrivateText(case_id, note),
            actor=who))
        return [phase_of(p, who) for p in view.phases]


def schema(*, introspection: bool) -> strawberry.Schema:
    return build_schema(Query, Mutation, introspection=introspection)
