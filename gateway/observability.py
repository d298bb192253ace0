"""Each request's id, audience and outcome, logged once, and the Prometheus metrics of the gateway.

A pure ASGI middleware (no extra task), so what the GraphQL layer notes about a request (a refusal
and its code) is seen here when the response goes out. Logs carry codes and counts, never a
name, a note or a token: paths have no query strings, and bodies are never logged.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from contextvars import ContextVar
from typing import Any

import structlog
from prometheus_client import Counter, Gauge, Histogram

log = logging.getLogger("evenwijdig.gateway.requests")

REQUESTS = Counter("evenwijdig_requests", "Requests answered, by audience and outcome", ["audience", "outcome"])
LATENCY = Histogram("evenwijdig_request_seconds", "Time to answer a request, by audience", ["audience"],
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
REFUSALS = Counter("evenwijdig_refusals", "Requests refused, by reason code", ["reason"])
STORE_ERRORS = Counter("evenwijdig_store_errors", "Store failures seen while answering, by kind", ["kind"])
FLOW_PROCESSED = Gauge("evenwijdig_flow_processed_position",
                       "The upstream position each one-way flow has processed", ["flow"])
FLOW_WAITING = Gauge("evenwijdig_flow_waiting",
                     "Upstream notifications a flow has not processed yet (capped at one page)", ["flow"])


def flows_measured(lag: dict[str, dict[str, int]]) -> None:
    """Set the flow gauges from the gateway's view of its flows (read when metrics are scraped)."""
    for flow, state in lag.items():
        FLOW_PROCESSED.labels(flow).set(state["processed"])
        FLOW_WAITING.labels(flow).set(state["waiting"])

#: What the layers inside note about the request being answered (a mutable holder per request).
_noted: ContextVar[dict[str, Any] | None] = ContextVar("evenwijdig_request_notes", default=None)
_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


def refused(reason: str) -> None:
    """Count a refusal and note it on the request (its outcome becomes ``refused``)."""
    REFUSALS.labels(reason).inc()
    notes = _noted.get()
    if notes is not None:
        notes.setdefault("reasons", []).append(reason)


def store_error(kind: str) -> None:
    STORE_ERRORS.labels(kind).inc()


def audience_of(path: str) -> str:
    if path.startswith("/graphql/"):
        return path.removeprefix("/graphql/").split("/", 1)[0].replace("-", "_") or "none"
    return "none"  # health, metrics, GraphiQL assets: one label, not one per path


class RequestLog:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request_id = _request_id(scope)
        audience = audience_of(scope.get("path", ""))
        notes: dict[str, Any] = {}
        token = _noted.set(notes)
        status = 500
        started = time.perf_counter()

        async def sending(message: dict) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
            await send(message)

        with structlog.contextvars.bound_contextvars(request_id=request_id, audience=audience):
            try:
                await self.app(scope, receive, sending)
            finally:
                elapsed = time.perf_counter() - started
                outcome = _outcome(status, notes)
                REQUESTS.labels(audience, outcome).inc()
                LATENCY.labels(audience).observe(elapsed)
                level = logging.WARNING if outcome != "ok" else logging.INFO
                log.log(level, "request", extra={"method": scope.get("method"), "path": scope.get("path"),
                                                 "status": status, "outcome": outcome,
                                                 "reasons": notes.get("reasons"),
                                                 "duration_ms": round(elapsed * 1000, 1)})
                _noted.reset(token)


def _outcome(status: int, notes: dict[str, Any]) -> str:
    if status >= 500:
        return "error"
    if status >= 400 or notes.get("reasons"):
        return "refused"
    return "ok"


def _request_id(scope: dict) -> str:
    # A caller's X-Request-ID is kept when it is a plain short token (so logs can be joined across
    # services); anything else is replaced, so nothing a client sends is written to the log as is.
    for name, value in scope.get("headers", []):
        if name == b"x-request-id":
            text = value.decode("latin-1")
            if _REQUEST_ID.fullmatch(text):
                return text
    return uuid.uuid4().hex
