"""The child counsellor's schema: the child conversations (kindgesprekken) of the cases assigned.

A child counsellor records child conversations on either parent's side of a case they are
assigned to; that side's context holds them and logs the access. Of a side they see
nothing but its child conversations: the output type has no field for anything else. A
summary is private text, shown only to whoever held the conversation; of the others they
see that one took place (day, child), enough to keep to a trajectory's limit.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

import strawberry
from strawberry.types import Info

from services.staff_directory.api import Role, Side as SideValue
from gateway.schema.base import build_schema
from gateway.schema.bounds import MAX_LONG_TEXT, MAX_NAME, text
from gateway.schema.common import SIDE_CONTEXT, Done, side_enum, actor, assignment_to, context_app, directory, on_case
from services.parent_side.api import (
    ChildConversation as ConversationRecord, ChildConversationRoom as RoomView, TrajectoryNotFound,
)
from services.platform.access_log import Action
from services.platform.private_text import PrivateText
from services.platform.stores import Store


Side = side_enum()


@strawberry.type(description="A child conversation (kindgesprek) recorded on one side of the case.")
class ChildConversation:
    side: Side
    on: date
    child: str = strawberry.field(description="The child's first name.")
    held_by_you: bool
    summary: str | None = strawberry.field(
        description='The summary, only of a conversation you held ("[gewist]" once erased); otherwise null.')


def _conversation(side: SideValue, record: ConversationRecord, caller: str) -> ChildConversation:
    mine = record.held_by == caller
    return ChildConversation(side=Side(side.value), on=record.on, child=record.child, held_by_you=mine,
                             summary=str(record.summary) if mine else None)


async def _conversations_on(info: Info, case_id: UUID, side: SideValue) -> list[ChildConversation]:
    def read() -> tuple[ConversationRecord, ...]:
        try:
            # Only the child conversations leave this function; the rest of the view stays here.
            return context_app(info, SIDE_CONTEXT[side]).trajectory(case_id).child_conversations
        except TrajectoryNotFound:
            return ()  # a parent may follow no trajectory: that side simply has no conversations

    records = await on_case(info, case_id, SIDE_CONTEXT[side], Action.READ, read)
    return [_conversation(side, r, actor(info)) for r in records]


@strawberry.type(description="What one side's trajectory leaves for child conversations on a day: enough to "
                               "keep to its consent and its limit, nothing else of the side.")
class ChildConversationRoom:
    side: Side
    on: date
    trajectory_opened: bool = strawberry.field(
        description="False while this parent follows no trajectory: then no conversation can be recorded.")
    in_term: bool = strawberry.field(
        description="Whether the trajectory takes a conversation on that day: started, not closed, the day inside "
                    "its phase and its term.")
    consent_in_force: bool = strawberry.field(
        description="Whether the parents' consent (toestemming) for child conversations is in force on that day.")
    maximum: int = strawberry.field(description="The most child conversations the trajectory allows.")
    held: int = strawberry.field(description="The child conversations recorded on this side so far.")
    left: int = strawberry.field(description="How many more the trajectory allows.")


async def _room_on(info: Info, case_id: UUID, side: SideValue, on: date) -> ChildConversationRoom:
    def read() -> RoomView | None:
        try:
            return context_app(info, SIDE_CONTEXT[side]).child_conversation_room(case_id, on=on)
        except TrajectoryNotFound:
            return None

    room = await on_case(info, case_id, SIDE_CONTEXT[side], Action.READ, read)
    if room is None:
        return ChildConversationRoom(side=Side(side.value), on=on, trajectory_opened=False, in_term=False,
                                     consent_in_force=False,
                                     maximum=0, held=0, left=0)
    return ChildConversationRoom(side=Side(side.value), on=room.on, trajectory_opened=True,
                                 in_term=room.in_term, consent_in_force=room.consent_in_force, maximum=room.maximum, held=room.held,
                                 left=room.left)


@strawberry.type
class Query:
    @strawberry.field(description="The cases whose child conversations you hold.")
    async def my_cases(self, info: Info) -> list[UUID]:
        # The directory's own store holds the assignments: the look-up is logged there.
        assigned = await on_case(info, None, Store.DIRECTORY, Action.SEARCH, directory(info).cases_of, actor(info))
        return sorted((case_id for case_id, a in assigned.items() if a.role is Role.CHILD_COUNSELLOR), key=str)

    @strawberry.field(description="The child conversations recorded on each side of the case, by day.")
    async def child_conversations(self, info: Info, case_id: UUID) -> list[ChildConversation]:
        await assignment_to(info, case_id, Role.CHILD_COUNSELLOR)
        found = [c for side in SideValue for c in await _conversations_on(info, case_id, side)]
        return sorted(found, key=lambda c: (c.on, c.side.value))

    @strawberry.field(description="Per side, before you record a child conversation: whether the parents' consent "
                                  "is in force on that day, and the conversations the trajectory has left. Never "
                                  "who gave consent.")
    async def child_conversation_rooms(self, info: Info, case_id: UUID, on: date) -> list[ChildConversationRoom]:
        await assignment_to(info, case_id, Role.CHILD_COUNSELLOR)
        return [await _room_on(info, case_id, side, on) for side in SideValue]


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Record a child conversation you held, on one parent's side of the case. "
                                     "Refused without that side's consent, beyond its trajectory's limit, or "
                                     "when you are or were that side's counsellor.")
    async def record_child_conversation(
        self, info: Info, case_id: UUID, side: Side, child: str, on: date, summary: str
    ) -> Done:
        child = text(child, "the child's name", MAX_NAME)
        summary = text(summary, "the summary", MAX_LONG_TEXT)
        await assignment_to(info, case_id, Role.CHILD_COUNSELLOR)
        context, who = SIDE_CONTEXT[SideValue(side.value)], actor(info)
        await on_case(info, case_id, context, Action.CHANGE, context_app(info, context).record_child_conversation,
                      case_id, child=child, held_by=who, on=on, summary=PrivateText(case_id, summary), actor=who)
        return Done()


def schema(*, introspection: bool) -> strawberry.Schema:
    return build_schema(Query, Mutation, introspection=introspection)
