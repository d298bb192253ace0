"""The case header: two parent slots, the children, the trajectory type (zaak)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Sequence
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from services.platform.trajectory_types import TYPES
from services.shared_agreements.domain.errors import InvalidCase, ParentalAuthorityMissing, UnknownTrajectoryType
from services.shared_agreements.domain.parents import PARENTS, checked_parent
from services.shared_agreements.domain.phases import check_next_phase, checked_reason
from services.shared_agreements.domain.private import Text, private, shown
from services.shared_agreements.domain.school_holidays import checked_region
from services.shared_agreements.domain.views import CaseView, ChildView, ErasureView, ParentView, PhaseView

# The codes and the parallel-parenting rule are the shared trajectory types' data.
TRAJECTORY_TYPES: tuple[str, ...] = tuple(TYPES)
# Parallel parenting lets each parent parent on their own authority, so it needs
# ouderlijk gezag of every enrolled parent (seed: parallel-solo-ouderschap-loman).
PARALLEL_PARENTING = frozenset(code for code, entry in TYPES.items() if entry.parallel_parenting)
# Why a case's private text is erased (the same words as on the parents' sides).
RETENTION_ENDED, ERASURE_REQUEST = "retention period ended", "erasure request"
ERASURE_REASONS = (RETENTION_ENDED, ERASURE_REQUEST)


@dataclass(frozen=True)
class Parent:
    """A parent as registered: no counsellor here, only name, authority and enrolment."""

    display_name: str
    parental_authority: bool
    enrolled: bool = True


@dataclass(frozen=True)
class Child:
    first_name: str
    date_of_birth: date


class Case(Aggregate):
    """Zaak: the header both sides' trajectories and all shared agreements refer to."""

    @classmethod
    def register(
        cls, case_id: UUID, parent_a: Parent, parent_b: Parent, children: Sequence[Child],
        trajectory_type: str, actor: str, today: date | None = None,
    ) -> Case:
        """Zaak registreren; ``today`` (the application's clock): no child is born after it."""
        parents = {"parent_a": _checked_parent_record(parent_a), "parent_b": _checked_parent_record(parent_b)}
        if not any(p["enrolled"] for p in parents.values()):
            raise InvalidCase("at least one parent must follow the trajectory")
        if trajectory_type not in TRAJECTORY_TYPES:
            raise UnknownTrajectoryType(f"unknown trajectory type {trajectory_type!r}")
        for slot, parent in parents.items():
            _require_authority(trajectory_type, slot, parent)
        return cls._create(
            cls.CaseRegistered, id=case_id, parents=parents, children=_checked_children(children, today),
            trajectory_type=trajectory_type, actor=actor,
        )

    class CaseRegistered(Aggregate.Created):
        """Zaak geregistreerd: the case with its parents, children and trajectory type."""

        parents: dict[str, dict[str, Any]]
        children: list[dict[str, str]]
        trajectory_type: str
        actor: str

    @event(CaseRegistered)
    def __init__(
        self, parents: dict[str, dict[str, Any]], children: list[dict[str, str]], trajectory_type: str,
        actor: str, timestamp: datetime | None = None,
    ) -> None:
        self.parents = {slot: dict(record) for slot, record in parents.items()}
        self.children = [dict(child) for child in children]
        self.trajectory_type = trajectory_type
        self.registered_by = actor
        self.registered_at = timestamp
        self.phases: tuple[PhaseView, ...] = (PhaseView(1, trajectory_type, timestamp, actor),)
        self.region: str | None = None
        self.erasure: tuple[str, str, datetime | None] | None = None  # why, by whom, when

    def record_parental_authority(self, parent: str, has_authority: bool, actor: str) -> None:
        """Ouderlijk gezag vastgelegd (or its loss), e.g. after a court ruling.

        A loss is a fact: it is recorded, never refused, also in parallel parenting where authority
        is a precondition; the case then flags it (``CaseView.authority_missing``) for the coordinator
        and the court report.
        """
        checked_parent(parent)
        if not isinstance(has_authority, bool):
            raise InvalidCase("say whether the parent has parental authority (yes or no)")
        self._authority_recorded(parent=parent, has_authority=has_authority, actor=actor)

    @event("ParentalAuthorityRecorded")
    def _authority_recorded(self, parent: str, has_authority: bool, actor: str) -> None:
        """Ouderlijk gezag vastgelegd."""
        self.parents[parent]["parental_authority"] = has_authority

    def enrol_parent(self, parent: str, actor: str) -> None:
        """A parent who was absent joins the trajectory (ouder neemt alsnog deel)."""
        record = self.parents[checked_parent(parent)]
        if record["enrolled"]:
            raise InvalidCase(f"{parent} already follows the trajectory")
        _require_authority(self.trajectory_type, parent, {**record, "enrolled": True})
        self._parent_enrolled(parent=parent, actor=actor)

    @event("ParentEnrolled")
    def _parent_enrolled(self, parent: str, actor: str) -> None:
        """Ouder neemt deel aan het traject."""
        self.parents[parent]["enrolled"] = True

    def move_to_phase(self, trajectory_type: str, reason: str, actor: str) -> None:
        """Volgende fase: the case moves on to the next trajectory type, with the reason why.

        Only to a type the current one names as its next phase; the header's parents, the
        children, and everything agreed in this context (rules, transparency) stay as they are.
        """
        check_next_phase(self.trajectory_type, trajectory_type)
        for slot, parent in self.parents.items():
            _require_authority(trajectory_type, slot, parent)
        # Why a case moves on often says how the parents fail to cooperate: private text of the case.
        self._phase_started(trajectory_type=trajectory_type, reason=private(self.id, checked_reason(reason)),
                            actor=actor)

    @event("PhaseStarted")
    def _phase_started(self, trajectory_type: str, reason: Text, actor: str, timestamp: datetime | None = None) -> None:
        """Nieuwe fase gestart: the case follows ``trajectory_type`` from now on."""
        self.phases = (*self.phases, PhaseView(len(self.phases) + 1, trajectory_type, timestamp, actor, reason))
        self.trajectory_type = trajectory_type

    def record_region(self, region: str, actor: str) -> None:
        """The family's school-holiday region: whose holidays a type that skips them leaves out."""
        region = checked_region(region)
        if region == self.region:
            raise InvalidCase(f"the case's school-holiday region is already {region}")
        self._region_recorded(region=region, actor=actor)

    @event("RegionRecorded")
    def _region_recorded(self, region: str, actor: str) -> None:
        """Schoolvakantieregio van het gezin vastgelegd."""
        self.region = region

    def erase_private_text(self, reason: str, actor: str) -> bool:
        """Record that the case's private text is erased (the key is destroyed next); False when it was."""
        if reason not in ERASURE_REASONS:
            raise InvalidCase(f"private text is erased only for one of these reasons: {', '.join(ERASURE_REASONS)}")
        if getattr(self, "erasure", None) is not None:
            return False
        self._private_text_erased(reason=reason, actor=actor)
        return True

    @event("PrivateTextErased")
    def _private_text_erased(self, reason: str, actor: str, timestamp: datetime | None = None) -> None:
        """Vrije tekst van de zaak gewist: de sleutel van de zaak wordt vernietigd."""
        self.erasure = (reason, actor, timestamp)

    @property
    def enrolled_parents(self) -> tuple[str, ...]:
        return tuple(slot for slot in PARENTS if self.parents[slot]["enrolled"])

    @property
    def authority_missing(self) -> tuple[str, ...]:
        """Enrolled parents without parental authority where the type requires it (a loss after the start)."""
        if self.trajectory_type not in PARALLEL_PARENTING:
            return ()
        return tuple(slot for slot in self.enrolled_parents if not self.parents[slot]["parental_authority"])

    def view(self) -> CaseView:
        parents = {slot: ParentView(slot=slot, **record) for slot, record in self.parents.items()}
        children = tuple(
            ChildView(first_name=c["first_name"], date_of_birth=date.fromisoformat(c["date_of_birth"]))
            for c in self.children
        )
        return CaseView(
            case_id=self.id, trajectory_type=self.trajectory_type, parent_a=parents["parent_a"],
            parent_b=parents["parent_b"], children=children, registered_by=self.registered_by,
            registered_at=self.registered_at, phases=tuple(replace(p, reason=shown(p.reason)) for p in self.phases),
            # A case restored from a snapshot taken before regions existed has no attribute yet.
            region=getattr(self, "region", None), authority_missing=self.authority_missing,
            erasure=ErasureView(*self.erasure) if getattr(self, "erasure", None) else None,
        )


