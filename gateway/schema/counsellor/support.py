"""How the counsellor's resolvers reach a case: their own side, or the shared context.

The side is never an argument: it comes from the caller's assignment in the staff
directory. "This side holds nothing for the case" (no trajectory yet, no case header)
is answered exactly like a case that does not exist, so no answer depends on anything
but the caller's own side and what both parents share.
"""

from __future__ import annotations

from typing import Any, Callable, TypeVar
from uuid import UUID

from strawberry.types import Info

from services.staff_directory.api import Role
from gateway.schema.common import NO_SUCH_CASE, SIDE_CONTEXT, assignment_to, context_app, on_case
from services.parent_side.application import ParentSide
from services.parent_side.api import TrajectoryNotFound
from services.platform.access_log import Action
from services.platform.errors import NotFound
from services.shared_agreements.application import SharedAgreements
from services.shared_agreements.api import CaseNotFound

T = TypeVar("T")

SHARED = "shared_agreements"

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


