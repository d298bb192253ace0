"""A context's store in a PostgreSQL database: ``PERSISTENCE_MODULE=services.platform.stores_postgres``.

The recorder stores and links a batch of events in one call of a database function
(``chain_postgres_function``) that takes eventsourcing's ``LOCK TABLE … IN EXCLUSIVE MODE``
first: linking in that same transaction means two writers can never fork the chain, and
no committed event is ever without its link. Positions may have gaps (a rolled-back insert
consumes sequence numbers); the chain does not need them contiguous, it links the positions
that exist. The runtime login may only execute that function (``services.platform.privileges``).
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator, Sequence

import eventsourcing.postgres as library
import psycopg
from eventsourcing.persistence import IntegrityError, StoredEvent, Tracking
from eventsourcing.utils import EnvType
from psycopg.sql import SQL, Composed, Identifier

from services.platform.chain import ChainBroken
from services.platform.chain_postgres_function import CHAIN_BROKEN, call_parameters, call_statement, create_statement
from services.platform.chain_tables import ChainTables
from services.platform.dialect import Dialect, quoted
from services.platform.keystore_vacuum import VacuumFull
from services.platform.pool_waits import bound_waits
from services.platform.privileges import CHAIN_FUNCTION, CHAIN_FUNCTION_ARGUMENTS, require_set_up
from services.platform.requests import AlreadyCarriedOut, RequestMark, current
from services.platform.storage import ContextStorage
from services.platform.writer_group import WriterGroup


MAX_IDENTIFIER_LEN = 63


class PostgresDialect(Dialect):
    param = "%s"
    position_column = "notification_id"
    types = {"uuid": "uuid", "blob": "bytea", "time": "timestamptz", "date": "date", "bigint": "bigint",
             "bool": "boolean", "serial": "bigserial PRIMARY KEY"}

    def __init__(self, schema: str) -> None:
        self.schema = schema

    def table(self, name: str) -> str:
        if len(name) > MAX_IDENTIFIER_LEN:  # PostgreSQL would cut it short, silently
            raise ValueError(f"table name too long for PostgreSQL: {name}")
        return f"{quoted(self.schema)}.{quoted(name)}"

    @contextmanager
    def reading(self, datastore: Any) -> Iterator[Any]:
        # One statement on the pooled autocommit connection: no BEGIN and ROLLBACK round trips around it.
        with datastore.get_connection() as conn, conn.cursor() as cursor:
            yield cursor

    def exists(self, cursor: Any, table: str) -> bool:
        cursor.execute("SELECT to_regclass(%s) AS found", (self.table(table),))
        return cursor.fetchone()["found"] is not None

    def add_column(self, cursor: Any, table: str, column: str, column_type: str) -> None:
        cursor.execute(f"ALTER TABLE {self.table(table)} ADD COLUMN IF NOT EXISTS {column} {column_type}")

    def append_only(self, cursor: Any, table: str, message: str) -> None:
        guard = self.table(f"{table}_append_only")
        cursor.execute(f"CREATE OR REPLACE FUNCTION {guard}() RETURNS trigger LANGUAGE plpgsql AS "
                       f"$$ BEGIN RAISE EXCEPTION '{message}'; END $$")
        # CREATE OR REPLACE is scoped to this table; an existence check by trigger name alone
        # would find a same-named trigger on another schema's table and leave this one bare.
        cursor.execute(f"CREATE OR REPLACE TRIGGER {quoted(f'{table}_append_only')} BEFORE UPDATE OR DELETE OR "
                       f"TRUNCATE ON {self.table(table)} FOR EACH STATEMENT EXECUTE FUNCTION {guard}()")

    def serialise(self, cursor: Any, table: str) -> None:
        # An advisory lock, not LOCK TABLE: that mode needs UPDATE or DELETE on the table, which the
        # runtime login does not hold (the checkpoints are append-only); every writer goes through here.
        cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (f"{self.schema}.{table}",))

    def queue_creators(self, cursor: Any, table: str) -> None:
        self.serialise(cursor, table)

    def lock_events(self, cursor: Any, events: str) -> None:
        cursor.execute(f"LOCK TABLE {events} IN EXCLUSIVE MODE")


class ChainedPostgresRecorder(library.PostgresApplicationRecorder):
    """Stores and links events in one call of the chain function; commands storing at once share a transaction."""

    chain_store: Any = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.writers = WriterGroup(self)

    # No @retry, unlike the base class: one attempt per store call (``application._single_attempt``).
    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Sequence[int] | None:
        if not stored_events:
            return None
        self._attached()
        return self.writers.insert(stored_events)

    def _attached(self) -> None:
        if self.chain_store is None:
            raise ChainBroken("events cannot be stored before the audit chain is attached")

    def _store_linked(self, curs: Any, stored_events: Sequence[StoredEvent],
                      mark: RequestMark | None) -> Sequence[int]:
        """Store and link the events, and record the client request they belong to, on ``curs``'s transaction."""
        parameters = call_parameters(stored_events, self.datastore.lock_timeout)
        try:
            row = curs.execute(self.chain_store.insert_call, parameters, prepare=True).fetchone()
        except psycopg.Error as error:
            if error.sqlstate == CHAIN_BROKEN:
                raise ChainBroken(error.diag.message_primary or "the audit chain ends past new events") from None
            raise
        if mark is not None and mark.request is not None:
            self.chain_store.record_request_within(curs, mark, row["positions"][-1])
        return row["positions"]

    # The writer group's side (services.platform.writer_group) --------------------------------

    def shared_transaction(self) -> Any:
        # eventsourcing's transaction turns psycopg's errors into its own (the cause kept).
        return self.datastore.transaction(commit=True)

    def store_one(self, cursor: Any, stored_events: Sequence[Any], mark: RequestMark | None) -> Sequence[int] | None:
        return self._store_linked(cursor, stored_events, mark)

    def own_failure(self, error: BaseException) -> BaseException | None:
        if isinstance(error, psycopg.IntegrityError):  # another command stored this version first
            return IntegrityError(str(error))
        return error if isinstance(error, AlreadyCarriedOut) else None

    def outcome_unknown(self, error: BaseException) -> bool:
        # No answer from the server: the connection died after the commit was sent, maybe after it
        # committed. Nobody can say whether it was stored; the client must not hear "nothing".
        cause = error.__cause__ if isinstance(error.__cause__, psycopg.Error) else error
        return isinstance(cause, psycopg.Error) and cause.sqlstate is None


