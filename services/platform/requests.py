"""Which client request a write belongs to, so a retry of it can never be applied twice.

A client that did not hear the answer to a write (its connection died, the store went away
during the commit) cannot know whether it was made. It sends the request again with the same
idempotency key. The gateway marks the work of a keyed request (``current``), and every context
records that mark in the same transaction as the request's events (``{context}_requests``): one
attempt per request. A later attempt of the same request finds it recorded by another attempt,
and its transaction is refused (``AlreadyCarriedOut``) instead of storing the events again.
Within one attempt any number of events may be stored (a mutation of several fields).
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

from services.platform.errors import DomainError


@dataclass
class RequestMark:
    """One attempt at one client request: ``request`` is stable across attempts, ``attempt`` is not.

    ``request`` is None for a write sent without an idempotency key: nothing is recorded for it, but
    a store still says when its outcome cannot be known.
    """

    request: str | None
    attempt: str
    #: Set by a store when a write's outcome cannot be known (the connection died after it was sent).
    outcome_unknown: bool = False


current: ContextVar[RequestMark | None] = ContextVar("evenwijdig_request", default=None)


class AlreadyCarriedOut(DomainError):
    """An earlier attempt of this very request was stored; this one stores nothing."""

    code = "ALREADY_DONE"

    def __init__(self) -> None:
        super().__init__("This request was already carried out by an earlier attempt whose answer was lost; "
                         "nothing was changed now. Read the case to see its effect.")


#: The statements both stores run (placeholders ``?``; PostgreSQL's recorder turns them into ``%s``).
RECORD = "INSERT INTO {table} (request, attempt, position) VALUES (?, ?, ?) ON CONFLICT (request) DO NOTHING"
RECORDED_BY = "SELECT attempt FROM {table} WHERE request = ?"


def check_recorded(mark: RequestMark, recorded_by: str | None) -> None:
    """Refuse (the transaction rolls back) unless this attempt is the one the request is recorded for."""
    if recorded_by != mark.attempt:
        raise AlreadyCarriedOut()
