"""Private text is stored encrypted with a key of its own case, in its own context's key store."""

from __future__ import annotations

import base64
import dataclasses
import json
import os
import threading
import uuid

import pytest
from eventsourcing.persistence import MapperDeserialisationError, StoredEvent

from evenwijdig.settings import Settings
from services.platform.encryption import KeyStoreError, WrongKeyStoreKey
from tests.platform.notebook import open_notebooks, write_note
from tests.platform.raw_pages import raw_store_bytes, wrapped_keys

NOTE = "Moeder huilde; zoon (9) wil niet meer naar vader — Ünïcode ✓"


def stored_note_event(app) -> StoredEvent:  # noqa: ANN001
    notifications = app.recorder.select_notifications(start=1, limit=10**6)
    return next(n for n in notifications if n.topic.endswith("NoteWritten"))


def test_private_text_reads_back_as_written(settings: Settings):
    app = open_notebooks(settings)
    case_id = uuid.uuid4()
    notebook_id = write_note(app, case_id, NOTE, "label")
    fresh = open_notebooks(settings)  # another process: nothing cached
    assert fresh.repository.get(notebook_id).notes[0].text == NOTE


def test_the_store_holds_ciphertext_under_the_case_id_and_never_the_text(settings: Settings):
    app = open_notebooks(settings)
    case_id = uuid.uuid4()
    write_note(app, case_id, NOTE, "zichtbaar-label")
    stored = json.loads(stored_note_event(app).state)["note"]["_data_"]
    assert stored["case"] == case_id.hex and stored["v"] == 1 and len(stored["ct"]) > len(NOTE)
    raw = raw_store_bytes(settings, "parent_a_context")
    assert b"zichtbaar-label" in raw, "the raw search must find what is there"
    for fragment in ("Moeder huilde", NOTE):
        assert fragment.encode() not in raw


def test_a_ciphertext_moved_to_another_case_does_not_open(settings: Settings):
    app = open_notebooks(settings)
    case_id, other_case = uuid.uuid4(), uuid.uuid4()
    write_note(app, case_id, NOTE, "label")
    write_note(app, other_case, "other", "label")
    event = stored_note_event(app)
    moved = event.state.replace(case_id.hex.encode(), other_case.hex.encode())
    with pytest.raises(MapperDeserialisationError) as refused:
        app.mapper.to_domain_event(dataclasses.replace(event, state=moved))
    assert isinstance(refused.value.__cause__, KeyStoreError)


def test_one_contexts_key_store_is_not_visible_from_another_contexts_store(settings: Settings):
    parent_a, parent_b = open_notebooks(settings, "parent_a_context"), open_notebooks(settings, "parent_b_context")
    case_id = uuid.uuid4()
    write_note(parent_a, case_id, NOTE, "label")
    key_a = wrapped_keys(settings, "parent_a_context")[case_id]
    assert wrapped_keys(settings, "parent_b_context") == {}
    assert key_a not in raw_store_bytes(settings, "parent_b_context")
    with pytest.raises(MapperDeserialisationError) as refused:
        parent_b.mapper.to_domain_event(stored_note_event(parent_a))
    assert isinstance(refused.value.__cause__, KeyStoreError)
    assert not parent_b.case_keys.is_destroyed(case_id)


def test_the_wrong_key_store_key_is_refused_when_the_context_starts(settings: Settings):
    write_note(open_notebooks(settings), uuid.uuid4(), NOTE, "label")
    other_key = base64.b64encode(os.urandom(32)).decode()  # well-formed, but not this store's key
    wrong = dataclasses.replace(settings, keystore_keys={"parent_a_context": other_key})
    with pytest.raises(WrongKeyStoreKey, match="EVENWIJDIG_PARENT_A_CONTEXT_KEYSTORE_KEY"):
        open_notebooks(wrong)


def test_two_threads_writing_the_first_notes_of_a_case_end_with_one_key(settings: Settings):
    app = open_notebooks(settings)
    threads_per_round = 4
    for _ in range(3):
        case_id = uuid.uuid4()
        start = threading.Barrier(threads_per_round)
        written: list[uuid.UUID] = []
        failures: list[BaseException] = []

        def write(n: int) -> None:
            try:
                start.wait()
                written.append(write_note(app, case_id, f"{NOTE} #{n}", "label"))
            except BaseException as error:  # noqa: BLE001 - reported below
                failures.append(error)

        threads = [threading.Thread(target=write, args=(n,)) for n in range(threads_per_round)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        assert list(wrapped_keys(settings, "parent_a_context")).count(case_id) == 1
        fresh = open_notebooks(settings)
        texts = sorted(fresh.repository.get(i).notes[0].text for i in written)
        assert texts == sorted(f"{NOTE} #{n}" for n in range(threads_per_round))
