"""The audiences of the gateway: one endpoint and one schema each (design, section 4)."""

from __future__ import annotations

from typing import Callable

import strawberry

from services.staff_directory.api import Role
from gateway.schema import admin, auditor, child_counsellor, coordinator, counsellor, mediator

#: Each audience's schema factory; ``introspection`` is True only in development.
SCHEMAS: dict[Role, Callable[..., strawberry.Schema]] = {
    Role.COUNSELLOR: counsellor.schema,
    Role.CHILD_COUNSELLOR: child_counsellor.schema,
    Role.COORDINATOR: coordinator.schema,
    Role.MEDIATOR: mediator.schema,
    Role.AUDITOR: auditor.schema,
    Role.ADMIN: admin.schema,
}


def path(role: Role) -> str:
    return f"/graphql/{role.value.replace('_', '-')}"
