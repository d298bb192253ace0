"""Private free text: the value type for what must be readable only while its case key exists.

Session notes, closing evaluations and child-conversation summaries are held in events
as ``PrivateText``. The store encrypts them with a key of their own case (see
``services.platform.encryption``); when that key is destroyed the history still replays,
and the text reads as erased. This module is pure: domain code may import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

ERASED_MARK = "[gewist]"


@dataclass(frozen=True)
class PrivateText:
    case_id: UUID
    text: str | None

    @property
    def is_erased(self) -> bool:
        return self.text is None

    def erased(self) -> PrivateText:
        return PrivateText(self.case_id, None)

    def __str__(self) -> str:
        return ERASED_MARK if self.text is None else self.text

    def __repr__(self) -> str:
        # Never let private text slip into a log line or an error message by accident.
        return f"PrivateText(case_id={self.case_id!s}, {'erased' if self.is_erased else 'redacted'})"
