"""The local PostgreSQL cluster, as the test suite uses it.

The init script in ``deploy/postgres`` is applied exactly as docker-compose applies it,
so the tests run with the same roles and databases as production. Each test gets its
own schema in each context's database, set up by the context's owner role, so tests
never see each other's events and still run under the runtime login production uses.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg

from evenwijdig.settings import STORES

ROOT = Path(__file__).resolve().parents[2]
INIT_SQL = ROOT / "deploy" / "postgres" / "init.sql"
HOST = os.environ.get("EVENWIJDIG_TEST_PG_HOST", "127.0.0.1")
PORT = int(os.environ.get("EVENWIJDIG_TEST_PG_PORT", "5432"))
SUPERUSER = os.environ.get("EVENWIJDIG_TEST_PG_SUPERUSER", "postgres")


class PostgresUnavailable(RuntimeError):
    pass


def admin_connect(dbname: str = "postgres") -> psycopg.Connection:
    return psycopg.connect(host=HOST, port=PORT, user=SUPERUSER, dbname=dbname, connect_timeout=3, autocommit=True)


def check_reachable() -> None:
    try:
        with admin_connect() as conn:
            conn.execute("SELECT 1")
    except psycopg.OperationalError as error:
        raise PostgresUnavailable(
            f"PostgreSQL is not reachable at {HOST}:{PORT} as {SUPERUSER!r}: {error}".strip()
        ) from None


def apply_init_script(extra_env: dict[str, str] | None = None, *, host: str = HOST, port: int = PORT) -> None:
    """Run deploy/postgres/init.sql with psql, serialised across test processes (another server: host, port)."""
    psql = shutil.which("psql")
    if psql is None:
        raise PostgresUnavailable("psql is not installed; the init script needs it")
    env = {**os.environ, **(extra_env or {})}
    _run_serialised([psql, "-X", "-q", "-h", host, "-p", str(port), "-U", SUPERUSER, "-d", "postgres",
                     "-v", "ON_ERROR_STOP=1", "-f", str(INIT_SQL)], env)


def run_init_from_secrets(extra_env: dict[str, str]) -> None:
    """Run the compose image's init step (deploy/postgres/init-from-secrets.sh) against the local cluster."""
    env = {**os.environ, **extra_env, "PGHOST": HOST, "PGPORT": str(PORT), "POSTGRES_USER": SUPERUSER,
           "EVENWIJDIG_INIT_SQL": str(INIT_SQL)}
    _run_serialised(["sh", str(INIT_SQL.parent / "init-from-secrets.sh")], env)


def _run_serialised(command: list[str], env: dict[str, str]) -> None:
    lock_path = Path(tempfile.gettempdir()) / "evenwijdig-pg-init.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise RuntimeError(f"init.sql failed: {result.stderr}")


def create_test_schema() -> str:
    """A fresh schema in each context's database, owned by the context's owner role as ``public`` is in production.

    Its tables are made by ``evenwijdig store init`` (``tests.conftest.postgres_settings``), as the owner;
    the tests then run as the runtime login, which may use them and nothing more.
    """
    schema = f"t_{uuid.uuid4().hex[:12]}"
    for context in STORES:
        with admin_connect(context) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}" AUTHORIZATION "{context}_owner"')
    return schema


def drop_test_schema(schema: str) -> None:
    for context in STORES:
        with admin_connect(context) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def restore_as(context: str, sql: str) -> None:
    """Run a plain-SQL dump in a context's database as that context's role, so it owns what it creates."""
    psql = shutil.which("psql")
    if psql is None:
        raise PostgresUnavailable("psql is not installed; restoring a dump needs it")
    result = subprocess.run([psql, "-X", "-q", "-h", HOST, "-p", str(PORT), "-U", SUPERUSER, "-d", context,
                             "-v", "ON_ERROR_STOP=1", "-c", f'SET ROLE "{context}"', "-f", "-"],
                            input=sql, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise RuntimeError(f"restoring into {context} failed: {result.stderr}")
