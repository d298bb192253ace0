"""Every tamper with the stored rows is caught by verification, which names where and how.

One kind of tamper per test, done directly in SQL on the store (``tamper.RawStore``), on
SQLite and PostgreSQL alike. The history: the case header and a closed trajectory (positions 1-8), the
header and intake of a second case (9-10).
"""

from __future__ import annotations

import sqlite3
import threading
from uuid import uuid4

import psycopg
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evenwijdig.store_cli import set_up
from services.parent_a_context.application import ParentAContext
from services.parent_b_context.application import ParentBContext
from services.parent_side.domain.records import ERASURE_REQUEST
from services.platform.verification import BreakKind
from tests.audit.builders import closed_trajectory, open_trajectory, started_trajectory
from tests.audit.tamper import RawStore
from tests.support import postgres as pg

KEY = Ed25519PrivateKey.generate()
SESSION = 7  # SessionRecorded: its themes include "own_ground"


@pytest.fixture
def side_a(settings):
    app = ParentAContext(settings.context_store("parent_a_context"))
    closed_trajectory(app, uuid4())
    open_trajectory(app, uuid4())
    yield app
    app.close()


@pytest.fixture
def raw(settings):
    return RawStore(settings, "parent_a_context")


def broken(app, key=KEY):
    result = app.chain.verify(key.public_key())
    assert not result.ok, "the tamper went unnoticed"
    return result.first_break


def test_an_untouched_history_verifies_clean(side_a, raw):
    result = side_a.chain.verify(KEY.public_key())
    assert result.ok and result.first_break is None
    assert (result.events_checked, result.head_position) == (10, raw.positions()[-1])
    assert result.head == side_a.chain.head().link.hex()


def test_an_altered_payload_is_found_at_its_position(side_a, raw):
    raw.alter_payload(SESSION, b"own_ground", b"own_groune")
    found = broken(side_a)
    assert (found.position, found.kind) == (SESSION, BreakKind.ALTERED)


def test_a_deleted_event_is_found_where_it_was(side_a, raw):
    raw.delete(4)
    found = broken(side_a)
    assert (found.position, found.kind) == (4, BreakKind.MISSING)


def test_an_event_inserted_after_the_last_is_found_unlinked(side_a, raw):
    position = raw.insert_copy_of(SESSION)
    found = broken(side_a)
    assert position == 11 and (found.position, found.kind) == (11, BreakKind.UNLINKED)


def test_an_event_inserted_before_the_first_is_found_unlinked(side_a, raw):
    raw.insert_copy_of(SESSION, at=0)
    found = broken(side_a)
    assert (found.position, found.kind) == (0, BreakKind.UNLINKED)


def test_two_swapped_events_are_found_reordered(side_a, raw):
    raw.swap(2, 5)
    found = broken(side_a)
    assert (found.position, found.kind) == (2, BreakKind.REORDERED)
    assert "linked at position 5" in found.detail


def test_a_changed_chain_row_is_found(side_a, raw):
    with raw.connection(around_guards=True) as conn:
        conn.execute(raw.q("UPDATE {chain} SET link = %s WHERE position = %s"), (b"\x00" * 32, 4))
    found = broken(side_a)
    assert (found.position, found.kind) == (4, BreakKind.CHAIN)


def test_a_history_rewritten_with_a_recomputed_chain_is_found_by_its_signed_checkpoint(side_a, raw):
    _, checkpoint = side_a.chain.checkpoint(KEY)
    raw.alter_payload(SESSION, b"own_ground", b"own_groune")
    raw.relink_chain()
    found = broken(side_a)
    assert (found.position, found.kind) == (checkpoint.position, BreakKind.CHECKPOINT)


def test_a_removed_tail_is_found_by_a_signed_checkpoint(side_a, raw):
    _, checkpoint = side_a.chain.checkpoint(KEY)
    raw.delete(checkpoint.position)
    raw.relink_chain()
    found = broken(side_a)
    assert (found.position, found.kind) == (checkpoint.position, BreakKind.MISSING)


def test_a_forged_checkpoint_signature_is_found(side_a, raw):
    _, checkpoint = side_a.chain.checkpoint(KEY)
    raw.replace_checkpoint_signature(bytes(64))
    found = broken(side_a)
    assert (found.position, found.kind) == (checkpoint.position, BreakKind.CHECKPOINT)
    assert "does not verify" in found.detail


def test_a_checkpoint_signed_with_another_key_is_found(side_a):
    side_a.chain.checkpoint(Ed25519PrivateKey.generate())
    found = broken(side_a)
    assert found.kind is BreakKind.CHECKPOINT and "another key" in found.detail


def test_no_checkpoint_is_signed_for_a_history_that_does_not_verify(side_a, raw):
    raw.delete(3)
    result, checkpoint = side_a.chain.checkpoint(KEY)
    assert checkpoint is None and not result.ok
    assert list(side_a.chain.checkpoints()) == []


def test_erasing_a_case_key_keeps_the_history_verifiable(settings):
    app = ParentAContext(settings.context_store("parent_a_context"))
    case = uuid4()
    closed_trajectory(app, case)
    app.erase_private_text(case, actor="privacy-officer", reason=ERASURE_REQUEST)
    assert app.case_keys.is_destroyed(case)
    result = app.chain.verify(KEY.public_key())
    assert result.ok and result.events_checked == 9  # the case header, seven steps, the erasure
    app.close()


