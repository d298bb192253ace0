"""Fresh, empty stores for one benchmark run, and plain connections to them for the baselines.

PostgreSQL is used as the tests use it: ``deploy/postgres/init.sql`` applied once (roles and
databases exactly as in production), then a fresh schema per run in each context's database,
owned by that context's role, dropped afterwards. SQLite gets a scratch data directory.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sqlite3
import subprocess
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import psycopg

from evenwijdig.settings import STORES, PostgresSettings, Settings, StoreKind
from evenwijdig.store_cli import set_up

ROOT = Path(__file__).resolve().parents[1]
INIT_SQL = ROOT / "deploy" / "postgres" / "init.sql"
HOST = os.environ.get("EVENWIJDIG_BENCH_PG_HOST", "127.0.0.1")
PORT = int(os.environ.get("EVENWIJDIG_BENCH_PG_PORT", "5432"))
SUPERUSER = os.environ.get("EVENWIJDIG_BENCH_PG_SUPERUSER", "postgres")
_initialised = False


def admin_connect(dbname: str = "postgres") -> psycopg.Connection:
    return psycopg.connect(host=HOST, port=PORT, user=SUPERUSER, dbname=dbname, connect_timeout=3, autocommit=True)


def ensure_postgres() -> None:
    """Check the server answers and apply init.sql (idempotent) once per process."""
    global _initialised
    if _initialised:
        return
    with admin_connect() as conn:
        conn.execute("SELECT 1")
    psql = shutil.which("psql")
    if psql is None:
        raise RuntimeError("psql is not installed; deploy/postgres/init.sql needs it")
    with open(Path(tempfile.gettempdir()) / "evenwijdig-pg-init.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the test suite may be applying it at the same moment
        done = subprocess.run(
            [psql, "-X", "-q", "-h", HOST, "-p", str(PORT), "-U", SUPERUSER, "-d", "postgres",
             "-v", "ON_ERROR_STOP=1", "-f", str(INIT_SQL)], capture_output=True, text=True, timeout=60,
        )
    if done.returncode != 0:
        raise RuntimeError(f"init.sql failed: {done.stderr}")
    _initialised = True


@contextmanager
def fresh(kind: StoreKind, workdir: Path) -> Iterator[Settings]:
    """Settings for an empty set of stores of one kind, removed afterwards."""
    data_dir = Path(tempfile.mkdtemp(prefix=f"{kind}-", dir=workdir))
    if kind == "sqlite":
        try:
            yield Settings(store="sqlite", data_dir=data_dir)
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)
        return
    ensure_postgres()
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    for context in STORES:
        with admin_connect(context) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}" AUTHORIZATION "{context}_owner"')
    try:
        # Production's pool and lock settings (the Settings defaults), a data directory for the token key;
        # the tables made by the owners, measured as the runtime logins (evenwijdig store init).
        settings = Settings(store="postgres", data_dir=data_dir, postgres=PostgresSettings(host=HOST, port=PORT, schema=schema))
        set_up(settings)
        yield settings
    finally:
        for context in STORES:
            with admin_connect(context) as conn:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        shutil.rmtree(data_dir, ignore_errors=True)


def setup_store(settings: Settings, context: str) -> dict[str, str]:
    """The context's store mapping for setting up data (not for measuring): waits patiently for a connection.

    Production fails a request after one second without a pooled connection; a bulk load next to
    three busy gateway processes may wait longer than that without anything being wrong.
    """
    store = settings.context_store(context)
    if settings.store == "postgres":
        store["POSTGRES_POOL_TIMEOUT"] = "30"
    return store


def settle(settings: Settings) -> None:
    """After a bulk load: let PostgreSQL catch up as autovacuum and the checkpointer would (ANALYZE, CHECKPOINT).

    A measurement "with N cases stored" is of a store at rest, not of one still digesting the load.
    """
    if settings.postgres is None:
        return
    for context in STORES:
        with admin_connect(context) as conn:
            tables = conn.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
                                  (settings.postgres.schema,)).fetchall()
            for (table,) in tables:
                conn.execute(f'VACUUM (ANALYZE) "{settings.postgres.schema}"."{table}"')
    with admin_connect() as conn:
        conn.execute("CHECKPOINT")


def connect_raw(settings: Settings, context: str, owner: bool = False):  # noqa: ANN201 - psycopg or sqlite3
    """A plain connection to the context's own store, as its runtime login (``owner``: its owner role), for baselines.

    Both in the driver's ordinary transactional mode: a statement opens a transaction, ``commit()``
    ends it. SQLite: a separate file in the same directory, in WAL mode with the default
    synchronous level (FULL), as eventsourcing opens its files.
    """
    if settings.store == "sqlite":
        conn = sqlite3.connect(settings.data_dir / f"{context}-raw.sqlite", check_same_thread=False,
                               timeout=settings.sqlite_lock_timeout)
        conn.execute("PRAGMA journal_mode=WAL")
        return conn
    assert settings.postgres is not None
    credential = settings.postgres.owner_credential(context) if owner else settings.postgres.credential(context)
    conn = psycopg.connect(host=settings.postgres.host, port=settings.postgres.port, user=credential.user,
                           password=credential.password or None, dbname=credential.dbname)
    conn.execute(f'SET search_path TO "{settings.postgres.schema}"')
    conn.commit()
    return conn


def environ_for(settings: Settings) -> dict[str, str]:
    """The environment an operator would set to get these settings (for ``evenwijdig serve``)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENWIJDIG_")}
    env.update(EVENWIJDIG_ENV=settings.environment, EVENWIJDIG_DATA_DIR=str(settings.data_dir),
               EVENWIJDIG_STORE=settings.store, PYTHONPATH=str(ROOT),
               EVENWIJDIG_AGGREGATE_CACHE_SIZE=str(settings.aggregate_cache_size))
    if settings.postgres is not None:
        pg = settings.postgres
        env.update(EVENWIJDIG_POSTGRES_HOST=pg.host, EVENWIJDIG_POSTGRES_PORT=str(pg.port),
                   EVENWIJDIG_POSTGRES_SCHEMA=pg.schema, EVENWIJDIG_POSTGRES_POOL_SIZE=str(pg.pool_size),
                   EVENWIJDIG_POSTGRES_MAX_OVERFLOW=str(pg.max_overflow))
        for context in STORES:
            credential = pg.credential(context)
            env[f"EVENWIJDIG_{context.upper()}_DBNAME"] = credential.dbname
            env[f"EVENWIJDIG_{context.upper()}_USER"] = credential.user
    return env
