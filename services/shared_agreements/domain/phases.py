"""Which phase may follow which: the trajectory types' own data, read, never restated here.

Kind en Ik runs its trajectories in phases of one case (seed gezinsbemiddeling-kind-en-ik):
gezinsbemiddeling fase 1 → fase 2, or → parallel ouderschap fase 1 when cooperation does not
improve, and parallel ouderschap fase 1 → fase 2. A move is the coordinator's, with the reason.
"""

from __future__ import annotations

from services.platform.trajectory_types import TYPES
from services.shared_agreements.domain.errors import InvalidCase, NotANextPhase, UnknownTrajectoryType

MAX_REASON = 2_000


def check_next_phase(current: str, following: str) -> None:
    if following not in TYPES:
        raise UnknownTrajectoryType(f"unknown trajectory type {following!r}")
    allowed = TYPES[current].next_phases if current in TYPES else ()
    if following not in allowed:
        options = ", ".join(allowed) if allowed else "none: this trajectory type has no next phase"
        raise NotANextPhase(f"a case of {current!r} cannot move on to {following!r}; its next phases: {options}")


def checked_reason(reason: str) -> str:
    text = (reason or "").strip() if isinstance(reason, str) else ""
    if not text:
        raise InvalidCase("a move to the next phase needs its reason")
    if len(text) > MAX_REASON:
        raise InvalidCase(f"the reason is longer than {MAX_REASON} characters")
    return text
