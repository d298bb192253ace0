"""What the shared-agreements context hands out: frozen, plain data, never an aggregate.

A court report is built from these later, so every view carries who acted and when.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from uuid import UUID


@dataclass(frozen=True)
class ParentView:
    slot: str
    display_name: str
    parental_authority: bool
    enrolled: bool


@dataclass(frozen=True)
class ChildView:
    first_name: str
    date_of_birth: date


@dataclass(frozen=True)
class PhaseView:
    """One phase of the case: the trajectory type it followed from ``since``; the first has no reason."""

    number: int
    trajectory_type: str
    since: datetime
    started_by: str
    reason: str | None = None


@dataclass(frozen=True)
class ErasureView:
    """The case's private text was erased: why, by whom, when; its texts read "[gewist]" since."""

    reason: str
    erased_by: str
    erased_at: datetime


@dataclass(frozen=True)
class CaseView:
    case_id: UUID
    trajectory_type: str  # of the current phase
    parent_a: ParentView
    parent_b: ParentView
    children: tuple[ChildView, ...]
    registered_by: str
    registered_at: datetime
    phases: tuple[PhaseView, ...] = ()  # in order, the current one last
    region: str | None = None  # the school-holiday region, once recorded
    #: Enrolled parents without the parental authority the type requires: recorded after the start, flagged.
    authority_missing: tuple[str, ...] = ()
    erasure: ErasureView | None = None  # once the case's private text was erased


    @property
    def parents(self) -> tuple[ParentView, ParentView]:
        return (self.parent_a, self.parent_b)

    @property
    def enrolled_parents(self) -> tuple[str, ...]:
        """The slots of the parents who follow the trajectory ("parent_a", "parent_b")."""
        return tuple(p.slot for p in self.parents if p.enrolled)


@dataclass(frozen=True)
class CategoryRules:
    category: str
    number: int
    title: str
    rules: tuple[str, ...]


@dataclass(frozen=True)
class SignatureView:
    parent: str
    method: str
    text_hash: str
    recorded_by: str
    recorded_at: datetime
    signed_on: date | None = None  # the day the parent signed (a wet signature may be recorded later)


@dataclass(frozen=True)
class RevocationView:
    reason: str
    revoked_by: str
    revoked_at: datetime


@dataclass(frozen=True)
class RuleVersionView:
    """One version of the ground rules (spelregels), from draft to its end.

    ``status`` is the code of one of ``rule_versions.STATUSES`` (draft, offered, in_force ...).
    ``text`` and ``text_hash`` are set once the version is offered: the exact
    canonical text the parents sign and its SHA-256.
    """

    version: int
    status: str
    categories: tuple[CategoryRules, ...]
    drafted_by: str
    drafted_at: datetime
    offered_by: str | None
    offered_at: datetime | None
    text: str | None
    text_hash: str | None
    signers: tuple[str, ...]
    signatures: tuple[SignatureView, ...]
    in_force_from: datetime | None
    in_force_until: datetime | None
    withdrawn_at: datetime | None
    revocation: RevocationView | None


@dataclass(frozen=True)
class GroundRulesView:
    case_id: UUID
    versions: tuple[RuleVersionView, ...]
    #: Parents enrolled now who did not sign the version in force (enrolled after it came into force):
    #: the rules need their signature, so the coordinator offers a version to every parent.
    awaiting_signature_of: tuple[str, ...] = ()

    @property
    def in_force(self) -> RuleVersionView | None:
        return next((v for v in self.versions if v.status == "in_force"), None)


@dataclass(frozen=True)
class PositionView:
    parent: str
    position: str
    relayed_by: str
    relayed_at: datetime


@dataclass(frozen=True)
class DecisionView:
    decision: str
    reasoning: str
    decided_by: str
    decided_at: datetime
    binds: tuple[str, ...]
    missing_positions: dict[str, str] = field(default_factory=dict)  # parent: why no position was relayed


@dataclass(frozen=True)
class DisputeView:
    number: int
    subject: str
    raised_by: str
    recorded_by: str
    recorded_at: datetime
    positions: tuple[PositionView, ...]
    decision: DecisionView | None


@dataclass(frozen=True)
class TransparencyAgreementView:
    """What one parent agreed may be shared with the other side, from ``agreed_on``."""

    parent: str
    categories: tuple[str, ...]
    agreed_on: date
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class TransparencyView:
    case_id: UUID
    history: tuple[TransparencyAgreementView, ...]

    def current(self, parent: str) -> TransparencyAgreementView | None:
        """The latest agreement of that parent (None: nothing agreed, so nothing is shared)."""
        return next((a for a in reversed(self.history) if a.parent == parent), None)

    def may_share(self, parent: str, category: str) -> bool:
        agreement = self.current(parent)
        return agreement is not None and category in agreement.categories
