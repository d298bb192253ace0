"""The staff directory application: the only API to staff, roles and case assignments.

It follows the shared-agreements context (``FlowFollower``): a registered case opens its
staffing here, with the registering coordinator assigned, in the transaction that records
the position processed. Assignments are made only to cases that exist that way.
"""

from __future__ import annotations

import logging
from typing import Any, Iterable, Mapping
from uuid import UUID

from eventsourcing.application import ProcessingEvent
from eventsourcing.utils import register_topic

from services.platform.application import ContextApplication
from services.platform.errors import Conflict, Invalid
from services.platform.flow import FlowFollower
from services.staff_directory.api import (
    Assignment, CaseRegistered, OwnGrantRefused, Role, Side, StaffingView, StaffView,
)
from services.staff_directory.domain.staff import StaffMember, staff_id
from services.staff_directory.domain.staffing import AssignmentRefused, CaseStaffing, staffing_id
from services.staff_directory.index import AssignmentIndex
from services.platform.stores import Store

log = logging.getLogger("evenwijdig.flow")

# Events stored by release 0.1 name the modules where these classes were first written.
register_topic("gateway.directory.staffing:CaseStaffing", CaseStaffing)
register_topic("gateway.directory.staff:StaffMember", StaffMember)

NO_SUCH_CASE = "no such case"


