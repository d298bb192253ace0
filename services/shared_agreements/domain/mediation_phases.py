"""Which phases of a case are mediation phases, and which phase a day belongs to, read from the case header.

A day of a move still belongs to the phase the case left, as on the parent sides ("the old phase
takes nothing dated later" than the move).
"""

from __future__ import annotations

from datetime import date

from services.platform.practice_day import practice_day
from services.platform.trajectory_types import TYPES
from services.shared_agreements.domain.mediation import MediationPhase
from services.shared_agreements.domain.views import CaseView


def phases_of(case: CaseView) -> list[MediationPhase]:
    days = [None if p.number == 1 else practice_day(p.since) for p in case.phases]
    phases = []
    for index, p in enumerate(case.phases):
        entry = TYPES[p.trajectory_type]
        following = case.phases[index + 1] if index + 1 < len(case.phases) else None
        phases.append(MediationPhase(
            number=p.number, trajectory_type=p.trajectory_type, mediated=entry.mediated, entered_on=days[index],
            left_on=days[index + 1] if following else None, next_type=following and following.trajectory_type,
            max_joint=entry.template.max_joint_sessions, max_individual=entry.template.max_sessions,
            max_network_meetings=entry.template.max_network_meetings))
    return phases


def phase_on(case: CaseView, on: date) -> MediationPhase:
    """The phase ``on`` belongs to."""
    return next(p for p in reversed(phases_of(case)) if p.entered_on is None or p.entered_on < on)


def enrolled(case: CaseView) -> tuple[str, ...]:
    return tuple(p.slot for p in case.parents if p.enrolled)
