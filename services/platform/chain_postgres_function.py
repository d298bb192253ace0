"""The database function that stores a batch of events and links each into the audit chain, in one call.

eventsourcing's insert plus linking from Python took several round trips while the events
table was locked; this does the same work inside the server. It takes the same lock
(``LOCK TABLE … IN EXCLUSIVE MODE``, so positions are handed out in commit order and the
last link it reads stays the last until it commits), sends the same NOTIFY, and links
with the construction of ``services.platform.chain`` (``digest_of``, ``next_link``, the
context's ``genesis``): ``verify()`` recomputes in Python what this wrote in SQL.

It runs as its owner (SECURITY DEFINER, with a fixed search path and every table named with its
schema): the context's runtime login may execute it but holds no INSERT on the events or the
chain, so it cannot store an event without its link, nor take the table lock for anything else
(``services.platform.privileges``).

Parallel arrays rather than eventsourcing's composite type: the library creates that type
only for its own database functions, which bypass the chain and are refused. How long to
wait for the lock is a parameter, not part of the text: every process of a context shares
the function, and each waits as its own settings say.
"""

from __future__ import annotations

from typing import Any, Sequence

from psycopg.sql import SQL, Composed, Identifier, Literal

from services.platform.chain import DIGEST_LABEL, LINK_LABEL, genesis

#: The SQLSTATE the function raises when the chain ends at or past a new position (``ChainBroken``).
CHAIN_BROKEN = "EW001"

_CREATE = SQL("""
CREATE OR REPLACE FUNCTION {function}(
    ids uuid[], versions bigint[], topics text[], states bytea[], wait text
) RETURNS bigint[] LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $body$
DECLARE
    last_position bigint;
    previous bytea;
    new_position bigint;
    new_digest bytea;
    positions bigint[] := '{{}}';
BEGIN
    PERFORM set_config('lock_timeout', wait, true);
    LOCK TABLE {events} IN EXCLUSIVE MODE;
    NOTIFY {channel};
    SELECT position, link INTO last_position, previous FROM {chain} ORDER BY position DESC LIMIT 1;
    previous := coalesce(previous, {genesis});
    FOR i IN 1 .. coalesce(array_length(ids, 1), 0) LOOP
        INSERT INTO {events} (originator_id, originator_version, topic, state)
            VALUES (ids[i], versions[i], topics[i], states[i]) RETURNING notification_id INTO new_position;
        IF new_position <= last_position THEN
            RAISE EXCEPTION USING ERRCODE = {chain_broken}, MESSAGE = format(
                '%s: event position %s is not after the last linked position %s; linked rows were removed '
                'from the store (run `evenwijdig audit verify`)', {context}, new_position, last_position);
        END IF;
        -- digest_of: each field length-prefixed (8 bytes, big-endian), the id as 32 hex digits (id_text).
        new_digest := sha256({digest_label}
            || int8send(32) || convert_to(replace(ids[i]::text, '-', ''), 'UTF8')
            || int8send(octet_length(versions[i]::text)::bigint) || convert_to(versions[i]::text, 'UTF8')
            || int8send(octet_length(convert_to(topics[i], 'UTF8'))::bigint) || convert_to(topics[i], 'UTF8')
            || int8send(octet_length(states[i])::bigint) || states[i]);
        previous := sha256({link_label} || previous || int8send(new_position) || new_digest);
        INSERT INTO {chain} (position, digest, link) VALUES (new_position, new_digest, previous);
        last_position := new_position;
        positions := positions || new_position;
    END LOOP;
    RETURN positions;
END
$body$
""")

_CALL = SQL("SELECT {function}(%s::uuid[], %s::bigint[], %s::text[], %s::bytea[], %s) AS positions")


def create_statement(function: Composed, events: Composed, chain: Composed, channel: str, context: str) -> Composed:
    return _CREATE.format(
        function=function, events=events, chain=chain, channel=Identifier(channel), genesis=Literal(genesis(context)),
        context=Literal(context), chain_broken=Literal(CHAIN_BROKEN), digest_label=Literal(DIGEST_LABEL),
        link_label=Literal(LINK_LABEL),
    )


def call_statement(function: Composed) -> Composed:
    return _CALL.format(function=function)


def call_parameters(stored_events: Sequence[Any], lock_timeout: int) -> tuple[Any, ...]:
    """The statement's parameters: the events as parallel arrays, and how long to wait for the table lock."""
    return ([e.originator_id for e in stored_events], [e.originator_version for e in stored_events],
            [e.topic for e in stored_events], [e.state for e in stored_events], f"{lock_timeout}s")
