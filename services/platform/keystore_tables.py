"""Where a context keeps its wrapped case keys: a table of its own, beside its events.

The table lives in the same SQLite file or PostgreSQL database (and schema) as the
context's events and is reached through eventsourcing's own connection pool, so a
context's credential opens its own key table and nothing else.

Destroying a key overwrites nothing in the events: it removes the wrapped key from the
row (a tombstone with ``destroyed_at`` stays, so "erased" differs from "never had a key")
and then scrubs the places the old bytes could linger:

* SQLite: every connection that writes this table runs with ``PRAGMA secure_delete=ON``
  (freed cell space and pages are zeroed), and after a destroy the write-ahead log is
  checkpointed and truncated to zero bytes.
* PostgreSQL: the update leaves the old row version as a dead tuple; ``VACUUM FULL``
  rewrites the (small) table without it.

What this cannot reach, said plainly: PostgreSQL WAL segments and WAL archives, base
backups and file-system backups made before the destroy, copies of the SQLite file,
and blocks the file system or an SSD has not yet reused. Those follow the backup
retention policy, not this code.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, datetime
from threading import Lock
from typing import Any, Protocol
from uuid import UUID

from eventsourcing.persistence import InfrastructureFactory


@dataclass(frozen=True)
class KeyRow:
    wrapped: bytes | None
    retain_until: date | None
    destroyed_at: datetime | None


class KeyTable(Protocol):
    def fetch(self, case_id: UUID) -> KeyRow | None: ...
    def insert_if_absent(self, case_id: UUID, wrapped: bytes, now: datetime) -> KeyRow: ...
    def destroy(self, case_id: UUID, now: datetime) -> None: ...
    def set_retention(self, case_id: UUID, until: date) -> None: ...
    def due(self, on: date) -> list[UUID]: ...
    def any_wrapped(self) -> tuple[UUID, bytes] | None: ...
    def scrub(self) -> bool: ...


def key_table_for(factory: InfrastructureFactory[Any], application_name: str) -> KeyTable:
    """The key table of the store that ``factory`` opens, named after the application."""
    table = f"{application_name.lower()}_case_keys"
    module = type(factory).__module__
    if module == "eventsourcing.popo":
        return MemoryKeyTable()
    # CREATE_TABLE=n (migrations own the DDL) applies to the key table as well.
    create = factory.env_create_table()  # type: ignore[attr-defined]
    if module == "eventsourcing.sqlite":
        from services.platform.keystore_sqlite import SQLiteKeyTable

        return SQLiteKeyTable(factory.datastore, table, create)  # type: ignore[attr-defined]
    if module == "eventsourcing.postgres":
        from services.platform.keystore_postgres import PostgresKeyTable

        return PostgresKeyTable(factory.datastore, table, create)  # type: ignore[attr-defined]
    raise ValueError(f"{application_name}: private text needs a SQLite or PostgreSQL store")


class MemoryKeyTable:
    """For in-memory (POPO) applications: nothing is persisted, so nothing needs scrubbing."""

    def __init__(self) -> None:
        self._rows: dict[UUID, KeyRow] = {}
        self._lock = Lock()

    def fetch(self, case_id: UUID) -> KeyRow | None:
        return self._rows.get(case_id)

    def insert_if_absent(self, case_id: UUID, wrapped: bytes, now: datetime) -> KeyRow:
        with self._lock:
            return self._rows.setdefault(case_id, KeyRow(wrapped, None, None))

    def destroy(self, case_id: UUID, now: datetime) -> None:
        with self._lock:
            row = self._rows.get(case_id)
            if row is None or row.destroyed_at is None:
                self._rows[case_id] = KeyRow(None, row.retain_until if row else None, now)

    def set_retention(self, case_id: UUID, until: date) -> None:
        with self._lock:
            row = self._rows[case_id]
            self._rows[case_id] = KeyRow(row.wrapped, until, row.destroyed_at)

    def due(self, on: date) -> list[UUID]:
        rows = [(r.retain_until, c) for c, r in self._rows.items() if r.wrapped and r.retain_until]
        return [case_id for until, case_id in sorted(rows, key=lambda t: (t[0], str(t[1]))) if until <= on]

    def scrub(self) -> bool:
        return True

    def any_wrapped(self) -> tuple[UUID, bytes] | None:
        return next(((c, r.wrapped) for c, r in self._rows.items() if r.wrapped), None)


def retry_while_busy(attempt: Any, tries: int = 20, pause: float = 0.05) -> bool:
    """Run ``attempt`` until it reports success; readers may hold the log for a moment."""
    for _ in range(tries):
        if attempt():
            return True
        time.sleep(pause)
    return False
