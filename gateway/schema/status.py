"""The operator's status schema: is every context's store reachable. No case content at all."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

import strawberry
from anyio import to_thread
from strawberry.types import Info

from gateway.schema.base import build_schema


@strawberry.type(description="One bounded context and whether its store answers.")
class ContextStatus:
    name: str
    ready: bool


@strawberry.type(description="The running gateway.")
class ServiceStatus:
    service: str
    version: str
    environment: str
    contexts: list[ContextStatus]


@strawberry.type
class Query:
    @strawberry.field(description="Whether the gateway runs and each context's store can be reached.")
    async def status(self, info: Info) -> ServiceStatus:
        runtime = info.context["runtime"]
        contexts = [
            ContextStatus(name=name, ready=await to_thread.run_sync(runtime.is_ready, name))
            for name in runtime.contexts.by_name()
        ]
        return ServiceStatus(
            service="evenwijdig",
            version=_version(),
            environment=runtime.settings.environment,
            contexts=contexts,
        )


def _version() -> str:
    try:
        return version("evenwijdig")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def schema(*, introspection: bool) -> strawberry.Schema:
    return build_schema(Query, introspection=introspection)
