"""A counsellor runs their side's whole trajectory through GraphQL, and every call is logged once."""

from __future__ import annotations

from tests.support.cases import known_case

import uuid
from datetime import date

from services.staff_directory.api import Side
from services.platform.access_log import Action
from services.platform.private_text import PrivateText
from tests.support.counsellor_scene import (
    CHILD_COUNSELLOR, COUNSELLOR_A, ERASE, LOMAN, MY_CASES, OPEN, PLAN, PROGRESS, PROPOSE, SIDE_A, SIDE_B, TRAJECTORY,
    assert_logged_once, new_entries, open_side, rest_of_trajectory, started_side,
)


def test_a_counsellor_runs_their_side_from_intake_to_a_released_evaluation_and_each_call_is_logged_once(scene):
    calls = [(OPEN, {"case": scene.case, "parent": "Sanne Jansen", "type": LOMAN, "on": "2025-01-06",
                     "children": [{"firstName": "Noor", "dateOfBirth": "2014-05-03"}],
                     "tailoring": {"maxSessions": 12}})] + rest_of_trajectory(scene.case)
    for query, variables in calls:
        before = scene.access_logs()
        scene.ok(COUNSELLOR_A, query, variables)
        assert_logged_once(scene, before, SIDE_A, Action.CHANGE)
    before = scene.access_logs()
    seen = scene.ok(COUNSELLOR_A, TRAJECTORY, {"case": scene.case})["trajectory"]
    assert_logged_once(scene, before, SIDE_A, Action.READ)
    assert (seen["status"], seen["counsellor"], seen["parentalAuthority"]) == ("CLOSED", COUNSELLOR_A, True)
    assert seen["rules"] == {"template": LOMAN, "maxSessions": 12, "sessionIntervalDays": 14,
                             "maxChildConversations": 4}
    assert seen["themes"][0] == {"code": "parallel_parenting", "label": "parallel ouder zijn", "standard": True}
    assert seen["themes"][1]["standard"] is False
    assert [s["note"] for s in seen["sessions"]] == ["Moeder sliep slecht na de overdracht.", None]
    assert seen["sessions"][1]["missedReason"] == "Niet verschenen"
    assert seen["plannedSessions"][2] == {"on": "2025-03-03", "cancelledReason": "Ouder ziek"}
    assert [c["withdrawnOn"] for c in seen["consents"]] == [None, "2025-03-01"]
    assert seen["evaluation"] == "Rustiger bij overdrachten." and seen["evaluationReleased"] is True
    assert [d["decision"] for d in seen["releaseDecisions"]] == ["released", "withdrawn", "released"]


def test_erasure_on_request_blanks_the_private_text_of_a_closed_trajectory(scene):
    open_side(scene, COUNSELLOR_A)
    for query, variables in rest_of_trajectory(scene.case)[:-3]:
        scene.ok(COUNSELLOR_A, query, variables)
    erased = scene.ok(COUNSELLOR_A, ERASE.replace("status version", "status erasedOn erasureReason evaluation "
                                                  "sessions { note }"),
                      {"case": scene.case, "reason": "ERASURE_REQUEST"})["erasePrivateText"]
    assert erased["evaluation"] == "[gewist]" and erased["sessions"][0]["note"] == "[gewist]"
    assert erased["erasureReason"] == "erasure request" and erased["erasedOn"] is not None


def test_erasure_is_refused_while_the_trajectory_is_open(scene):
    open_side(scene, COUNSELLOR_A)
    before = scene.positions()
    error = scene.post(COUNSELLOR_A, ERASE, {"case": scene.case, "reason": "ERASURE_REQUEST"}).json()["errors"][0]
    assert error["extensions"]["code"] == "INVALID" and "close the trajectory" in error["message"]
    assert scene.positions() == before


def test_my_cases_lists_the_callers_cases_with_where_their_side_stands(scene):
    other = uuid.uuid4()
    known_case(scene.gateway.contexts.directory, other)
    scene.gateway.contexts.directory.assign_counsellor(other, Side.PARENT_B, COUNSELLOR_A, "admin-1")
    open_side(scene, COUNSELLOR_A)
    before = scene.access_logs()
    cases = {c["caseId"]: c for c in scene.ok(COUNSELLOR_A, MY_CASES)["myCases"]}
    assert set(cases) == {scene.case, str(other)}
    assert cases[scene.case]["side"] == "PARENT_A" and cases[scene.case]["trajectory"]["status"] == "INTAKE"
    assert cases[str(other)] == {"caseId": str(other), "side": "PARENT_B", "trajectory": None}
    logged = new_entries(before, scene.access_logs())
    assert {(n, e.access.case_id, e.access.action) for n, entries in logged.items() for e in entries} == {
        (SIDE_A, uuid.UUID(scene.case), Action.READ), (SIDE_B, other, Action.READ)}


