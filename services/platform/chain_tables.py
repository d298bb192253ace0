"""The chain, checkpoint and request tables in a context's store, and the raw reads verification needs.

One class for both stores (``services.platform.dialect`` says what differs). Links are written
in the transaction that stores their events: by the chained recorder of each backend
(``stores_sqlite`` links from Python, ``stores_postgres`` in a database function), never here
except for ``adopt`` (events stored before the chain existed).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, Sequence
from uuid import UUID

from services.platform.chain import Link, Record, extend, id_text, records_of
from services.platform.checkpoints import Checkpoint
from services.platform.dialect import Dialect
from services.platform.requests import RECORD, RECORDED_BY, RequestMark, check_recorded

PAGE = 1000
APPEND_ONLY = "the audit chain is append-only"
_COLUMNS = "number, context, position, head, signed_at, key_id, signature, previous"


class ChainTables:
    def __init__(self, datastore: Any, dialect: Dialect, context: str, events_table: str, create: bool,
                 also_create: Callable[[Any], None] = lambda cursor: None) -> None:
        """``also_create``: what the backend adds to the creating transaction, last (PostgreSQL: the chain function)."""
        self._datastore = datastore
        self._d = dialect
        self._context = context
        self._names = {"chain": f"{context}_chain", "checkpoints": f"{context}_checkpoints"}
        self._t = {"events": dialect.table(events_table), "chain": dialect.table(self._names["chain"]),
                   "checkpoints": dialect.table(self._names["checkpoints"]),
                   "requests": dialect.table(f"{context}_requests"), "position": dialect.position_column}
        self.created = False
        if create:
            self._create(also_create)

    def _sql(self, text: str) -> str:
        return self._d.sql(text, **self._t)

    def _create(self, also_create: Callable[[Any], None]) -> None:
        with self._datastore.transaction(commit=True) as c:
            # Processes starting together take turns (PostgreSQL would fail each other's CREATE OR REPLACE).
            self._d.queue_creators(c, self._names["chain"])
            self.created = not self._d.exists(c, self._names["chain"])
            c.execute(self._sql("CREATE TABLE IF NOT EXISTS {chain} ("
                                "position {bigint} PRIMARY KEY, digest {blob} NOT NULL, link {blob} NOT NULL)"))
            c.execute(self._sql("CREATE TABLE IF NOT EXISTS {checkpoints} ("
                                "number {serial}, context TEXT NOT NULL, position {bigint} NOT NULL, "
                                "head {blob} NOT NULL, signed_at TEXT NOT NULL, key_id TEXT NOT NULL, "
                                "signature {blob} NOT NULL, previous {blob})"))
            # Checkpoint tables made before checkpoints named their predecessor get the column (NULL: v1).
            self._d.add_column(c, self._names["checkpoints"], "previous", self._d.types["blob"])
            c.execute(self._sql("CREATE TABLE IF NOT EXISTS {requests} ("
                                "request TEXT PRIMARY KEY, attempt TEXT NOT NULL, position {bigint})"))
            for name in self._names.values():
                self._d.append_only(c, name, APPEND_ONLY)
            also_create(c)

    # Writing -------------------------------------------------------------------------------

    def extend_within(self, c: Any, stored_events: Sequence[Any], positions: Sequence[int] | None) -> None:
        """Link the events a recorder just inserted, on its cursor, in its transaction."""
        self._append(c, extend(self._context, self._last(c), records_of(stored_events, positions)))

    def record_request_within(self, c: Any, mark: RequestMark, position: int | None) -> None:
        """Record which client request stored these events (``services.platform.requests``), in their transaction."""
        c.execute(self._d.sql(RECORD.format(table=self._t["requests"])), (mark.request, mark.attempt, position))
        c.execute(self._d.sql(RECORDED_BY.format(table=self._t["requests"])), (mark.request,))
        recorded = c.fetchone()
        check_recorded(mark, recorded["attempt"] if recorded else None)

    def adopt(self) -> int:
        """Link every event stored before this chain existed; one transaction, under the writers' own lock."""
        adopted = 0
        with self._datastore.transaction(commit=True) as c:
            self._d.lock_events(c, self._t["events"])
            while True:
                last = self._last(c)
                records = self._records(c, last.position if last else None, None, PAGE)
                if not records:
                    return adopted
                self._append(c, extend(self._context, last, records))
                adopted += len(records)

    def _append(self, c: Any, links: list[Link]) -> None:
        c.executemany(self._sql("INSERT INTO {chain} (position, digest, link) VALUES (?, ?, ?)"),
                      [(link.position, link.digest, link.link) for link in links])

    def add_checkpoint(self, make: Callable[[Checkpoint | None], Checkpoint]) -> Checkpoint:
        """Sign (``make``, given the last checkpoint) and store the next one; writers of checkpoints queue."""
        with self._datastore.transaction(commit=True) as c:
            self._d.serialise(c, self._names["checkpoints"])
            c.execute(self._sql("SELECT " + _COLUMNS + " FROM {checkpoints} ORDER BY number DESC LIMIT 1"))
            row = c.fetchone()
            checkpoint = make(_checkpoint(row) if row else None)
            c.execute(self._sql("INSERT INTO {checkpoints} (context, position, head, signed_at, key_id, signature, "
                                "previous) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING number"),
                      (checkpoint.context, checkpoint.position, checkpoint.head, checkpoint.signed_at,
                       checkpoint.key_id, checkpoint.signature, checkpoint.previous or None))
            return replace(checkpoint, number=c.fetchone()["number"])

    # Reading -------------------------------------------------------------------------------

    def last(self) -> Link | None:
        with self._datastore.transaction(commit=False) as c:
            return self._last(c)

    def _last(self, c: Any) -> Link | None:
        c.execute(self._sql("SELECT position, digest, link FROM {chain} ORDER BY position DESC LIMIT 1"))
        row = c.fetchone()
        return _link(row) if row else None

    def bounds(self) -> tuple[int | None, int]:
        with self._datastore.transaction(commit=False) as c:
            c.execute(self._sql("SELECT (SELECT MAX({position}) FROM {events}) AS e, "
                                "(SELECT MAX(position) FROM {chain}) AS l, "
                                "(SELECT COALESCE(MAX(number), 0) FROM {checkpoints}) AS c"))
            row = c.fetchone()
        found = [value for value in (row["e"], row["l"]) if value is not None]
        return (max(found) if found else None), row["c"]

    def links(self, after: int | None, stop: int, limit: int) -> list[Link]:
        where, params = _window("position", after, stop)
        with self._datastore.transaction(commit=False) as c:
            c.execute(self._sql("SELECT position, digest, link FROM {chain} WHERE " + where +
                                " ORDER BY position LIMIT ?"), (*params, limit))
            return [_link(row) for row in c.fetchall()]

    def records(self, after: int | None, stop: int, limit: int) -> list[Record]:
        with self._datastore.transaction(commit=False) as c:
            return self._records(c, after, stop, limit)

    def _records(self, c: Any, after: int | None, stop: int | None, limit: int) -> list[Record]:
        where, params = _window("{position}", after, stop)
        c.execute(self._sql("SELECT {position} AS position, originator_id, originator_version, topic, state "
                            "FROM {events} WHERE " + where + " ORDER BY {position} LIMIT ?"), (*params, limit))
        return [Record(row["position"], id_text(row["originator_id"]), row["originator_version"], row["topic"],
                       row["state"]) for row in c.fetchall()]

    def position_of(self, digest: bytes) -> int | None:
        with self._datastore.transaction(commit=False) as c:
            c.execute(self._sql("SELECT position FROM {chain} WHERE digest = ? LIMIT 1"), (digest,))
            row = c.fetchone()
        return row["position"] if row else None

    def checkpoints(self, after: tuple[int, int], limit: int) -> list[Checkpoint]:
        with self._datastore.transaction(commit=False) as c:
            c.execute(self._sql("SELECT " + _COLUMNS + " FROM {checkpoints} WHERE position > ? OR "
                                "(position = ? AND number > ?) ORDER BY position, number LIMIT ?"),
                      (after[0], after[0], after[1], limit))
            return [_checkpoint(row) for row in c.fetchall()]

    def checkpoints_by_number(self, after: int, limit: int) -> list[Checkpoint]:
        with self._datastore.transaction(commit=False) as c:
            c.execute(self._sql("SELECT " + _COLUMNS + " FROM {checkpoints} WHERE number > ? ORDER BY number "
                                "LIMIT ?"), (after, limit))
            return [_checkpoint(row) for row in c.fetchall()]

    def creation_topics(self) -> list[str]:
        with self._datastore.transaction(commit=False) as c:
            c.execute(self._sql("SELECT DISTINCT topic FROM {events} WHERE originator_version = 1"))
            return sorted(row["topic"] for row in c.fetchall())

    def version_at(self, originator_id: UUID, position: int) -> int | None:
        with self._datastore.transaction(commit=False) as c:
            c.execute(self._sql("SELECT MAX(originator_version) AS v FROM {events} "
                                "WHERE originator_id = ? AND {position} <= ?"), (self._d.uuid(originator_id), position))
            return c.fetchone()["v"]


def _link(row: Any) -> Link:
    return Link(row["position"], bytes(row["digest"]), bytes(row["link"]))


def _checkpoint(row: Any) -> Checkpoint:
    return Checkpoint(row["context"], row["position"], bytes(row["head"]), row["signed_at"], row["key_id"],
                      bytes(row["signature"]), row["number"],
                      bytes(row["previous"]) if row["previous"] is not None else b"")


def _window(column: str, after: int | None, stop: int | None) -> tuple[str, list[int]]:
    clauses, params = ["1 = 1"], []
    if after is not None:
        clauses.append(f"{column} > ?")
        params.append(after)
    if stop is not None:
        clauses.append(f"{column} <= ?")
        params.append(stop)
    return " AND ".join(clauses), params
