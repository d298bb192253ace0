"""The begeleider's conversations in gezinsbemiddeling: an intake per parent, 4 joint, 4 individual with each
parent, inside the phase's 16 school weeks (seed gezinsbemiddeling-kind-en-ik)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from services.platform.holiday_import import read_holidays
from services.platform.holidays import HolidayCalendar
from services.platform.private_text import PrivateText
from services.platform.school_years import known_spans
from services.shared_agreements.domain.mediation import (
    InvalidMediationConversation, MediationPhase, MediationRecord,
)
from services.shared_agreements.domain.mediation_term import term
from tests.shared_agreements.builders import BOTH, CASE
from tests.support.given_when_then import given
from tests.support.school_holidays import MIDDEN

BEGELEIDER = "begeleider-mila"
INTAKE_DAY = date(2026, 11, 2)  # a Monday after the autumn holiday of regio midden
TODAY = date(2027, 6, 1)
MIDDEN_2026 = read_holidays(MIDDEN, "midden")
CALENDAR = HolidayCalendar(MIDDEN_2026, known_spans("midden", {"2026-2027": MIDDEN_2026}))
# 16 weeks from 2 November 2026 without the Christmas holiday (2) and the spring holiday (1) of regio midden.
END = date(2027, 3, 14)
FASE_1 = MediationPhase(number=1, trajectory_type="gezinsbemiddeling_fase_1", mediated=True, entered_on=None,
                        left_on=None, next_type=None, max_joint=4, max_individual=4)
MOVED_ON = date(2027, 1, 20)
FASE_1_WITH_NETWORK = MediationPhase(number=1, trajectory_type="gezinsbemiddeling_fase_1", mediated=True,
                                     entered_on=None, left_on=None, next_type=None, max_joint=4, max_individual=4,
                                     max_network_meetings=2)


def talk(kind: str, on: date, parent: str | None = None, *, phase: MediationPhase = FASE_1, known: bool = True,
         attended=BOTH, today: date = TODAY, note: str = "Gesprek over de overdracht."):  # noqa: ANN001
    def command(record: MediationRecord) -> None:
        began = record.intake_day(phase.number)
        phase_term = None if began is None else term(began, 16, CALENDAR if known else HolidayCalendar(), "midden")
        record.record(phase=phase, kind=kind, on=on, minutes=60, parents=[parent] if parent else [],
                      attended=[p for p in attended if parent is None or p == parent],
                      note=PrivateText(CASE, note), enrolled=BOTH, term=phase_term, today=today, actor=BEGELEIDER)
    return command


def history(*steps) -> list:  # noqa: ANN002
    record = MediationRecord.open(CASE, BEGELEIDER)
    for step in steps:
        step(record)
    return list(record.collect_events())


INTAKES = (talk("intake", INTAKE_DAY, "parent_a"), talk("intake", INTAKE_DAY + timedelta(days=1), "parent_b"))
WEEKS = [INTAKE_DAY + timedelta(weeks=n) for n in range(1, 6)]


def test_a_conversation_is_recorded_with_day_length_who_attended_and_the_note_as_private_text():
    [recorded] = given(*history(*INTAKES)).when(talk("joint", WEEKS[0], attended=("parent_a",))).then(
        (MediationRecord.ConversationRecorded, {"phase": 1, "kind": "joint", "on": WEEKS[0].isoformat(),
                                               "minutes": 60, "parents": list(BOTH), "attended": ["parent_a"]}))
    assert recorded.note == PrivateText(CASE, "Gesprek over de overdracht.")


def test_a_phase_begins_with_an_intake_of_each_parent_once():
    given(*history()).when(talk("joint", WEEKS[0])).then_refused(InvalidMediationConversation, "begins with the intake")
    given(*history(*INTAKES)).when(talk("intake", WEEKS[0], "parent_a")).then_refused(
        InvalidMediationConversation, "already had the intake")


def test_gezinsbemiddeling_holds_four_joint_conversations_and_refuses_a_fifth():
    four = history(*INTAKES, *(talk("joint", day) for day in WEEKS[:4]))
    given(*four).when(talk("joint", WEEKS[4])).then_refused(InvalidMediationConversation, "at most 4 joint")


def test_gezinsbemiddeling_holds_four_individual_conversations_with_each_parent_and_refuses_a_fifth():
    four_with_a = history(*INTAKES, *(talk("individual", day, "parent_a") for day in WEEKS[:4]))
    given(*four_with_a).when(talk("individual", WEEKS[4], "parent_a")).then_refused(
        InvalidMediationConversation, "at most 4 individual conversations with each parent")
    given(*four_with_a).when(talk("individual", WEEKS[4], "parent_b")).then(MediationRecord.ConversationRecorded)


def test_the_sixteen_school_weeks_end_on_the_day_the_regions_list_gives_and_nothing_is_held_after():
    assert term(INTAKE_DAY, 16, CALENDAR, "midden").end == END
    given(*history(*INTAKES)).when(talk("joint", END)).then(MediationRecord.ConversationRecorded)
    given(*history(*INTAKES)).when(talk("joint", END + timedelta(days=1))).then_refused(
        InvalidMediationConversation, "ended on 2027-03-14")


def test_without_a_list_for_the_term_no_end_is_claimed_and_only_what_is_certainly_too_late_is_refused():
    unknown = term(INTAKE_DAY, 16, HolidayCalendar(), "midden")
    assert unknown.end is None and unknown.calendar_missing
    given(*history(*INTAKES)).when(talk("joint", END + timedelta(days=1), known=False)).then(
        MediationRecord.ConversationRecorded)
    given(*history(*INTAKES)).when(talk("joint", unknown.last_allowed_day + timedelta(days=1), known=False)).then_refused(
        InvalidMediationConversation, "at the latest")


def test_nothing_is_held_before_the_intake_after_the_case_moved_on_or_on_a_day_to_come():
    given(*history(*INTAKES)).when(talk("joint", INTAKE_DAY - timedelta(days=1))).then_refused(
        InvalidMediationConversation, "lies before it")
    moved = MediationPhase(**{**FASE_1.__dict__, "left_on": MOVED_ON, "next_type": "parallel_ouderschap_fase_1"})
    given(*history(*INTAKES)).when(talk("joint", MOVED_ON + timedelta(days=1), phase=moved)).then_refused(
        InvalidMediationConversation, "moved on to parallel_ouderschap_fase_1")
    given(*history(*INTAKES)).when(talk("joint", WEEKS[2], today=WEEKS[1])).then_refused(
        InvalidMediationConversation, "has not come")


def test_a_phase_without_a_begeleider_of_both_parents_takes_no_mediation_conversation():
    parallel = MediationPhase(number=2, trajectory_type="parallel_ouderschap_fase_1", mediated=False,
                              entered_on=MOVED_ON, left_on=None, next_type=None, max_joint=5, max_individual=None)
    given(*history(*INTAKES)).when(talk("intake", MOVED_ON + timedelta(days=1), "parent_a", phase=parallel)).then_refused(
        InvalidMediationConversation, "no begeleider of both parents")


def test_a_conversation_without_a_note_or_with_a_parent_it_was_not_for_is_refused():
    given(*history(*INTAKES)).when(talk("joint", WEEKS[0], note="  ")).then_refused(
        InvalidMediationConversation, "needs its note")
    refuse_b = lambda r: r.record(phase=FASE_1, kind="individual", on=WEEKS[0], minutes=45, parents=["parent_a"],  # noqa: E731
                                  attended=["parent_b"], note=PrivateText(CASE, "x"), enrolled=BOTH,
                                  term=term(INTAKE_DAY, 16, CALENDAR, "midden"), today=TODAY, actor=BEGELEIDER)
    given(*history(*INTAKES)).when(refuse_b).then_refused(InvalidMediationConversation, "only a parent")


# "Optioneel is dat de begeleider 1-2 x aanwezig is bij gesprekken met het Sociaal Team of Jeugdbescherming"

def network(on: date, with_whom: str = "sociaal_team", *, phase: MediationPhase = FASE_1_WITH_NETWORK,
            today: date = TODAY):  # noqa: ANN201
    def command(record: MediationRecord) -> None:
        began = record.intake_day(phase.number)
        phase_term = None if began is None else term(began, 16, CALENDAR, "midden")
        record.record_network_meeting(phase=phase, with_whom=with_whom, on=on, minutes=90,
                                      note=PrivateText(CASE, "Sociaal Team bezorgd over schoolverzuim."),
                                      term=phase_term, today=today, actor=BEGELEIDER)
    return command


def test_the_begeleider_joins_two_network_meetings_in_a_phase_and_a_third_is_refused():
    [recorded] = given(*history(*INTAKES)).when(network(WEEKS[0], "jeugdbescherming")).then(
        (MediationRecord.NetworkMeetingRecorded, {"phase": 1, "with_whom": "jeugdbescherming",
                                                 "on": WEEKS[0].isoformat(), "minutes": 90, "actor": BEGELEIDER}))
    assert recorded.note == PrivateText(CASE, "Sociaal Team bezorgd over schoolverzuim.")
    two = history(*INTAKES, network(WEEKS[0]), network(WEEKS[1], "jeugdbescherming"))
    given(*two).when(network(WEEKS[2])).then_refused(InvalidMediationConversation, "at most 2 meetings")


def test_the_maximum_of_network_meetings_is_the_types_data_and_a_type_without_it_offers_none():
    three = replace(FASE_1_WITH_NETWORK, max_network_meetings=3)
    two = history(*INTAKES, network(WEEKS[0]), network(WEEKS[1]))
    given(*two).when(network(WEEKS[2], phase=three)).then(MediationRecord.NetworkMeetingRecorded)
    given(*history(*INTAKES)).when(network(WEEKS[0], phase=FASE_1)).then_refused(
        InvalidMediationConversation, "offers no meetings with the Sociaal Team")


def test_a_network_meeting_is_with_the_sociaal_team_or_jeugdbescherming_inside_the_phase_and_never_to_come():
    given(*history(*INTAKES)).when(network(WEEKS[0], "huisarts")).then_refused(
        InvalidMediationConversation, "sociaal_team or jeugdbescherming")
    given(*history()).when(network(WEEKS[0])).then_refused(InvalidMediationConversation, "begins with the intake")
    given(*history(*INTAKES)).when(network(END + timedelta(days=1))).then_refused(
        InvalidMediationConversation, "lies after the phase")
    given(*history(*INTAKES)).when(network(WEEKS[0], today=WEEKS[0] - timedelta(days=1))).then_refused(
        InvalidMediationConversation, "has not come")
