"""Mediation conversations (gezinsbemiddeling): what the begeleider of both parents records, per phase.

Seed gezinsbemiddeling-kind-en-ik, fase 1 and fase 2: "Individueel Kennismakingsgesprek;
4 gezamenlijke gesprekken; 4 Individuele gesprekken", "Duurt 16 weken*" (*exclusief
schoolvakantieweken). One begeleider works with both parents; that role lives here, in the
shared context, never as a side's counsellor (design §4, "Mediation phases").

Decided (docs/practices.md, "Mediation conversations"): the intake and the 4 individual
conversations are per parent, the 4 joint ones per phase. A conversation counts once recorded,
attended or missed (the begeleider held the time for it). A phase's term begins with its first
intake, the seed's first step; nothing of the phase lies before it, nor after the case moved
on, nor after the term's end, nor on a day that has not come. The counts are the trajectory
type's data: ``max_joint_sessions`` and ``max_sessions`` (individual, per parent).

The note is private text: encrypted with the case's key, redacted in the auditor's replay.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Sequence
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.platform.private_text import PrivateText
from services.shared_agreements.domain.mediation_inputs import (
    CONVERSATION_KINDS, INDIVIDUAL, INTAKE, JOINT, InvalidMediationConversation, checked_day, checked_kind,
    checked_minutes, checked_note, checked_parents,
)
from services.shared_agreements.domain.mediation_term import Term
from services.shared_agreements.domain.parents import checked_parent

__all__ = ["CONVERSATION_KINDS", "INDIVIDUAL", "INTAKE", "JOINT", "InvalidMediationConversation", "MediationPhase",
           "MediationRecord", "Conversation", "NETWORK_PARTNERS", "NetworkMeeting", "mediation_id"]


def mediation_id(case_id: UUID) -> UUID:
    return uuid5(case_id, "gezinsbemiddeling-gesprekken")


@dataclass(frozen=True)
class MediationPhase:
    """What the case says of the phase a day falls in (the application reads it from the case header)."""

    number: int
    trajectory_type: str
    mediated: bool  #: a phase with one begeleider for both parents
    entered_on: date | None  #: the day the case moved into it; None for the phase it was registered with
    left_on: date | None  #: the day the case moved on from it, or None while it is the current phase
    next_type: str | None
    max_joint: int | None
    max_individual: int | None  #: per parent
    #: meetings with the Sociaal Team or Jeugdbescherming the begeleider may join; None: not offered
    max_network_meetings: int | None = None


@dataclass(frozen=True)
class Conversation:
    phase: int
    kind: str
    on: date
    minutes: int
    parents: tuple[str, ...]  #: whom it was for
    attended: tuple[str, ...]  #: who came
    note: PrivateText
    held_by: str


#: "gesprekken met het Sociaal Team of Jeugdbescherming" (seed gezinsbemiddeling-kind-en-ik)
NETWORK_PARTNERS = ("sociaal_team", "jeugdbescherming")


@dataclass(frozen=True)
class NetworkMeeting:
    """A meeting of the Sociaal Team or Jeugdbescherming the begeleider attended."""

    phase: int
    with_whom: str
    on: date
    minutes: int
    note: PrivateText
    attended_by: str


class MediationRecord(Aggregate):
    """De gesprekken van de begeleider in de gezinsbemiddeling van één zaak."""

    @staticmethod
    def create_id(case_id: UUID, **_: Any) -> UUID:
        return mediation_id(case_id)

    class Opened(Aggregate.Created):
        case_id: UUID
        actor: str

    @classmethod
    def open(cls, case_id: UUID, actor: str) -> MediationRecord:
        return cls._create(cls.Opened, id=mediation_id(case_id), case_id=case_id, actor=actor)

    @event(Opened)
    def __init__(self, case_id: UUID, actor: str) -> None:
        self.case_id = case_id
        self.conversations: tuple[Conversation, ...] = ()
        self.network_meetings: tuple[NetworkMeeting, ...] = ()

    def record(
        self, *, phase: MediationPhase, kind: str, on: date, minutes: int, parents: Sequence[str],
        attended: Sequence[str], note: PrivateText, enrolled: Sequence[str], term: Term | None, today: date,
        actor: str,
    ) -> None:
        """A conversation the begeleider held: ``term`` is the phase's term (None before its first intake)."""
        on = checked_day(on)
        if not phase.mediated:
            raise InvalidMediationConversation(_not_mediated(phase, on))
        kind, who = checked_kind(kind), checked_parents(kind, parents, enrolled)
        _check_inside(phase, kind, on, term, self._of(phase.number))
        if on > today:
            raise InvalidMediationConversation(f"a conversation on {on.isoformat()} cannot be recorded yet: that day "
                                               f"has not come (today is {today.isoformat()})")
        self._check_counts(phase, kind, who)
        came = tuple(sorted({checked_parent(p) for p in attended}))
        if set(came) - set(who):
            raise InvalidMediationConversation("only a parent the conversation was for can have attended it")
        self._recorded(phase=phase.number, kind=kind, on=on.isoformat(), minutes=checked_minutes(minutes),
                       parents=list(who), attended=list(came), note=checked_note(note, self.case_id), actor=actor)

    @event("ConversationRecorded")
    def _recorded(self, phase: int, kind: str, on: str, minutes: int, parents: list[str], attended: list[str],
                  note: PrivateText, actor: str) -> None:
        """Gesprek van de begeleider vastgelegd (kennismaking, gezamenlijk of individueel)."""
        self.conversations += (Conversation(phase, kind, date.fromisoformat(on), minutes, tuple(parents),
                                            tuple(attended), note, actor),)

    def record_network_meeting(
        self, *, phase: MediationPhase, with_whom: str, on: date, minutes: int, note: PrivateText, term: Term | None,
        today: date, actor: str,
    ) -> None:
        """A meeting with the Sociaal Team or Jeugdbescherming the begeleider attended: at most the type's number
        in a phase ("1-2 x"), inside the phase's term, never on a day to come."""
        on = checked_day(on)
        if not phase.mediated:
            raise InvalidMediationConversation(_not_mediated(phase, on))
        if with_whom not in NETWORK_PARTNERS:
            raise InvalidMediationConversation(f"a network meeting is with {' or '.join(NETWORK_PARTNERS)}, "
                                               f"not {with_whom!r}")
        most = phase.max_network_meetings
        if most is None:
            raise InvalidMediationConversation(f"{phase.trajectory_type} offers no meetings with the Sociaal Team or "
                                               "Jeugdbescherming")
        _check_inside(phase, JOINT, on, term, self._of(phase.number))
        if on > today:
            raise InvalidMediationConversation(f"a meeting on {on.isoformat()} cannot be recorded yet: that day "
                                               f"has not come (today is {today.isoformat()})")
        if len(self.network_meetings_in(phase.number)) >= most:
            raise InvalidMediationConversation(
                f"the begeleider joins at most {most} meetings with the Sociaal Team or Jeugdbescherming in a "
                f"phase; all {most} of phase {phase.number} are recorded")
        self._network_meeting_recorded(phase=phase.number, with_whom=with_whom, on=on.isoformat(),
                                       minutes=checked_minutes(minutes), note=checked_note(note, self.case_id),
                                       actor=actor)

    @event("NetworkMeetingRecorded")
    def _network_meeting_recorded(self, phase: int, with_whom: str, on: str, minutes: int, note: PrivateText,
                                  actor: str) -> None:
        """Begeleider aanwezig bij een gesprek met het Sociaal Team of Jeugdbescherming."""
        meeting = NetworkMeeting(phase, with_whom, date.fromisoformat(on), minutes, note, actor)
        self.network_meetings = (*getattr(self, "network_meetings", ()), meeting)

    def network_meetings_in(self, phase: int) -> tuple[NetworkMeeting, ...]:
        # getattr: a record opened before network meetings existed has no such attribute in a snapshot
        return tuple(m for m in getattr(self, "network_meetings", ()) if m.phase == phase)

    def _of(self, phase: int) -> tuple[Conversation, ...]:
        return tuple(c for c in self.conversations if c.phase == phase)

    def _check_counts(self, phase: MediationPhase, kind: str, who: tuple[str, ...]) -> None:
        held = self._of(phase.number)
        if kind == INTAKE and any(c.kind == INTAKE and c.parents == who for c in held):
            raise InvalidMediationConversation(f"{who[0]} already had the intake of phase {phase.number}")
        if kind == JOINT and phase.max_joint is not None and _count(held, JOINT) >= phase.max_joint:
            raise InvalidMediationConversation(
                f"{phase.trajectory_type} holds at most {phase.max_joint} joint conversations in a phase; "
                f"all {phase.max_joint} are recorded")
        if kind == INDIVIDUAL and phase.max_individual is not None:
            if _count(held, INDIVIDUAL, who[0]) >= phase.max_individual:
                raise InvalidMediationConversation(
                    f"{phase.trajectory_type} holds at most {phase.max_individual} individual conversations with "
                    f"each parent in a phase; all {phase.max_individual} with {who[0]} are recorded")

    def intake_day(self, phase: int) -> date | None:
        """The first intake of the phase: the day its term begins."""
        return min((c.on for c in self._of(phase) if c.kind == INTAKE), default=None)

    def in_phase(self, phase: int) -> tuple[Conversation, ...]:
        return tuple(sorted(self._of(phase), key=lambda c: (c.on, CONVERSATION_KINDS.index(c.kind))))

    def phases(self) -> tuple[int, ...]:
        return tuple(sorted({c.phase for c in self.conversations}))


