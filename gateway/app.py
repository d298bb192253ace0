"""The FastAPI application: health endpoints and one GraphQL router per audience."""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, AsyncIterator, Callable

from anyio import to_thread
from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from gateway import audiences
from gateway.auth import TokenVerifier
from gateway.errors import handle_refusals, handle_store_failures
from gateway.graphiql.routes import graphiql_router
from gateway.idempotency import IdempotentRouter
from gateway.idempotency_store import IdempotencyKeys
from gateway.limits import BodySizeLimit
from gateway.observability import RequestLog, flows_measured
from gateway.request_shape import JsonBodyShape
from gateway.responses import NeverCached
from gateway.router import CodedRouter
from gateway.runtime import Runtime
from gateway.schema import status
from gateway.security import require
from services.contexts import Contexts
from services.platform.stores import Store

if TYPE_CHECKING:  # the command line hands the settings in; the gateway never reads the environment
    from evenwijdig.settings import Settings


log = logging.getLogger("evenwijdig.gateway")

def create_app(
    settings: Settings, contexts: Contexts | None = None, *,
    open_contexts: Callable[[Settings], Contexts] | None = None,
) -> FastAPI:
    """The gateway for these settings, on ``contexts`` or on what ``open_contexts`` opens at start-up.

    The composition root (``evenwijdig``) passes its ``bootstrap``: the gateway opens no store of
    its own accord and imports nothing of the command line.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = contexts is None
        if contexts is None and open_contexts is None:
            raise ValueError("the gateway needs its contexts, or a way to open them at start-up")
        opened = contexts or await to_thread.run_sync(open_contexts, settings)
        if settings.postgres is not None:
            # One worker thread per pooled connection: requests past that wait their turn here,
            # instead of in the pool, whose short timeout is meant to catch outages, not load.
            limiter = to_thread.current_default_thread_limiter()
            limiter.total_tokens = settings.postgres.pool_size + settings.postgres.max_overflow
        verifier = TokenVerifier(settings.auth, settings.data_dir, development=not settings.is_production)
        app.state.runtime = Runtime(settings=settings, contexts=opened, verifier=verifier)
        # A damaged page shows only when read: look for damage before saying ready.
        await to_thread.run_sync(app.state.runtime.find_damage)
        app.state.idempotency = await to_thread.run_sync(IdempotencyKeys.open, opened.directory,
                                                         settings.keystore_key(Store.DIRECTORY))
        try:
            yield
        finally:
            if owned:
                await to_thread.run_sync(opened.close)

    development = not settings.is_production
    app = FastAPI(title="Evenwijdig gateway", lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json" if development else None)
    # The last added runs first: every answer marked not to be stored, then the size limit, then the
    # JSON shape of a body no bigger than that limit.
    app.add_middleware(JsonBodyShape)
    app.add_middleware(BodySizeLimit)
    app.add_middleware(NeverCached)
    app.add_middleware(RequestLog)  # outermost: it sees every answer, refusals by the size limit too
    handle_store_failures(app)
    handle_refusals(app)

    async def context_getter(request: Request) -> dict[str, object]:
        return {"runtime": request.app.state.runtime, "identity": getattr(request.state, "identity", None),
                "request": request}

    def router(schema, router_class=CodedRouter, **kwargs) -> CodedRouter:  # noqa: ANN001
        return router_class(schema, context_getter=context_getter, allow_queries_via_get=False,
                            graphql_ide=None, **kwargs)

    if development:  # before the GraphQL routers: a browser's GET of an endpoint gets its page
        app.include_router(graphiql_router())

    for role, make_schema in audiences.SCHEMAS.items():
        app.include_router(router(make_schema(introspection=development), IdempotentRouter, audience=role.value,
                                  dependencies=[Depends(require(role))]), prefix=audiences.path(role))
    app.include_router(router(status.schema(introspection=development)), prefix="/graphql/status")

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        """Alive: the process answers."""
        return {"status": "alive"}

    @app.get("/readyz", include_in_schema=False)
    async def readyz(request: Request) -> JSONResponse:
        """Ready: every store answers."""
        runtime: Runtime = request.app.state.runtime
        if runtime.damage_suspected:
            await to_thread.run_sync(runtime.find_damage)
        names = list(runtime.contexts.by_name())
        # Side by side: a store that is down costs its pool timeout once, not once per store.
        checks = dict(zip(names, await asyncio.gather(*(to_thread.run_sync(runtime.is_ready, n) for n in names))))
        ready = all(checks.values())
        flows = await to_thread.run_sync(runtime.flow_lag) if ready else {}
        body = {"status": "ready" if ready else "unavailable", "stores": checks, "flows": flows}
        return JSONResponse(body, 200 if ready else 503)

    if settings.metrics_enabled:
        @app.get("/metrics", include_in_schema=False)
        async def metrics(request: Request) -> Response:
            """Prometheus metrics: counts and timings by audience, outcome and reason, how far each flow is;
            no case data."""
            try:
                flows_measured(await to_thread.run_sync(request.app.state.runtime.flow_lag))
            except Exception:  # noqa: BLE001 - a store that is down shows in /readyz; the counters still answer
                log.warning("flow positions could not be read for /metrics")
            return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return app