def test_progress_sets_the_plan_against_what_happened(scene):
    started_side(scene, COUNSELLOR_A, "Eerste gesprek.")
    scene.ok(COUNSELLOR_A, PLAN, {"case": scene.case, "on": "2025-02-17"})
    before = scene.access_logs()
    seen = scene.ok(COUNSELLOR_A, PROGRESS, {"case": scene.case, "on": "2025-02-10"})["progress"]
    assert_logged_once(scene, before, SIDE_A, Action.READ)
    assert seen == {"status": "STARTED", "weeksElapsed": 2, "sessionsExpected": 10, "maxSessions": 12,
                    "sessionsHeld": 1, "sessionsMissed": 0, "sessionsPlannedAhead": ["2025-02-17"],
                    "sessionsCancelled": 0, "nextSessionDue": "2025-02-17", "childConversationsHeld": 0,
                    "maxChildConversations": 4}


def test_own_child_conversations_show_with_who_held_them_and_the_summary(scene):
    started_side(scene, COUNSELLOR_A, "Eerste gesprek.")
    scene.gateway.contexts.parent_a.record_child_conversation(
        uuid.UUID(scene.case), child="Noor", held_by=CHILD_COUNSELLOR, on=date(2025, 2, 10),
        summary=PrivateText(uuid.UUID(scene.case), "Noor wil vaker bij oma logeren."), actor=CHILD_COUNSELLOR)
    seen = scene.ok(COUNSELLOR_A, TRAJECTORY, {"case": scene.case})["trajectory"]
    assert seen["childConversationCount"] == 1
    assert seen["childConversations"] == [{"on": "2025-02-10", "child": "Noor", "heldBy": CHILD_COUNSELLOR,
                                           "summary": "Noor wil vaker bij oma logeren."}]


def test_the_trajectory_types_name_the_codes_an_intake_chooses_from(scene):
    types = scene.ok(COUNSELLOR_A, "{ trajectoryTypes { template title plannedSessions } }")["trajectoryTypes"]
    assert {"template": LOMAN, "title": "Parallel solo ouderschap", "plannedSessions": 10} in types


def test_a_proposal_may_tailor_the_rules_again(scene):
    open_side(scene, COUNSELLOR_A)
    proposal = PROPOSE.replace("status version", "status rules { maxSessions maxChildConversations }").replace(
        "on: $on)", "on: $on, tailoring: {maxChildConversations: 2})")
    seen = scene.ok(COUNSELLOR_A, proposal, {"case": scene.case, "goals": ["Rust"], "themes": ["own_ground"],
                                             "on": "2025-01-13"})["proposeGoals"]
    assert seen == {"status": "PROPOSED", "rules": {"maxSessions": 12, "maxChildConversations": 2}}


def test_progress_shows_what_this_phase_has_left_and_the_type_as_an_enum(scene):
    started_side(scene, COUNSELLOR_A, "Eerste gesprek.")
    scene.gateway.contexts.parent_a.record_child_conversation(
        uuid.UUID(scene.case), child="Noor", held_by=CHILD_COUNSELLOR, on=date(2025, 2, 10),
        summary=PrivateText(uuid.UUID(scene.case), "Noor tekende."), actor=CHILD_COUNSELLOR)
    seen = scene.ok(COUNSELLOR_A, """query($case: UUID!, $on: Date!) { progress(caseId: $case, on: $on) {
        trajectoryType template sessionsHeld maxSessions sessionsLeft childConversationsLeft } }""",
                    {"case": scene.case, "on": "2025-02-10"})["progress"]
    assert seen == {"trajectoryType": "PARALLEL_SOLO_OUDERSCHAP_LOMAN", "template": LOMAN, "sessionsHeld": 1,
                    "maxSessions": 12, "sessionsLeft": 11, "childConversationsLeft": 3}


def test_the_type_is_an_enum_wherever_the_counsellor_sees_it(scene):
    started_side(scene, COUNSELLOR_A, "Eerste gesprek.")
    enum = "PARALLEL_SOLO_OUDERSCHAP_LOMAN"
    case = scene.ok(COUNSELLOR_A, "{ myCases { trajectory { trajectoryType template } } }")["myCases"][0]
    assert case["trajectory"] == {"trajectoryType": enum, "template": LOMAN}
    seen = scene.ok(COUNSELLOR_A, "query($case: UUID!) { trajectory(caseId: $case) { phase rules { trajectoryType } } }",
                    {"case": scene.case})["trajectory"]
    assert seen == {"phase": 1, "rules": {"trajectoryType": enum}}
    types = scene.ok(COUNSELLOR_A, "{ trajectoryTypes { trajectoryType template } }")["trajectoryTypes"]
    assert {t["trajectoryType"] for t in types} >= {enum, "OPNIEUW_VERBINDEN", "GEZINSBEMIDDELING_FASE_1"}
    assert all(t["trajectoryType"] == t["template"].upper() for t in types)


def test_the_counsellor_sees_the_joint_sessions_the_type_allows_and_loman_sets_no_limit(scene):
    before = scene.access_logs()
    room = scene.ok(COUNSELLOR_A, """query($case: UUID!) { jointSessionRoom(caseId: $case, on: "2025-03-03") {
        trajectoryType year maximum taken left } }""", {"case": scene.case})["jointSessionRoom"]
    assert_logged_once(scene, before, "shared_agreements", Action.READ)
    # The scene's case has one joint session planned; Loman's seed states no number of them.
    assert room == {"trajectoryType": "PARALLEL_SOLO_OUDERSCHAP_LOMAN", "year": None, "maximum": None, "taken": 1,
                    "left": None}
