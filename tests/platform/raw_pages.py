"""A context's store read as physical bytes, the way someone with the files or a superuser would.

SQLite: the database file and its -wal and -shm files. PostgreSQL: every page of every
relation in the test schema (tables, indexes, TOAST), read through ``pageinspect``, so
dead row versions and free space inside pages are searched too, not only live rows.
The extension is created inside a transaction that is rolled back: it leaves no trace.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any, Iterator
from uuid import UUID

from evenwijdig.settings import Settings
from tests.support import postgres as pg

RELATIONS = """
WITH base AS (
    SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = %(schema)s AND c.relkind IN ('r', 'i', 'm')),
toast AS (SELECT reltoastrelid AS oid FROM pg_class WHERE oid IN (SELECT oid FROM base) AND reltoastrelid <> 0),
toast_index AS (SELECT indexrelid AS oid FROM pg_index WHERE indrelid IN (SELECT oid FROM toast))
SELECT oid FROM base UNION SELECT oid FROM toast UNION SELECT oid FROM toast_index
"""


def raw_store_bytes(settings: Settings, context: str) -> bytes:
    if settings.store == "sqlite":
        base = Path(settings.context_store(context)["SQLITE_DBNAME"])
        return b"".join(p.read_bytes() for p in sorted(base.parent.glob(base.name + "*")))
    assert settings.postgres is not None
    schema = settings.postgres.schema
    with pg.admin_connect(settings.postgres.credential(context).dbname) as conn:
        with conn.transaction(force_rollback=True):
            conn.execute(f'CREATE EXTENSION pageinspect SCHEMA "{schema}"')
            pages = conn.execute(
                f'SELECT "{schema}".get_raw_page(r.oid::regclass::text, \'main\', b) '
                f"FROM ({RELATIONS}) r, "
                "generate_series(0, pg_relation_size(r.oid) / current_setting('block_size')::int - 1) b",
                {"schema": schema},
            ).fetchall()
    assert pages, "no pages found: the raw search would prove nothing"
    return b"".join(bytes(page) for (page,) in pages)


def wrapped_keys(settings: Settings, context: str) -> dict[UUID, bytes | None]:
    """The key table's rows (case id -> wrapped key, None when destroyed), read beside the code."""
    table = f"{context}_case_keys"
    if settings.store == "sqlite":
        path = settings.context_store(context)["SQLITE_DBNAME"]
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            rows = conn.execute(f'SELECT case_id, wrapped_key FROM "{table}"').fetchall()
        return {UUID(case): (bytes(key) if key is not None else None) for case, key in rows}
    assert settings.postgres is not None
    with pg.admin_connect(settings.postgres.credential(context).dbname) as conn:
        rows = conn.execute(f'SELECT case_id, wrapped_key FROM "{settings.postgres.schema}"."{table}"').fetchall()
    return {case: (bytes(key) if key is not None else None) for case, key in rows}


@contextmanager
def reader_holding_a_snapshot(settings: Settings, context: str, seconds: float) -> Iterator[None]:
    """Another session opens a read transaction and keeps its view open for ``seconds``, then ends.

    On PostgreSQL it reads something else than the key table: a lock on that table would
    simply make VACUUM FULL wait, while a bare snapshot makes it keep the old row version.
    """
    opened = threading.Event()

    def hold() -> None:
        if settings.store == "sqlite":
            conn: Any = sqlite3.connect(settings.context_store(context)["SQLITE_DBNAME"], isolation_level=None)
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        else:
            assert settings.postgres is not None
            conn = pg.admin_connect(settings.postgres.credential(context).dbname)
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
            conn.execute("SELECT count(*) FROM pg_class").fetchall()
        opened.set()
        time.sleep(seconds)
        conn.execute("COMMIT")
        conn.close()

    thread = threading.Thread(target=hold)
    thread.start()
    opened.wait(timeout=10)
    try:
        yield
    finally:
        thread.join()
