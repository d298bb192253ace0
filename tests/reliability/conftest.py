"""The reliability tests use the gateway tests' ``gateway`` fixture (both stores), a second fresh store,
and a PostgreSQL server of their own that they may stop (never the shared cluster)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

from evenwijdig.bootstrap import Contexts, bootstrap
from evenwijdig.settings import PostgresSettings, Settings
from evenwijdig.store_cli import set_up
from tests.conftest import postgres_settings, sqlite_settings
from tests.gateway.conftest import Gateway, gateway  # noqa: F401 - fixtures are found by name
from tests.reliability.pg_server import OwnServer, ServerUnavailable
from tests.support import postgres as pg


@pytest.fixture
def fresh_settings(settings: Settings, tmp_path: Path) -> Iterator[Settings]:
    """Another fresh, empty set of stores of the same kind as ``settings`` (for a sequential replay)."""
    if settings.store == "sqlite":
        yield sqlite_settings(tmp_path / "replay")
        return
    schema = pg.create_test_schema()
    try:
        yield postgres_settings(schema)
    finally:
        pg.drop_test_schema(schema)


@pytest.fixture(scope="session")
def server() -> Iterator[OwnServer]:
    """A private PostgreSQL server, initialised like production; tests that stop it start it again."""
    try:
        own = OwnServer()
        own.init()
    except ServerUnavailable as error:
        if os.environ.get("CI") != "true" and os.environ.get("EVENWIJDIG_TEST_POSTGRES") == "skip":
            pytest.skip(f"EVENWIJDIG_TEST_POSTGRES=skip: {error}")
        pytest.fail(f"the PostgreSQL fault tests must run: {error}", pytrace=False)
    yield own
    own.destroy()


@pytest.fixture
def own_stores(server: OwnServer, tmp_path: Path) -> Iterator[tuple[Settings, Contexts]]:
    """Every store on the private server, with the shipped timeouts (tables persist from test to test)."""
    settings = Settings(store="postgres", data_dir=tmp_path / "var",
                        postgres=PostgresSettings(host=server.host, port=server.port, pool_size=2, max_overflow=4))
    set_up(settings)  # as production does it: init.sql (the server's init), the owners' store init, the runtime logins
    contexts = bootstrap(settings)
    yield settings, contexts
    contexts.close()
