"""A member of staff and the roles they hold."""

from __future__ import annotations

from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.platform.errors import Invalid
from services.platform.private_text import PrivateText

from services.staff_directory.domain.roles import Role

STAFF_NAMESPACE = uuid5(NAMESPACE_URL, "https://evenwijdig.nl/staff")


class InvalidStaffChange(Invalid):
    pass


def staff_id(user: str) -> UUID:
    return uuid5(STAFF_NAMESPACE, user)


class StaffMember(Aggregate):
    """Someone who signs in: a counsellor, coordinator, auditor or administrator."""

    @staticmethod
    def create_id(user: str, **_: object) -> UUID:
        return staff_id(user)

    @event("Registered")
    def __init__(self, user: str, display_name: str, roles: list[str], actor: str) -> None:
        self.user = user
        self.display_name = display_name
        self.roles = sorted(set(roles))
        self.active = True

    def holds(self, role: Role) -> bool:
        return self.active and role.value in self.roles

    def grant(self, role: Role, actor: str) -> None:
        if role.value in self.roles:
            raise InvalidStaffChange(f"{self.user} already holds the role {role.value}")
        self._granted(role=role.value, actor=actor)

    @event("RoleGranted")
    def _granted(self, role: str, actor: str) -> None:
        self.roles = sorted({*self.roles, role})

    def revoke(self, role: Role, actor: str, reason: str) -> None:
        if role.value not in self.roles:
            raise InvalidStaffChange(f"{self.user} does not hold the role {role.value}")
        if not reason.strip():
            raise InvalidStaffChange("say why the role is revoked")
        self._revoked(role=role.value, actor=actor, reason=self._private(reason))

    @event("RoleRevoked")
    def _revoked(self, role: str, actor: str, reason: PrivateText | str) -> None:
        self.roles = [r for r in self.roles if r != role]

    def deactivate(self, actor: str, reason: str) -> None:
        if not self.active:
            raise InvalidStaffChange(f"{self.user} is already deactivated")
        if not reason.strip():
            raise InvalidStaffChange("say why the account is deactivated")
        self._deactivated(actor=actor, reason=self._private(reason))

    @event("Deactivated")
    def _deactivated(self, actor: str, reason: PrivateText | str) -> None:
        self.active = False

    def _private(self, reason: str) -> PrivateText:
        # Why a role or an account ends can describe the person ("grensoverschrijdend gedrag"): private
        # text under a key of this member of staff (their id), not of a case; events stored before hold str.
        return PrivateText(self.id, reason.strip())

