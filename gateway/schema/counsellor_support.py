"""How the counsellor's resolvers reach a case: their own side, or the shared context.

The side is never an argument: it comes from the caller's assignment in the staff
directory. "This side holds nothing for the case" (no trajectory yet, no case header)
is answered exactly like a case that does not exist, so no answer depends on anything
but the caller's own side and what both parents share.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, TypeVar
from uuid import UUID

from strawberry.types import Info

from services.staff_directory.api import Role
from gateway.schema.common import NO_SUCH_CASE, SIDE_CONTEXT, assignment_to, context_app, on_case
from services.parent_side.application import ParentSide
from services.parent_side.api import TrajectoryNotFound
from services.platform.access_log import Action
from services.platform.errors import Invalid, NotFound
from services.shared_agreements.application import SharedAgreements
from services.shared_agreements.api import CaseNotFound

T = TypeVar("T")

SHARED = "shared_agreements"

#: Input limits (gateway conventions): list lengths and text sizes a form can sensibly send.
MAX_ITEMS = 50
MAX_CHILDREN = 20
MAX_SHORT_TEXT = 1_000
MAX_LONG_TEXT = 10_000
MAX_SESSION_MINUTES = 24 * 60


async def on_my_side(info: Info, case_id: UUID, action: Action, fn: Callable[[ParentSide], T]) -> T:
    """Run ``fn`` on the caller's own side of the case, logged there, after the assignment check."""
    assignment = await assignment_to(info, case_id, Role.COUNSELLOR)
    context = SIDE_CONTEXT[assignment.side]
    app = context_app(info, context)
    return await on_case(info, case_id, context, action, _as_case_answer, fn, app)


async def on_shared(info: Info, case_id: UUID, fn: Callable[[SharedAgreements], T]) -> T:
    """Read the shared context for a case the caller counsels a side of, logged in the shared store."""
    await assignment_to(info, case_id, Role.COUNSELLOR)
    return await on_case(info, case_id, SHARED, Action.READ, _as_case_answer, fn, context_app(info, SHARED))


def _as_case_answer(fn: Callable[[Any], T], app: Any) -> T:
    try:
        return fn(app)
    except (TrajectoryNotFound, CaseNotFound):
        raise NotFound(NO_SUCH_CASE) from None


def text(value: str, what: str, limit: int = MAX_SHORT_TEXT) -> str:
    """Refuse oversized text before it reaches any store; the domain checks the rest."""
    if len(value) > limit:
        raise Invalid(f"{what} is longer than {limit} characters")
    return value


def optional_text(value: str | None, what: str, limit: int = MAX_SHORT_TEXT) -> str | None:
    return None if value is None else text(value, what, limit)


def texts(values: Iterable[str], what: str, limit: int = MAX_ITEMS) -> list[str]:
    listed = list(values)
    if len(listed) > limit:
        raise Invalid(f"{what}: at most {limit} entries")
    return [text(value, what) for value in listed]


def minutes(value: int) -> int:
    if not 0 <= value <= MAX_SESSION_MINUTES:
        raise Invalid(f"a session lasts between 0 and {MAX_SESSION_MINUTES} minutes")
    return value
