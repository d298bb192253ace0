"""Every test that touches storage runs twice: on SQLite (``sqlite``) and PostgreSQL (``postgres``).

Ask for the ``settings`` fixture to get a fresh, empty store of either kind. Under
``CI=true`` an unreachable PostgreSQL fails the run; it never turns into a skip.
Outside CI it fails too, unless ``EVENWIJDIG_TEST_POSTGRES=skip`` says so explicitly.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from evenwijdig.settings import PostgresSettings, Settings
from evenwijdig.store_cli import set_up
from tests.support import postgres as pg

STORES = ("sqlite", "postgres")


@pytest.fixture(scope="session")
def postgres_cluster() -> None:
    try:
        pg.check_reachable()
        pg.apply_init_script()
    except pg.PostgresUnavailable as error:
        if os.environ.get("CI") != "true" and os.environ.get("EVENWIJDIG_TEST_POSTGRES") == "skip":
            pytest.skip(f"EVENWIJDIG_TEST_POSTGRES=skip: {error}")
        pytest.fail(f"{error}. PostgreSQL tests must run; start the cluster (see README).", pytrace=False)


@pytest.fixture
def postgres_schema(postgres_cluster: None):
    schema = pg.create_test_schema()
    yield schema
    pg.drop_test_schema(schema)


def sqlite_settings(data_dir: Path) -> Settings:
    return Settings(store="sqlite", data_dir=data_dir)


def postgres_settings(schema: str, data_dir: Path = Path("var")) -> Settings:
    """Settings of the runtime logins on ``schema``, whose tables the owners have just set up (``store init``)."""
    settings = Settings(
        store="postgres",
        data_dir=data_dir,  # development keys and the erasure ledger: per test, not shared
        # The shipped one-second pool wait bounds outages (tests/reliability prove it on a server of
        # their own); on a machine saturated by a test run, opening a connection can take longer.
        postgres=PostgresSettings(host=pg.HOST, port=pg.PORT, schema=schema, pool_size=2, max_overflow=4,
                                  pool_timeout=5),
    )
    set_up(settings)
    return settings


@pytest.fixture(params=STORES)
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings for a fresh, empty set of context stores of one kind."""
    if request.param == "sqlite":
        return sqlite_settings(tmp_path / "var")
    return postgres_settings(request.getfixturevalue("postgres_schema"), tmp_path / "var")


@pytest.fixture
def postgres_only_settings(postgres_schema: str, tmp_path: Path) -> Settings:
    """Settings for fresh PostgreSQL stores, for what only PostgreSQL has (its roles and privileges)."""
    return postgres_settings(postgres_schema, tmp_path / "var")
