"""The begeleider's conversations through the shared-agreements application (both stores): the family's region
and the imported list give the phase's end; the note is never stored in clear; a refusal stores nothing."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from services.platform.private_text import PrivateText
from services.platform.replay import HistoryFilter, Replay
from services.shared_agreements.domain.errors import ConcurrentChange
from services.shared_agreements.domain.mediation import InvalidMediationConversation, mediation_id
from tests.support.cases import register_case
from tests.support.raw_store import raw_bytes
from tests.support.school_holidays import MIDDEN
from tests.support.shared_store import Shared

BEGELEIDER, COORDINATOR, ADMIN = "begeleider-mila", "coordinator-anna", "admin-1"
INTAKE_DAY, END = date(2026, 11, 2), date(2027, 3, 14)
CANARY = "MEDIATIONNOTE-7781 moeder vertelt over opname"


def record(app, case, kind, on, parent=None, note="Gesprek."):  # noqa: ANN001, ANN201
    return app.record_mediation_conversation(case, kind=kind, on=on, minutes=60, note=PrivateText(case, note),
                                             actor=BEGELEIDER, parents=[parent] if parent else [],
                                             attended=[parent] if parent else ["parent_a", "parent_b"])


@pytest.fixture
def mediation(app, clock):  # noqa: ANN001, ANN201
    clock.set(datetime(2027, 6, 1, 9, 0, tzinfo=timezone.utc))
    case = register_case(Shared(app), trajectory_type="gezinsbemiddeling_fase_1", actor=COORDINATOR)
    record(app, case, "intake", INTAKE_DAY, "parent_a", note=CANARY)
    record(app, case, "intake", INTAKE_DAY, "parent_b")
    return case


def test_the_familys_region_and_the_imported_list_give_the_phases_exact_end(app, mediation):
    [phase] = app.mediation(mediation).phases
    assert (phase.began_on, phase.term_end, phase.holiday_calendar_missing) == (INTAKE_DAY, None, True)
    app.import_school_holidays(region="midden", school_year="2026-2027", ics=MIDDEN, source="midden.ics", actor=ADMIN)
    app.record_case_region(mediation, "midden", COORDINATOR)
    [phase] = app.mediation(mediation).phases
    assert (phase.term_end, phase.holiday_calendar_missing) == (END, False)
    before = app.position
    with pytest.raises(InvalidMediationConversation, match="ended on 2027-03-14"):
        record(app, mediation, "joint", END + timedelta(days=1))
    assert app.position == before
    [phase] = record(app, mediation, "joint", END).phases
    assert (phase.joint, phase.joint_left) == (1, 3)


def test_counts_per_parent_show_what_is_left_and_who_attended_or_missed(app, mediation):
    app.record_mediation_conversation(mediation, kind="individual", on=INTAKE_DAY + timedelta(weeks=1), minutes=45,
                                      note=PrivateText(mediation, "Niet gekomen."), actor=BEGELEIDER,
                                      parents=["parent_b"], attended=[])
    [phase] = app.mediation(mediation).phases
    a, b = phase.parents
    assert (a.intake_held, a.individual_left, a.attended, a.missed) == (True, 4, 1, 0)
    assert (b.individual, b.individual_left, b.attended, b.missed) == (1, 3, 1, 1)


def test_the_note_is_never_stored_in_clear(app, mediation, settings):
    assert app.mediation(mediation).phases[0].conversations[0].note.text == CANARY
    assert CANARY.encode() not in raw_bytes(settings, "shared_agreements")



def test_the_note_of_a_meeting_with_the_sociaal_team_is_never_stored_in_clear(app, mediation, settings):
    note = "NETWORKNOTE-4417 Sociaal Team bezorgd over de gezondheid van moeder"
    app.record_network_meeting(mediation, with_whom="sociaal_team", on=INTAKE_DAY + timedelta(weeks=1), minutes=90,
                               note=PrivateText(mediation, note), actor="begeleider-1")
    [meeting] = app.mediation(mediation).phases[0].network_meetings
    assert meeting.note.text == note
    assert b"NETWORKNOTE-4417" not in raw_bytes(settings, "shared_agreements")

def test_after_the_case_moved_on_to_parallel_parenting_no_mediation_conversation_is_recorded(app, mediation):
    app.move_to_next_phase(mediation, trajectory_type="parallel_ouderschap_fase_1", reason="Samenwerking lukt niet.",
                           actor=COORDINATOR)
    moved_on = app.case(mediation).phases[-1].since.date()
    before = app.position
    with pytest.raises(InvalidMediationConversation, match="moved on to parallel_ouderschap_fase_1"):
        record(app, mediation, "joint", moved_on + timedelta(days=1))
    assert app.position == before
    assert [p.number for p in app.mediation(mediation).phases] == [1], "parallel parenting has no begeleider"


def test_the_auditors_replay_shows_the_conversations_of_the_case_with_the_note_redacted(app, mediation):
    events = list(Replay(app).events(only=HistoryFilter(case_id=mediation)))
    recorded = [e for e in events if e["event_type"] == "ConversationRecorded"]
    assert [(e["payload"]["kind"], e["payload"]["parents"], e["actor"]) for e in recorded] == [
        ("intake", ["parent_a"], BEGELEIDER), ("intake", ["parent_b"], BEGELEIDER)]
    assert recorded[0]["payload"]["note"] == "[redacted]" and CANARY not in json.dumps(events)


def test_once_the_cases_key_is_destroyed_the_notes_read_as_erased_and_the_counts_stay(app, mediation, settings):
    app.case_keys.destroy(mediation)  # what erasing the case's private text does in each store
    [phase] = app.mediation(mediation).phases
    assert [str(c.note) for c in phase.conversations] == ["[gewist]", "[gewist]"]
    assert [p.intake_held for p in phase.parents] == [True, True]
    assert CANARY.encode() not in raw_bytes(settings, "shared_agreements")


def test_two_conversations_recorded_at_the_same_moment_give_a_conflict_never_a_lost_one(app, mediation, monkeypatch):
    stale = app.repository.get(mediation_id(mediation))  # what the second writer loaded
    record(app, mediation, "joint", INTAKE_DAY + timedelta(weeks=1))  # the first writer saves first
    monkeypatch.setattr(app._mediation, "_record", lambda case_id: stale)
    before = app.position
    with pytest.raises(ConcurrentChange, match="at the same moment"):
        record(app, mediation, "joint", INTAKE_DAY + timedelta(weeks=2))
    assert app.position == before
    monkeypatch.undo()
    assert [c.kind for c in app.mediation(mediation).phases[0].conversations] == ["intake", "intake", "joint"]
