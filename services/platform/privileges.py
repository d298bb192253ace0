"""Least privilege in a context's PostgreSQL database: an owner sets the store up, the runtime login only uses it.

The owner role (``<context>_owner``, used by ``deploy/postgres/init.sql`` and ``evenwijdig store init``)
owns the database, the schema, every table, sequence, function and trigger. The runtime login
(``<context>``) that serves requests gets exactly what the product needs, table by table, below; it
cannot create, alter, drop or truncate anything, nor disable the triggers that keep the audit
chain, the checkpoints and the access log append-only. Whatever is not listed here it is refused.

One exception, said plainly: the case-key table. Destroying a key (crypto-shredding) ends with
``VACUUM FULL`` of that table, so the old row version holding the key is gone from its file, and
on PostgreSQL before 17 only a table's owner may vacuum it. There the runtime login owns that one
table (and nothing else); from 17 on, the owner keeps it and grants ``MAINTAIN``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from psycopg.sql import SQL, Composed, Identifier

from services.platform.errors import StoreNotSetUp


@dataclass(frozen=True)
class Grant:
    """What the runtime login may do with one table, ``<context>_<table>``, and why it needs that."""

    table: str
    privileges: str
    why: str
    #: Every context's store has it (otherwise: only the stores whose application uses it).
    always: bool = True


RUNTIME_GRANTS: tuple[Grant, ...] = (
    Grant("events", "SELECT", "reads the history; events are written only through the chain function, which links "
                              "each in the same transaction (a plain INSERT could store an unlinked event)"),
    Grant("chain", "SELECT", "verifies the history and reads the head; links are written by the chain function"),
    Grant("checkpoints", "SELECT, INSERT", "signs the head of the chain (audit checkpoint) and checks the signed ones"),
    Grant("requests", "SELECT, INSERT", "records which client request stored events, so a retried request is "
                                        "refused instead of applied twice"),
    Grant("access_log", "SELECT, INSERT", "records each access to case data before it happens, and lists them"),
    Grant("case_positions", "SELECT, INSERT", "the auditor's case index: which positions of the history belong to "
                                              "which case, appended as the index catches up (never changed)"),
    Grant("case_positions_head", "SELECT, INSERT, UPDATE", "the position the case index has processed: one row, "
                                                           "advanced as it catches up"),
    Grant("tracking", "SELECT, INSERT, UPDATE", "a flow's position per upstream: eventsourcing keeps one row per "
                                                "upstream and advances it (INSERT … ON CONFLICT DO UPDATE)",
          always=False),
    Grant("snapshots", "SELECT, INSERT", "snapshots of long histories, when an application takes them", always=False),
    Grant("idempotency", "SELECT, INSERT, UPDATE, DELETE", "the gateway's idempotency keys: claimed, answered, "
                                                           "released, and deleted after a day", always=False),
    Grant("case_keys", "SELECT, INSERT, UPDATE", "a case's key is made on first use, given a retention date, and "
                                                 "destroyed (the row kept, the key set to NULL) on erasure"),
)
#: Sequences behind ``bigserial`` columns of tables the runtime inserts into.
RUNTIME_SEQUENCES = ("checkpoints_number_seq", "access_log_position_seq")
#: The function that stores and links events (``chain_postgres_function``): runs as its owner (SECURITY DEFINER).
CHAIN_FUNCTION = "chain_insert"
CHAIN_FUNCTION_ARGUMENTS = "uuid[], bigint[], text[], bytea[], text"
KEY_TABLE = "case_keys"
#: From this server version the owner keeps the key table and grants MAINTAIN (VACUUM) instead.
MAINTAIN_PRIVILEGE_FROM = 170000


def grant_runtime(cursor: Any, schema: str, context: str, runtime: str) -> None:
    """As the owner: take over what the runtime login owns in ``schema``, then grant it exactly ``RUNTIME_GRANTS``.

    Idempotent, and it converges: a privilege given by an earlier release and no longer listed is revoked.
    Tables from before this split (made by the runtime login itself) are taken over first; the owner
    may do so because ``init.sql`` makes it a member of the runtime role (never the other way round).
    """
    _take_over(cursor, schema, runtime)
    names = {grant.table: f"{context}_{grant.table}" for grant in RUNTIME_GRANTS}
    present = set(_tables(cursor, schema))
    s, role = Identifier(schema), Identifier(runtime)
    cursor.execute(SQL("REVOKE ALL ON SCHEMA {s} FROM PUBLIC, {r}").format(s=s, r=role))
    cursor.execute(SQL("GRANT USAGE ON SCHEMA {s} TO {r}").format(s=s, r=role))
    cursor.execute(SQL("REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM PUBLIC, {r}").format(s=s, r=role))
    cursor.execute(SQL("REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM PUBLIC, {r}").format(s=s, r=role))
    cursor.execute(SQL("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {s} FROM PUBLIC, {r}").format(s=s, r=role))
    for grant in RUNTIME_GRANTS:
        if names[grant.table] in present:
            cursor.execute(SQL("GRANT " + grant.privileges + " ON {t} TO {r}").format(
                t=_qualified(schema, names[grant.table]), r=role))
    for sequence in RUNTIME_SEQUENCES:
        if f"{context}_{sequence}" in present:
            cursor.execute(SQL("GRANT USAGE ON SEQUENCE {q} TO {r}").format(
                q=_qualified(schema, f"{context}_{sequence}"), r=role))
    function = _qualified(schema, f"{context}_{CHAIN_FUNCTION}")
    cursor.execute(SQL("GRANT EXECUTE ON FUNCTION {f}(" + CHAIN_FUNCTION_ARGUMENTS + ") TO {r}").format(
        f=function, r=role))
    key_table = _qualified(schema, names[KEY_TABLE])
    if cursor.connection.info.server_version >= MAINTAIN_PRIVILEGE_FROM:
        cursor.execute(SQL("GRANT MAINTAIN ON {t} TO {r}").format(t=key_table, r=role))
    else:
        # A new owner must hold CREATE on the schema at the moment of the change (only then): granted and
        # revoked within this transaction, so no other session ever sees the runtime login able to create.
        cursor.execute(SQL("GRANT CREATE ON SCHEMA {s} TO {r}").format(s=s, r=role))
        cursor.execute(SQL("ALTER TABLE {t} OWNER TO {r}").format(t=key_table, r=role))
        cursor.execute(SQL("REVOKE CREATE ON SCHEMA {s} FROM {r}").format(s=s, r=role))


def _take_over(cursor: Any, schema: str, runtime: str) -> None:
    """Make the owner (``current_user``) own the schema and everything the runtime login made in it.

    The key table too, for a moment: privileges are then granted from one owner, and it is handed back last.
    """
    cursor.execute("SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = %s", (schema,))
    row = cursor.fetchone()
    if row is not None and row["owner"] == runtime:
        cursor.execute(SQL("ALTER SCHEMA {s} OWNER TO CURRENT_USER").format(s=Identifier(schema)))
    cursor.execute("SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                   "WHERE n.nspname = %s AND pg_get_userbyid(c.relowner) = %s AND c.relkind IN ('r', 'p', 'v', 'm')",
                   (schema, runtime))
    for relation in cursor.fetchall():
        cursor.execute(SQL("ALTER TABLE {t} OWNER TO CURRENT_USER").format(t=_qualified(schema, relation["relname"])))
    cursor.execute("SELECT p.oid::regprocedure::text AS signature FROM pg_proc p "
                   "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = %s AND pg_get_userbyid(p.proowner) = %s",
                   (schema, runtime))
    for function in cursor.fetchall():
        cursor.execute(SQL("ALTER FUNCTION " + function["signature"] + " OWNER TO CURRENT_USER"))


def require_set_up(cursor: Any, schema: str, context: str, extra: Iterable[str] = ()) -> None:
    """Raise ``StoreNotSetUp`` unless every table this context needs, and the chain function, exist.

    The runtime login never creates them (it may not); without this a missing table would show only
    at the first request, as SQL.
    """
    wanted = [f"{context}_{grant.table}" for grant in RUNTIME_GRANTS if grant.always] + list(extra)
    present = set(_tables(cursor, schema))
    missing = [name for name in wanted if name not in present]
    cursor.execute("SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                   "WHERE n.nspname = %s AND p.proname = %s", (schema, f"{context}_{CHAIN_FUNCTION}"))
    if cursor.fetchone() is None:
        missing.append(f"{context}_{CHAIN_FUNCTION}()")
    if missing:
        raise StoreNotSetUp(context, missing)


def _tables(cursor: Any, schema: str) -> list[str]:
    cursor.execute("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                   "WHERE n.nspname = %s AND c.relkind IN ('r', 'p', 'S')", (schema,))
    return [row["relname"] for row in cursor.fetchall()]


def _qualified(schema: str, name: str) -> Composed:
    return Composed([Identifier(schema), SQL("."), Identifier(name)])
