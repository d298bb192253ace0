"""The staff directory application: the only API to staff, roles and case assignments."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from services.platform.application import ContextApplication
from services.platform.errors import Conflict, Invalid, NotFound

from .index import AssignmentIndex, Assignment
from .roles import Role, Side
from .staff import StaffMember, staff_id
from .staffing import CaseStaffing, staffing_id


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


class StaffDirectory(ContextApplication):
    """Staff, their roles, and who is assigned to which case and side."""

    name = "gateway"

    def __init__(self, store):  # noqa: ANN001 - the mapping the composition root hands in
        super().__init__(store)
        self.assignments = AssignmentIndex(self)

    # -- staff ------------------------------------------------------------------------

    def register_staff(self, user: str, display_name: str, roles: Iterable[Role], actor: str) -> None:
        """Register someone who signs in, with the roles they hold."""
        user, display_name = user.strip(), display_name.strip()
        if not user or not display_name:
            raise Invalid("a user id and a display name are required")
        if self._find_staff(user) is not None:
            raise Conflict(f"{user} is already registered")
        self._save(StaffMember(user=user, display_name=display_name, roles=[Role(r).value for r in roles], actor=actor))

    def grant_role(self, user: str, role: Role, actor: str) -> None:
        """Give a member of staff another role."""
        member = self._staff(user)
        member.grant(role, actor)
        self._save(member)

    def revoke_role(self, user: str, role: Role, actor: str, reason: str) -> None:
        """Take a role away, saying why."""
        member = self._staff(user)
        member.revoke(role, actor, reason)
        self._save(member)

    def deactivate(self, user: str, actor: str, reason: str) -> None:
        """Close an account: its tokens stop working at once."""
        member = self._staff(user)
        member.deactivate(actor, reason)
        self._save(member)

    def staff(self, user: str) -> StaffView | None:
        """The member of staff with this user id, if any."""
        member = self._find_staff(user)
        if member is None:
            return None
        return StaffView(member.user, member.display_name, tuple(member.roles), member.active)

    def holds(self, user: str, role: Role) -> bool:
        member = self._find_staff(user)
        return member is not None and member.holds(role)

    # -- assignments ------------------------------------------------------------------

    def assign_counsellor(self, case_id: UUID, side: Side, user: str, actor: str, reason: str = "") -> None:
        """Make ``user`` the counsellor of one side of a case."""
        self._require_role(user, Role.COUNSELLOR)
        staffing = self._staffing(case_id, actor)
        staffing.assign_counsellor(Side(side), user, actor, reason)
        self._save(staffing)

    def assign_child_counsellor(self, case_id: UUID, user: str, actor: str) -> None:
        """Let ``user`` hold the child conversations of a case."""
        self._require_role(user, Role.CHILD_COUNSELLOR)
        staffing = self._staffing(case_id, actor)
        staffing.assign_child_counsellor(user, actor)
        self._save(staffing)

    def assign_coordinator(self, case_id: UUID, user: str, actor: str) -> None:
        """Make ``user`` a coordinator of a case."""
        self._require_role(user, Role.COORDINATOR)
        staffing = self._staffing(case_id, actor)
        staffing.assign_coordinator(user, actor)
        self._save(staffing)

    def unassign(self, case_id: UUID, user: str, actor: str, reason: str) -> None:
        """End someone's assignment to a case, saying why."""
        staffing = self._find(staffing_id(case_id))
        if staffing is None:
            raise NotFound("no such case assignment")
        staffing.unassign(user, actor, reason)
        self._save(staffing)

    def staffing(self, case_id: UUID) -> StaffingView | None:
        staffing = self._find(staffing_id(case_id))
        if staffing is None:
            return None
        return StaffingView(case_id, dict(staffing.counsellors), tuple(staffing.child_counsellors), tuple(staffing.coordinators))

    def assignment(self, user: str, case_id: UUID) -> Assignment | None:
        """What ``user`` is on this case (which side they counsel, or child counsellor, or coordinator)."""
        return self.assignments.on_case(user, case_id)

    def cases_of(self, user: str) -> dict[UUID, Assignment]:
        return self.assignments.of(user)

    # -- plumbing ---------------------------------------------------------------------

    def _require_role(self, user: str, role: Role) -> None:
        if not self.holds(user, role):
            raise Invalid(f"{user} does not hold the role {role.value}")

    def _staff(self, user: str) -> StaffMember:
        member = self._find_staff(user)
        if member is None:
            raise NotFound(f"no member of staff {user}")
        return member

    def _find_staff(self, user: str) -> StaffMember | None:
        return self._find(staff_id(user))

    def _staffing(self, case_id: UUID, actor: str) -> CaseStaffing:
        return self._find(staffing_id(case_id)) or CaseStaffing(case_id=case_id, actor=actor)

    def _find(self, aggregate_id: UUID):  # noqa: ANN202
        try:
            return self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None

    def _save(self, aggregate) -> None:  # noqa: ANN001
        try:
            self.save(aggregate)
        except IntegrityError:
            raise Conflict("someone else changed this at the same moment; reload and try again") from None
