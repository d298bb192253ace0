"""The staff directory's public face: what callers outside the context may use besides the application.

Inputs (roles, sides), views, errors, and the facts it receives from the shared-agreements
context. Nothing here reaches the directory's aggregates or its store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from services.platform.errors import Forbidden
from services.staff_directory.domain.roles import CASE_ROLES, Role, Side
from services.staff_directory.domain.staffing import ERASURE_REQUEST, RETENTION_ENDED, AssignmentRefused, CaseStaffing

__all__ = ["Role", "Side", "CASE_ROLES", "Assignment", "StaffView", "StaffingView", "CaseRegistered",
           "AssignmentRefused", "OwnGrantRefused", "CounsellorAssigned", "Unassigned", "ERASURE_REQUEST",
           "RETENTION_ENDED"]

# The staffing events the flow to the parent sides reads (who counsels a side, and when that ends).
CounsellorAssigned = CaseStaffing.CounsellorAssigned
Unassigned = CaseStaffing.Unassigned


@dataclass(frozen=True)
class Assignment:
    """What one user is on one case: a side's counsellor, a child counsellor, a coordinator or a begeleider."""

    role: Role
    side: Side | None = None


@dataclass(frozen=True)
class StaffView:
    user: str
    display_name: str
    roles: tuple[str, ...]
    active: bool


@dataclass(frozen=True)
class StaffingView:
    case_id: UUID
    counsellors: dict[str, str]
    child_counsellors: tuple[str, ...]
    coordinators: tuple[str, ...]
    mediators: tuple[str, ...] = ()  # begeleiders of both parents (gezinsbemiddeling)


@dataclass(frozen=True)
class CaseRegistered:
    """Inbound from the shared-agreements context: a case exists, registered by this coordinator."""

    case_id: UUID
    registered_by: str
    at: datetime


class OwnGrantRefused(Forbidden):
    """An administrator asked to give themselves a role or a case: another administrator must."""
