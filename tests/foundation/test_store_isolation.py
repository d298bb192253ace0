"""Each context has a store of its own, and its credential opens nothing else.

These tests attack from the other side: they write through one context and look for
the bytes in every other store, point one context's configuration at another's store
through the environment, and log in with one context's role to the others' databases.
"""

from __future__ import annotations

import itertools
import os
import stat
import uuid

import psycopg
import pytest
from eventsourcing.domain import Aggregate

from evenwijdig.bootstrap import bootstrap
from evenwijdig.settings import STORES, Settings
from tests.support import postgres as pg
from tests.support.raw_store import raw_bytes


class Canary(Aggregate):
    """A stand-in aggregate: the isolation of stores does not depend on the domain."""

    def __init__(self, marker: str) -> None:
        self.marker = marker


def plant_canaries(settings: Settings) -> dict[str, str]:
    contexts = bootstrap(settings)
    try:
        planted = {}
        for name, app in contexts.by_name().items():
            marker = f"canary-{name}-{uuid.uuid4().hex}"
            app.save(Canary(marker))
            planted[name] = marker
        return planted
    finally:
        contexts.close()


def test_each_context_writes_only_into_its_own_store(settings: Settings):
    planted = plant_canaries(settings)
    for context in STORES:
        stored = raw_bytes(settings, context)
        assert planted[context].encode() in stored
        for other in set(STORES) - {context}:
            assert planted[other].encode() not in stored, f"{other}'s event found in {context}'s store"


def test_a_prefixed_environment_variable_cannot_point_a_context_at_another_store(settings: Settings, monkeypatch):
    # eventsourcing would normally let PARENT_A_CONTEXT_* in os.environ win over what it is given.
    if settings.store == "sqlite":
        target = settings.context_store("parent_b_context")["SQLITE_DBNAME"]
        monkeypatch.setenv("PARENT_A_CONTEXT_SQLITE_DBNAME", target)
    else:
        monkeypatch.setenv("PARENT_A_CONTEXT_POSTGRES_DBNAME", "parent_b_context")
        monkeypatch.setenv("PARENT_A_CONTEXT_POSTGRES_USER", "parent_b_context")
    monkeypatch.setenv("PERSISTENCE_MODULE", "eventsourcing.popo")
    planted = plant_canaries(settings)
    assert planted["parent_a_context"].encode() in raw_bytes(settings, "parent_a_context")
    assert planted["parent_a_context"].encode() not in raw_bytes(settings, "parent_b_context")


def test_the_embedded_store_files_are_readable_by_their_owner_only(tmp_path):
    settings = Settings(store="sqlite", data_dir=tmp_path / "fresh" / "var")
    bootstrap(settings).close()
    assert stat.S_IMODE(os.stat(settings.data_dir).st_mode) == 0o700
    for context in STORES:
        path = settings.context_store(context)["SQLITE_DBNAME"]
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


CROSS_PAIRS = [pair for pair in itertools.permutations(STORES, 2)]


@pytest.mark.parametrize(("role", "database"), CROSS_PAIRS, ids=[f"postgres-{r}-into-{d}" for r, d in CROSS_PAIRS])
def test_a_context_role_is_refused_by_every_other_context_database(postgres_cluster, role, database):
    with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
        psycopg.connect(host=pg.HOST, port=pg.PORT, user=role, dbname=database, connect_timeout=3).close()


@pytest.mark.parametrize("context", STORES, ids=[f"postgres-{c}" for c in STORES])
def test_a_context_role_opens_its_own_database_and_holds_no_other_privilege(postgres_cluster, context):
    with psycopg.connect(host=pg.HOST, port=pg.PORT, user=context, dbname=context, connect_timeout=3) as conn:
        flags = conn.execute(
            "SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user"
        ).fetchone()
        owner = conn.execute("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()").fetchone()
    assert flags == (False, False, False, False, False)
    # An owner role owns the database (its owner could drop it): tests/foundation/test_least_privilege.py.
    assert owner == (f"{context}_owner",)
