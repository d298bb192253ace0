"""The runtime login of a context can use its store, and nothing more (PostgreSQL; issue 15, point 5).

``evenwijdig store init`` creates the tables as the owner role; these tests then log in as the
runtime login a server uses and try what an attacker holding its password would: alter, drop,
truncate, disable a trigger, rewrite or delete stored events, create tables, replace the chain
function. Each is refused, and the history still verifies. PostgreSQL only by nature: a SQLite file
has no roles (whoever holds the file can do anything; verification finds what they changed).
"""

from __future__ import annotations

from uuid import uuid4

import psycopg
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evenwijdig.bootstrap import bootstrap
from evenwijdig.settings import PostgresSettings, Settings
from evenwijdig.store_cli import set_up
from services.parent_a_context.application import ParentAContext
from services.platform.access_log import Access, Action
from services.platform.errors import StoreNotSetUp
from services.platform.privileges import RUNTIME_GRANTS
from tests.audit.builders import closed_trajectory
from tests.support import postgres as pg
from tests.support.processes import environ_for, run_cli

CONTEXT = "parent_a_context"
KEY = Ed25519PrivateKey.generate()
T = "{s}.parent_a_context"  # a table's name prefix, the test's schema filled in

REFUSED = {
    "alter a table": f"ALTER TABLE {T}_events ADD COLUMN note text",
    "rename a table": f"ALTER TABLE {T}_chain RENAME TO old_chain",
    "drop the events": f"DROP TABLE {T}_events",
    "drop the chain": f"DROP TABLE {T}_chain",
    "drop the access log": f"DROP TABLE {T}_access_log",
    "disable the chain's trigger": f"ALTER TABLE {T}_chain DISABLE TRIGGER ALL",
    "disable the checkpoints' trigger": f"ALTER TABLE {T}_checkpoints DISABLE TRIGGER parent_a_context_checkpoints_append_only",
    "disable the access log's trigger": f"ALTER TABLE {T}_access_log DISABLE TRIGGER USER",
    "drop a trigger": f"DROP TRIGGER parent_a_context_chain_append_only ON {T}_chain",
    "truncate the events": f"TRUNCATE {T}_events",
    "truncate the chain": f"TRUNCATE {T}_chain",
    "truncate the access log": f"TRUNCATE {T}_access_log",
    "rewrite a stored event": f"UPDATE {T}_events SET state = state || '\\x00'::bytea WHERE notification_id = 2",
    "delete a stored event": f"DELETE FROM {T}_events WHERE notification_id = 2",
    "store an unlinked event": f"INSERT INTO {T}_events (originator_id, originator_version, topic, state) "
                               f"VALUES (gen_random_uuid(), 1, 'x', '\\x00'::bytea)",
    "forge a link": f"INSERT INTO {T}_chain (position, digest, link) VALUES (999, '\\x00', '\\x00')",
    "rewrite a link": f"UPDATE {T}_chain SET link = '\\x00'",
    "delete a checkpoint": f"DELETE FROM {T}_checkpoints",
    "rewrite the access log": f"UPDATE {T}_access_log SET user_id = 'someone-else'",
    "create a table": f"CREATE TABLE {T}_mine (x int)",
    "create a function": "CREATE FUNCTION {s}.mine() RETURNS int LANGUAGE sql AS 'SELECT 1'",
    "replace the chain function": "CREATE OR REPLACE FUNCTION {s}.parent_a_context_chain_insert("
                                  "ids uuid[], versions bigint[], topics text[], states bytea[], wait text) "
                                  "RETURNS bigint[] LANGUAGE sql AS 'SELECT ARRAY[]::bigint[]'",
    "make the chain function run as the caller": f"ALTER FUNCTION {T}_chain_insert("
                                                 "uuid[], bigint[], text[], bytea[], text) SECURITY INVOKER",
    "drop the chain function": f"DROP FUNCTION {T}_chain_insert",
    "take a table over": f"ALTER TABLE {T}_events OWNER TO parent_a_context",
}