def _count(held: Sequence[Conversation], kind: str, parent: str | None = None) -> int:
    return sum(1 for c in held if c.kind == kind and (parent is None or c.parents == (parent,)))


def _check_inside(phase: MediationPhase, kind: str, on: date, term: Term | None, held: Sequence[Conversation]) -> None:
    if phase.entered_on is not None and on < phase.entered_on:
        raise InvalidMediationConversation(f"phase {phase.number} started on {phase.entered_on.isoformat()}; "
                                           f"a conversation on {on.isoformat()} lies before it")
    if phase.left_on is not None and on > phase.left_on:
        raise InvalidMediationConversation(
            f"the case moved on to {phase.next_type} on {phase.left_on.isoformat()}; this phase takes no "
            f"conversation dated later ({on.isoformat()})")
    if term is None:
        if kind != INTAKE:
            raise InvalidMediationConversation("a mediation phase begins with the intake (individueel "
                                               "kennismakingsgesprek); record a parent's intake first")
        return
    start = min(c.on for c in held if c.kind == INTAKE)
    if on < start:
        raise InvalidMediationConversation(f"phase {phase.number} began with the intake on {start.isoformat()}; "
                                           f"a conversation on {on.isoformat()} lies before it")
    if on > term.last_allowed_day:
        end = f"ended on {term.end.isoformat()}" if term.end else f"ends by {term.last_allowed_day.isoformat()} at the latest"
        raise InvalidMediationConversation(f"the 16 school weeks of phase {phase.number} {end}; a conversation on "
                                           f"{on.isoformat()} lies after the phase")


def _not_mediated(phase: MediationPhase, on: date) -> str:
    since = f"the case moved on to {phase.trajectory_type} on {phase.entered_on.isoformat()}" if phase.entered_on \
        else f"the case follows {phase.trajectory_type}"
    return (f"on {on.isoformat()} {since}, which has no begeleider of both parents; mediation conversations "
            "belong to a gezinsbemiddeling phase")
