"""The parent side's public face: the facts it receives from other contexts, its views and errors.

The composition root translates the shared-agreements context's case header and the staff
directory's assignments into these facts, for one side only; the application's policy
applies them (``services.parent_side.inbound``). Nothing of the other parent is among them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from services.parent_side.as_of import SideAsOf
from services.parent_side.domain.catalogue import TEMPLATES, template
from services.parent_side.domain.child_room import ChildConversationRoom
from services.parent_side.domain.errors import TrajectoryNotFound
from services.parent_side.domain.progress import Progress
from services.parent_side.domain.records import (
    CONSENT_CHILD_CONVERSATIONS, CONSENT_TRAJECTORY, ERASURE_REQUEST, RETENTION_ENDED, STANDARD_THEMES, Child,
    ChildConversation, theme_label,
)
from services.parent_side.domain.templates import TrajectoryRules
from services.parent_side.domain.view import TrajectoryView
from services.platform.holidays import HolidayPeriod

__all__ = ["HeaderRegistered", "PhaseStarted", "ParentalAuthorityRecorded", "ParentEnrolled", "RegionRecorded",
           "SchoolHolidaysPublished", "CounsellorAssigned", "CounsellorUnassigned", "Child", "ChildConversation",
           "HolidayPeriod", "TrajectoryView", "Progress", "ChildConversationRoom", "TrajectoryRules", "TEMPLATES",
           "template", "STANDARD_THEMES",
           "theme_label", "CONSENT_TRAJECTORY", "CONSENT_CHILD_CONVERSATIONS", "ERASURE_REQUEST", "RETENTION_ENDED",
           "SideAsOf", "TrajectoryNotFound"]


@dataclass(frozen=True)
class HeaderRegistered:
    """The case was registered: this parent's name, enrolment and authority, the children, the type."""

    case_id: UUID
    parent: str
    enrolled: bool
    parental_authority: bool
    children: tuple[Child, ...]
    trajectory_type: str
    at: datetime
    actor: str


@dataclass(frozen=True)
class PhaseStarted:
    """The case moved on to its next phase: the trajectory type it follows from ``at``.

    The coordinator's reason stays in the shared context: it may describe the other parent.
    """

    case_id: UUID
    trajectory_type: str
    at: datetime
    actor: str


@dataclass(frozen=True)
class ParentalAuthorityRecorded:
    case_id: UUID
    has_authority: bool
    at: datetime
    actor: str


@dataclass(frozen=True)
class ParentEnrolled:
    case_id: UUID
    at: datetime
    actor: str


@dataclass(frozen=True)
class RegionRecorded:
    """The family's school-holiday region (noord, midden, zuid), as the case header records it."""

    case_id: UUID
    region: str
    at: datetime
    actor: str


@dataclass(frozen=True)
class SchoolHolidaysPublished:
    """The practice's list of school holidays of a region and school year (no case, no person)."""

    region: str
    school_year: str
    holidays: tuple[HolidayPeriod, ...]
    at: datetime
    actor: str


@dataclass(frozen=True)
class CounsellorAssigned:
    """The staff directory made ``counsellor`` this side's counsellor (``reason``: why, may be empty)."""

    case_id: UUID
    counsellor: str
    at: datetime
    actor: str
    reason: str


@dataclass(frozen=True)
class CounsellorUnassigned:
    case_id: UUID
    counsellor: str
    at: datetime
    actor: str
    reason: str
