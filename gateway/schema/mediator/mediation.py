"""The begeleider's own conversations: per gezinsbemiddeling phase, the term, the counts left, and the notes
of the conversations they held themselves (another begeleider's notes stay theirs)."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry

from gateway.schema.mediator.agreements import Parent, TrajectoryType
from services.shared_agreements.api import (
    CONVERSATION_KINDS, NETWORK_PARTNERS, ConversationView, MediationPhaseView, NetworkMeetingView, ParentCounts,
)

ConversationKind = strawberry.enum(Enum("ConversationKind", {k.upper(): k for k in CONVERSATION_KINDS}), description=(
    "INTAKE: the individual kennismakingsgesprek with one parent; JOINT: with both parents; INDIVIDUAL: with one."))


@strawberry.type(description="A conversation the begeleider recorded.")
class MediationConversation:
    kind: ConversationKind
    on: date
    duration_minutes: int
    parents: list[Parent] = strawberry.field(description="Whom the conversation was for.")
    attended: list[Parent]
    held_by_you: bool
    note: str | None = strawberry.field(
        description='The note, only of a conversation you held ("[gewist]" once erased); otherwise null.')


NetworkPartner = strawberry.enum(Enum("NetworkPartner", {k.upper(): k for k in NETWORK_PARTNERS}), description=(
    "Whom the begeleider met: the municipality's Sociaal Team or Jeugdbescherming."))


@strawberry.type(description="A meeting with the Sociaal Team or Jeugdbescherming the begeleider attended.")
class NetworkMeeting:
    with_whom: NetworkPartner
    on: date
    duration_minutes: int
    held_by_you: bool
    note: str | None = strawberry.field(
        description='The note, only of a meeting you attended ("[gewist]" once erased); otherwise null.')


@strawberry.type(description="One parent's conversations in the phase.")
class ParentConversations:
    parent: Parent
    intake_held: bool
    individual: int
    individual_left: int | None = strawberry.field(description="Individual conversations still allowed in the phase.")
    attended: int
    missed: int


@strawberry.type(description=(
    "A gezinsbemiddeling phase: 16 school weeks from the first intake, without the school-holiday weeks of the "
    "family's region. With no imported list covering the term, termEnd is null and holidayCalendarMissing true."))
class MediationPhase:
    number: int
    trajectory_type: TrajectoryType
    began_on: date | None = strawberry.field(description="The first intake; null before it.")
    term_end: date | None
    holiday_calendar_missing: bool
    joint: int
    joint_left: int | None = strawberry.field(description="Joint conversations still allowed in the phase.")
    parents: list[ParentConversations]
    conversations: list[MediationConversation]
    network_meetings: list[NetworkMeeting]
    network_meetings_left: int | None = strawberry.field(description=(
        "Meetings with the Sociaal Team or Jeugdbescherming still allowed in the phase (the seed: 1-2); "
        "null: the type does not offer them."))


def _conversation(c: ConversationView, caller: str) -> MediationConversation:
    mine = c.held_by == caller
    return MediationConversation(kind=ConversationKind(c.kind), on=c.on, duration_minutes=c.minutes,
                                 parents=[Parent(p) for p in c.parents], attended=[Parent(p) for p in c.attended],
                                 held_by_you=mine, note=str(c.note) if mine else None)


def _counts(p: ParentCounts) -> ParentConversations:
    return ParentConversations(parent=Parent(p.parent), intake_held=p.intake_held, individual=p.individual,
                               individual_left=p.individual_left, attended=p.attended, missed=p.missed)


def phase_of(view: MediationPhaseView, caller: str) -> MediationPhase:
    return MediationPhase(
        number=view.number, trajectory_type=TrajectoryType(view.trajectory_type), began_on=view.began_on,
        term_end=view.term_end, holiday_calendar_missing=view.holiday_calendar_missing, joint=view.joint,
        joint_left=view.joint_left, parents=[_counts(p) for p in view.parents],
        conversations=[_conversation(c, caller) for c in view.conversations],
        network_meetings=[_network(m, caller) for m in view.network_meetings],
        network_meetings_left=view.network_meetings_left,
    )


def _network(m: NetworkMeetingView, caller: str) -> NetworkMeeting:
    mine = m.attended_by == caller
    return NetworkMeeting(with_whom=NetworkPartner(m.with_whom), on=m.on, duration_minutes=m.minutes,
                          held_by_you=mine, note=str(m.note) if mine else None)
