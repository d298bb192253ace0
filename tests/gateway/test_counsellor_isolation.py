"""No contact between counsellors: the other side and other cases answer exactly like nothing at all.

Side A of the scene's case holds a full trajectory with canary text; the attacks come from
side B's counsellor and from a counsellor not assigned to the case. Every answer is compared
byte for byte with the answer about a case id that was never used.
"""

from __future__ import annotations

import uuid

from services.staff_directory.api import Role
from services.platform.access_log import Action
from tests.support.counsellor_scene import (
    AGREE, AUTHORITY, CANCEL, CLOSE, CONSENT, COORDINATOR, COUNSELLOR_A, COUNSELLOR_B, ERASE, LOMAN, MY_CASES, OPEN,
    OUTSIDER, PLAN, PROGRESS, PROPOSE, RELEASE, SESSION, STAFF, START, TRAJECTORY, WITHDRAW_CONSENT, WITHDRAW_RELEASE,
    assert_logged_once, new_entries, started_side,
)
from tests.support.counsellor_scene import SHARED, SIDE_A

CANARY_NOTE_A = "CANARY-NOTE-A: vader dreigde met verhuizen"
CANARY_NOTE_B = "CANARY-NOTE-B: moeder wil andere school"

GROUND_RULES = """query($case: UUID!) { groundRules(caseId: $case) {
  inForce { version status versionStatus text textHash signers unsigned offeredAt inForceFrom
            categories { category number title rules } signatures { parent method textHash signedAt } }
  offered { version status versionStatus text textHash signers unsigned offeredAt inForceFrom
            categories { category number title rules } signatures { parent method textHash signedAt } } } }"""
JOINT_SESSIONS = """query($case: UUID!) { jointSessions(caseId: $case) {
  sessionId number day start durationMinutes place kind status movedFrom pauses } }"""
DECISIONS = "query($case: UUID!) { decisions(caseId: $case) { number subject decision reasoning decidedAt binds } }"
CONTACT = """query($case: UUID!, $year: Int!) { contactSchedule(caseId: $case, year: $year) {
  year version recordedAt reason
  ranges { firstDay lastDay parent children kind holiday handoverTime handoverPlace } } }"""
SHARED_READS = [(GROUND_RULES, {}), (JOINT_SESSIONS, {}), (DECISIONS, {}), (CONTACT, {"year": 2026})]

#: Every operation on a side, with valid input: what an attacker would send about side A.
SIDE_OPERATIONS = [
    (TRAJECTORY, {}),
    (PROGRESS, {"on": "2025-02-10"}),
    (PROPOSE, {"goals": ["Rust"], "themes": ["own_ground"], "on": "2025-01-13"}),
    (CONSENT, {"scopes": ["TRAJECTORY"], "by": ["Sanne"], "on": "2025-01-20"}),
    (WITHDRAW_CONSENT, {"scopes": ["TRAJECTORY"], "by": ["Sanne"], "on": "2025-03-01"}),
    (AUTHORITY, {"on": "2025-01-07"}),
    (AGREE, {"on": "2025-01-20"}),
    (START, {"on": "2025-02-03"}),
    (PLAN, {"on": "2025-02-17"}),
    (CANCEL, {"on": "2025-02-17", "reason": "ziek"}),
    (SESSION, {"on": "2025-02-17", "attended": True, "minutes": 45, "themes": ["own_ground"], "note": "x"}),
    (CLOSE, {"on": "2025-03-10", "evaluation": "Klaar."}),
    (RELEASE, {"on": "2025-03-11"}),
    (WITHDRAW_RELEASE, {"on": "2025-03-12"}),
    (ERASE, {"reason": "ERASURE_REQUEST"}),
]
INTAKE = (OPEN, {"parent": "Indringer", "type": LOMAN, "on": "2025-01-06",
                 "children": [{"firstName": "Noor", "dateOfBirth": "2014-05-03"}]})


def assert_answers_like_a_case_that_does_not_exist(scene, user: str, operations) -> None:
    for query, variables in operations:
        about_case = scene.post(user, query, {**variables, "case": scene.case})
        about_nothing = scene.post(user, query, {**variables, "case": str(uuid.uuid4())})
        assert about_case.status_code == about_nothing.status_code == 200
        assert about_case.content == about_nothing.content, query
        assert about_case.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def side_a_untouched(scene, positions_before, logs_before) -> None:
    assert scene.positions()[SIDE_A] == positions_before[SIDE_A]
    assert scene.access_logs()[SIDE_A] == logs_before[SIDE_A]


def test_the_other_sides_counsellor_reaching_for_side_a_gets_the_answer_of_a_case_that_does_not_exist(scene):
    started_side(scene, COUNSELLOR_A, CANARY_NOTE_A)
    positions, logs = scene.positions(), scene.access_logs()
    assert_answers_like_a_case_that_does_not_exist(scene, COUNSELLOR_B, SIDE_OPERATIONS)
    side_a_untouched(scene, positions, logs)


