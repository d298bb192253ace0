"""What a client learns from an error: a readable message and a stable code, nothing internal.

Domain errors keep their message and carry their ``code``. A store that cannot be reached, or
that refuses writes (read-only, full), says UNAVAILABLE. Anything else is logged here with its
trace and reaches the client as "Internal error." with an incident number. The same holds for
store failures outside GraphQL (signing in, idempotency keys): 503 UNAVAILABLE, or 500 INTERNAL.
"""

from __future__ import annotations

import logging
import re
import uuid

from eventsourcing.persistence import PersistenceError
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from graphql.error import GraphQLError
from starlette.exceptions import HTTPException
from strawberry.extensions import MaskErrors

from gateway.argument_names import argument_named
from gateway.responses import code_for
from gateway.observability import refused, store_error
from services.platform.errors import DomainError
from services.platform.requests import current

log = logging.getLogger("evenwijdig.gateway.errors")

UNAVAILABLE_MESSAGE = "The service is temporarily unavailable; nothing was changed. Try again shortly."
WRITES_REFUSED_MESSAGE = ("The data store cannot take changes (it is read-only or full); nothing was changed. "
                          "Ask the administrator to free space or restore write access.")

# What SQLite and PostgreSQL say when a data file is read-only or the disk is full (matched, never shown).
# PostgreSQL calls a read-only transaction (a standby after a fail-over) an InternalError, not an outage.
_WRITES_REFUSED = ("readonly database", "read-only transaction", "disk is full", "no space left on device",
                   "could not extend file")


OUTCOME_UNKNOWN_MESSAGE = ("The connection to the data store broke while the change was being stored: it may or "
                           "may not have been made. Send the same request again with the same Idempotency-Key: "
                           "it is then made exactly once (or you hear that it already was).")
DAMAGED_MESSAGE = ("The data store is damaged; nothing was changed. The administrator has been alerted and must "
                   "restore it from a backup.")
# What SQLite and PostgreSQL say about a damaged file or page (matched, never shown to the client).
_DAMAGED = ("database disk image is malformed", "file is not a database", "invalid page in block",
            "could not read block", "index contains unexpected zero page")


def is_store_failure(error: BaseException) -> bool:
    """A store that cannot be reached, that refuses to take writes, or that is damaged."""
    return _is_store_outage(error) or _refuses_writes(error) or is_damage(error)


def is_damage(error: BaseException) -> bool:
    return any(type(e).__name__ in {"DataCorrupted", "IndexCorrupted"}
               or any(phrase in str(e).lower() for phrase in _DAMAGED) for e in _chain(error))


def _is_store_outage(error: BaseException) -> bool:
    # psycopg and eventsourcing both name their connection failures OperationalError; matching by
    # name keeps drivers out of this module. A timeout waiting for a pool counts too.
    return any(type(e).__name__ in {"OperationalError", "PoolTimeout", "InterfaceError"} for e in _chain(error))


def _refuses_writes(error: BaseException) -> bool:
    return any(phrase in str(e).lower() for e in _chain(error) for phrase in _WRITES_REFUSED)


def outage_message(error: BaseException) -> str:
    """What the client hears about a store that cannot be used: damaged, read-only or full, or unreachable."""
    if is_damage(error):
        store_error("damaged")
        # One line an operator cannot miss, without the traceback (the cause is the file, not the code).
        log.error("STORE DAMAGED: %s; requests answer UNAVAILABLE, restore the store from a backup",
                  _first_line(error))
        return DAMAGED_MESSAGE
    kind = "writes_refused" if _refuses_writes(error) else "unreachable"
    store_error(kind)
    log.warning("store unavailable: %s", type(error).__name__, extra={"reason": kind})
    return WRITES_REFUSED_MESSAGE if kind == "writes_refused" else UNAVAILABLE_MESSAGE


def damage_found(error: BaseException) -> str:
    """What the store said about its damage, on one line."""
    return _first_line(error)


def _first_line(error: BaseException) -> str:
    found = next((e for e in _chain(error) if str(e)), error)
    return (str(found).splitlines() or [type(found).__name__])[0]


def _incident(error: BaseException) -> str:
    incident = uuid.uuid4().hex[:12]
    log.error("internal error %s", incident, exc_info=error)
    return f"Internal error (incident {incident})."


async def store_failure_response(request: Request, error: Exception) -> JSONResponse:
    """A store failed outside GraphQL: 503 UNAVAILABLE (retry shortly), or 500 INTERNAL for anything else."""
    if not is_store_failure(error):
        return JSONResponse({"errors": [{"message": _incident(error), "extensions": {"code": "INTERNAL"}}]}, 500)
    if is_damage(error):
        request.app.state.runtime.damage_suspected = True
    body = {"errors": [{"message": outage_message(error), "extensions": {"code": "UNAVAILABLE"}}]}
    return JSONResponse(body, status_code=503, headers={"Retry-After": "1"})


def handle_store_failures(app: FastAPI) -> None:
    app.add_exception_handler(PersistenceError, store_failure_response)


async def refusal_response(request: Request, error: HTTPException) -> JSONResponse:
    """FastAPI's refusals (401, 403, an unknown path, a wrong method) with the stable code beside ``detail``."""
    body = {"detail": error.detail, "errors": [{"message": str(error.detail),
                                                "extensions": {"code": code_for(error.status_code)}}]}
    return JSONResponse(body, status_code=error.status_code, headers=getattr(error, "headers", None))


def handle_refusals(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, refusal_response)


def _chain(error: BaseException):  # noqa: ANN202
    seen = 0
    while error is not None and seen < 10:
        yield error
        error = error.__cause__ or error.__context__
        seen += 1


# graphql-core suggests near names (" Did you mean 'staffMember'?") for unknown arguments, enum values,
# input fields and types, not only output fields: enough to rebuild the schema without introspection.
# Every such message ends its sentence with the suggestion; names hold no '?'.
_SUGGESTION = re.compile(r" ?Did you mean [^?]*\?")


def without_suggestions(message: str) -> str:
    return _SUGGESTION.sub("", message)


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

    def _named(self, message: str, error: GraphQLError) -> str:
        named = argument_named(self.execution_context.graphql_document, error.nodes)
        return f"{message} (argument {named})" if named else message

    def _process(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if original is None or error.path is None:
            # Parsing, validation, variable coercion and limits: about the request, never about data.
            return _recoded(error, self._named(without_suggestions(error.message), error), "INVALID")
        if isinstance(original, DomainError):
            return _recoded(error, original.message, original.code)
        if is_store_failure(original):
            mark = current.get()
            if mark is not None and mark.outcome_unknown:
                return _recoded(error, OUTCOME_UNKNOWN_MESSAGE, "OUTCOME_UNKNOWN")
            if is_damage(original):
                self.execution_context.context["runtime"].damage_suspected = True
            return _recoded(error, outage_message(original), "UNAVAILABLE")
        return _recoded(error, _incident(original), "INTERNAL")
