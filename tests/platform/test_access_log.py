"""The access log records every access in the touched context's own store, and nothing rewrites it."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime, timedelta, timezone

import psycopg
import pytest

from evenwijdig.bootstrap import bootstrap
from services.platform.access_log import Access, Action
from tests.support import postgres as pg


def access(case_id, user="counsellor-a", context="parent_a_context", action=Action.READ):
    return Access(user=user, role="counsellor", action=action, context=context, case_id=case_id,
                  operation="trajectory", responsible_user=user)


@pytest.fixture
def contexts(settings):
    opened = bootstrap(settings)
    yield opened
    opened.close()


def test_recorded_accesses_come_back_in_order_filtered_by_case_and_user(contexts):
    mine, other = uuid.uuid4(), uuid.uuid4()
    log = contexts.parent_a.access_log
    first = log.record(access(mine))
    log.record(access(other))
    third = log.record(access(mine, user="auditor-1", action=Action.EXPORT))
    assert [e.position for e in log.entries(case_id=mine)] == [first, third]
    assert [e.access.user for e in log.entries(case_id=mine, user="auditor-1")] == ["auditor-1"]
    assert log.entries(case_id=mine)[1].access.action is Action.EXPORT
    assert log.entries(after=first, case_id=mine)[0].position == third


def test_time_filters_bound_the_entries(contexts):
    case = uuid.uuid4()
    log = contexts.shared.access_log
    log.record(access(case, context="shared_agreements"))
    now = datetime.now(timezone.utc)
    assert len(log.entries(case_id=case, since=now - timedelta(minutes=5))) == 1
    assert log.entries(case_id=case, until=now - timedelta(minutes=5)) == []


def test_an_access_to_one_side_is_recorded_in_that_side_only(contexts):
    case = uuid.uuid4()
    contexts.parent_b.access_log.record(access(case, user="counsellor-b", context="parent_b_context"))
    assert len(contexts.parent_b.access_log.entries(case_id=case)) == 1
    assert contexts.parent_a.access_log.entries(case_id=case) == []
    assert contexts.shared.access_log.entries(case_id=case) == []


def test_the_access_log_cannot_be_rewritten_through_the_context_credential(contexts, settings):
    contexts.parent_a.access_log.record(access(uuid.uuid4()))
    if settings.store == "sqlite":
        path = settings.context_store("parent_a_context")["SQLITE_DBNAME"]
        with sqlite3.connect(path) as conn, pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("UPDATE parent_a_context_access_log SET user_id = 'someone-else'")
    else:
        schema = settings.postgres.schema
        # The runtime login holds no such privilege; the owner holds them all, and the trigger refuses it.
        for login, refused, why in (("parent_a_context", psycopg.errors.InsufficientPrivilege, "permission denied"),
                                    ("parent_a_context_owner", psycopg.errors.RaiseException, "append-only")):
            with psycopg.connect(host=pg.HOST, port=pg.PORT, user=login, dbname="parent_a_context") as conn:
                for statement in ("UPDATE {}.parent_a_context_access_log SET user_id = 'x'",
                                  "DELETE FROM {}.parent_a_context_access_log", "TRUNCATE {}.parent_a_context_access_log"):
                    with pytest.raises(refused, match=why):
                        conn.execute(statement.format(f'"{schema}"'))
                    conn.rollback()
    assert len(contexts.parent_a.access_log.entries()) == 1


def test_the_entries_of_one_case_are_found_through_its_case_index_not_by_reading_every_entry(contexts, settings):
    log = contexts.parent_a.access_log
    for _ in range(20):
        log.record(access(uuid.uuid4()))
    datastore = contexts.parent_a.factory.datastore
    if settings.store == "sqlite":
        with datastore.transaction(commit=False) as c:
            c.execute('EXPLAIN QUERY PLAN SELECT position FROM "parent_a_context_access_log" '
                      "WHERE position > ? AND case_id = ? ORDER BY position LIMIT ?", (0, uuid.uuid4().hex, 100))
            plan = " ".join(str(tuple(row)) for row in c.fetchall())
    else:
        with datastore.transaction(commit=False) as c:
            c.execute("SET LOCAL enable_seqscan = off")  # a table this small would be read whole either way
            c.execute(f'EXPLAIN SELECT position FROM "{datastore.schema}"."parent_a_context_access_log" '
                      "WHERE position > %s AND case_id = %s ORDER BY position LIMIT %s", (0, uuid.uuid4(), 100))
            plan = " ".join(str(next(iter(row.values()))) for row in c.fetchall())
    assert "parent_a_context_access_log_by_case" in plan
