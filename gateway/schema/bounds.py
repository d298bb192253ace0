"""How much one request may carry: every input bound of every audience, in one place.

The gateway refuses oversized input before it reaches any store, with an INVALID error
naming the field and the limit; whether a text is otherwise acceptable is the domain's
judgement. A bound protects the store and the people reading it, so it is the same for
every audience that takes the same kind of input.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from services.platform.errors import Invalid

MAX_NAME = 200  # a person's or a child's name, a handover place, a holiday's name
MAX_HASH = 200  # a text hash as a client sends it back
MAX_PLACE = 300  # a joint session's place, or why it was moved, cancelled or missed
MAX_SHORT_TEXT = 1_000  # a dispute's subject; a counsellor's goal, theme or reason
MAX_REASON = 2_000  # why a case moves on to its next phase
MAX_LONG_TEXT = 10_000  # notes, summaries, evaluations, positions, decisions, rules
MAX_ITEMS = 50  # entries of one list in one request
MAX_CHILDREN = 20
MAX_RANGES = 500  # stays of one year's contact schedule
MAX_SESSION_MINUTES = 24 * 60
MAX_PAGE = 500  # events of one page of the auditor's history
MAX_EVENT_TYPE = 200
MAX_ICS_CHARACTERS = 200_000  # one school year's holiday list as the government publishes it (iCalendar)


def text(value: str, what: str, limit: int = MAX_SHORT_TEXT) -> str:
    """Refuse oversized text before it reaches any store; the domain checks the rest."""
    if len(value) > limit:
        raise Invalid(f"{what} is longer than {limit} characters")
    return value


def optional_text(value: str | None, what: str, limit: int = MAX_SHORT_TEXT) -> str | None:
    return None if value is None else text(value, what, limit)


def texts(values: Iterable[str], what: str, limit: int = MAX_ITEMS) -> list[str]:
    """A list of short texts: at most ``limit`` entries, each bounded as a short text."""
    listed = list(values)
    if len(listed) > limit:
        raise Invalid(f"{what}: at most {limit} entries")
    return [text(value, what) for value in listed]


def bounded_list(values: Sequence[Any], what: str, *, limit: int = MAX_ITEMS) -> list[Any]:
    """A list within bounds, so one request cannot make the store carry an unbounded record."""
    if len(values) > limit:
        raise Invalid(f"at most {limit} {what} per request")
    return list(values)


def minutes(value: int) -> int:
    if not 0 <= value <= MAX_SESSION_MINUTES:
        raise Invalid(f"a session lasts between 0 and {MAX_SESSION_MINUTES} minutes")
    return value
