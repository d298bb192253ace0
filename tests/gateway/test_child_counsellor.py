"""A child counsellor records and reads child conversations, and nothing else of either side."""

from __future__ import annotations

from tests.support.cases import known_case

from datetime import date, timedelta
from uuid import UUID, uuid4

import pytest

from services.staff_directory.api import Role, Side
from services.parent_side.application import ParentSide
from services.parent_side.domain.catalogue import template
from services.parent_side.domain.records import Child
from services.platform.access_log import Action
from services.platform.private_text import PrivateText
from tests.support.coordinator_gateway import access_logs, error_of
from tests.support.cases import open_trajectory

CHILD = "child-counsellor-1"
OTHER_CHILD = "child-counsellor-2"
COUNSELLORS = {Side.PARENT_A: "counsellor-zq81-a", Side.PARENT_B: "counsellor-zq82-b"}
NOTE = "CANARY-SESSION-NOTE-31337"
START = date(2026, 1, 5)

RECORD = """mutation($case: UUID!, $side: Side!, $child: String!, $on: Date!, $summary: String!) {
  recordChildConversation(caseId: $case, side: $side, child: $child, on: $on, summary: $summary) { ok } }"""
READ = "query($case: UUID!) { childConversations(caseId: $case) { side on child heldByYou summary } }"


def started_side(app: ParentSide, case: UUID, counsellor: str, scopes: list[str]) -> None:
    open_trajectory(app, case, parent="Ouder", children=[Child("Noor", date(2014, 5, 3))],
                        rules=template("parallel_solo_ouderschap_loman"), counsellor=counsellor, on=START,
                        actor=counsellor, parental_authority=True)
    app.propose_goals(case, goals=["Rust"], themes=["own_ground"], on=START, actor=counsellor)
    app.record_consent(case, scopes=scopes, given_by=["Ouder"], given_on=START, actor=counsellor)
    app.record_agreement(case, on=START, actor=counsellor)
    app.start(case, on=START, actor=counsellor)
    app.record_session(case, on=START, duration_minutes=60, themes=["own_ground"], note=PrivateText(case, NOTE),
                       attended=True, actor=counsellor)


@pytest.fixture
def case(gateway) -> str:
    """Side A has consent for child conversations; side B has consent for the trajectory only."""
    case = uuid4()
    for user in (CHILD, OTHER_CHILD):
        gateway.staff(user, Role.CHILD_COUNSELLOR)
        known_case(gateway.contexts.directory, case)
        gateway.contexts.directory.assign_child_counsellor(case, user, actor="admin-1")
    for side, user in COUNSELLORS.items():
        gateway.staff(user, Role.COUNSELLOR)
        known_case(gateway.contexts.directory, case)
        gateway.contexts.directory.assign_counsellor(case, side, user, actor="admin-1")
    started_side(gateway.contexts.parent_a, case, COUNSELLORS[Side.PARENT_A], ["trajectory", "child_conversations"])
    started_side(gateway.contexts.parent_b, case, COUNSELLORS[Side.PARENT_B], ["trajectory"])
    return str(case)


def post(gateway, query: str, variables: dict, user: str = CHILD):
    return gateway.post(Role.CHILD_COUNSELLOR, query, variables, user=user)


def conversation(case: str, side: str = "PARENT_A", day: int = 10, **overrides: str) -> dict:
    return {"case": case, "side": side, "child": "Noor", "on": (START + timedelta(days=day)).isoformat(),
            "summary": f"Noor vertelde over dag {day}.", **overrides}


def new_entries(gateway, before: dict) -> dict[str, list]:
    return {name: [e.access for e in entries[len(before[name]):]] for name, entries in access_logs(gateway).items()}


def stored(gateway) -> dict[str, list]:
    return {name: [(n.id, n.topic, n.state) for n in app.recorder.select_notifications(start=1, limit=10**6)]
            for name, app in gateway.contexts.by_name().items()}