def test_an_unassigned_counsellor_gets_the_answer_of_a_case_that_does_not_exist_for_everything(scene):
    started_side(scene, COUNSELLOR_A, CANARY_NOTE_A)
    positions, logs = scene.positions(), scene.access_logs()
    assert_answers_like_a_case_that_does_not_exist(scene, OUTSIDER, [*SIDE_OPERATIONS, INTAKE, *SHARED_READS])
    assert scene.positions() == positions and scene.access_logs() == logs
    assert scene.ok(OUTSIDER, MY_CASES) == {"myCases": []}


def test_a_counsellor_taken_off_the_case_loses_it_at_once(scene):
    started_side(scene, COUNSELLOR_A, CANARY_NOTE_A)
    scene.gateway.contexts.directory.unassign(uuid.UUID(scene.case), COUNSELLOR_A, "admin-1", "ziekteverlof")
    assert_answers_like_a_case_that_does_not_exist(scene, COUNSELLOR_A, [(TRAJECTORY, {}), (GROUND_RULES, {})])


def test_each_side_sees_its_own_private_notes_and_nothing_of_the_other_side(scene):
    started_side(scene, COUNSELLOR_A, CANARY_NOTE_A)
    started_side(scene, COUNSELLOR_B, CANARY_NOTE_B)
    for user, own, other_note, other_counsellor in ((COUNSELLOR_A, CANARY_NOTE_A, CANARY_NOTE_B, COUNSELLOR_B),
                                                    (COUNSELLOR_B, CANARY_NOTE_B, CANARY_NOTE_A, COUNSELLOR_A)):
        response = scene.post(user, TRAJECTORY, {"case": scene.case})
        assert response.json()["data"]["trajectory"]["sessions"][0]["note"] == own
        mine = scene.post(user, MY_CASES)
        for text in (response.text, mine.text):
            assert other_note not in text and other_counsellor not in text and COORDINATOR not in text


def test_the_shared_reads_show_what_both_parents_agreed_and_no_staff_id_of_anybody(scene):
    seen = {}
    for query, variables in SHARED_READS:
        before = scene.access_logs()
        response = scene.post(COUNSELLOR_B, query, {**variables, "case": scene.case})
        assert response.status_code == 200 and "errors" not in response.json(), response.text
        assert_logged_once(scene, before, SHARED, Action.READ, user=COUNSELLOR_B)
        for hidden in (*STAFF, "admin-1", "POSITION-CANARY", "UNDECIDED-CANARY", "PAUSE-CANARY"):
            assert hidden not in response.text, (hidden, query)
        seen.update(response.json()["data"])
    rules = seen["groundRules"]
    assert rules["inForce"]["version"] == 1 and rules["inForce"]["unsigned"] == []
    assert [s["parent"] for s in rules["inForce"]["signatures"]] == ["PARENT_A", "PARENT_B"]
    assert rules["offered"]["version"] == 2 and rules["offered"]["unsigned"] == ["PARENT_B"]
    assert [(v["status"], v["versionStatus"]) for v in (rules["inForce"], rules["offered"])] == [
        ("in_force", "IN_FORCE"), ("offered", "OFFERED")]
    assert rules["offered"]["signatures"][0]["textHash"] == rules["offered"]["textHash"]
    assert rules["offered"]["signatures"][0]["method"] == "in_person"
    [session] = seen["jointSessions"]
    assert (session["day"], session["start"], session["status"]) == ("2026-03-10", "10:00:00", "PAUSED")
    assert session["pauses"] == 1
    [decision] = seen["decisions"]
    assert (decision["subject"], decision["decision"]) == ("Zomervakantie 2026", "Twee weken bij elke ouder")
    assert [r["parent"] for r in seen["contactSchedule"]["ranges"]] == ["PARENT_A", "PARENT_B"]


def test_a_year_without_a_contact_schedule_reads_as_null(scene):
    assert scene.ok(COUNSELLOR_A, CONTACT, {"case": scene.case, "year": 2031}) == {"contactSchedule": None}


def test_the_counsellor_endpoint_refuses_other_roles_tokens_before_touching_anything(scene):
    started_side(scene, COUNSELLOR_A, CANARY_NOTE_A)
    before = scene.access_logs()
    response = scene.gateway.post(Role.COORDINATOR, TRAJECTORY, {"case": scene.case}, user=COORDINATOR,
                                  endpoint=Role.COUNSELLOR)
    assert response.status_code == 403 and CANARY_NOTE_A not in response.text
    assert new_entries(before, scene.access_logs()) == {}
