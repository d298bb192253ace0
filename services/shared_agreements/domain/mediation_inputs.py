"""What a mediation conversation is given: a day, a kind, whom it was for, a length and a note, each checked."""

from __future__ import annotations

from datetime import date, datetime
from typing import Sequence
from uuid import UUID

from services.platform.errors import Invalid
from services.platform.private_text import PrivateText
from services.shared_agreements.domain.parents import PARENTS, checked_parent

INTAKE, JOINT, INDIVIDUAL = "intake", "joint", "individual"
CONVERSATION_KINDS = (INTAKE, JOINT, INDIVIDUAL)
MAX_MINUTES = 8 * 60
MAX_NOTE = 10_000


class InvalidMediationConversation(Invalid):
    """A conversation outside its phase, beyond the phase's counts, or without a day, a length or a note."""


def checked_day(on: object) -> date:
    if not isinstance(on, date) or isinstance(on, datetime):
        raise InvalidMediationConversation("the day of a conversation is a calendar date")
    return on


def checked_kind(kind: object) -> str:
    if kind not in CONVERSATION_KINDS:
        raise InvalidMediationConversation(f"a conversation is one of {', '.join(CONVERSATION_KINDS)}, not {kind!r}")
    return str(kind)


def checked_parents(kind: str, parents: Sequence[str], enrolled: Sequence[str]) -> tuple[str, ...]:
    if kind == JOINT:
        return tuple(p for p in PARENTS if p in enrolled)
    named = {checked_parent(p) for p in parents}
    if len(named) != 1:
        raise InvalidMediationConversation(f"an {kind} conversation is with one parent; name that parent")
    (parent,) = named
    if parent not in enrolled:
        raise InvalidMediationConversation(f"{parent} does not follow the trajectory of this case")
    return (parent,)


def checked_minutes(minutes: object) -> int:
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 < minutes <= MAX_MINUTES:
        raise InvalidMediationConversation(f"a conversation lasts a whole number of minutes, 1 to {MAX_MINUTES}")
    return minutes


def checked_note(note: object, case_id: UUID) -> PrivateText:
    if not isinstance(note, PrivateText) or note.case_id != case_id or not (note.text or "").strip():
        raise InvalidMediationConversation("a conversation needs its note")
    if len(note.text or "") > MAX_NOTE:
        raise InvalidMediationConversation(f"the note is longer than {MAX_NOTE} characters")
    return note
