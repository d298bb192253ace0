"""Checks on what a counsellor enters, before any rule of the trajectory is looked at.

Each check returns the cleaned value (trimmed text, de-duplicated names) or raises
``InvalidRecord`` / ``DateOutOfOrder`` with a message that says what to correct.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable
from uuid import UUID

from services.parent_side.domain.errors import DateOutOfOrder, InvalidRecord
from services.parent_side.domain.records import STANDARD_THEMES
from services.platform.private_text import PrivateText


def required_text(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidRecord(f"{what} is required")
    return value.strip()


def optional_text(value: object, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidRecord(f"{what} must be text")
    return value.strip()


def required_list(values: object, what: str) -> list[str]:
    """At least one entry; blanks refused, duplicates dropped, order kept."""
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise InvalidRecord(f"{what} must be a list")
    cleaned = [required_text(value, what) for value in values]
    if not cleaned:
        raise InvalidRecord(f"at least one entry is required for {what}")
    return list(dict.fromkeys(cleaned))


def optional_list(values: object, what: str) -> list[str]:
    """Like ``required_list``, but nothing at all is fine too."""
    if values is None:
        return []
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise InvalidRecord(f"{what} must be a list")
    listed = list(values)
    return required_list(listed, what) if listed else []


def required_date(value: object, what: str) -> date:
    # A datetime is a date too, but a day with a clock time in it is a different fact.
    if not isinstance(value, date) or hasattr(value, "hour"):
        raise InvalidRecord(f"{what} must be a calendar date")
    return value


def private_text(value: object, case_id: UUID, what: str) -> PrivateText:
    """Private text of this case, with something in it."""
    if not isinstance(value, PrivateText):
        raise InvalidRecord(f"{what} must be entered as private text")
    if value.case_id != case_id:
        raise InvalidRecord(f"{what} belongs to another case")
    if value.text is None or not value.text.strip():
        raise InvalidRecord(f"{what} is empty")
    return value


def not_after_today(on: date, today: date | None, what: str) -> None:
    """A fact a court relies on happened by today (the application's clock), never on a day to come."""
    if today is not None and on > today:
        raise InvalidRecord(f"{what} on {on.isoformat()} cannot be recorded as held: that day has not come yet "
                            f"(today is {today.isoformat()}); plan it instead")


def not_before(on: date, earliest: date | None, what: str) -> None:
    if earliest is not None and on < earliest:
        raise DateOutOfOrder(f"{on.isoformat()} lies before {what} ({earliest.isoformat()})")


def private_entries(texts: list[str], case_id: UUID) -> list[PrivateText]:
    """Free text that can describe a person (goals, reasons): private text of the case, encrypted with its key."""
    return [PrivateText(case_id, text) for text in texts]


def private_themes(themes: list[str], case_id: UUID) -> list[str | PrivateText]:
    """A standard theme stays its code; a free theme can describe a person, so it is private text."""
    return [theme if theme in STANDARD_THEMES else PrivateText(case_id, theme) for theme in themes]


def private_or_none(text: str | None, case_id: UUID) -> PrivateText | None:
    return PrivateText(case_id, text) if text else None


def shown(value: str | PrivateText | None) -> str | None:
    """As a reader sees it: private text as written (or "[gewist]"), older clear text as stored."""
    return None if value is None else str(value)
