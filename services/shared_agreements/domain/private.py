"""Free text of the shared context that can describe a person: private text of its case.

A dispute's subject, the positions relayed, a binding decision with its reasoning and why a
position is missing; why a parent missed a joint session, why a session was cancelled, moved
or stopped, why a session or a pause is recorded afterwards; why the case moved to its next
phase, why ground rules were revoked, why a contact schedule was replaced. Such text names
parents and children and what happened to them ("vader agressief", "opname ziekenhuis"), so
events hold it as ``PrivateText``: encrypted with the case key, redacted in the auditor's
replay, unreadable once the case's private text is erased.

Events stored before these texts were private hold them as plain ``str``; they load as they
are (see docs/architecture.md, "Private text").
"""

from __future__ import annotations

from typing import Mapping
from uuid import UUID

from services.platform.private_text import PrivateText

Text = PrivateText | str  # what an event may hold: private text, or clear text stored before it was private


def private(case_id: UUID, text: str) -> PrivateText:
    return PrivateText(case_id, text)


def shown(value: Text | None) -> str | None:
    """The text as a view shows it: itself, or "[gewist]" once the case's private text was erased."""
    return None if value is None else str(value)


def shown_all(values: Mapping[str, Text]) -> dict[str, str]:
    return {key: str(value) for key, value in values.items()}
