"""A prototype, measured by the benchmarks only: the audit chain linked inside a PostgreSQL function.

Production's recorder (``services.platform.chain_postgres``) inserts under the table lock and
then, in the same transaction, reads the last link and inserts the new links: several round
trips while the lock is held. eventsourcing's database-function path needs one round trip but
bypasses the chain, so ``chain_for`` refuses it. This function does both in one call: lock,
insert, and link every event with the same SHA-256 construction as ``services.platform.chain``
(``digest_of``, ``next_link``, ``genesis``), so ``app.chain.verify()`` accepts what it stores.
Same guarantees: the table lock orders writers, the links are written in the events' own
transaction, and each call commits on its own (autocommit), durably.
"""

from __future__ import annotations

from typing import Any, Sequence

from psycopg.sql import SQL, Identifier, Literal

from services.platform.chain_postgres import ChainedPostgresRecorder

FUNCTION = SQL("""
CREATE OR REPLACE FUNCTION {function}(events {schema}.{event_type}[]) RETURNS SETOF bigint
LANGUAGE plpgsql AS $body$
DECLARE
    previous bytea;
    e record;
    digest bytea;
    pos bigint;
BEGIN
    SET LOCAL lock_timeout = {lock_timeout};
    LOCK TABLE {events} IN EXCLUSIVE MODE;
    NOTIFY {channel};
    SELECT link INTO previous FROM {chain} ORDER BY position DESC LIMIT 1;
    IF previous IS NULL THEN
        previous := sha256('evenwijdig/audit-chain/v1'::bytea || '\\x00'::bytea || convert_to({context}, 'UTF8'));
    END IF;
    FOR e IN SELECT * FROM unnest(events) LOOP
        INSERT INTO {events} (originator_id, originator_version, topic, state)
            VALUES (e.originator_id, e.originator_version, e.topic, e.state) RETURNING notification_id INTO pos;
        digest := sha256('evenwijdig/event/v1'::bytea
            || int8send(32) || convert_to(replace(e.originator_id::text, '-', ''), 'UTF8')
            || int8send(octet_length(e.originator_version::text)::bigint) || convert_to(e.originator_version::text, 'UTF8')
            || int8send(octet_length(convert_to(e.topic, 'UTF8'))::bigint) || convert_to(e.topic, 'UTF8')
            || int8send(octet_length(e.state)::bigint) || e.state);
        previous := sha256('evenwijdig/link/v1'::bytea || previous || int8send(pos) || digest);
        INSERT INTO {chain} (position, digest, link) VALUES (pos, digest, previous);
        RETURN NEXT pos;
    END LOOP;
END
$body$
""")


class DbChainedPostgresRecorder(ChainedPostgresRecorder):
    """The chained recorder, storing and linking a batch of events in one database call."""

    _call: Any = None

    def insert_events(self, stored_events: Sequence[Any], **kwargs: Any) -> Sequence[int] | None:
        if not stored_events:
            return None
        rows = [self.construct_pg_stored_event(e.originator_id, e.originator_version, e.topic, e.state)
                for e in stored_events]
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute(self._function_call(), (rows,), prepare=True)
            return [row["position"] for row in curs.fetchall()]

    def _function_call(self) -> Any:
        if self._call is None:
            name = Identifier(self.datastore.schema, f"{self.events_table_name}_insert_chained")
            with self.datastore.transaction(commit=True) as curs:
                curs.execute(FUNCTION.format(
                    function=name, schema=Identifier(self.datastore.schema),
                    event_type=Identifier(self.stored_event_type_name), lock_timeout=Literal(f"{self.datastore.lock_timeout}s"),
                    events=Identifier(self.datastore.schema, self.events_table_name), channel=Identifier(self.channel_name),
                    chain=Identifier(self.datastore.schema, f"{self._context()}_chain"), context=Literal(self._context())))
            self._call = SQL("SELECT position FROM {}(%s) AS position").format(name)
        return self._call

    def _context(self) -> str:
        assert self.chain_store is not None, "the audit chain is attached before anything is stored"
        return self.chain_store._context  # noqa: SLF001 - the context name the chain's genesis is bound to