def test_verifying_one_context_needs_nothing_of_the_other(settings, side_a):
    side_b = ParentBContext(settings.context_store("parent_b_context"))
    open_trajectory(side_b, uuid4())
    RawStore(settings, "parent_b_context").alter_payload(1, b"Anna", b"Anne")
    assert side_a.chain.verify(KEY.public_key()).ok
    assert broken(side_b).position == 1
    side_b.close()


def test_two_writers_on_one_store_never_fork_the_chain(settings):
    writers = [ParentAContext(settings.context_store("parent_a_context")) for _ in range(2)]
    errors: list[BaseException] = []

    def write(app):
        try:
            for _ in range(3):
                started_trajectory(app, uuid4())
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(app,)) for app in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    result = writers[0].chain.verify()
    assert result.ok and result.events_checked == 2 * 3 * (1 + 5)  # a case header and five steps each
    for app in writers:
        app.close()


def test_events_stored_before_the_chain_existed_are_linked_when_it_is_created(settings, side_a, raw):
    with raw.connection(around_guards=True) as conn:
        conn.execute(raw.q("DROP TABLE {chain}"))
        conn.execute(raw.q("DROP TABLE {checkpoints}"))
    side_a.close()
    set_up(settings)  # PostgreSQL: the owner makes the tables (the runtime login may not); SQLite: the file's own
    reopened = ParentAContext(settings.context_store("parent_a_context"))
    result = reopened.chain.verify()
    assert result.ok and result.events_checked == 10
    reopened.close()


def test_the_chain_cannot_be_rewritten_through_the_context_credential(settings, side_a):
    side_a.chain.checkpoint(KEY)
    if settings.store == "sqlite":
        path = settings.context_store("parent_a_context")["SQLITE_DBNAME"]
        with sqlite3.connect(path) as conn:
            for statement in ("UPDATE parent_a_context_chain SET link = x'00'",
                              "DELETE FROM parent_a_context_checkpoints"):
                with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                    conn.execute(statement)
    else:
        # The runtime login holds no UPDATE, DELETE or TRUNCATE there at all; the triggers stand behind that.
        with _runtime_login(settings) as conn:
            for statement in ("UPDATE {}.parent_a_context_chain SET link = '\\x00'",
                              "DELETE FROM {}.parent_a_context_checkpoints", "TRUNCATE {}.parent_a_context_chain"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
                    conn.execute(statement.format(f'"{settings.postgres.schema}"'))
                conn.rollback()
    assert side_a.chain.verify(KEY.public_key()).ok


@pytest.mark.parametrize("table", ["chain", "checkpoints"])
def test_the_runtime_login_cannot_disable_the_append_only_trigger(postgres_only_settings, table):
    # PostgreSQL only: whoever holds a SQLite file can do anything to it (verification catches that, above).
    settings = postgres_only_settings
    app = ParentAContext(settings.context_store("parent_a_context"))
    closed_trajectory(app, uuid4())
    app.chain.checkpoint(KEY)
    app.close()
    with _runtime_login(settings) as conn:
        for statement in (f"ALTER TABLE {{}}.parent_a_context_{table} DISABLE TRIGGER ALL",
                          f"ALTER TABLE {{}}.parent_a_context_{table} DISABLE TRIGGER parent_a_context_{table}_append_only",
                          f"DROP TRIGGER parent_a_context_{table}_append_only ON {{}}.parent_a_context_{table}"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="must be owner"):
                conn.execute(statement.format(f'"{settings.postgres.schema}"'))
            conn.rollback()
    with pg.admin_connect("parent_a_context") as conn:
        enabled = conn.execute("SELECT tgenabled FROM pg_trigger WHERE tgname = %s AND tgrelid = %s::regclass",
                               (f"parent_a_context_{table}_append_only",
                                f'"{settings.postgres.schema}".parent_a_context_{table}')).fetchone()
    assert enabled == ("O",)  # still fires on every change
    reopened = ParentAContext(settings.context_store("parent_a_context"))
    assert reopened.chain.verify(KEY.public_key()).ok
    reopened.close()


def _runtime_login(settings):
    credential = settings.postgres.credential("parent_a_context")
    return psycopg.connect(host=pg.HOST, port=pg.PORT, user=credential.user, dbname=credential.dbname,
                           password=credential.password or None)


def test_verifying_and_signing_while_others_write_never_reports_a_break(settings, side_a):
    writer = ParentAContext(settings.context_store("parent_a_context"))
    stop = threading.Event()

    def write():
        while not stop.is_set():
            open_trajectory(writer, uuid4())

    thread = threading.Thread(target=write)
    thread.start()
    try:
        results = [side_a.chain.checkpoint(KEY)[0] for _ in range(5)] + [side_a.chain.verify(KEY.public_key())]
    finally:
        stop.set()
        thread.join()
    assert [r.first_break for r in results] == [None] * len(results)
    assert writer.position > 10, "nobody wrote meanwhile: the test proves nothing"
    assert side_a.chain.verify(KEY.public_key()).checkpoints_checked == 5
    writer.close()