@pytest.fixture
def history(postgres_only_settings: Settings) -> Settings:
    app = ParentAContext(postgres_only_settings.context_store(CONTEXT))
    closed_trajectory(app, uuid4())
    app.chain.checkpoint(KEY)
    app.access_log.record(_access())
    app.close()
    return postgres_only_settings


def runtime_login(settings: Settings) -> psycopg.Connection:
    credential = settings.postgres.credential(CONTEXT)
    return psycopg.connect(host=pg.HOST, port=pg.PORT, user=credential.user, dbname=credential.dbname,
                           password=credential.password or None, connect_timeout=5)


@pytest.mark.parametrize("statement", REFUSED.values(), ids=list(REFUSED))
def test_the_runtime_login_is_refused(history: Settings, statement: str):
    schema = f'"{history.postgres.schema}"'
    before = _rows(history)
    with runtime_login(history) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(statement.format(s=schema))
    assert _rows(history) == before
    app = ParentAContext(history.context_store(CONTEXT))
    try:
        assert app.chain.verify(KEY.public_key()).ok
    finally:
        app.close()


def test_in_its_database_the_runtime_login_may_connect_and_nothing_else(postgres_cluster):
    # Applied again right here: the shared test cluster may meanwhile have been set up by an older init.sql.
    pg.apply_init_script()
    with psycopg.connect(host=pg.HOST, port=pg.PORT, user=CONTEXT, dbname=CONTEXT, connect_timeout=5,
                         autocommit=True) as conn:  # DROP DATABASE runs outside a transaction only
        for statement in ("CREATE SCHEMA mine", "CREATE TEMPORARY TABLE mine (x int)",
                          f"ALTER DATABASE {CONTEXT} OWNER TO {CONTEXT}", f"DROP DATABASE {CONTEXT}"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        owner = conn.execute("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = %s", (CONTEXT,)).fetchone()
    assert owner == (f"{CONTEXT}_owner",)


def test_the_runtime_login_works_every_context_and_holds_exactly_the_documented_privileges(history: Settings):
    contexts = bootstrap(history)  # every store opens as its runtime login: the directory, the flows, the key tables
    try:
        for name, app in contexts.by_name().items():
            with app.factory.datastore.transaction(commit=False) as cursor:  # type: ignore[attr-defined]
                cursor.execute("SELECT current_user AS who")
                assert cursor.fetchone()["who"] == name
        side = contexts.parent_a
        case_id = uuid4()
        closed_trajectory(side, case_id)  # stores through the chain function, makes a case key
        side.erase_private_text(case_id, actor="privacy-officer", reason="erasure request")  # destroys it, VACUUM FULL
        assert side.case_keys.is_destroyed(case_id)
        assert side.chain.checkpoint(KEY)[1] is not None
        assert side.chain.verify(KEY.public_key()).ok
    finally:
        contexts.close()
    documented = {(f"{CONTEXT}_{grant.table}", privilege.strip())
                  for grant in RUNTIME_GRANTS for privilege in grant.privileges.split(",")}
    with pg.admin_connect(CONTEXT) as conn:
        granted = set(conn.execute(
            "SELECT table_name, privilege_type FROM information_schema.role_table_grants "
            "WHERE grantee = %s AND table_schema = %s AND grantor <> grantee", (CONTEXT, history.postgres.schema)))
        owned = {name for (name,) in conn.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND pg_get_userbyid(c.relowner) = %s AND c.relkind = 'r'",
            (history.postgres.schema, CONTEXT))}
    assert granted and granted <= documented, granted - documented
    # The one exception (services.platform.privileges): before PostgreSQL 17 only an owner may VACUUM FULL the
    # case-key table, which crypto-shredding needs. Nothing else is the runtime login's.
    assert owned <= {f"{CONTEXT}_case_keys"}


@pytest.mark.parametrize(("usage", "missing"), [(True, "parent_a_context_events"), (False, "USAGE on the schema")],
                         ids=["postgres-schema-granted", "postgres-schema-bare"])
