"""What a client learns from an error: a readable message and a stable code, nothing internal.

Domain errors keep their message and carry their ``code``. Store outages say UNAVAILABLE.
Anything else is logged here with its trace and reaches the client as "Internal error."
"""

from __future__ import annotations

import logging
import uuid

from graphql.error import GraphQLError
from strawberry.extensions import MaskErrors

from services.platform.errors import DomainError

log = logging.getLogger("evenwijdig.gateway.errors")

UNAVAILABLE_MESSAGE = "The service is temporarily unavailable; nothing was changed. Try again shortly."


def _is_store_outage(error: BaseException) -> bool:
    # psycopg and eventsourcing both name their connection failures OperationalError; matching by
    # name keeps drivers out of this module. A timeout waiting for a pool counts too.
    return any(type(e).__name__ in {"OperationalError", "PoolTimeout", "InterfaceError"} for e in _chain(error))


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
        return [self._process(error) for error in errors]

    def _process(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if original is None or error.path is None:
            # Parsing, validation, variable coercion and limits: about the request, never about data.
            return _recoded(error, error.message, "INVALID")
        if isinstance(original, DomainError):
            return _recoded(error, original.message, original.code)
        if _is_store_outage(original):
            log.warning("store unavailable: %s", type(original).__name__)
            return _recoded(error, UNAVAILABLE_MESSAGE, "UNAVAILABLE")
        incident = uuid.uuid4().hex[:12]
        log.error("internal error %s", incident, exc_info=original)
        return _recoded(error, f"Internal error (incident {incident}).", "INTERNAL")
