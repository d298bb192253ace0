"""What every audience's resolvers share: the caller, authorisation, access logging, off-loop calls.

Authorisation comes from the token and the staff directory, never from arguments. A case
the caller is not assigned to is answered exactly like a case that does not exist.
"""

from __future__ import annotations

import functools
from enum import Enum
from typing import Any, Callable, TypeVar
from uuid import UUID

import strawberry
from anyio import to_thread
from strawberry.types import Info

from gateway.errors import damage_found, is_damage
from services.platform.access_log import Access, Action
from services.staff_directory.api import Assignment
from services.staff_directory.api import Role, Side
from services.platform.errors import NotFound
from services.platform.stores import Store

T = TypeVar("T")

#: The one answer to "this case does not exist" and "this case is not yours" alike.
NO_SUCH_CASE = "No such case."

SIDE_CONTEXT = {Side.PARENT_A: Store.PARENT_A, Side.PARENT_B: Store.PARENT_B}


def side_enum() -> type[Enum]:
    """The directory's ``Side`` as one audience's GraphQL enum.

    Each audience builds its own class from the one typed side: strawberry binds a definition to
    the class it decorates, so sharing the directory's class with another audience would let one
    schema's description rebind another's.
    """
    return strawberry.enum(Enum("Side", {s.name: s.value for s in Side}), description="One parent's side of a case.")


@strawberry.enum(description="A school-holiday region of the Netherlands, as the government publishes holidays.")
class HolidayRegion(Enum):
    NOORD = "noord"
    MIDDEN = "midden"
    ZUID = "zuid"


@strawberry.type(description="The command was carried out.")
class Done:
    ok: bool = True


async def off_loop(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Store calls are synchronous; run them on a worker thread so the event loop never blocks."""
    return await to_thread.run_sync(functools.partial(fn, *args, **kwargs))


def runtime(info: Info):  # noqa: ANN201
    return info.context["runtime"]


def identity(info: Info):  # noqa: ANN201
    return info.context["identity"]


def actor(info: Info) -> str:
    """Who acts: always the authenticated user, never an argument."""
    return identity(info).user


def directory(info: Info):  # noqa: ANN201
    return runtime(info).directory


def context_app(info: Info, context: str):  # noqa: ANN201
    return runtime(info).contexts.by_name()[context]


async def assignment_to(info: Info, case_id: UUID, role: Role) -> Assignment:
    """The caller's assignment to this case in this role; NotFound (as for a missing case) otherwise."""
    found = await off_loop(directory(info).assignment, actor(info), case_id)
    if found is None or found.role is not role:
        raise NotFound(NO_SUCH_CASE)
    return found


async def on_case(
    info: Info, case_id: UUID | None, context: str, action: Action, fn: Callable[..., T], *args: Any, **kwargs: Any
) -> T:
    """Record the access in ``context``'s own access log, then run ``fn`` off the event loop."""
    who = identity(info)
    access = Access(user=who.user, role=who.role.value, action=action, context=context, case_id=case_id,
                    operation=info.field_name, responsible_user=who.user)
    try:
        await off_loop(context_app(info, context).access_log.record, access)
        return await off_loop(fn, *args, **kwargs)
    except Exception as error:
        # Only here is it known which store failed: a damaged one goes out of service (readiness 503).
        if is_damage(error):
            runtime(info).store_damaged(context, damage_found(error))
        raise
