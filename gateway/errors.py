"""What a client learns from an error: a readable message and a stable code, nothing internal.

Domain errors keep their message and carry their ``code``. A store that cannot be reached, or
that refuses writes (read-only, full), says UNAVAILABLE. Anything else is logged here with its
trace and reaches the client as "Internal error." with an incident number. The same holds for
store failures outside GraphQL (signing in, idempotency keys): 503 UNAVAILABLE, or 500 INTERNAL.
"""

from __future__ import annotations

import logging
import uuid

from eventsourcing.persistence import PersistenceError
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from graphql.error import GraphQLError
from strawberry.extensions import MaskErrors

from gateway.observability import refused, store_error
from services.platform.errors import DomainError

log = logging.getLogger("evenwijdig.gateway.errors")

UNAVAILABLE_MESSAGE = "The service is temporarily unavailable; nothing was changed. Try again shortly."
WRITES_REFUSED_MESSAGE = ("The data store cannot take changes (it is read-only or full); nothing was changed. "
                          "Ask the administrator to free space or restore write access.")

# What SQLite and PostgreSQL say when a data file is read-only or the disk is full (matched, never shown).
# PostgreSQL calls a read-only transaction (a standby after a fail-over) an InternalError, not an outage.
_WRITES_REFUSED = ("readonly database", "read-only transaction", "disk is full", "no space left on device",
                   "could not extend file")


def is_store_failure(error: BaseException) -> bool:
    """A store that cannot be reached, or that refuses to take writes."""
    return _is_store_outage(error) or _refuses_writes(error)


def _is_store_outage(error: BaseException) -> bool:
    # psycopg and eventsourcing both name their connection failures OperationalError; matching by
    # name keeps drivers out of this module. A timeout waiting for a pool counts too.
    return any(type(e).__name__ in {"OperationalError", "PoolTimeout", "InterfaceError"} for e in _chain(error))


def _refuses_writes(error: BaseException) -> bool:
    return any(phrase in str(e).lower() for e in _chain(error) for phrase in _WRITES_REFUSED)


def outage_message(error: BaseException) -> str:
    """What the client hears about a store that cannot be used: read-only or full, or simply unreachable."""
    kind = "writes_refused" if _refuses_writes(error) else "unreachable"
    store_error(kind)
    log.warning("store unavailable: %s", type(error).__name__, extra={"reason": kind})
    return WRITES_REFUSED_MESSAGE if kind == "writes_refused" else UNAVAILABLE_MESSAGE


def _incident(error: BaseException) -> str:
    incident = uuid.uuid4().hex[:12]
    log.error("internal error %s", incident, exc_info=error)
    return f"Internal error (incident {incident})."


async def store_failure_response(request: Request, error: Exception) -> JSONResponse:
    """A store failed outside GraphQL: 503 UNAVAILABLE (retry shortly), or 500 INTERNAL for anything else."""
    if not is_store_failure(error):
        return JSONResponse({"errors": [{"message": _incident(error), "extensions": {"code": "INTERNAL"}}]}, 500)
    body = {"errors": [{"message": outage_message(error), "extensions": {"code": "UNAVAILABLE"}}]}
    return JSONResponse(body, status_code=503, headers={"Retry-After": "1"})


def handle_store_failures(app: FastAPI) -> None:
    app.add_exception_handler(PersistenceError, store_failure_response)


def _chain(error: BaseException):  # noqa: ANN202
    seen = 0
    while error is not None and seen < 10:
        yield error
        error = error.__cause__ or error.__context__
        seen += 1


def _recoded(error: GraphQLError, message: str, code: str) -> GraphQLError:
    return GraphQLError(message, nodes=error.nodes, source=error.source, positions=error.positions,
                        path=error.path, original_error=None, extensions={"code": code})


class CodedErrors(MaskErrors):
    """MaskErrors that sorts errors into the stable codes instead of masking them all."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda _: True, error_message="Internal error.")

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        processed = [self._process(error) for error in errors]
        for code in sorted({error.extensions["code"] for error in processed} - {"INTERNAL"}):
            refused(code.lower())  # the request's outcome becomes "refused"; the log line carries the code
        return processed

    def _process(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if original is None or error.path is None:
            # Parsing, validation, variable coercion and limits: about the request, never about data.
            return _recoded(error, error.message, "INVALID")
        if isinstance(original, DomainError):
            return _recoded(error, original.message, original.code)
        if is_store_failure(original):
            return _recoded(error, outage_message(original), "UNAVAILABLE")
        return _recoded(error, _incident(original), "INTERNAL")
