"""A store that will not take writes (read-only, or its disk full) gives a clear error and changes nothing.

SQLite: the tests make the data files read-only (``PRAGMA query_only``) or full (``PRAGMA
max_page_count`` at the current size) on every connection the gateway holds. SQLite then
fails exactly as for a read-only file or a full disk (SQLITE_READONLY, SQLITE_FULL); file
modes alone would not do it, since the suite runs as root in CI and root writes regardless.
PostgreSQL: the private server is switched to read-only transactions, as a standby would be.
Once the store takes writes again the same gateway serves the same request, key and all.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Any, Callable, Iterator

import psycopg
import pytest
from fastapi.testclient import TestClient

from evenwijdig.bootstrap import bootstrap
from evenwijdig.settings import Settings
from gateway.app import create_app
from gateway.auth import mint_development_token
from services.staff_directory.api import Role
from gateway.errors import WRITES_REFUSED_MESSAGE
from tests.conftest import sqlite_settings
from tests.reliability.scene import COUNSELLOR, PROPOSE, error_codes, opened_case, positions

#: Fifty goals of 900 characters: a write that needs new pages in any store.
GOALS = [(f"Doel {n}: " + "rust bij de overdracht " * 40).strip() for n in range(50)]
LEAKS = ("sqlite", "psycopg", "readonly database", "read-only transaction", "disk is full", "Traceback", "/")


@contextmanager
def on_every_sqlite_connection(app: Any, apply: Callable[[Any], None], undo: Callable[[Any], None]) -> Iterator[None]:
    """Run ``apply`` on every connection of the app's SQLite pool, held or opened later; ``undo`` after.

    Reaches into eventsourcing 9.5's pool (``_pool``, ``_create_connection``); the version is pinned.
    """
    pool = app.factory.datastore.pool
    create = pool._create_connection

    def created() -> Any:
        connection = create()
        apply(connection._sqlite_conn)
        return connection

    pool._create_connection = created
    for connection in list(pool._pool):
        apply(connection._sqlite_conn)
    try:
        yield
    finally:
        pool._create_connection = create
        for connection in list(pool._pool):
            undo(connection._sqlite_conn)


def read_only(connection: Any) -> None:
    connection.execute("PRAGMA query_only = 1")


def writable(connection: Any) -> None:
    connection.execute("PRAGMA query_only = 0")


def full(connection: Any) -> None:
    (pages,) = connection.execute("PRAGMA page_count").fetchone()
    (free,) = connection.execute("PRAGMA freelist_count").fetchone()
    assert free == 0, "a free page would let a write through"
    connection.execute(f"PRAGMA max_page_count = {pages}")


def roomy(connection: Any) -> None:
    connection.execute("PRAGMA max_page_count = 1073741823")


@contextmanager
def sqlite_refusing(contexts: Any, apply: Callable[[Any], None], undo: Callable[[Any], None]) -> Iterator[None]:
    with on_every_sqlite_connection(contexts.parent_a, apply, undo), \
            on_every_sqlite_connection(contexts.parent_b, apply, undo), \
            on_every_sqlite_connection(contexts.shared, apply, undo), \
            on_every_sqlite_connection(contexts.directory, apply, undo):
        yield


def propose(client: TestClient, settings: Settings, case: Any) -> Any:
    token = mint_development_token(settings.data_dir, COUNSELLOR, Role.COUNSELLOR)
    return client.post("/graphql/counsellor", json={"query": PROPOSE, "variables": {"case": str(case), "goals": GOALS}},
                       headers={"Authorization": f"Bearer {token}", "Idempotency-Key": "proposal-1"})


def assert_refused_clearly(response: Any) -> None:
    assert response.status_code in (200, 503), response.text
    body = response.json()
    assert error_codes(body) == {"UNAVAILABLE"} and body["errors"][0]["message"] == WRITES_REFUSED_MESSAGE
    assert not any(leak.lower() in response.text.lower() for leak in LEAKS), response.text


@pytest.mark.parametrize("fault", [(read_only, writable), (full, roomy)], ids=["read-only", "full"])
def test_a_sqlite_store_that_refuses_writes_gives_a_clear_error_and_changes_nothing(tmp_path, fault):
    settings = sqlite_settings(tmp_path / "var")
    contexts = bootstrap(settings)
    try:
        case = opened_case(contexts)
        with TestClient(create_app(settings, contexts)) as client:
            before = positions(contexts)
            with sqlite_refusing(contexts, *fault):
                refused = propose(client, settings, case)
            assert_refused_clearly(refused)
            assert positions(contexts) == before
            accepted = propose(client, settings, case)
        assert accepted.status_code == 200 and "errors" not in accepted.json(), accepted.text
        assert list(contexts.parent_a.trajectory(case).goals) == GOALS
    finally:
        contexts.close()


def test_a_read_only_postgres_gives_the_same_clear_error_and_changes_nothing(server, own_stores):
    settings, contexts = own_stores
    case = opened_case(contexts)
    with TestClient(create_app(settings, contexts)) as client:
        before = positions(contexts)
        with read_only_server(server):
            refused = propose(client, settings, case)
        assert_refused_clearly(refused)
        assert positions(contexts) == before
        accepted = propose(client, settings, case)
    assert accepted.status_code == 200 and "errors" not in accepted.json(), accepted.text


@contextmanager
def read_only_server(server: Any) -> Iterator[None]:
    def switch(setting: str, expected: str) -> None:
        with psycopg.connect(host=server.host, port=server.port, user="postgres", dbname="postgres",
                             autocommit=True) as admin:
            admin.execute(setting)
            admin.execute("SELECT pg_reload_conf()")
        deadline = time.monotonic() + 10
        while _setting(server) != expected:
            assert time.monotonic() < deadline, "the server did not take the setting"
            time.sleep(0.05)

    switch("ALTER SYSTEM SET default_transaction_read_only = on", "on")
    try:
        yield
    finally:
        switch("ALTER SYSTEM RESET default_transaction_read_only", "off")


def _setting(server: Any) -> str:
    with psycopg.connect(host=server.host, port=server.port, user="postgres", dbname="postgres") as probe:
        return probe.execute("SHOW default_transaction_read_only").fetchone()[0]