class ChainedPostgresProcessRecorder(ChainedPostgresRecorder, library.PostgresProcessRecorder):
    """A context that receives facts from others: the tracking row commits with the events and their links."""

    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Sequence[int] | None:
        tracking: Tracking | None = kwargs.get("tracking")
        if tracking is None:
            return super().insert_events(stored_events, **kwargs)
        self._attached()
        # The tracking row first: a position another process already recorded fails at once,
        # before the table lock is taken. The function's work and the row commit together.
        with self.datastore.transaction(commit=True) as curs:
            self._insert_tracking(curs, tracking)
            return self._store_linked(curs, stored_events, current.get()) if stored_events else None


class PostgresChainTables(ChainTables):
    """The chain tables, and the function that stores and links events (made with the tables)."""

    def __init__(self, datastore: Any, dialect: PostgresDialect, context: str, events_table: str,
                 create: bool) -> None:
        if datastore.originator_id_type != "uuid":  # the insert function and digest_of take ids as UUIDs
            raise ValueError(f"{context}: the audit chain needs ORIGINATOR_ID_TYPE=uuid")
        schema = Identifier(dialect.schema)
        self._function = Composed([schema, SQL("."), Identifier(f"{context}_{CHAIN_FUNCTION}")])
        self._create_function = create_statement(
            self._function, Composed([schema, SQL("."), Identifier(events_table)]),
            Composed([schema, SQL("."), Identifier(f"{context}_chain")]),
            events_table.replace(".", "_"),  # the recorder's NOTIFY channel, named as eventsourcing names it
            context)
        self.insert_call = call_statement(self._function)
        super().__init__(datastore, dialect, context, events_table, create, also_create=self._make_function)

    def _make_function(self, c: Any) -> None:
        # With the tables, never at first insert: every process's insert finds it ready.
        c.execute(self._create_function)
        # A new function may be executed by anyone who can connect; only the runtime login is granted it.
        c.execute(SQL("REVOKE ALL ON FUNCTION {f}(" + CHAIN_FUNCTION_ARGUMENTS + ") FROM PUBLIC").format(
            f=self._function))


class Factory(ContextStorage, library.Factory):
    application_recorder_class = ChainedPostgresRecorder
    process_recorder_class = ChainedPostgresProcessRecorder
    chained_recorder = ChainedPostgresRecorder

    def __init__(self, env: EnvType | None) -> None:
        super().__init__(env)
        self.dialect = PostgresDialect(self.datastore.schema)
        bound_waits(self.datastore.pool, self.env)

    def chain(self, context: str, recorder: Any) -> Any:
        if self.datastore.enable_db_functions:
            raise ValueError(f"{context}: the audit chain links events in the insert transaction; "
                             "POSTGRES_ENABLE_DB_FUNCTIONS bypasses it")
        return super().chain(context, recorder)

    def chain_tables(self, context: str, events_table: str, create: bool) -> ChainTables:
        return PostgresChainTables(self.datastore, self.dialect, context, events_table, create)

    def require_set_up(self, context: str, recorder: Any) -> None:
        tracking = getattr(recorder, "tracking_table_name", None)  # a process recorder's (the flows')
        with self.datastore.transaction(commit=False) as cursor:
            require_set_up(cursor, self.datastore.schema, context, [tracking] if tracking else [])

    def key_scrub(self, table: str) -> VacuumFull:
        return VacuumFull(self.datastore, self.dialect.table(table))
