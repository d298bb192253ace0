"""The baselines: plain psycopg / sqlite3 on a table of the events table's shape, no library in between.

Rows have the stored events' shape (a UUID, an integer version, a topic, a state of the
same size as the application's) and the table has the same keys: the primary key on
(originator_id, originator_version) and a position (``notification_id`` in PostgreSQL, the
rowid in SQLite) for keyset paging.
"""

from __future__ import annotations

import functools
import os
import time
import uuid
from typing import Any, Callable

from evenwijdig.settings import Settings

from bench.harness import in_threads
from bench.stores import connect_raw

TABLE = "bench_raw_events"
TOPIC = "services.parent_side.domain.trajectory:Trajectory.SessionRecorded"


def create_table(settings: Settings, context: str) -> None:
    """The baseline's table; on PostgreSQL made by the owner role, used by the runtime login (as the events are)."""
    conn = connect_raw(settings, context, owner=True)
    try:
        if settings.store == "sqlite":
            conn.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (originator_id TEXT, originator_version INTEGER, "
                         "topic TEXT, state BLOB, PRIMARY KEY (originator_id, originator_version))")
        else:
            conn.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (originator_id uuid NOT NULL, originator_version bigint "
                         "NOT NULL, topic text, state bytea, notification_id bigserial, "
                         "PRIMARY KEY (originator_id, originator_version))")
            conn.execute(f"CREATE UNIQUE INDEX IF NOT EXISTS {TABLE}_position ON {TABLE} (notification_id)")
            runtime = settings.postgres.credential(context).user  # type: ignore[union-attr]
            conn.execute(f'GRANT SELECT, INSERT ON {TABLE} TO "{runtime}"')
            conn.execute(f'GRANT USAGE ON SEQUENCE {TABLE}_notification_id_seq TO "{runtime}"')
        conn.commit()
    finally:
        conn.close()


def _insert_sql(kind: str) -> str:
    mark = "?" if kind == "sqlite" else "%s"
    return f"INSERT INTO {TABLE} (originator_id, originator_version, topic, state) VALUES ({', '.join([mark] * 4)})"


def _insert_rows(conn: Any, kind: str, rows: int, state_size: int) -> None:
    """``rows`` single-row INSERTs, each committed on its own (the idiom of either driver)."""
    sql, originator = _insert_sql(kind), uuid.uuid4()
    key = originator.hex if kind == "sqlite" else originator
    state = os.urandom(state_size)
    for version in range(1, rows + 1):
        conn.execute(sql, (key, version, TOPIC, state))
        conn.commit()


def single_inserts(settings: Settings, context: str, rows: int, state_size: int) -> float:
    """Rows per second of single-row INSERT + commit on one connection."""
    create_table(settings, context)
    conn = connect_raw(settings, context)
    try:
        started = time.perf_counter()
        _insert_rows(conn, settings.store, rows, state_size)
        return rows / (time.perf_counter() - started)
    finally:
        conn.close()


def concurrent_inserts(settings: Settings, context: str, clients: int, rows: int, state_size: int) -> float:
    """Rows per second of ``clients`` connections, each inserting ``rows`` rows one commit at a time."""
    create_table(settings, context)
    conns = [connect_raw(settings, context) for _ in range(clients)]
    try:
        work = [functools.partial(_insert_rows, conn, settings.store, rows, state_size) for conn in conns]
        return in_threads(work, clients * rows)
    finally:
        for conn in conns:
            conn.close()


def keyset_scan(settings: Settings, context: str, events_table: str, page: int,
                decode: Callable[[bytes], Any] | None = None) -> tuple[int, float]:
    """Read every row of the context's events table in keyset pages; (rows, rows per second).

    ``decode``, when given, is applied to every row's state (a reference point: parsing alone).
    """
    kind = settings.store
    position = "rowid" if kind == "sqlite" else "notification_id"
    mark = "?" if kind == "sqlite" else "%s"
    sql = (f"SELECT {position}, originator_id, originator_version, topic, state FROM {events_table} "
           f"WHERE {position} > {mark} ORDER BY {position} LIMIT {mark}")
    conn = connect_raw(settings, context) if kind == "postgres" else _sqlite_events(settings, context)
    try:
        rows, after, started = 0, 0, time.perf_counter()
        while True:
            found = conn.execute(sql, (after, page)).fetchall()
            if not found:
                return rows, rows / (time.perf_counter() - started)
            if decode is not None:
                for row in found:
                    decode(row[4])
            rows, after = rows + len(found), found[-1][0]
    finally:
        conn.close()


def _sqlite_events(settings: Settings, context: str) -> Any:
    import sqlite3

    return sqlite3.connect(settings.data_dir / f"{context}.sqlite")