def test_a_child_counsellor_records_a_conversation_and_reads_it_back(gateway, case):
    before = access_logs(gateway)
    assert post(gateway, RECORD, conversation(case)).json() == {"data": {"recordChildConversation": {"ok": True}}}
    new = new_entries(gateway, before)
    assert {name: len(entries) for name, entries in new.items()} == {
        "parent_a_context": 1, "parent_b_context": 0, "shared_agreements": 0, "gateway": 0}
    assert (new["parent_a_context"][0].action, new["parent_a_context"][0].user) == (Action.CHANGE, CHILD)

    before = access_logs(gateway)
    answer = post(gateway, READ, {"case": case})
    assert answer.json()["data"]["childConversations"] == [
        {"side": "PARENT_A", "on": "2026-01-15", "child": "Noor", "heldByYou": True, "summary": "Noor vertelde over dag 10."}]
    new = new_entries(gateway, before)
    # Both sides were read, each logs the read in its own store; nothing else was touched.
    assert {name: [a.action for a in entries] for name, entries in new.items()} == {
        "parent_a_context": [Action.READ], "parent_b_context": [Action.READ], "shared_agreements": [], "gateway": []}
    assert gateway.contexts.parent_a.trajectory(UUID(case)).child_conversations[0].held_by == CHILD


def test_no_session_note_nor_counsellor_reaches_a_child_counsellor(gateway, case):
    post(gateway, RECORD, conversation(case))
    answer = post(gateway, READ, {"case": case}).text
    for secret in (NOTE, *COUNSELLORS.values()):
        assert secret not in answer
    assert gateway.contexts.parent_a.trajectory(UUID(case)).sessions[0].note.text == NOTE  # the canary is there


def test_a_summary_is_shown_only_to_whoever_held_the_conversation(gateway, case):
    post(gateway, RECORD, conversation(case, summary="Alleen voor mij."), user=OTHER_CHILD)
    post(gateway, RECORD, conversation(case, day=20))
    read = post(gateway, READ, {"case": case})
    assert read.json()["data"]["childConversations"] == [
        {"side": "PARENT_A", "on": "2026-01-15", "child": "Noor", "heldByYou": False, "summary": None},
        {"side": "PARENT_A", "on": "2026-01-25", "child": "Noor", "heldByYou": True, "summary": "Noor vertelde over dag 20."}]
    assert "Alleen voor mij." not in read.text and OTHER_CHILD not in read.text


def refused(gateway, variables: dict, fragment: str, *, logged_in: str | None = None) -> dict:
    """The refusal is INVALID, readable, names no counsellor, and changes no event store."""
    before, logs = stored(gateway), access_logs(gateway)
    error = error_of(post(gateway, RECORD, variables))
    assert error["extensions"]["code"] == "INVALID" and fragment in error["message"], error
    assert not any(user in error["message"] for user in COUNSELLORS.values())
    assert stored(gateway) == before
    assert {name: len(e) for name, e in new_entries(gateway, logs).items()} == {
        name: int(name == logged_in) for name in logs}
    return error


def test_without_consent_on_that_side_a_conversation_is_refused(gateway, case):
    refused(gateway, conversation(case, side="PARENT_B"), "consent", logged_in="parent_b_context")


def test_a_fifth_child_conversation_on_a_loman_trajectory_is_refused(gateway, case):
    for day in (10, 20, 30, 40):
        assert post(gateway, RECORD, conversation(case, day=day)).json()["data"]["recordChildConversation"]["ok"]
    refused(gateway, conversation(case, day=50), "at most 4 child conversations", logged_in="parent_a_context")


def test_a_former_counsellor_of_a_side_cannot_hold_its_child_conversations(gateway, case):
    former = uuid4()
    known_case(gateway.contexts.directory, former)
    gateway.contexts.directory.assign_child_counsellor(former, CHILD, actor="admin-1")
    side_a = gateway.contexts.parent_a
    started_side(side_a, former, CHILD, ["trajectory", "child_conversations"])
    side_a.reassign_counsellor(former, counsellor=COUNSELLORS[Side.PARENT_A], reason="verhuizing",
                               on=START + timedelta(days=1), actor="admin-1")
    refused(gateway, conversation(str(former)), "is or was the parent's counsellor", logged_in="parent_a_context")


