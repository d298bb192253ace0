"""The chain and checkpoint tables in a context's SQLite file, and the recorder that links as it stores."""

from __future__ import annotations

from dataclasses import replace

from typing import Any, Callable, Sequence
from uuid import UUID

from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteDatastore, SQLiteProcessRecorder

from services.platform.chain import ChainBroken, Link, Record, extend, records_of
from services.platform.checkpoints import Checkpoint
from services.platform.requests import RECORD, RECORDED_BY, check_recorded, current

PAGE = 1000


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class ChainedSQLiteRecorder(SQLiteApplicationRecorder):
    """Links every event in the transaction that stores it; SQLite lets one writer in at a time."""

    chain_store: SQLiteChainStore | None = None

    def _insert_events(self, c: Any, stored_events: Sequence[Any], **kwargs: Any) -> Sequence[int] | None:
        positions = super()._insert_events(c, stored_events, **kwargs)
        if self.chain_store is None:
            raise ChainBroken("events cannot be stored before the audit chain is attached")
        if stored_events:  # a flow may record only that it processed a position
            self.chain_store.extend_within(c, stored_events, positions)
            self.chain_store.record_request_within(c, positions)
        return positions


class SQLiteChainStore:
    def __init__(self, datastore: SQLiteDatastore, context: str, events_table: str, create: bool) -> None:
        self._datastore = datastore
        self._context = context
        self._events = _quoted(events_table)
        self._chain = _quoted(f"{context}_chain")
        self._checkpoints = _quoted(f"{context}_checkpoints")
        self._requests = _quoted(f"{context}_requests")
        self.created = False
        if create:
            self._create(context)

    def _create(self, context: str) -> None:
        with self._datastore.transaction(commit=True) as c:
            c.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (f"{context}_chain",))
            self.created = c.fetchone() is None
            c.execute(f"CREATE TABLE IF NOT EXISTS {self._chain} ("
                      "position INTEGER PRIMARY KEY, digest BLOB NOT NULL, link BLOB NOT NULL)")
            c.execute(f"CREATE TABLE IF NOT EXISTS {self._checkpoints} ("
                      "number INTEGER PRIMARY KEY AUTOINCREMENT, context TEXT NOT NULL, position INTEGER NOT NULL, "
                      "head BLOB NOT NULL, signed_at TEXT NOT NULL, key_id TEXT NOT NULL, signature BLOB NOT NULL, "
                      "previous BLOB)")
            # Checkpoint tables made before checkpoints named their predecessor get the column (NULL: v1).
            c.execute(f"SELECT 1 FROM pragma_table_info('{context}_checkpoints') WHERE name = 'previous'")
            if c.fetchone() is None:
                c.execute(f"ALTER TABLE {self._checkpoints} ADD COLUMN previous BLOB")
            c.execute(f"CREATE TABLE IF NOT EXISTS {self._requests} ("
                      "request TEXT PRIMARY KEY, attempt TEXT NOT NULL, position INTEGER)")
            for table in (f"{context}_chain", f"{context}_checkpoints"):
                for verb in ("UPDATE", "DELETE"):
                    c.execute(f"CREATE TRIGGER IF NOT EXISTS {_quoted(f'{table}_no_{verb.lower()}')} "
                              f"BEFORE {verb} ON {_quoted(table)} "
                              "BEGIN SELECT RAISE(ABORT, 'the audit chain is append-only'); END")

    # Writing -------------------------------------------------------------------------------

    def extend_within(self, c: Any, stored_events: Sequence[Any], positions: Sequence[int] | None) -> None:
        """Link the events the recorder just inserted, on its cursor, in its transaction."""
        self._append(c, extend(self._context, self._last(c), records_of(stored_events, positions)))

    def record_request_within(self, c: Any, positions: Sequence[int] | None) -> None:
        """Record which client request stored these events (``services.platform.requests``), if any."""
        mark = current.get()
        if mark is None or mark.request is None:
            return
        c.execute(RECORD.format(table=self._requests), (mark.request, mark.attempt, (positions or [None])[-1]))
        c.execute(RECORDED_BY.format(table=self._requests), (mark.request,))
        check_recorded(mark, c.fetchone()[0])

    def adopt(self) -> int:
        """Link every event stored before this chain existed; one transaction, so no writer interleaves."""
        adopted = 0
        with self._datastore.transaction(commit=True) as c:
            while True:
                last = self._last(c)
                records = self._records(c, last.position if last else None, None, PAGE)
                if not records:
                    return adopted
                self._append(c, extend(self._context, last, records))
                adopted += len(records)

    def _append(self, c: Any, links: list[Link]) -> None:
        c.executemany(f"INSERT INTO {self._chain} (position, digest, link) VALUES (?, ?, ?)",
                      [(link.position, link.digest, link.link) for link in links])

    def add_checkpoint(self, make: Callable[[Checkpoint | None], Checkpoint]) -> Checkpoint:
        """Sign (``make``, given the last checkpoint) and store the next one, in one write transaction."""
        with self._datastore.transaction(commit=True) as c:
            # A write first: SQLite then holds the file's write lock, so no other checkpoint comes between.
            c.execute(f"UPDATE {self._checkpoints} SET number = number WHERE 0")
            c.execute(f"SELECT {_COLUMNS} FROM {self._checkpoints} ORDER BY number DESC LIMIT 1")
            row = c.fetchone()
            checkpoint = make(_checkpoint(row) if row else None)
            c.execute(f"INSERT INTO {self._checkpoints} (context, position, head, signed_at, key_id, signature, "
                      "previous) VALUES (?, ?, ?, ?, ?, ?, ?)",
                      (checkpoint.context, checkpoint.position, checkpoint.head, checkpoint.signed_at,
                       checkpoint.key_id, checkpoint.signature, checkpoint.previous or None))
            return replace(checkpoint, number=c.lastrowid)

    # Reading -------------------------------------------------------------------------------

    def last(self) -> Link | None:
        with self._datastore.transaction(commit=False) as c:
            return self._last(c)

    def _last(self, c: Any) -> Link | None:
        c.execute(f"SELECT position, digest, link FROM {self._chain} ORDER BY position DESC LIMIT 1")
        row = c.fetchone()
        return Link(row[0], bytes(row[1]), bytes(row[2])) if row else None

    def bounds(self) -> tuple[int | None, int]:
        with self._datastore.transaction(commit=False) as c:
            c.execute(f"SELECT (SELECT MAX(rowid) FROM {self._events}), (SELECT MAX(position) FROM {self._chain}), "
                      f"(SELECT COALESCE(MAX(number), 0) FROM {self._checkpoints})")
            events, links, checkpoints = c.fetchone()
        found = [value for value in (events, links) if value is not None]
        return (max(found) if found else None), checkpoints

    def links(self, after: int | None, stop: int, limit: int) -> list[Link]:
        where, params = _window("position", after, stop)
        with self._datastore.transaction(commit=False) as c:
            c.execute(f"SELECT position, digest, link FROM {self._chain} WHERE {where} ORDER BY position LIMIT ?",
                      (*params, limit))
            return [Link(row[0], bytes(row[1]), bytes(row[2])) for row in c.fetchall()]

    def records(self, after: int | None, stop: int, limit: int) -> list[Record]:
        with self._datastore.transaction(commit=False) as c:
            return self._records(c, after, stop, limit)

    def _records(self, c: Any, after: int | None, stop: int | None, limit: int) -> list[Record]:
        where, params = _window("rowid", after, stop)
        c.execute(f"SELECT rowid, originator_id, originator_version, topic, state FROM {self._events} "
                  f"WHERE {where} ORDER BY rowid LIMIT ?", (*params, limit))
        return [Record(row[0], str(row[1]), row[2], row[3], row[4]) for row in c.fetchall()]

    def position_of(self, digest: bytes) -> int | None:
        with self._datastore.transaction(commit=False) as c:
            c.execute(f"SELECT position FROM {self._chain} WHERE digest = ? LIMIT 1", (digest,))
            row = c.fetchone()
        return row[0] if row else None

    def checkpoints(self, after: tuple[int, int], limit: int) -> list[Checkpoint]:
        with self._datastore.transaction(commit=False) as c:
            c.execute(f"SELECT {_COLUMNS} FROM {self._checkpoints} "
                      "WHERE position > ? OR (position = ? AND number > ?) ORDER BY position, number LIMIT ?",
                      (after[0], after[0], after[1], limit))
            return [_checkpoint(row) for row in c.fetchall()]

    def checkpoints_by_number(self, after: int, limit: int) -> list[Checkpoint]:
        with self._datastore.transaction(commit=False) as c:
            c.execute(f"SELECT {_COLUMNS} FROM {self._checkpoints} WHERE number > ? ORDER BY number LIMIT ?",
                      (after, limit))
            return [_checkpoint(row) for row in c.fetchall()]

    def creation_topics(self) -> list[str]:
        with self._datastore.transaction(commit=False) as c:
            c.execute(f"SELECT DISTINCT topic FROM {self._events} WHERE originator_version = 1")
            return sorted(row[0] for row in c.fetchall())

    def version_at(self, originator_id: UUID, position: int) -> int | None:
        with self._datastore.transaction(commit=False) as c:
            c.execute(f"SELECT MAX(originator_version) FROM {self._events} WHERE originator_id = ? AND rowid <= ?",
                      (originator_id.hex, position))
            return c.fetchone()[0]


_COLUMNS = "number, context, position, head, signed_at, key_id, signature, previous"


def _checkpoint(row: Any) -> Checkpoint:
    return Checkpoint(row[1], row[2], bytes(row[3]), row[4], row[5], bytes(row[6]), row[0],
                      bytes(row[7]) if row[7] is not None else b"")


def _window(column: str, after: int | None, stop: int | None) -> tuple[str, list[int]]:
    clauses, params = ["1 = 1"], []
    if after is not None:
        clauses.append(f"{column} > ?")
        params.append(after)
    if stop is not None:
        clauses.append(f"{column} <= ?")
        params.append(stop)
    return " AND ".join(clauses), params


class ChainedSQLiteProcessRecorder(ChainedSQLiteRecorder, SQLiteProcessRecorder):
    """A context that receives facts from others: events, their links and the tracking row in one transaction."""