def _checked_parent_record(parent: Parent) -> dict[str, Any]:
    name = (parent.display_name or "").strip()
    if not name:
        raise InvalidCase("each parent needs a display name, also a parent who does not take part")
    return {"display_name": name, "parental_authority": bool(parent.parental_authority), "enrolled": bool(parent.enrolled)}


def _checked_children(children: Sequence[Child], today: date | None) -> list[dict[str, str]]:
    if not children:
        raise InvalidCase("a case needs at least one child")
    records = []
    for child in children:
        name = (child.first_name or "").strip()
        born = child.date_of_birth
        if not name or isinstance(born, datetime) or not isinstance(born, date):
            raise InvalidCase("each child needs a first name and a date of birth")
        if today is not None and born > today:
            raise InvalidCase(f"{name} cannot be born on {born.isoformat()}: that day has not come yet "
                              f"(today is {today.isoformat()})")
        records.append({"first_name": name, "date_of_birth": born.isoformat()})
    return records


def _require_authority(trajectory_type: str, slot: str, parent: dict[str, Any]) -> None:
    if trajectory_type in PARALLEL_PARENTING and parent["enrolled"] and not parent["parental_authority"]:
        raise ParentalAuthorityMissing(
            f"parallel parenting needs parental authority (ouderlijk gezag) of every enrolled parent; "
            f"none is recorded for {slot}"
        )