@pytest.mark.parametrize(("overrides", "fragment", "logged"), [
    ({"summary": "x" * 10_001}, "longer than", False),
    ({"child": "n" * 201}, "longer than", False),
    ({"summary": "   "}, "empty", True),
    ({"child": "Sem"}, "not one of the children", True),
], ids=["long summary", "long name", "blank summary", "unknown child"])
def test_bad_input_is_refused_as_invalid_and_changes_nothing(gateway, case, overrides, fragment, logged):
    refused(gateway, conversation(case, **overrides), fragment, logged_in="parent_a_context" if logged else None)


def test_a_case_you_do_not_hold_answers_exactly_like_a_case_that_does_not_exist(gateway, case):
    gateway.staff("child-counsellor-3", Role.CHILD_COUNSELLOR)
    logs = access_logs(gateway)
    for query, variables in ((READ, {"case": case}), (RECORD, conversation(case))):
        theirs = post(gateway, query, variables, user="child-counsellor-3").json()
        missing = post(gateway, query, {**variables, "case": str(uuid4())}, user="child-counsellor-3").json()
        assert theirs == missing and theirs["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert {name: len(e) for name, e in new_entries(gateway, logs).items()} == dict.fromkeys(logs, 0)
    assert post(gateway, "{ myCases }", {}).json()["data"]["myCases"] == [case]
    assert post(gateway, "{ myCases }", {}, user="child-counsellor-3").json()["data"]["myCases"] == []


ROOMS = """query($case: UUID!, $on: Date!) { childConversationRooms(caseId: $case, on: $on) {
  side on trajectoryOpened inTerm consentInForce maximum held left } }"""


def rooms(gateway, case: str, day: int = 60, user: str = CHILD) -> dict:
    return post(gateway, ROOMS, {"case": case, "on": (START + timedelta(days=day)).isoformat()}, user=user).json()


def test_before_recording_a_child_counsellor_sees_per_side_the_consent_in_force_and_the_conversations_left(
        gateway, case):
    for day in (10, 20, 30):
        post(gateway, RECORD, conversation(case, day=day))
    assert rooms(gateway, case)["data"]["childConversationRooms"] == [
        {"side": "PARENT_A", "on": "2026-03-06", "trajectoryOpened": True, "inTerm": True, "consentInForce": True,
         "maximum": 4, "held": 3, "left": 1},
        {"side": "PARENT_B", "on": "2026-03-06", "trajectoryOpened": True, "inTerm": True, "consentInForce": False,
         "maximum": 4, "held": 0, "left": 4}]
    post(gateway, RECORD, conversation(case, day=40))
    assert rooms(gateway, case)["data"]["childConversationRooms"][0]["left"] == 0


def test_the_rooms_name_no_consent_giver_note_goal_parent_or_counsellor(gateway, case):
    post(gateway, RECORD, conversation(case))
    answer = rooms(gateway, case)
    assert answer["data"]["childConversationRooms"][0]["consentInForce"]
    for secret in (NOTE, "Rust", "Ouder", "own_ground", *COUNSELLORS.values()):
        assert secret not in str(answer)
    side_a = gateway.contexts.parent_a.trajectory(UUID(case))
    assert side_a.consents[0].given_by == ("Ouder",) and side_a.goals == ("Rust",)  # the canaries are there


def test_a_side_without_a_trajectory_has_no_room(gateway):
    case = uuid4()
    gateway.staff(CHILD, Role.CHILD_COUNSELLOR)
    known_case(gateway.contexts.directory, case)
    gateway.contexts.directory.assign_child_counsellor(case, CHILD, actor="admin-1")
    assert rooms(gateway, str(case))["data"]["childConversationRooms"] == [
        {"side": side, "on": "2026-03-06", "trajectoryOpened": False, "inTerm": False, "consentInForce": False,
         "maximum": 0, "held": 0, "left": 0} for side in ("PARENT_A", "PARENT_B")]


def test_the_rooms_of_a_case_you_do_not_hold_answer_exactly_like_a_case_that_does_not_exist(gateway, case):
    gateway.staff("child-counsellor-3", Role.CHILD_COUNSELLOR)
    logs = access_logs(gateway)
    theirs = rooms(gateway, case, user="child-counsellor-3")
    missing = rooms(gateway, str(uuid4()), user="child-counsellor-3")
    assert theirs == missing and theirs["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert {name: len(e) for name, e in new_entries(gateway, logs).items()} == dict.fromkeys(logs, 0)
