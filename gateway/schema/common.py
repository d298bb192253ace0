"""What every audience's resolvers share: the caller, the runtime, and calls off the event loop."""

from __future__ import annotations

import functools
from typing import Any, Callable, TypeVar

import strawberry
from anyio import to_thread
from strawberry.types import Info

T = TypeVar("T")


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
