"""What the coordinator's resolvers share: the case check, the shared context, enums, input bounds.

A coordinator works in the shared-agreements context only. Every case call first checks
the caller's coordinator assignment (a case that is not theirs reads as a missing case),
then records the access in the shared context's access log, then runs off the event loop.
Inputs are bounded before anything is touched, so a malformed request says so and changes
and records nothing.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Callable, Iterable, Sequence, TypeVar
from uuid import UUID

import strawberry
from strawberry.types import Info

from services.staff_directory.api import Role
from gateway.schema.bounds import MAX_ITEMS, MAX_RANGES, MAX_LONG_TEXT, bounded_list, optional_text, text
from gateway.schema.common import assignment_to, context_app, on_case
from services.platform.access_log import Action
from services.shared_agreements.application import SharedAgreements
from services.platform.stores import Store
from services.shared_agreements.api import (
    CATEGORY_CODES, SHAREABLE_CATEGORIES, SIGNATURE_METHODS, TRAJECTORY_TYPES, HOLIDAY, REGULAR, KINDS,
    RULE_VERSION_STATUSES,
)

T = TypeVar("T")

SHARED = Store.SHARED

#: Bounds on what one request may carry (README, "Limits").


def _codes(name: str, codes: Iterable[str]) -> type[Enum]:
    # Built from the context's own tuples, so the API offers exactly what the domain accepts.
    return Enum(name, {code.upper(): code for code in codes})  # type: ignore[return-value]


Parent = strawberry.enum(_codes("Parent", ("parent_a", "parent_b")), description="A parent of the case, by slot.")
TrajectoryType = strawberry.enum(_codes("TrajectoryType", TRAJECTORY_TYPES),
                                 description="The kind of trajectory the practice offers.")
RuleCategory = strawberry.enum(_codes("RuleCategory", CATEGORY_CODES),
                               description="A category of the ground rules; its order is part of the signed text.")
SignatureMethod = strawberry.enum(_codes("SignatureMethod", SIGNATURE_METHODS),
                                  description="How a parent's signature was given.")
TransparencyCategory = strawberry.enum(_codes("TransparencyCategory", SHAREABLE_CATEGORIES),
                                       description="A kind of information a parent may let the other side see.")
RuleVersionStatus = strawberry.enum(
    _codes("RuleVersionStatus", (status.code for status in RULE_VERSION_STATUSES)),
    description="Where a version of the ground rules stands.")
SessionKind = strawberry.enum(_codes("SessionKind", KINDS), description="How a joint session is held.")
SessionStatus = strawberry.enum(_codes("SessionStatus", ("planned", "paused", "held", "cancelled")),
                                description="Where a joint session stands.")
ContactKind = strawberry.enum(_codes("ContactKind", (REGULAR, HOLIDAY)),
                              description="A regular stay, or a school holiday.")


def shared_app(info: Info) -> SharedAgreements:
    return context_app(info, SHARED)


async def coordinate(info: Info, case_id: UUID, action: Action, call: Callable[[SharedAgreements], T]) -> T:
    """Run ``call`` on the shared context for a case the caller coordinates, after logging the access."""
    await assignment_to(info, case_id, Role.COORDINATOR)
    return await on_case(info, case_id, SHARED, action, call, shared_app(info))


def bounded_text(value: str, what: str, *, limit: int = MAX_LONG_TEXT) -> str:
    """A coordinator's free text (long by default: positions, decisions, rules)."""
    return text(value, what, limit)


def optional_bounded_text(value: str | None, what: str, *, limit: int = MAX_LONG_TEXT) -> str | None:
    return optional_text(value, what, limit)


def value(member: Enum | None) -> Any:
    """The domain's code for an API enum member (None stays None)."""
    return None if member is None else member.value


def member(enum: type[Enum], code: str | None) -> Any:
    """The API enum member for a domain code (None stays None)."""
    return None if code is None else enum(code)
