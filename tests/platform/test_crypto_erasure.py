"""Destroying a case's key erases its private text everywhere, and the history still replays."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from evenwijdig.settings import Settings
from evenwijdig.store_cli import set_up_application
from services.platform.keystore import CaseErased
from services.platform.private_text import ERASED_MARK, PrivateText
from tests.platform.notebook import Notebook, NotebooksA, all_notifications, open_notebooks, write_note
from tests.platform.raw_pages import raw_store_bytes, reader_holding_a_snapshot, wrapped_keys


def secret() -> str:
    return f"vader sliep in de auto {uuid.uuid4().hex}"


def test_a_destroyed_key_leaves_neither_text_nor_key_bytes_in_the_store_and_history_still_replays(settings: Settings):
    app = open_notebooks(settings)
    erased_case, kept_case = uuid.uuid4(), uuid.uuid4()
    erased_text, kept_text, label = secret(), secret(), f"label-{uuid.uuid4().hex}"
    erased_id = write_note(app, erased_case, erased_text, label)
    kept_id = write_note(app, kept_case, kept_text, "kept")
    app.case_keys.set_retention(erased_case, date(2045, 3, 1))  # an update of the row, before the destroy
    keys = wrapped_keys(settings, "parent_a_context")
    before = raw_store_bytes(settings, "parent_a_context")
    assert label.encode() in before and keys[erased_case] in before, "the raw search must find what is there"
    assert erased_text.encode() not in before and kept_text.encode() not in before
    stored_before = all_notifications(app)

    app.case_keys.destroy(erased_case)

    after = raw_store_bytes(settings, "parent_a_context")
    assert keys[erased_case] not in after, "the destroyed key's bytes survive somewhere in the store"
    assert erased_text.encode() not in after
    assert label.encode() in after and keys[kept_case] in after
    assert all_notifications(app) == stored_before, "erasure must never rewrite a stored event"
    assert app.repository.get(erased_id).notes == [PrivateText(erased_case, None)]
    assert str(app.repository.get(erased_id).notes[0]) == ERASED_MARK
    assert app.repository.get(kept_id).notes[0].text == kept_text


def test_a_reader_keeping_an_old_view_open_for_a_moment_does_not_keep_the_destroyed_key(settings: Settings):
    app = open_notebooks(settings)
    case_id = uuid.uuid4()
    write_note(app, case_id, secret(), "label")
    key = wrapped_keys(settings, "parent_a_context")[case_id]
    with reader_holding_a_snapshot(settings, "parent_a_context", seconds=0.6):
        app.case_keys.destroy(case_id)
    assert key not in raw_store_bytes(settings, "parent_a_context")
    assert app.case_keys.scrub()


def test_a_fresh_process_replays_the_erased_history_and_reads_the_notification_log(settings: Settings):
    writer = open_notebooks(settings)
    case_id = uuid.uuid4()
    notebook_id = write_note(writer, case_id, secret(), "label")
    writer.case_keys.destroy(case_id)

    reader = open_notebooks(settings)  # cold cache: erasure is in the store, not in memory
    items = reader.notification_log.select(start=1, limit=10)
    events = [reader.mapper.to_domain_event(item) for item in items]
    assert [type(e).__name__ for e in events] == ["NotebookOpened", "NoteWritten"]
    assert events[1].note == PrivateText(case_id, None)
    assert reader.repository.get(notebook_id).labels == ["label"]


def test_new_private_text_for_an_erased_case_is_refused_and_no_key_is_made_again(settings: Settings):
    app = open_notebooks(settings)
    case_id = uuid.uuid4()
    write_note(app, case_id, secret(), "label")
    app.case_keys.destroy(case_id)
    before = all_notifications(app)

    for attempt in (app, open_notebooks(settings)):
        with pytest.raises(CaseErased, match="erased"):
            write_note(attempt, case_id, secret(), "label")
    with pytest.raises(CaseErased):
        app.case_keys.set_retention(case_id, date(2050, 1, 1))
    assert all_notifications(app) == before
    assert wrapped_keys(settings, "parent_a_context") == {case_id: None}


def test_erasing_a_case_that_never_had_private_text_bars_it_for_good(settings: Settings):
    app = open_notebooks(settings)
    case_id = uuid.uuid4()
    assert not app.case_keys.is_destroyed(case_id)
    app.case_keys.destroy(case_id)
    app.case_keys.destroy(case_id)  # a second erasure request changes nothing
    assert app.case_keys.is_destroyed(case_id)
    with pytest.raises(CaseErased):
        write_note(app, case_id, secret(), "label")


def test_an_erased_value_can_be_stored_again_without_a_key(settings: Settings):
    app = open_notebooks(settings)
    case_id = uuid.uuid4()
    notebook = Notebook(case_id, actor="counsellor-1")
    notebook.write(PrivateText(case_id, None), "copied after erasure", actor="counsellor-1")
    app.save(notebook)
    assert app.repository.get(notebook.id).notes == [PrivateText(case_id, None)]
    assert wrapped_keys(settings, "parent_a_context") == {}


def test_cases_are_due_for_erasure_from_the_day_their_retention_ends(settings: Settings):
    app = open_notebooks(settings)
    early, late, erased, unset = (uuid.uuid4() for _ in range(4))
    for case_id in (early, late, erased, unset):
        write_note(app, case_id, secret(), "label")
    app.case_keys.set_retention(late, date(2046, 1, 1))
    app.case_keys.set_retention(early, date(2045, 3, 1))
    app.case_keys.set_retention(erased, date(2040, 1, 1))
    app.case_keys.destroy(erased)

    assert app.case_keys.due_for_erasure(date(2045, 2, 28)) == []
    assert app.case_keys.due_for_erasure(date(2045, 3, 1)) == [early]
    assert app.case_keys.due_for_erasure(date(2050, 1, 1)) == [early, late]


def test_setting_retention_for_a_case_without_notes_yet_gives_it_a_key(settings: Settings):
    app = open_notebooks(settings)
    case_id = uuid.uuid4()
    app.case_keys.set_retention(case_id, date(2045, 3, 1))
    assert app.case_keys.due_for_erasure(date(2045, 3, 1)) == [case_id]
    notebook_id = write_note(app, case_id, "later note", "label")
    assert app.repository.get(notebook_id).notes[0].text == "later note"


class SnapshottingNotebooks(NotebooksA):
    name = "parent_a_context"  # the context's own tables, and a snapshots table beside them
    is_snapshotting_enabled = True


def test_a_snapshot_holds_the_text_encrypted_too_and_reads_as_erased_after_the_destroy(settings: Settings):
    set_up_application(SnapshottingNotebooks, settings, "parent_a_context")  # the owner makes the snapshots table
    app = SnapshottingNotebooks(settings.context_store("parent_a_context"))
    case_id, text = uuid.uuid4(), secret()
    notebook_id = write_note(app, case_id, text, "label")
    app.take_snapshot(notebook_id)
    assert text.encode() not in raw_store_bytes(settings, "parent_a_context")
    app.case_keys.destroy(case_id)
    assert app.snapshots is not None
    snapshot = next(iter(app.snapshots.get(notebook_id, desc=True, limit=1)))
    assert snapshot.state["notes"] == [PrivateText(case_id, None)]
    assert app.repository.get(notebook_id).notes == [PrivateText(case_id, None)]
