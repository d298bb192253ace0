"""The case-key table in a context's SQLite file (see ``keystore_tables`` for the why)."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, Iterator
from uuid import UUID

from eventsourcing.sqlite import SQLiteDatastore

from services.platform.keystore_tables import KeyRow, retry_while_busy

log = logging.getLogger(__name__)


class SQLiteKeyTable:
    def __init__(self, datastore: SQLiteDatastore, table: str, create: bool) -> None:
        self._datastore = datastore
        self._table = '"' + table.replace('"', '""') + '"'
        if create:
            with self._writing() as cursor:
                cursor.execute(
                    f"CREATE TABLE IF NOT EXISTS {self._table} ("
                    "case_id TEXT PRIMARY KEY, wrapped_key BLOB, created_at TEXT NOT NULL, "
                    "retain_until TEXT, destroyed_at TEXT, "
                    "CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL)))"
                )

    @contextmanager
    def _writing(self) -> Iterator[Any]:
        # The pool's writer lock serialises writers in this process; secure_delete makes
        # SQLite zero what an update or delete frees, so an old key copy is not left behind
        # in a page's free space. The pragma stays on for the pooled connection: harmless.
        with self._datastore.get_connection(commit=True) as conn:
            conn.cursor().execute("PRAGMA secure_delete=ON")
            with conn.transaction(commit=True) as cursor:
                yield cursor

    def fetch(self, case_id: UUID) -> KeyRow | None:
        with self._datastore.transaction(commit=False) as cursor:
            return self._select(cursor, case_id)

    def _select(self, cursor: Any, case_id: UUID) -> KeyRow | None:
        cursor.execute(
            f"SELECT wrapped_key, retain_until, destroyed_at FROM {self._table} WHERE case_id = ?",
            (case_id.hex,),
        )
        row = cursor.fetchone()
        if row is None:
            return None
        return KeyRow(
            wrapped=bytes(row[0]) if row[0] is not None else None,
            retain_until=date.fromisoformat(row[1]) if row[1] else None,
            destroyed_at=datetime.fromisoformat(row[2]) if row[2] else None,
        )

    def insert_if_absent(self, case_id: UUID, wrapped: bytes, now: datetime) -> KeyRow:
        with self._writing() as cursor:
            cursor.execute(
                f"INSERT OR IGNORE INTO {self._table} (case_id, wrapped_key, created_at) VALUES (?, ?, ?)",
                (case_id.hex, wrapped, now.isoformat()),
            )
            row = self._select(cursor, case_id)
        assert row is not None
        return row

    def destroy(self, case_id: UUID, now: datetime) -> None:
        with self._writing() as cursor:
            cursor.execute(
                f"INSERT OR IGNORE INTO {self._table} (case_id, created_at, destroyed_at) VALUES (?, ?, ?)",
                (case_id.hex, now.isoformat(), now.isoformat()),
            )
            cursor.execute(
                f"UPDATE {self._table} SET wrapped_key = NULL, destroyed_at = ? "
                "WHERE case_id = ? AND destroyed_at IS NULL",
                (now.isoformat(), case_id.hex),
            )
        if not self.scrub():
            log.warning("case key destroyed, but the write-ahead log could not be truncated yet")

    def scrub(self) -> bool:
        # Until a checkpoint, the page that held the key is still in the -wal file.
        # TRUNCATE copies the log into the database file and cuts the log to zero bytes.
        def attempt() -> bool:
            with self._datastore.get_connection(commit=True) as conn:
                cursor = conn.cursor()
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                busy = cursor.fetchone()[0]
            return busy == 0

        return retry_while_busy(attempt)

    def set_retention(self, case_id: UUID, until: date) -> None:
        with self._writing() as cursor:
            cursor.execute(
                f"UPDATE {self._table} SET retain_until = ? WHERE case_id = ?",
                (until.isoformat(), case_id.hex),
            )

    def due(self, on: date) -> list[UUID]:
        with self._datastore.transaction(commit=False) as cursor:
            cursor.execute(
                f"SELECT case_id FROM {self._table} WHERE wrapped_key IS NOT NULL "
                "AND retain_until IS NOT NULL AND retain_until <= ? ORDER BY retain_until, case_id",
                (on.isoformat(),),
            )
            return [UUID(row[0]) for row in cursor.fetchall()]

    def any_wrapped(self) -> tuple[UUID, bytes] | None:
        with self._datastore.transaction(commit=False) as cursor:
            cursor.execute(f"SELECT case_id, wrapped_key FROM {self._table} WHERE wrapped_key IS NOT NULL LIMIT 1")
            row = cursor.fetchone()
        return (UUID(row[0]), bytes(row[1])) if row else None
