"""A context's store in one SQLite file: ``PERSISTENCE_MODULE=services.platform.stores_sqlite``."""

from __future__ import annotations

import logging
import sqlite3
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, Iterator, Sequence
from uuid import UUID

import eventsourcing.sqlite as library
from eventsourcing.persistence import IntegrityError

from services.platform.chain import ChainBroken
from services.platform.dialect import Dialect
from services.platform.keystore_tables import retry_while_busy
from services.platform.requests import AlreadyCarriedOut, RequestMark, current
from services.platform.storage import ContextStorage
from services.platform.writer_group import WriterGroup

log = logging.getLogger("services.platform.keystore")


class SQLiteDialect(Dialect):
    param = "?"
    position_column = "rowid"
    # Identifiers, values and positions as the SQLite tables have always held them: ids as 32 hex digits,
    # times as ISO text, a numbered key that is the rowid.
    types = {"uuid": "TEXT", "blob": "BLOB", "time": "TEXT", "date": "TEXT", "bigint": "INTEGER",
             "bool": "INTEGER", "serial": "INTEGER PRIMARY KEY AUTOINCREMENT"}

    def table(self, name: str) -> str:
        return '"' + name.replace('"', '""') + '"'

    def uuid(self, value: UUID) -> Any:
        return value.hex

    def time(self, value: datetime) -> Any:
        return value.isoformat()

    def date(self, value: date) -> Any:
        return value.isoformat()

    def originator_id(self, stored: Any) -> Any:
        return UUID(stored)

    def exists(self, cursor: Any, table: str) -> bool:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))
        return cursor.fetchone() is not None

    def add_column(self, cursor: Any, table: str, column: str, column_type: str) -> None:
        cursor.execute("SELECT 1 FROM pragma_table_info(?) WHERE name = ?", (table, column))
        if cursor.fetchone() is None:
            cursor.execute(f"ALTER TABLE {self.table(table)} ADD COLUMN {column} {column_type}")

    def append_only(self, cursor: Any, table: str, message: str) -> None:
        for verb in ("UPDATE", "DELETE"):
            cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {self.table(f'{table}_no_{verb.lower()}')} "
                           f"BEFORE {verb} ON {self.table(table)} BEGIN SELECT RAISE(ABORT, '{message}'); END")

    def serialise(self, cursor: Any, table: str) -> None:
        # A write first: SQLite then holds the file's write lock until the transaction ends (a read
        # first could not become a write while another writer commits: "database is locked").
        cursor.execute(f"UPDATE {self.table(table)} SET rowid = rowid WHERE 0")

    def lock_events(self, cursor: Any, events: str) -> None:
        cursor.execute(f"UPDATE {events} SET rowid = rowid WHERE 0")


class ChainedSQLiteRecorder(library.SQLiteApplicationRecorder):
    """Links every event in the transaction that stores it; commands storing at once share the transaction."""

    chain_store: Any = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.writers = WriterGroup(self)

    # No @retry, unlike the base class: one attempt per store call (``application._single_attempt``).
    def insert_events(self, stored_events: Sequence[Any], **kwargs: Any) -> Sequence[int] | None:
        if kwargs.get("tracking") is None:
            return self.writers.insert(stored_events) if stored_events else None
        with self.datastore.transaction(commit=True) as c:  # a flow's effect with its tracking row, alone
            return self._insert_events(c, stored_events, **kwargs)

    def _insert_events(self, c: Any, stored_events: Sequence[Any], **kwargs: Any) -> Sequence[int] | None:
        # A grouped command brings its own request's mark (the leader's thread stores it); a flow's is current.
        mark = kwargs.pop("mark") if "mark" in kwargs else current.get()
        positions = super()._insert_events(c, stored_events, **kwargs)
        if self.chain_store is None:
            raise ChainBroken("events cannot be stored before the audit chain is attached")
        if stored_events:  # a flow may record only that it processed a position
            self.chain_store.extend_within(c, stored_events, positions)
            if mark is not None and mark.request is not None:
                self.chain_store.record_request_within(c, mark, (positions or [None])[-1])
        return positions

    # The writer group's side (services.platform.writer_group) --------------------------------

    def shared_transaction(self) -> Any:
        return self.datastore.transaction(commit=True)

    def store_one(self, cursor: Any, stored_events: Sequence[Any], mark: RequestMark | None) -> Sequence[int] | None:
        return self._insert_events(cursor, stored_events, mark=mark)

    def own_failure(self, error: BaseException) -> BaseException | None:
        if isinstance(error, sqlite3.IntegrityError):  # another command stored this version first
            return IntegrityError(error)
        return error if isinstance(error, AlreadyCarriedOut) else None

    def outcome_unknown(self, error: BaseException) -> bool:
        return False  # a local file: a commit either returned or raised


class ChainedSQLiteProcessRecorder(ChainedSQLiteRecorder, library.SQLiteProcessRecorder):
    """A context that receives facts from others: events, their links and the tracking row in one transaction."""


class SecureDelete:
    """SQLite zeroes what an update or delete frees; after a destroy the write-ahead log is emptied."""

    def __init__(self, datastore: library.SQLiteDatastore) -> None:
        self._datastore = datastore

    @contextmanager
    def writing(self) -> Iterator[Any]:
        # The pool's writer lock serialises writers in this process; secure_delete makes
        # SQLite zero what an update or delete frees, so an old key copy is not left behind
        # in a page's free space. The pragma stays on for the pooled connection: harmless.
        with self._datastore.get_connection(commit=True) as conn:
            conn.cursor().execute("PRAGMA secure_delete=ON")
            with conn.transaction(commit=True) as cursor:
                yield cursor

    def after_destroy(self) -> None:
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


class Factory(ContextStorage, library.Factory):
    application_recorder_class = ChainedSQLiteRecorder
    process_recorder_class = ChainedSQLiteProcessRecorder
    chained_recorder = ChainedSQLiteRecorder
    dialect = SQLiteDialect()

    def key_scrub(self, table: str) -> SecureDelete:
        return SecureDelete(self.datastore)

    def damage(self) -> str | None:
        """What ``PRAGMA quick_check`` finds damaged in the file, None when intact.

        A damaged page only shows when it is read, so a ping answers as if all were well; the
        check reads every page (about a second per few hundred MB).
        """
        try:
            with self.datastore.transaction(commit=False) as cursor:
                cursor.execute("PRAGMA quick_check(1)")
                (verdict,) = cursor.fetchone()
        except Exception as error:  # noqa: BLE001 - a file too damaged to check is damaged
            cause = error.__cause__ or error
            return (str(cause).splitlines() or [type(cause).__name__])[0]
        return None if verdict == "ok" else " ".join(str(verdict).split())