class StaffDirectory(ContextApplication, FlowFollower):
    """Staff, their roles, and who is assigned to which case and side."""

    # The store keeps the name it had when the directory lived in the gateway: the same
    # database, login role, tables and settings (EVENWIJDIG_GATEWAY_*) as deployed.
    name = Store.DIRECTORY
    conflict_message = "someone else changed this at the same moment; reload and try again"

    def __init__(self, store: Mapping[str, str]) -> None:
        super().__init__(store)
        self.assignments = AssignmentIndex(self)

    # -- facts from the shared-agreements context --------------------------------------

    def policy(self, facts: Any, processing_event: ProcessingEvent[Any]) -> None:  # type: ignore[override]
        for fact in facts:
            if isinstance(fact, CaseRegistered):
                self._case_registered(fact, processing_event)

    def _case_registered(self, fact: CaseRegistered, processing_event: ProcessingEvent[Any]) -> None:
        staffing = self.find(staffing_id(fact.case_id), CaseStaffing) or CaseStaffing(case_id=fact.case_id, actor=fact.registered_by)
        if fact.registered_by not in staffing.coordinators and self.holds(fact.registered_by, Role.COORDINATOR):
            try:
                staffing.assign_coordinator(fact.registered_by, fact.registered_by)
            except AssignmentRefused as refused:
                # The case exists all the same; an administrator assigns a coordinator who may.
                log.warning("case %s: its registering coordinator is not assigned: %s", fact.case_id, refused.message)
        processing_event.collect_events(staffing)

    # -- staff ------------------------------------------------------------------------

    def register_staff(self, user: str, display_name: str, roles: Iterable[Role], actor: str) -> None:
        """Register someone who signs in, with the roles they hold."""
        user, display_name = user.strip(), display_name.strip()
        if not user or not display_name:
            raise Invalid("a user id and a display name are required")
        if self._find_staff(user) is not None:
            raise Conflict(f"{user} is already registered")
        self.save(StaffMember(user=user, display_name=display_name, roles=[Role(r).value for r in roles], actor=actor))

    def grant_role(self, user: str, role: Role, actor: str) -> None:
        """Give a member of staff another role (never oneself: another administrator must)."""
        _not_oneself(user, actor)
        self.change(staff_id(user), StaffMember, lambda member: member.grant(role, actor), missing=_no_staff(user))

    def revoke_role(self, user: str, role: Role, actor: str, reason: str) -> None:
        """Take a role away, saying why."""
        self.change(staff_id(user), StaffMember, lambda member: member.revoke(role, actor, reason),
                    missing=_no_staff(user))

    def deactivate(self, user: str, actor: str, reason: str) -> None:
        """Close an account: its tokens stop working at once."""
        self.change(staff_id(user), StaffMember, lambda member: member.deactivate(actor, reason),
                    missing=_no_staff(user))

    def staff(self, user: str) -> StaffView | None:
        """The member of staff with this user id, if any."""
        member = self._find_staff(user)
        return None if member is None else self._view(member)

    @staticmethod
    def _view(member: StaffMember) -> StaffView:
        return StaffView(member.user, member.display_name, tuple(member.roles), member.active)

    def staff_members(self) -> list[StaffView]:
        """Everyone registered, by user id (active or not); for the administrator's list and sign-in pickers."""
        topics = [f"{module}:StaffMember.Registered" for module in (StaffMember.__module__, "gateway.directory.staff")]
        users = {notification.originator_id for notification in self.notifications_of(topics)}
        views = [self._view(self.repository.get(staff)) for staff in users]
        return sorted(views, key=lambda view: view.user)

    def cases(self) -> list[StaffingView]:
        """Every case the directory knows (registered in the shared context), with who works on it now."""
        topics = [f"{module}:CaseStaffing.Opened" for module in (CaseStaffing.__module__, "gateway.directory.staffing")]
        self.catch_up(strict=False)
        return [self._staffing_view(self.repository.get(n.originator_id)) for n in self.notifications_of(topics)]

    def create_first_administrator(self, user: str, display_name: str, actor: str) -> None:
        """Register the first administrator of a new installation; refused once any administrator exists."""
        if any(Role.ADMIN.value in member.roles and member.active for member in self.staff_members()):
            raise Conflict("an administrator exists already; administrators are registered by an administrator")
        self.register_staff(user, display_name, [Role.ADMIN], actor=actor)

    def holds(self, user: str, role: Role) -> bool:
        member = self._find_staff(user)
        return member is not None and member.holds(role)

    # -- assignments ------------------------------------------------------------------

    def assign_counsellor(self, case_id: UUID, side: Side, user: str, actor: str, reason: str = "") -> None:
        """Make ``user`` the counsellor of one side of a case (a reassignment when the side had one)."""
        self._assign(case_id, user, Role.COUNSELLOR, actor,
                     lambda staffing: staffing.assign_counsellor(Side(side), user, actor, reason))

    def assign_child_counsellor(self, case_id: UUID, user: str, actor: str) -> None:
        """Let ``user`` hold the child conversations of a case."""
        self._assign(case_id, user, Role.CHILD_COUNSELLOR, actor, lambda s: s.assign_child_counsellor(user, actor))

    def assign_coordinator(self, case_id: UUID, user: str, actor: str) -> None:
        """Make ``user`` a coordinator of a case."""
        self._assign(case_id, user, Role.COORDINATOR, actor, lambda s: s.assign_coordinator(user, actor))

    def assign_mediator(self, case_id: UUID, user: str, actor: str) -> None:
        """Make ``user`` the begeleider of both parents in a mediation phase (gezinsbemiddeling)."""
        self._assign(case_id, user, Role.MEDIATOR, actor, lambda s: s.assign_mediator(user, actor))

    def unassign(self, case_id: UUID, user: str, actor: str, reason: str) -> None:
        """End someone's assignment to a case, saying why."""
        self._change_staffing(case_id, lambda staffing: staffing.unassign(user, actor, reason))

    def erase_private_text(self, case_id: UUID, actor: str, reason: str) -> None:
        """Erase the case's private text here (the why of every assignment): record why, destroy the case key.

        ``reason``: "retention period ended" or "erasure request". Repeating it makes sure the key is gone.
        """
        self.catch_up()
        staffing = self.load(staffing_id(case_id) if isinstance(case_id, UUID) else None, CaseStaffing, NO_SUCH_CASE)
        if staffing.erase_private_text(reason, actor):
            self.save(staffing)
        # The key goes after the event is stored: a crash in between leaves a record that a repeat completes.
        self.case_keys.destroy(case_id)

    def staffing(self, case_id: UUID) -> StaffingView | None:
        """Who works on a case now, or None when no such case is known."""
        self.catch_up(strict=False)
        staffing = self.find(staffing_id(case_id), CaseStaffing)
        return None if staffing is None else self._staffing_view(staffing)

    @staticmethod
    def _staffing_view(staffing: CaseStaffing) -> StaffingView:
        return StaffingView(staffing.case_id, dict(staffing.counsellors), tuple(staffing.child_counsellors),
                            tuple(staffing.coordinators), tuple(staffing.mediators))

    def assignment(self, user: str, case_id: UUID) -> Assignment | None:
        """What ``user`` is on this case (which side they counsel, or child counsellor, or coordinator)."""
        # The flow from the shared context only adds (a case, its registering coordinator), so an
        # assignment found is current; only a miss may be a case registered in another process.
        found = self.assignments.on_case(user, case_id)
        if found is None:
            self.catch_up(strict=False)
            found = self.assignments.on_case(user, case_id)
        return found

    def cases_of(self, user: str) -> dict[UUID, Assignment]:
        """Every case ``user`` is assigned to, and as what."""
        self.catch_up(strict=False)
        return self.assignments.of(user)

    # -- plumbing ---------------------------------------------------------------------

    def _assign(self, case_id: UUID, user: str, role: Role, actor: str, command: Any) -> None:
        """Load the case's staffing, run one assignment on it, save: never to oneself, only with the role."""
        _not_oneself(user, actor)
        self._require_role(user, role)
        self._change_staffing(case_id, command)

    def _require_role(self, user: str, role: Role) -> None:
        if not self.holds(user, role):
            raise Invalid(f"{user} does not hold the role {role.value}")

    def _find_staff(self, user: str) -> StaffMember | None:
        return self.find(staff_id(user), StaffMember)

    def _change_staffing(self, case_id: UUID, command: Any) -> None:
        """The base idiom on the case's staffing; a case the shared-agreements context never registered does not exist."""
        self.catch_up()
        self.change(staffing_id(case_id) if isinstance(case_id, UUID) else None, CaseStaffing, command,
                    missing=NO_SUCH_CASE)


def _no_staff(user: str) -> str:
    return f"no member of staff {user}"


def _not_oneself(user: str, actor: str) -> None:
    if user.strip() == actor.strip():
        raise OwnGrantRefused("an administrator cannot grant roles or cases to themselves; another administrator must")
