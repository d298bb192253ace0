"""The case-key table in a context's PostgreSQL database (see ``keystore_tables`` for the why)."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.postgres import PostgresDatastore
from psycopg.sql import SQL, Composed, Identifier

from services.platform.keystore_tables import KeyRow, retry_while_busy

log = logging.getLogger(__name__)
MAX_IDENTIFIER_LEN = 63
# PostgreSQL's own wording (lc_messages C/English); when it cannot be read, no retry is made.
KEPT_ROW_VERSIONS = re.compile(r"(\d+) dead row versions cannot be removed yet")


class PostgresKeyTable:
    def __init__(self, datastore: PostgresDatastore, table: str, create: bool) -> None:
        if len(table) > MAX_IDENTIFIER_LEN:
            raise ValueError(f"key table name too long for PostgreSQL: {table}")
        self._datastore = datastore
        self._table = Composed([Identifier(datastore.schema), SQL("."), Identifier(table)])
        if create:
            with datastore.transaction(commit=True) as cursor:
                cursor.execute(self._sql(
                    "CREATE TABLE IF NOT EXISTS {t} ("
                    "case_id uuid PRIMARY KEY, wrapped_key bytea, created_at timestamptz NOT NULL, "
                    "retain_until date, destroyed_at timestamptz, "
                    "CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL)))"
                ))

    def _sql(self, text: str) -> Composed:
        return SQL(text).format(t=self._table)  # type: ignore[arg-type]

    def fetch(self, case_id: UUID) -> KeyRow | None:
        # One statement on the pooled autocommit connection: no BEGIN and ROLLBACK round trips around it.
        with self._datastore.get_connection() as conn, conn.cursor() as cursor:
            return self._select(cursor, case_id)

    def _select(self, cursor: Any, case_id: UUID) -> KeyRow | None:
        cursor.execute(
            self._sql("SELECT wrapped_key, retain_until, destroyed_at FROM {t} WHERE case_id = %s"),
            (case_id,),
        )
        row = cursor.fetchone()
        if row is None:
            return None
        wrapped = row["wrapped_key"]
        return KeyRow(bytes(wrapped) if wrapped is not None else None, row["retain_until"], row["destroyed_at"])

    def insert_if_absent(self, case_id: UUID, wrapped: bytes, now: datetime) -> KeyRow:
        # DO NOTHING (not DO UPDATE): an update would leave another dead copy of the key.
        # Under READ COMMITTED the SELECT that follows sees the row a concurrent writer won with.
        with self._datastore.transaction(commit=True) as cursor:
            cursor.execute(
                self._sql(
                    "INSERT INTO {t} (case_id, wrapped_key, created_at) VALUES (%s, %s, %s) "
                    "ON CONFLICT (case_id) DO NOTHING"
                ),
                (case_id, wrapped, now),
            )
            row = self._select(cursor, case_id)
        assert row is not None
        return row

    def destroy(self, case_id: UUID, now: datetime) -> None:
        with self._datastore.transaction(commit=True) as cursor:
            cursor.execute(
                self._sql(
                    "INSERT INTO {t} (case_id, created_at, destroyed_at) VALUES (%s, %s, %s) "
                    "ON CONFLICT (case_id) DO NOTHING"
                ),
                (case_id, now, now),
            )
            cursor.execute(
                self._sql(
                    "UPDATE {t} SET wrapped_key = NULL, destroyed_at = %s "
                    "WHERE case_id = %s AND destroyed_at IS NULL"
                ),
                (now, case_id),
            )
        try:
            if not retry_while_busy(self._vacuum, tries=50, pause=0.1):
                log.warning("case key destroyed, but an open transaction still keeps its old row version")
        except _NotOwner:
            log.error("case key destroyed, but this login may not VACUUM FULL the key table, so its old row version "
                      "stays in the file: run `evenwijdig store init` (it gives the runtime login that table)")

    def scrub(self) -> bool:
        try:
            return self._vacuum()
        except _NotOwner:
            return False

    def _vacuum(self) -> bool:
        # The old row version (with the key) is now a dead tuple; a plain VACUUM may leave
        # its bytes in the page's free space, VACUUM FULL writes a fresh file without it.
        # The table holds one short row per case, so the rewrite is quick. A dead version
        # that a still-open transaction might see is copied over, not dropped: VERBOSE
        # says so ("N dead row versions cannot be removed yet"), and the caller retries.
        details: list[str] = []

        skipped: list[str] = []

        def collect(diagnostic: Any) -> None:
            details.append(diagnostic.message_detail or "")
            if diagnostic.severity_nonlocalized == "WARNING":  # PostgreSQL skips, with a warning, what it may not vacuum
                skipped.append(diagnostic.message_primary or "")

        with self._datastore.get_connection() as conn:
            conn.add_notice_handler(collect)
            try:
                conn.execute(self._sql("VACUUM (FULL, VERBOSE) {t}"))
            finally:
                conn.remove_notice_handler(collect)
        if skipped:
            raise _NotOwner(skipped[0])
        kept = [int(m.group(1)) for d in details if (m := KEPT_ROW_VERSIONS.search(d))]
        return sum(kept) == 0

    def set_retention(self, case_id: UUID, until: date) -> None:
        with self._datastore.transaction(commit=True) as cursor:
            cursor.execute(self._sql("UPDATE {t} SET retain_until = %s WHERE case_id = %s"), (until, case_id))

    def due(self, on: date) -> list[UUID]:
        with self._datastore.transaction(commit=False) as cursor:
            cursor.execute(
                self._sql(
                    "SELECT case_id FROM {t} WHERE wrapped_key IS NOT NULL "
                    "AND retain_until IS NOT NULL AND retain_until <= %s ORDER BY retain_until, case_id"
                ),
                (on,),
            )
            return [row["case_id"] for row in cursor.fetchall()]

    def any_wrapped(self) -> tuple[UUID, bytes] | None:
        with self._datastore.transaction(commit=False) as cursor:
            cursor.execute(self._sql("SELECT case_id, wrapped_key FROM {t} WHERE wrapped_key IS NOT NULL LIMIT 1"))
            row = cursor.fetchone()
        return (row["case_id"], bytes(row["wrapped_key"])) if row else None


class _NotOwner(Exception):
    """VACUUM skipped the table: the login is not its owner (nor, from PostgreSQL 17, granted MAINTAIN)."""
