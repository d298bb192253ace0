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
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol
from uuid import UUID

from services.platform.dialect import Dialect


@dataclass(frozen=True)
class KeyRow:
    wrapped: bytes | None
    retain_until: date | None
    destroyed_at: datetime | None


class KeyScrub(Protocol):
    """How a store forgets the bytes of a destroyed key (SQLite and PostgreSQL differ: see above)."""

    def writing(self) -> AbstractContextManager[Any]:
        """A cursor in a write transaction of the key table."""

    def after_destroy(self) -> None:
        """Scrub right after a destroy, waiting a little for readers; says so in the log when it cannot."""

    def scrub(self) -> bool:
        """Scrub once; False when something still holds the old bytes."""


class KeyTable:
    def __init__(self, datastore: Any, dialect: Dialect, table: str, create: bool, scrub: KeyScrub) -> None:
        self._datastore = datastore
        self._d = dialect
        self._t = {"t": dialect.table(table)}
        self._scrub = scrub
        if create:
            with scrub.writing() as cursor:
                cursor.execute(self._sql(
                    "CREATE TABLE IF NOT EXISTS {t} ("
                    "case_id {uuid} PRIMARY KEY, wrapped_key {blob}, created_at {time} NOT NULL, "
                    "retain_until {date}, destroyed_at {time}, "
                    "CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL)))"
                ))

    def _sql(self, text: str) -> str:
        return self._d.sql(text, **self._t)

    def fetch(self, case_id: UUID) -> KeyRow | None:
        with self._d.reading(self._datastore) as cursor:
            return self._select(cursor, case_id)

    def _select(self, cursor: Any, case_id: UUID) -> KeyRow | None:
        cursor.execute(self._sql("SELECT wrapped_key, retain_until, destroyed_at FROM {t} WHERE case_id = ?"),
                       (self._d.uuid(case_id),))
        row = cursor.fetchone()
        if row is None:
            return None
        wrapped, until, destroyed = row["wrapped_key"], row["retain_until"], row["destroyed_at"]
        return KeyRow(bytes(wrapped) if wrapped is not None else None,
                      self._d.date_of(until) if until else None,
                      self._d.time_of(destroyed) if destroyed else None)

    def insert_if_absent(self, case_id: UUID, wrapped: bytes, now: datetime) -> KeyRow:
        # DO NOTHING (not DO UPDATE): an update would leave another dead copy of the key.
        # Under READ COMMITTED the SELECT that follows sees the row a concurrent writer won with.
        with self._scrub.writing() as cursor:
            cursor.execute(self._sql("INSERT INTO {t} (case_id, wrapped_key, created_at) VALUES (?, ?, ?) "
                                     "ON CONFLICT (case_id) DO NOTHING"),
                           (self._d.uuid(case_id), wrapped, self._d.time(now)))
            row = self._select(cursor, case_id)
        assert row is not None
        return row

    def destroy(self, case_id: UUID, now: datetime) -> None:
        at = self._d.time(now)
        with self._scrub.writing() as cursor:
            cursor.execute(self._sql("INSERT INTO {t} (case_id, created_at, destroyed_at) VALUES (?, ?, ?) "
                                     "ON CONFLICT (case_id) DO NOTHING"), (self._d.uuid(case_id), at, at))
            cursor.execute(self._sql("UPDATE {t} SET wrapped_key = NULL, destroyed_at = ? "
                                     "WHERE case_id = ? AND destroyed_at IS NULL"), (at, self._d.uuid(case_id)))
        self._scrub.after_destroy()

    def scrub(self) -> bool:
        return self._scrub.scrub()

    def set_retention(self, case_id: UUID, until: date) -> None:
        with self._scrub.writing() as cursor:
            cursor.execute(self._sql("UPDATE {t} SET retain_until = ? WHERE case_id = ?"),
                           (self._d.date(until), self._d.uuid(case_id)))

    def due(self, on: date) -> list[UUID]:
        with self._datastore.transaction(commit=False) as cursor:
            cursor.execute(self._sql("SELECT case_id FROM {t} WHERE wrapped_key IS NOT NULL "
                                     "AND retain_until IS NOT NULL AND retain_until <= ? ORDER BY retain_until, case_id"),
                           (self._d.date(on),))
            return [self._d.uuid_of(row["case_id"]) for row in cursor.fetchall()]

    def any_wrapped(self) -> tuple[UUID, bytes] | None:
        with self._datastore.transaction(commit=False) as cursor:
            cursor.execute(self._sql("SELECT case_id, wrapped_key FROM {t} WHERE wrapped_key IS NOT NULL LIMIT 1"))
            row = cursor.fetchone()
        return (self._d.uuid_of(row["case_id"]), bytes(row["wrapped_key"])) if row else None


def retry_while_busy(attempt: Any, tries: int = 20, pause: float = 0.05) -> bool:
    """Run ``attempt`` until it reports success; readers may hold the log for a moment."""
    for _ in range(tries):
        if attempt():
            return True
        time.sleep(pause)
    return False
