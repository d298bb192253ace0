"""What the begeleider, and the court report, read of the mediation: per phase, the counts against the type's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from services.platform.private_text import PrivateText
from services.shared_agreements.domain.mediation import (
    INDIVIDUAL, INTAKE, JOINT, Conversation, MediationPhase, MediationRecord, NetworkMeeting,
)
from services.shared_agreements.domain.mediation_term import Term


@dataclass(frozen=True)
class ConversationView:
    kind: str
    on: date
    minutes: int
    parents: tuple[str, ...]
    attended: tuple[str, ...]
    note: PrivateText  #: for the begeleider only; the court report counts, never quotes
    held_by: str


@dataclass(frozen=True)
class ParentCounts:
    """One parent's conversations in the phase: intake, individual ones left, attended and missed."""

    parent: str
    intake_held: bool
    individual: int
    individual_left: int | None  #: None: the type states no number
    attended: int  #: every kind, this parent's own and the joint ones
    missed: int


@dataclass(frozen=True)
class MediationPhaseView:
    number: int
    trajectory_type: str
    began_on: date | None  #: the first intake: the term's first day; None before it
    term_end: date | None  #: None before the intake, or when no imported list covers the term
    holiday_calendar_missing: bool  #: the term's end is unknown: no list of the family's region covers it
    joint: int
    joint_left: int | None
    parents: tuple[ParentCounts, ...]
    conversations: tuple[ConversationView, ...]
    network_meetings: tuple[NetworkMeeting, ...] = ()  #: with the Sociaal Team or Jeugdbescherming
    network_meetings_left: int | None = None  #: None: the type does not offer them


@dataclass(frozen=True)
class MediationView:
    case_id: UUID
    phases: tuple[MediationPhaseView, ...]  #: every gezinsbemiddeling phase of the case, in order


def phase_view(record: MediationRecord | None, phase: MediationPhase, term: Term | None,
               enrolled: tuple[str, ...]) -> MediationPhaseView:
    held = record.in_phase(phase.number) if record else ()
    network = record.network_meetings_in(phase.number) if record else ()
    joint = sum(1 for c in held if c.kind == JOINT)
    return MediationPhaseView(
        number=phase.number, trajectory_type=phase.trajectory_type,
        began_on=record.intake_day(phase.number) if record else None,
        term_end=term.end if term else None, holiday_calendar_missing=term is not None and term.calendar_missing,
        joint=joint, joint_left=None if phase.max_joint is None else phase.max_joint - joint,
        parents=tuple(_counts(p, held, phase.max_individual) for p in enrolled),
        conversations=tuple(ConversationView(c.kind, c.on, c.minutes, c.parents, c.attended, c.note, c.held_by)
                            for c in held),
        network_meetings=network, network_meetings_left=None if phase.max_network_meetings is None
        else phase.max_network_meetings - len(network),
    )


def _counts(parent: str, held: tuple[Conversation, ...], most: int | None) -> ParentCounts:
    individual = sum(1 for c in held if c.kind == INDIVIDUAL and c.parents == (parent,))
    theirs = [c for c in held if parent in c.parents]
    return ParentCounts(
        parent=parent, intake_held=any(c.kind == INTAKE for c in theirs), individual=individual,
        individual_left=None if most is None else most - individual,
        attended=sum(1 for c in theirs if parent in c.attended), missed=sum(1 for c in theirs if parent not in c.attended),
    )
