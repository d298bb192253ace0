"""What this side knows of the case from the other contexts (dossier): one per case per side.

Its events come only from the flows (the design's section 7), never from a counsellor:
the case header of the shared-agreements context (this parent's name, enrolment and
parental authority, the children, the trajectory type and each phase it moved on to) and the staff directory's word on
who counsels this side, from when, who decided and why. Nothing of the other parent
reaches it. A trajectory opens from it, and follows its changes.

The ``@event`` methods never refuse: the context that owns a fact already decided it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.parent_side.domain.records import Child
from services.platform.private_text import PrivateText

# Never change: the ids of stored case files are derived from it.
CASE_FILE_NAMESPACE = UUID("6b0c8e0e-2f57-4f55-9a5c-4f0d0c7a3e11")


def case_file_id(case_id: UUID) -> UUID:
    return uuid5(CASE_FILE_NAMESPACE, f"case-file:{case_id}")


@dataclass(frozen=True)
class CounsellorPeriod:
    """Who counselled this side from when (and until when), as the staff directory decided."""

    counsellor: str
    since: datetime
    assigned_by: str
    reason: PrivateText | str  # private text of the case since it was; clear text in older events, "" when none
    until: datetime | None = None


class CaseFile(Aggregate):
    """Opened by the first fact about the case that reaches this side: usually its header."""

    @staticmethod
    def create_id(case_id: UUID, **_: object) -> UUID:
        return case_file_id(case_id)

    class Opened(Aggregate.Created):
        """Who counsels this side reached it before the case header did."""

        case_id: UUID
        actor: str

    class OpenedWithHeader(Aggregate.Created):
        """Zaak geregistreerd: this parent's part of the case header."""

        case_id: UUID
        parent: str
        enrolled: bool
        parental_authority: bool
        children: list[dict[str, Any]]
        trajectory_type: str
        registered_at: datetime
        actor: str  # who registered the case

    @classmethod
    def opened(cls, case_id: UUID, actor: str) -> CaseFile:
        return cls._create(cls.Opened, id=case_file_id(case_id), case_id=case_id, actor=actor)

    @classmethod
    def with_header(cls, case_id: UUID, **header: Any) -> CaseFile:
        return cls._create(cls.OpenedWithHeader, id=case_file_id(case_id), case_id=case_id, **header)

    def __init__(
        self, case_id: UUID, parent: str = "", enrolled: bool = False, parental_authority: bool = False,
        children: list[dict[str, Any]] | None = None, trajectory_type: str | None = None,
        registered_at: datetime | None = None, actor: str | None = None,
    ) -> None:
        self.case_id = case_id
        self.counsellors: tuple[CounsellorPeriod, ...] = ()
        self.region: str | None = None
        registered_by = actor if trajectory_type is not None else None
        self._header(parent, enrolled, parental_authority, children or [], trajectory_type, registered_at,
                     registered_by)

    @event("HeaderReceived")
    def receive_header(
        self, parent: str, enrolled: bool, parental_authority: bool, children: list[dict[str, Any]],
        trajectory_type: str, registered_at: datetime, actor: str,
    ) -> None:
        """Zaak geregistreerd, after who counsels this side was already known."""
        self._header(parent, enrolled, parental_authority, children, trajectory_type, registered_at, actor)

    def _header(
        self, parent: str, enrolled: bool, parental_authority: bool, children: list[dict[str, Any]],
        trajectory_type: str | None, registered_at: datetime | None, registered_by: str | None,
    ) -> None:
        self.header_received = trajectory_type is not None
        self.parent, self.enrolled, self.parental_authority = parent, enrolled, parental_authority
        self.children = tuple(Child.from_dict(child) for child in children)
        self.trajectory_type, self.registered_at, self.registered_by = trajectory_type, registered_at, registered_by
        self.phases: tuple[tuple[str, datetime | None], ...] = (
            ((trajectory_type, registered_at),) if trajectory_type is not None else ())

    @event("PhaseStarted")
    def start_phase(self, trajectory_type: str, at: datetime, actor: str) -> None:
        """The case moved on to its next phase (volgende fase), as the shared context decided."""
        self.phases = (*self.phases, (trajectory_type, at))
        self.trajectory_type = trajectory_type

    @property
    def phase(self) -> int:
        """The number of the case's current phase (1 for a case that never moved on)."""
        return max(len(self.phases), 1)

    @event("ParentalAuthorityChanged")
    def change_parental_authority(self, has_authority: bool, at: datetime, actor: str) -> None:
        """Ouderlijk gezag vastgelegd (or its loss) in the case header."""
        self.parental_authority = has_authority

    @event("RegionReceived")
    def receive_region(self, region: str, at: datetime, actor: str) -> None:
        """Schoolvakantieregio van het gezin vastgelegd in de zaak."""
        self.region = region

    @event("ParentEnrolled")
    def enrol(self, at: datetime, actor: str) -> None:
        """The parent joins the trajectory after all."""
        self.enrolled = True

    @event("CounsellorAssigned")
    def assign_counsellor(self, counsellor: str, at: datetime, actor: str, reason: PrivateText | str) -> None:
        """The staff directory made ``counsellor`` this side's counsellor (``actor``: the administrator)."""
        ended = tuple(p if p.until else _ended(p, at) for p in self.counsellors)
        self.counsellors = (*ended, CounsellorPeriod(counsellor, at, actor, reason))

    @event("CounsellorAssignmentEnded")
    def end_assignment(self, counsellor: str, at: datetime, actor: str, reason: PrivateText | str) -> None:
        """The staff directory ended ``counsellor``'s assignment to this side."""
        self.counsellors = tuple(_ended(p, at) if p.counsellor == counsellor and not p.until else p
                                 for p in self.counsellors)

    @property
    def counsellor(self) -> str | None:
        """Who counsels this side now, if anyone."""
        current = self.counsellors[-1] if self.counsellors else None
        return current.counsellor if current and current.until is None else None

    def counsellor_on(self, on: date) -> str | None:
        """Who counselled this side on that day (the last one assigned by then)."""
        found = [p for p in self.counsellors if p.since.date() <= on and (p.until is None or p.until.date() >= on)]
        return found[-1].counsellor if found else None


def _ended(period: CounsellorPeriod, at: datetime) -> CounsellorPeriod:
    return CounsellorPeriod(period.counsellor, period.since, period.assigned_by, period.reason, until=at)
