"""How events and aggregates look to an auditor: plain JSON values, private text redacted.

Unless the deployment allows auditors to read private free text, the audit view decodes
events with a transcoding that never decrypts: a ``PrivateText`` comes back as
"[redacted]" while its case key exists and as "[gewist]" once it was erased. So an
auditor's replay does not even hold the plaintext in memory.
"""

from __future__ import annotations

import base64
import dataclasses
from collections import OrderedDict
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any, Mapping
from uuid import UUID

from eventsourcing.persistence import Mapper, Transcoding

from services.platform.private_text import ERASED_MARK, PrivateText

if TYPE_CHECKING:
    from services.platform.application import ContextApplication
    from services.platform.keystore import CaseKeys

REDACTED_MARK = "[redacted]"
REMEMBERED_CASES = 4096


@dataclasses.dataclass(frozen=True, repr=False)
class RedactedText(PrivateText):
    """Private text the auditor may not read: it exists (not erased), its content stays out."""

    text: str | None = REDACTED_MARK


class RedactingPrivateText(Transcoding):
    """Decodes stored private text without its key: redacted, or erased when the key is gone."""

    type = PrivateText
    name = "private_text"

    def __init__(self, keys: CaseKeys) -> None:
        self._keys = keys
        self._erased: OrderedDict[UUID | str, bool] = OrderedDict()

    def encode(self, obj: PrivateText) -> Any:
        raise TypeError("the audit view never writes events")

    def decode(self, data: Mapping[str, Any]) -> PrivateText:
        case_id = UUID(data["case"])
        if data.get("ct") is None or self._is_erased(case_id):
            return PrivateText(case_id, None)
        return RedactedText(case_id)

    def plain(self, data: Mapping[str, Any]) -> str:
        """What ``plain(self.decode(data))`` is, without building the value (the replay's fast path)."""
        if data.get("ct") is None:
            return ERASED_MARK
        case = data["case"]
        erased = self._erased.get(case)  # also keyed by the stored hex: no UUID parsed per event
        if erased is None:
            erased = self._is_erased(UUID(case))
            self._erased[case] = erased
            if len(self._erased) > REMEMBERED_CASES:
                self._erased.popitem(last=False)
        return ERASED_MARK if erased else REDACTED_MARK

    def _is_erased(self, case_id: UUID) -> bool:
        # One look-up per case per replay, in a bounded memory: replays stream.
        if case_id in self._erased:
            self._erased.move_to_end(case_id)
            return self._erased[case_id]
        erased = self._keys.is_destroyed(case_id)
        self._erased[case_id] = erased
        if len(self._erased) > REMEMBERED_CASES:
            self._erased.popitem(last=False)
        return erased


def audit_mapper(app: ContextApplication, show_private_text: bool) -> Mapper[Any]:
    """The mapper an auditor reads with: the application's own, or one that redacts private text."""
    if show_private_text:
        return app.mapper
    transcoder = app.factory.transcoder()
    app.register_transcodings(transcoder)  # type: ignore[arg-type]
    transcoder.register(RedactingPrivateText(app.case_keys))  # type: ignore[attr-defined]
    return app.factory.mapper(transcoder=transcoder)


def plain(value: Any) -> Any:
    """A JSON-safe copy of a value from an event or an aggregate."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, PrivateText):
        return str(value)  # the text, "[redacted]" or "[gewist]"
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, (UUID, Decimal)):
        return str(value)
    if isinstance(value, Enum):
        return plain(value.value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((plain(item) for item in value), key=repr)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    return str(value)
