"""The erasure ledger: every case-key destruction, kept outside the stores.

Crypto-erasure destroys a case's key inside the context's store. A database backup taken
before that still holds the key, so restoring it would make erased text readable again.
Each destruction is therefore also appended here, to a file beside (never inside) the store,
before the key is destroyed, and an application re-applies the ledger when it opens: a restored
store loses again every key that was destroyed after its backup. The file holds context names,
case ids and times only, one JSON object per line, and is only ever appended to.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable
from uuid import UUID


class ErasureLedger:
    def __init__(self, path: Path, context: str, clock: Callable[[], datetime] | None = None) -> None:
        self._path = path
        self._context = context
        self._clock = clock or (lambda: datetime.now(timezone.utc))

    def cases(self) -> list[UUID]:
        """This context's cases whose key was destroyed, in the order recorded."""
        if not self._path.exists():
            return []
        found: dict[UUID, None] = {}
        with self._path.open(encoding="utf-8") as lines:
            for line in lines:
                entry = json.loads(line) if line.strip() else {}
                if entry.get("context") == self._context:
                    found[UUID(entry["case_id"])] = None
        return list(found)

    def record(self, case_id: UUID) -> None:
        """Append the destruction, durably, before it is carried out (a crash in between errs on erasing)."""
        if case_id in self.cases():
            return
        self._path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps({"context": self._context, "case_id": str(case_id),
                           "destroyed_at": self._clock().isoformat()}, sort_keys=True) + "\n"
        descriptor = os.open(self._path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(descriptor, line.encode("utf-8"))
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
