"""The begeleider's audience: their conversations and counts, what both parents agreed, and nothing of a side.

Attacks: another case, a case that does not exist, a former begeleider, a side's counsellor's token on this
endpoint and a begeleider's token on the counsellor's endpoint.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from uuid import UUID, uuid4

import pytest

from services.platform.private_text import PrivateText
from services.staff_directory.api import Role, Side
from tests.support.cases import register_case
from tests.support.coordinator_gateway import access_logs, error_of

BEGELEIDER, OTHER_BEGELEIDER, COUNSELLOR = "begeleider-mx-7001", "begeleider-mx-7002", "counsellor-mx-7003"
SIDE_NOTE = "SIDECANARY-7004"
INTAKE = date(2026, 11, 2)

RECORD = """mutation($case: UUID!, $kind: ConversationKind!, $on: Date!, $parent: Parent, $attended: [Parent!]!,
  $note: String!) { recordMediationConversation(caseId: $case, kind: $kind, on: $on, durationMinutes: 60,
  parent: $parent, attended: $attended, note: $note) { number jointLeft } }"""
MEDIATION = """query($case: UUID!) { mediation(caseId: $case) { number trajectoryType beganOn termEnd
  holidayCalendarMissing joint jointLeft parents { parent intakeHeld individual individualLeft attended missed }
  conversations { kind on durationMinutes parents attended heldByYou note } } }"""
AGREED = """query($case: UUID!) { case(caseId: $case) { trajectoryType parentA { displayName } phases { number } }
  groundRules(caseId: $case) { inForce { version } } jointSessions(caseId: $case) { day } decisions(caseId: $case)
  { number } }"""


@pytest.fixture
def case(gateway) -> str:
    contexts = gateway.contexts
    gateway.shared_clock.set(datetime(2027, 6, 1, 9, 0, tzinfo=timezone.utc))
    case = register_case(contexts, trajectory_type="gezinsbemiddeling_fase_1", actor="coordinator-mx")
    for user in (BEGELEIDER, OTHER_BEGELEIDER):
        gateway.staff(user, Role.MEDIATOR)
    gateway.staff(COUNSELLOR, Role.COUNSELLOR)
    contexts.directory.assign_mediator(case, BEGELEIDER, actor="admin-1")
    return str(case)


def post(gateway, query: str, variables: dict, user: str = BEGELEIDER):  # noqa: ANN001, ANN201
    return gateway.post(Role.MEDIATOR, query, variables, user=user)


def talk(case: str, kind: str, on: date, parent: str | None = None, note: str = "Kennismaking.") -> dict:
    return {"case": case, "kind": kind, "on": on.isoformat(), "parent": parent,
            "attended": [parent] if parent else ["PARENT_A", "PARENT_B"], "note": note}


def test_the_begeleider_records_conversations_and_reads_the_counts_left_and_their_notes(gateway, case):
    before = access_logs(gateway)
    for parent in ("PARENT_A", "PARENT_B"):
        assert "errors" not in post(gateway, RECORD, talk(case, "INTAKE", INTAKE, parent)).json()
    answer = post(gateway, RECORD, talk(case, "JOINT", INTAKE + timedelta(weeks=1), note="Eerste gezamenlijke."))
    assert answer.json()["data"]["recordMediationConversation"] == [{"number": 1, "jointLeft": 3}]
    [phase] = post(gateway, MEDIATION, {"case": case}).json()["data"]["mediation"]
    assert (phase["beganOn"], phase["termEnd"], phase["holidayCalendarMissing"]) == ("2026-11-02", None, True)
    assert phase["parents"][0] == {"parent": "PARENT_A", "intakeHeld": True, "individual": 0, "individualLeft": 4,
                                   "attended": 2, "missed": 0}
    assert phase["conversations"][-1] == {"kind": "JOINT", "on": "2026-11-09", "durationMinutes": 60,
                                          "parents": ["PARENT_A", "PARENT_B"], "attended": ["PARENT_A", "PARENT_B"],
                                          "heldByYou": True, "note": "Eerste gezamenlijke."}
    after = access_logs(gateway)
    grown = {name: len(after[name]) - len(before[name]) for name in after}
    assert grown == {"parent_a_context": 0, "parent_b_context": 0, "shared_agreements": 4, "gateway": 0}, \
        "each call logs its access in the shared store, never in a side's"


def test_another_begeleiders_note_stays_theirs(gateway, case):
    post(gateway, RECORD, talk(case, "INTAKE", INTAKE, "PARENT_A", note="Alleen van mij."))
    gateway.contexts.directory.unassign(UUID(case), BEGELEIDER, "admin-1", "ziek")
    gateway.contexts.directory.assign_mediator(UUID(case), OTHER_BEGELEIDER, actor="admin-1")
    read = post(gateway, MEDIATION, {"case": case}, user=OTHER_BEGELEIDER)
    [conversation] = read.json()["data"]["mediation"][0]["conversations"]
    assert (conversation["heldByYou"], conversation["note"]) == (False, None)
    assert "Alleen van mij." not in read.text


def test_the_begeleider_sees_what_both_parents_agreed_and_nothing_of_a_side(gateway, case):
    contexts = gateway.contexts
    contexts.directory.assign_counsellor(UUID(case), Side.PARENT_A, COUNSELLOR, "admin-1", "intake")
    side = contexts.parent_a
    side.open_trajectory(UUID(case), on=INTAKE, actor=COUNSELLOR)
    side.propose_goals(UUID(case), goals=[SIDE_NOTE], themes=["own_ground"], on=INTAKE, actor=COUNSELLOR)
    contexts.directory.assign_mediator(UUID(case), OTHER_BEGELEIDER, actor="admin-1")
    answer = post(gateway, AGREED, {"case": case}, user=OTHER_BEGELEIDER)
    data = answer.json()["data"]
    assert (data["case"]["trajectoryType"], data["case"]["parentA"]["displayName"]) == (
        "GEZINSBEMIDDELING_FASE_1", "Sanne Jansen")
    assert (data["groundRules"], data["jointSessions"], data["decisions"]) == (
        {"inForce": None}, [], [])
    for secret in (SIDE_NOTE, COUNSELLOR):
        assert secret not in answer.text


def test_another_case_and_a_case_that_does_not_exist_get_the_same_answer(gateway, case):
    other = register_case(gateway.contexts, trajectory_type="gezinsbemiddeling_fase_1", actor="coordinator-mx")
    before = gateway.contexts.shared.position
    writes = [error_of(post(gateway, RECORD, talk(str(c), "INTAKE", INTAKE, "PARENT_A"))) for c in (other, uuid4())]
    reads = [error_of(post(gateway, MEDIATION, {"case": str(c)})) for c in (other, uuid4())]
    assert writes[0] == writes[1] and reads[0] == reads[1]
    assert {(e["message"], e["extensions"]["code"]) for e in writes + reads} == {("No such case.", "NOT_FOUND")}
    assert gateway.contexts.shared.position == before


def test_a_former_begeleider_reads_their_case_no_more(gateway, case):
    gateway.contexts.directory.unassign(UUID(case), BEGELEIDER, "admin-1", "overstap naar parallel ouderschap")
    assert error_of(post(gateway, MEDIATION, {"case": case}))["message"] == "No such case."


def test_a_sides_counsellor_token_opens_no_mediator_door_and_a_begeleider_token_no_counsellor_door(gateway, case):
    counsellor_token = gateway.token(COUNSELLOR, Role.COUNSELLOR)
    door = gateway.post(Role.MEDIATOR, MEDIATION, {"case": case}, token=counsellor_token)
    assert door.status_code == 403 and door.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    begeleider_token = gateway.token(BEGELEIDER, Role.MEDIATOR)
    door = gateway.post(Role.COUNSELLOR, "{ myCases { caseId } }", {}, token=begeleider_token)
    assert door.status_code == 403 and door.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_a_fifth_joint_conversation_is_refused_clearly_and_changes_nothing(gateway, case):
    post(gateway, RECORD, talk(case, "INTAKE", INTAKE, "PARENT_A"))
    for week in range(1, 5):
        post(gateway, RECORD, talk(case, "JOINT", INTAKE + timedelta(weeks=week)))
    before = gateway.contexts.shared.position
    error = error_of(post(gateway, RECORD, talk(case, "JOINT", INTAKE + timedelta(weeks=5))))
    assert error["extensions"]["code"] == "INVALID" and "at most 4 joint conversations" in error["message"]
    assert gateway.contexts.shared.position == before


def test_the_note_is_private_text_in_the_store(gateway, case):
    post(gateway, RECORD, talk(case, "INTAKE", INTAKE, "PARENT_A", note="PRIVCANARY-7005"))
    [conversation] = gateway.contexts.shared.mediation(UUID(case)).phases[0].conversations
    assert conversation.note == PrivateText(UUID(case), "PRIVCANARY-7005")


NETWORK = """mutation($case: UUID!, $on: Date!, $with: NetworkPartner!) { recordNetworkMeeting(caseId: $case,
  withWhom: $with, on: $on, durationMinutes: 90, note: "Sociaal Team bezorgd.") { number networkMeetingsLeft
  networkMeetings { withWhom on durationMinutes heldByYou note } } }"""


def test_a_third_network_meeting_in_a_phase_is_refused_clearly_and_changes_nothing(gateway, case):
    post(gateway, RECORD, talk(case, "INTAKE", INTAKE, "PARENT_A"))
    first = post(gateway, NETWORK, {"case": case, "on": (INTAKE + timedelta(weeks=1)).isoformat(),
                                    "with": "SOCIAAL_TEAM"}).json()["data"]["recordNetworkMeeting"]
    assert first == [{"number": 1, "networkMeetingsLeft": 1, "networkMeetings": [
        {"withWhom": "SOCIAAL_TEAM", "on": "2026-11-09", "durationMinutes": 90, "heldByYou": True,
         "note": "Sociaal Team bezorgd."}]}]
    post(gateway, NETWORK, {"case": case, "on": (INTAKE + timedelta(weeks=2)).isoformat(), "with": "JEUGDBESCHERMING"})
    before = gateway.contexts.shared.position
    error = error_of(post(gateway, NETWORK, {"case": case, "on": (INTAKE + timedelta(weeks=3)).isoformat(),
                                             "with": "SOCIAAL_TEAM"}))
    assert error["extensions"]["code"] == "INVALID" and "at most 2 meetings" in error["message"], error
    assert gateway.contexts.shared.position == before
    [phase] = gateway.contexts.shared.mediation(UUID(case)).phases
    assert (len(phase.network_meetings), phase.network_meetings_left) == (2, 0)
    assert phase.network_meetings[0].note == PrivateText(UUID(case), "Sociaal Team bezorgd.")
