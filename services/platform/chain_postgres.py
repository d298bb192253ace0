"""The chain and checkpoint tables in a context's PostgreSQL database, and the recorder that links as it stores.

The recorder stores and links a batch of events in one call of a database function
(``chain_postgres_function``) that takes eventsourcing's ``LOCK TABLE … IN EXCLUSIVE MODE``
first: linking in that same transaction means two writers can never fork the chain, and
no committed event is ever without its link. Positions may have gaps (a rolled-back insert
consumes sequence numbers); the chain does not need them contiguous, it links the positions
that exist.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, Sequence
from uuid import UUID

import psycopg
from eventsourcing.persistence import StoredEvent
from eventsourcing.persistence import Tracking
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore, PostgresProcessRecorder
from psycopg.sql import SQL, Composed, Identifier

from services.platform.chain import ChainBroken, Link, Record, extend, id_text
from services.platform.chain_postgres_function import CHAIN_BROKEN, call_parameters, call_statement, create_statement
from services.platform.checkpoints import Checkpoint
from services.platform.privileges import CHAIN_FUNCTION, CHAIN_FUNCTION_ARGUMENTS
from services.platform.requests import RECORD, RECORDED_BY, check_recorded, current

PAGE = 1000


class ChainedPostgresRecorder(PostgresApplicationRecorder):
    chain_store: PostgresChainStore | None = None

    # No @retry, unlike the base class: one attempt per store call (``application._single_attempt``).
    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Sequence[int] | None:
        if not stored_events:
            return None
        if self.chain_store is None:
            raise ChainBroken("events cannot be stored before the audit chain is attached")
        # One transaction: the function's work, and the client request it belongs to, commit together or not at all.
        # get_connection turns psycopg's errors into eventsourcing's (a duplicate version: IntegrityError).
        mark = current.get()
        with self.datastore.get_connection() as conn:
            parameters = call_parameters(stored_events, self.datastore.lock_timeout)
            try:
                with conn.transaction():
                    row = conn.execute(self.chain_store.insert_call, parameters, prepare=True).fetchone()
                    if mark is not None and mark.request is not None:
                        self.chain_store.record_request_within(conn, mark, row["positions"])
            except psycopg.Error as error:
                if error.sqlstate == CHAIN_BROKEN:
                    raise ChainBroken(error.diag.message_primary or "the audit chain ends past new events") from None
                if error.sqlstate is None and mark is not None:
                    # No answer from the server: the connection died after the write was sent, maybe after
                    # it committed. Nobody can say whether it was stored; the client must not hear "nothing".
                    mark.outcome_unknown = True
                raise
        assert row is not None
        return row["positions"]


class ChainedPostgresProcessRecorder(ChainedPostgresRecorder, PostgresProcessRecorder):
    """A context that receives facts from others: the tracking row commits with the events and their links."""

    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Sequence[int] | None:
        tracking: Tracking | None = kwargs.get("tracking")
        if tracking is None:
            return super().insert_events(stored_events, **kwargs)
        if self.chain_store is None:
            raise ChainBroken("events cannot be stored before the audit chain is attached")
        # The tracking row first: a position another process already recorded fails at once,
        # before the table lock is taken. The function's work and the row commit together.
        with self.datastore.transaction(commit=True) as curs:
            self._insert_tracking(curs, tracking)
            if not stored_events:
                return None
            parameters = call_parameters(stored_events, self.datastore.lock_timeout)
            try:
                row = curs.execute(self.chain_store.insert_call, parameters, prepare=True).fetchone()
            except psycopg.Error as error:
                if error.sqlstate == CHAIN_BROKEN:
                    raise ChainBroken(error.diag.message_primary or "the audit chain ends past new events") from None
                raise
        assert row is not None
        return row["positions"]


class PostgresChainStore:
    def __init__(self, datastore: PostgresDatastore, context: str, events_table: str, create: bool) -> None:
        if datastore.originator_id_type != "uuid":  # the insert function and digest_of take ids as UUIDs
            raise ValueError(f"{context}: the audit chain needs ORIGINATOR_ID_TYPE=uuid")
        self._datastore = datastore
        self._context = context
        schema = Identifier(datastore.schema)
        self._names = {"chain": f"{context}_chain", "checkpoints": f"{context}_checkpoints"}
        self._requests = Composed([Identifier(datastore.schema), SQL("."), Identifier(f"{context}_requests")])
        self._events = Composed([schema, SQL("."), Identifier(events_table)])
        self._chain = Composed([schema, SQL("."), Identifier(self._names["chain"])])
        self._checkpoints = Composed([schema, SQL("."), Identifier(self._names["checkpoints"])])
        function = self._function = Composed([schema, SQL("."), Identifier(f"{context}_{CHAIN_FUNCTION}")])
        channel = events_table.replace(".", "_")  # the recorder's NOTIFY channel, named as eventsourcing names it
        self._create_function = create_statement(function, self._events, self._chain, channel, context)
        self.insert_call = call_statement(function)
        self.created = False
        if create:
            self._create()

    def _sql(self, text: str) -> Composed:
        return SQL(text).format(events=self._events, chain=self._chain, checkpoints=self._checkpoints)  # type: ignore[arg-type]

    def _create(self) -> None:
        with self._datastore.transaction(commit=True) as c:
            # Gateway processes starting together would otherwise fail each other's CREATE OR REPLACE
            # ("tuple concurrently updated"); the lock ends with this transaction.
            c.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
                      (f"{self._datastore.schema}.{self._names['chain']}",))
            c.execute("SELECT 1 FROM information_schema.tables WHERE table_schema = %s AND table_name = %s",
                      (self._datastore.schema or "public", self._names["chain"]))
            self.created = c.fetchone() is None
            c.execute(self._sql("CREATE TABLE IF NOT EXISTS {chain} ("
                                "position bigint PRIMARY KEY, digest bytea NOT NULL, link bytea NOT NULL)"))
            c.execute(self._sql("CREATE TABLE IF NOT EXISTS {checkpoints} ("
                                "number bigserial PRIMARY KEY, context text NOT NULL, position bigint NOT NULL, "
                                "head bytea NOT NULL, signed_at text NOT NULL, key_id text NOT NULL, "
                                "signature bytea NOT NULL, previous bytea)"))
            # Checkpoint tables made before checkpoints named their predecessor get the column (NULL: v1).
            c.execute(self._sql("ALTER TABLE {checkpoints} ADD COLUMN IF NOT EXISTS previous bytea"))
            c.execute(SQL("CREATE TABLE IF NOT EXISTS {r} (request text PRIMARY KEY, attempt text NOT NULL, "
                          "position bigint)").format(r=self._requests))
            for name in self._names.values():
                self._guard(c, name)
            # With the tables, never at first insert: every process's insert finds it ready.
            c.execute(self._create_function)
            # A new function may be executed by anyone who can connect; only the runtime login is granted it.
            c.execute(SQL("REVOKE ALL ON FUNCTION {f}(" + CHAIN_FUNCTION_ARGUMENTS + ") FROM PUBLIC").format(
                f=self._function))

    def _guard(self, c: Any, table: str) -> None:
        schema = Identifier(self._datastore.schema)
        guard = Composed([schema, SQL("."), Identifier(f"{table}_append_only")])
        c.execute(SQL("CREATE OR REPLACE FUNCTION {g}() RETURNS trigger LANGUAGE plpgsql AS "
                      "$$ BEGIN RAISE EXCEPTION 'the audit chain is append-only'; END $$").format(g=guard))
        c.execute(SQL("CREATE OR REPLACE TRIGGER {n} BEFORE UPDATE OR DELETE OR TRUNCATE ON {t} "
                      "FOR EACH STATEMENT EXECUTE FUNCTION {g}()").format(
            n=Identifier(f"{table}_append_only"), t=Composed([schema, SQL("."), Identifier(table)]), g=guard))

    # Writing -------------------------------------------------------------------------------

    def record_request_within(self, conn: Any, mark: Any, positions: Sequence[int]) -> None:
        """Record which client request stored these events (``services.platform.requests``), in their transaction."""
        table = self._requests.as_string(conn)
        conn.execute(RECORD.format(table=table).replace("?", "%s"), (mark.request, mark.attempt, positions[-1]))
        recorded = conn.execute(RECORDED_BY.format(table=table).replace("?", "%s"), (mark.request,)).fetchone()
        check_recorded(mark, recorded["attempt"] if recorded else None)

    def adopt(self) -> int:
        """Link every event stored before this chain existed, under the writers' own table lock."""
        adopted = 0
        with self._datastore.transaction(commit=True) as c:
            c.execute(self._sql("LOCK TABLE {events} IN EXCLUSIVE MODE"))
            while True:
                last = self._last(c)
                records = self._records(c, last.position if last else None, None, PAGE)
                if not records:
                    return adopted
                self._append(c, extend(self._context, last, records))
                adopted += len(records)

    def _append(self, c: Any, links: list[Link]) -> None:
        c.executemany(self._sql("INSERT INTO {chain} (position, digest, link) VALUES (%s, %s, %s)"),
                      [(link.position, link.digest, link.link) for link in links])

    def add_checkpoint(self, make: Callable[[Checkpoint | None], Checkpoint]) -> Checkpoint:
        """Sign (``make``, given the last checkpoint) and store the next one; writers of checkpoints queue."""
        with self._datastore.transaction(commit=True) as c:
            # An advisory lock, not LOCK TABLE: that mode needs UPDATE or DELETE on the table, which the
            # runtime login does not hold (the checkpoints are append-only); every writer goes through here.
            c.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
                      (f"{self._datastore.schema}.{self._names['checkpoints']}",))
            c.execute(self._sql("SELECT " + _COLUMNS + " FROM {checkpoints} ORDER BY number DESC LIMIT 1"))
            row = c.fetchone()
            checkpoint = make(_checkpoint(row) if row else None)
            c.execute(self._sql("INSERT INTO {checkpoints} (context, position, head, signed_at, key_id, signature, "
                                "previous) VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING number"),
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
        return Link(row["position"], bytes(row["digest"]), bytes(row["link"])) if row else None

    def bounds(self) -> tuple[int | None, int]:
        with self._datastore.transaction(commit=False) as c:
            c.execute(self._sql("SELECT (SELECT MAX(notification_id) FROM {events}) AS e, "
                                "(SELECT MAX(position) FROM {chain}) AS l, "
                                "(SELECT COALESCE(MAX(number), 0) FROM {checkpoints}) AS c"))
            row = c.fetchone()
        found = [value for value in (row["e"], row["l"]) if value is not None]
        return (max(found) if found else None), row["c"]

    def links(self, after: int | None, stop: int, limit: int) -> list[Link]:
        where, params = _window("position", after, stop)
        with self._datastore.transaction(commit=False) as c:
            c.execute(self._sql("SELECT position, digest, link FROM {chain} WHERE " + where +
                                " ORDER BY position LIMIT %s"), (*params, limit))
            return [Link(row["position"], bytes(row["digest"]), bytes(row["link"])) for row in c.fetchall()]

    def records(self, after: int | None, stop: int, limit: int) -> list[Record]:
        with self._datastore.transaction(commit=False) as c:
            return self._records(c, after, stop, limit)

    def _records(self, c: Any, after: int | None, stop: int | None, limit: int) -> list[Record]:
        where, params = _window("notification_id", after, stop)
        c.execute(self._sql("SELECT notification_id, originator_id, originator_version, topic, state FROM {events} "
                            "WHERE " + where + " ORDER BY notification_id LIMIT %s"), (*params, limit))
        return [Record(row["notification_id"], id_text(row["originator_id"]), row["originator_version"],
                       row["topic"], row["state"]) for row in c.fetchall()]

    def position_of(self, digest: bytes) -> int | None:
        with self._datastore.transaction(commit=False) as c:
            c.execute(self._sql("SELECT position FROM {chain} WHERE digest = %s LIMIT 1"), (digest,))
            row = c.fetchone()
        return row["position"] if row else None

    def checkpoints(self, after: tuple[int, int], limit: int) -> list[Checkpoint]:
        with self._datastore.transaction(commit=False) as c:
            c.execute(self._sql("SELECT " + _COLUMNS + " FROM {checkpoints} WHERE position > %s OR "
                                "(position = %s AND number > %s) ORDER BY position, number LIMIT %s"),
                      (after[0], after[0], after[1], limit))
            return [_checkpoint(row) for row in c.fetchall()]

    def checkpoints_by_number(self, after: int, limit: int) -> list[Checkpoint]:
        with self._datastore.transaction(commit=False) as c:
            c.execute(self._sql("SELECT " + _COLUMNS + " FROM {checkpoints} WHERE number > %s ORDER BY number "
                                "LIMIT %s"), (after, limit))
            return [_checkpoint(row) for row in c.fetchall()]

    def creation_topics(self) -> list[str]:
        with self._datastore.transaction(commit=False) as c:
            c.execute(self._sql("SELECT DISTINCT topic FROM {events} WHERE originator_version = 1"))
            return sorted(row["topic"] for row in c.fetchall())

    def version_at(self, originator_id: UUID, position: int) -> int | None:
        with self._datastore.transaction(commit=False) as c:
            c.execute(self._sql("SELECT MAX(originator_version) AS v FROM {events} "
                                "WHERE originator_id = %s AND notification_id <= %s"), (originator_id, position))
            return c.fetchone()["v"]


_COLUMNS = "number, context, position, head, signed_at, key_id, signature, previous"


def _checkpoint(row: Any) -> Checkpoint:
    return Checkpoint(row["context"], row["position"], bytes(row["head"]), row["signed_at"], row["key_id"],
                      bytes(row["signature"]), row["number"],
                      bytes(row["previous"]) if row["previous"] is not None else b"")


def _window(column: str, after: int | None, stop: int | None) -> tuple[str, list[int]]:
    clauses, params = ["TRUE"], []
    if after is not None:
        clauses.append(f"{column} > %s")
        params.append(after)
    if stop is not None:
        clauses.append(f"{column} <= %s")
        params.append(stop)
    return " AND ".join(clauses), params