def test_a_store_not_set_up_is_said_at_start_and_the_runtime_login_creates_nothing(postgres_cluster, tmp_path,
                                                                                   usage, missing):
    schema = pg.create_test_schema()
    try:
        if usage:  # as the public schema of a new database is
            with pg.admin_connect(CONTEXT) as conn:
                conn.execute(f'GRANT USAGE ON SCHEMA "{schema}" TO {CONTEXT}')
        settings = Settings(store="postgres", data_dir=tmp_path / "var",
                            postgres=PostgresSettings(host=pg.HOST, port=pg.PORT, schema=schema, pool_size=1))
        with pytest.raises(StoreNotSetUp, match=f"store is not set up .*{missing}.*evenwijdig store init"):
            ParentAContext(settings.context_store(CONTEXT))
        with pg.admin_connect(CONTEXT) as conn:
            tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = %s", (schema,)).fetchone()
        assert tables == (0,)
    finally:
        pg.drop_test_schema(schema)


def test_the_command_line_serves_only_a_store_that_store_init_set_up(postgres_cluster, tmp_path):
    schema = pg.create_test_schema()
    try:
        settings = Settings(store="postgres", data_dir=tmp_path / "var",
                            postgres=PostgresSettings(host=pg.HOST, port=pg.PORT, schema=schema, pool_size=1))
        env = environ_for(settings)
        refused = run_cli("audit", "verify", env=env)
        assert refused.returncode == 2 and "Traceback" not in refused.stderr
        assert "the store is not set up" in refused.stderr and "evenwijdig store init" in refused.stderr

        done = run_cli("store", "init", env=env)
        assert done.returncode == 0, done.stderr
        assert "parent_a_context: set up as parent_a_context_owner, runtime login parent_a_context granted" in done.stdout
        again = run_cli("store", "init", env=env)  # idempotent, as every upgrade runs it
        assert again.returncode == 0, again.stderr
        assert run_cli("audit", "verify", env=env).returncode == 0
    finally:
        pg.drop_test_schema(schema)


def test_store_init_takes_over_what_an_earlier_release_let_the_runtime_login_own(history: Settings):
    schema = history.postgres.schema
    with pg.admin_connect(CONTEXT) as conn:  # as the release before the owner role left it
        conn.execute(f'ALTER SCHEMA "{schema}" OWNER TO {CONTEXT}')
        for (table,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", (schema,)).fetchall():
            conn.execute(f'ALTER TABLE "{schema}"."{table}" OWNER TO {CONTEXT}')
        conn.execute(f'ALTER FUNCTION "{schema}".{CONTEXT}_chain_insert OWNER TO {CONTEXT}')
        conn.execute(f'GRANT UPDATE, DELETE ON "{schema}".{CONTEXT}_events TO {CONTEXT}')
    with runtime_login(history) as conn:  # the hole this closes
        conn.execute(f'ALTER TABLE "{schema}".{CONTEXT}_chain DISABLE TRIGGER ALL')
        conn.rollback()

    set_up(history)

    with runtime_login(history) as conn:
        for statement in (f'ALTER TABLE "{schema}".{CONTEXT}_chain DISABLE TRIGGER ALL',
                          f'DELETE FROM "{schema}".{CONTEXT}_events', f'DROP SCHEMA "{schema}" CASCADE'):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()
    app = ParentAContext(history.context_store(CONTEXT))
    try:
        assert app.chain.verify(KEY.public_key()).ok
        closed_trajectory(app, uuid4())  # and it still works
    finally:
        app.close()


def _rows(settings: Settings) -> list[tuple]:
    schema = settings.postgres.schema
    with pg.admin_connect(CONTEXT) as conn:
        return [conn.execute(f'SELECT count(*), md5(string_agg(t::text, \'|\' ORDER BY t::text)) FROM "{schema}".{table} t')
                .fetchone() for table in (f"{CONTEXT}_events", f"{CONTEXT}_chain", f"{CONTEXT}_checkpoints",
                                          f"{CONTEXT}_access_log")]


def _access() -> Access:
    return Access(user="counsellor-a", role="counsellor", action=Action.READ, context=CONTEXT, case_id=uuid4(),
                  operation="trajectory", responsible_user="counsellor-a")
