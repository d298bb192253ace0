"""Checkpoints form a chain of their own, and an anchor outside the store pins what they signed.

Without these, someone with write access to the store could delete the checkpoints, alter
an event and recompute the chain, and the history would verify clean; or cut off the tail
of the history after its last checkpoint. Each tamper is done in SQL (``tamper.RawStore``)
on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from uuid import uuid4

import psycopg
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from services.parent_a_context.application import ParentAContext
from services.platform.anchor import anchored, export
from services.platform.checkpoints import first_previous
from services.platform.verification import BreakKind
from tests.audit.builders import closed_trajectory, open_trajectory
from tests.audit.tamper import RawStore
from tests.support import postgres as pg

KEY = Ed25519PrivateKey.generate()
SESSION = 7  # SessionRecorded (after the case header and five steps): its themes include "own_ground"


@pytest.fixture
def side_a(settings):
    app = ParentAContext(settings.context_store("parent_a_context"))
    closed_trajectory(app, uuid4())
    yield app
    app.close()


@pytest.fixture
def raw(settings):
    return RawStore(settings, "parent_a_context")


@pytest.fixture
def anchor(tmp_path):
    return tmp_path / "outside" / "checkpoints.jsonl"


def signed(app, upto=None):
    _, checkpoint = app.chain.checkpoint(KEY, upto=upto)
    assert checkpoint is not None
    return checkpoint


def broken(app, anchor=None):
    outside = anchored(anchor, app.name) if anchor is not None else ()
    result = app.chain.verify(KEY.public_key(), anchored=outside)
    assert not result.ok, "the tamper went unnoticed"
    return result.first_break


def test_each_checkpoint_names_the_one_before_it(side_a):
    first, second = signed(side_a, upto=3), signed(side_a)
    assert first.previous == first_previous(side_a.name) and second.previous == first.digest()
    assert side_a.chain.verify(KEY.public_key()).ok


def test_deleting_one_checkpoint_is_found_by_the_one_after_it(side_a, raw):
    first, second, third = signed(side_a, upto=2), signed(side_a, upto=4), signed(side_a)
    raw.delete_checkpoints(second.number)
    found = broken(side_a)
    assert (found.position, found.kind) == (third.position, BreakKind.CHECKPOINT)
    assert f"checkpoint {third.number}" in found.detail and "removed" in found.detail


def test_deleting_the_newest_checkpoint_is_found_by_the_anchor(side_a, raw, anchor):
    export(anchor, signed(side_a, upto=3))
    last = signed(side_a)
    export(anchor, last)
    raw.delete_checkpoints(last.number)
    found = broken(side_a, anchor)
    assert (found.position, found.kind) == (last.position, BreakKind.CHECKPOINT)
    assert "no longer in the store" in found.detail


def test_deleting_every_checkpoint_and_relinking_after_altering_an_event_is_found_by_the_anchor(side_a, raw, anchor):
    checkpoint = signed(side_a)
    export(anchor, checkpoint)
    raw.alter_payload(SESSION, b"own_ground", b"own_groune")
    raw.relink_chain()
    raw.delete_checkpoints()
    assert side_a.chain.verify(KEY.public_key()).ok, "the store alone can no longer tell"
    found = broken(side_a, anchor)
    assert (found.position, found.kind) == (checkpoint.position, BreakKind.CHECKPOINT)


def test_truncating_the_tail_after_an_exported_checkpoint_is_found_by_the_anchor(side_a, raw, anchor):
    checkpoint = signed(side_a)
    export(anchor, checkpoint)
    raw.truncate_from(checkpoint.position - 2)
    raw.delete_checkpoints()
    assert side_a.chain.verify(KEY.public_key()).ok, "the store alone can no longer tell"
    found = broken(side_a, anchor)
    assert (found.position, found.kind) == (checkpoint.position, BreakKind.MISSING)


def test_a_checkpoint_can_vouch_for_a_position_before_the_head(side_a, raw):
    earlier = signed(side_a, upto=SESSION)
    assert earlier.position == SESSION and earlier.head == side_a.chain.store.links(SESSION - 1, SESSION, 1)[0].link
    raw.alter_payload(SESSION, b"own_ground", b"own_groune")
    raw.relink_chain()
    found = broken(side_a)
    assert (found.position, found.kind) == (SESSION, BreakKind.CHECKPOINT)


def test_a_malformed_anchor_line_is_refused_by_its_number(anchor):
    anchor.parent.mkdir(parents=True)
    anchor.write_text('{"context": "parent_a_context"}\n')
    with pytest.raises(ValueError, match="line 1"):
        anchored(anchor, "parent_a_context")


def test_checkpoints_deleted_around_the_guard_are_still_found(settings, side_a, anchor):
    """The context's runtime login cannot switch the guard off (PostgreSQL: an owner role owns the tables);
    whoever can (a superuser, the SQLite file's holder) and removes checkpoints is still found, by the chain
    of checkpoints and by the anchor."""
    first, second, third = signed(side_a, upto=2), signed(side_a, upto=4), signed(side_a)
    export(anchor, third)
    if settings.store == "sqlite":
        path = settings.context_store("parent_a_context")["SQLITE_DBNAME"]
        with closing(sqlite3.connect(path)) as conn:
            conn.execute('DROP TRIGGER "parent_a_context_checkpoints_no_delete"')
            conn.execute("DELETE FROM parent_a_context_checkpoints WHERE number IN (?, ?)", (second.number, third.number))
            conn.commit()
    else:
        table = f'"{settings.postgres.schema}".parent_a_context_checkpoints'
        with psycopg.connect(host=pg.HOST, port=pg.PORT, user="parent_a_context", dbname="parent_a_context") as conn:
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="must be owner"):
                conn.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        with pg.admin_connect("parent_a_context") as conn:
            conn.execute("SET session_replication_role = replica")  # the superuser goes around every trigger
            conn.execute(f"DELETE FROM {table} WHERE number IN (%s, %s)", (second.number, third.number))
    found = broken(side_a, anchor)
    assert (found.position, found.kind) == (third.position, BreakKind.CHECKPOINT)
    assert first.number < second.number
