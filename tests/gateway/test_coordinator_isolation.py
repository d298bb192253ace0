"""Nothing of either parent's side reaches a coordinator: no private text, not even who counsels whom.

Canaries are planted in both sides (a session note, a child-conversation summary, a closing
evaluation) and the counsellors' user ids are unusual strings; every query of the
coordinator schema, and refused mutations too, are searched for them.
"""

from __future__ import annotations

from tests.support.cases import known_case

from tests.support.cases import open_trajectory

from datetime import date, timedelta
from uuid import UUID, uuid4

import pytest

from services.staff_directory.api import Role, Side
from gateway.schema.coordinator.root import schema as coordinator_schema
from services.parent_side.application import ParentSide
from services.parent_side.domain.catalogue import template
from services.parent_side.domain.records import Child
from services.platform.private_text import PrivateText
from tests.support.coordinator_gateway import (
    CASE, COORDINATOR, DISPUTE, DISPUTES, DRAFT, MY_CASES, PLAN, RULES, RULES_V1, SCHEDULE_RANGES, SESSIONS,
    SET_SCHEDULE, SIGN, access_logs, register, registered_with_both_parents, rules_signed_by_both_parents,
)

COUNSELLORS = {Side.PARENT_A: "counsellor-zq81-a", Side.PARENT_B: "counsellor-zq82-b"}
CHILD_COUNSELLOR = "child-counsellor-zq83"
START = date(2026, 1, 5)


def canaries(side: Side) -> dict[str, str]:
    tag = side.value[-1].upper()
    return {"note": f"CANARY-NOTE-{tag}-31337", "summary": f"CANARY-CHILD-{tag}-31337",
            "evaluation": f"CANARY-EVAL-{tag}-31337"}


def planted_side(app: ParentSide, case: UUID, side: Side) -> None:
    counsellor, secret = COUNSELLORS[side], canaries(side)
    open_trajectory(app, case, parent=f"Ouder {side.value}", children=[Child("Noor", date(2014, 5, 3))],
                        rules=template("parallel_ouderschap").tailored(max_child_conversations=2),
                        counsellor=counsellor, on=START,
                        actor=counsellor, parental_authority=True)
    app.propose_goals(case, goals=["Rust"], themes=["own_ground"], on=START, actor=counsellor)
    app.record_consent(case, scopes=["trajectory", "child_conversations"], given_by=["Ouder"], given_on=START,
                       actor=counsellor)
    app.record_agreement(case, on=START, actor=counsellor)
    app.start(case, on=START, actor=counsellor)
    app.record_session(case, on=START, duration_minutes=60, themes=["own_ground"],
                       note=PrivateText(case, secret["note"]), attended=True, actor=counsellor)
    app.record_child_conversation(case, child="Noor", held_by=CHILD_COUNSELLOR, on=START + timedelta(days=3),
                                  summary=PrivateText(case, secret["summary"]), actor=CHILD_COUNSELLOR)
    app.close_trajectory(case, on=START + timedelta(days=200), evaluation=PrivateText(case, secret["evaluation"]),
                         actor=counsellor)
    app.release_evaluation_for_court(case, on=START + timedelta(days=200), actor=counsellor)


@pytest.fixture
def planted(coordinator):  # noqa: F811 - the imported fixture is what this one builds on
    case = registered_with_both_parents(coordinator)
    directory = coordinator.contexts.directory
    for side, user in COUNSELLORS.items():
        coordinator.staff(user, Role.COUNSELLOR)
        known_case(directory, UUID(case))
        directory.assign_counsellor(UUID(case), side, user, actor="admin-1")
    coordinator.staff(CHILD_COUNSELLOR, Role.CHILD_COUNSELLOR)
    known_case(directory, UUID(case))
    directory.assign_child_counsellor(UUID(case), CHILD_COUNSELLOR, actor="admin-1")
    planted_side(coordinator.contexts.parent_a, UUID(case), Side.PARENT_A)
    planted_side(coordinator.contexts.parent_b, UUID(case), Side.PARENT_B)
    rules_signed_by_both_parents(coordinator, case)
    coordinator.post(Role.COORDINATOR, DISPUTE, {"case": case}, user=COORDINATOR)
    coordinator.post(Role.COORDINATOR, PLAN, {"case": case, "day": "2026-03-10"}, user=COORDINATOR)
    coordinator.post(Role.COORDINATOR, SET_SCHEDULE, {"case": case, "ranges": SCHEDULE_RANGES}, user=COORDINATOR)
    return coordinator, case


EVERY_READ = [
    MY_CASES, CASE, RULES, DISPUTES, SESSIONS,
    "query($case: UUID!) { transparencyAgreements(caseId: $case) { parent categories recordedBy } }",
    "query($case: UUID!) { contactSchedule(caseId: $case, year: 2026) { recordedBy ranges { parent children } } }",
    "query($case: UUID!) { contactScheduleIcal(caseId: $case, year: 2026) }",
]
REFUSED = [
    (SIGN, {"parent": "PARENT_A", "hash": "0" * 64, "method": "IN_PERSON"}),
    ("mutation($case: UUID!) { enrolParent(caseId: $case, parent: PARENT_A) { ok } }", {}),
    ("mutation($case: UUID!) { relayPosition(caseId: $case, dispute: 9, parent: PARENT_B, position: \"x\") { ok } }", {}),
]


def forbidden_strings() -> list[str]:
    found = [*COUNSELLORS.values(), CHILD_COUNSELLOR]
    for side in Side:
        found += canaries(side).values()
    return found


def test_no_coordinator_answer_holds_a_side_s_private_text_or_its_counsellor(planted):
    gateway, case = planted
    answers = [gateway.post(Role.COORDINATOR, query, {"case": case}, user=COORDINATOR) for query in EVERY_READ]
    answers += [gateway.post(Role.COORDINATOR, query, {"case": case, **extra}, user=COORDINATOR)
                for query, extra in REFUSED]
    assert all(a.status_code == 200 for a in answers)
    assert [bool(a.json().get("errors")) for a in answers] == [False] * len(EVERY_READ) + [True] * len(REFUSED)
    for answer in answers:
        for secret in forbidden_strings():
            assert secret not in answer.text, (secret, answer.text[:300])


def test_the_planted_canaries_are_really_there_for_the_side_s_own_eyes(planted):
    # Guards the test above against passing vacuously: the secrets exist, just not for the coordinator.
    gateway, case = planted
    view = gateway.contexts.parent_a.trajectory(UUID(case))
    assert view.sessions[0].note.text == canaries(Side.PARENT_A)["note"]
    assert view.evaluation.text == canaries(Side.PARENT_A)["evaluation"]
    assert gateway.contexts.directory.staffing(UUID(case)).counsellors["parent_b"] == COUNSELLORS[Side.PARENT_B]


def test_no_coordinator_schema_type_can_name_a_counsellor_or_hold_session_content():
    # "evaluation" may appear only as a transparency category: a kind of information, never its text.
    sdl = coordinator_schema(introspection=False).as_str().lower()
    for forbidden in ("counsellor", "note", "closingevaluation", "trajectory(", "childconversation", "summary"):
        assert forbidden not in sdl, forbidden


UNASSIGNED_QUERIES = [
    (RULES, {}),
    (CASE, {}),
    ("query($case: UUID!) { contactScheduleIcal(caseId: $case, year: 2026) }", {}),
    (DRAFT, {"rules": RULES_V1}),
    (DISPUTE, {}),
]


@pytest.mark.parametrize(("query", "extra"), UNASSIGNED_QUERIES, ids=["rules", "case", "ical", "draft", "dispute"])
def test_a_case_you_do_not_coordinate_answers_exactly_like_a_case_that_does_not_exist(coordinator, query, extra):
    case = register(coordinator)
    coordinator.staff("coordinator-2", Role.COORDINATOR)
    positions = {name: app.position for name, app in coordinator.contexts.by_name().items()}
    logs = {name: len(entries) for name, entries in access_logs(coordinator).items()}
    theirs = coordinator.post(Role.COORDINATOR, query, {"case": case, **extra}, user="coordinator-2").json()
    missing = coordinator.post(Role.COORDINATOR, query, {"case": str(uuid4()), **extra}, user="coordinator-2").json()
    assert theirs == missing
    assert theirs["errors"][0]["message"] == "No such case." and theirs["errors"][0]["extensions"] == {"code": "NOT_FOUND"}
    assert {name: app.position for name, app in coordinator.contexts.by_name().items()} == positions
    assert {name: len(entries) for name, entries in access_logs(coordinator).items()} == logs
    mine = coordinator.post(Role.COORDINATOR, MY_CASES, user="coordinator-2").json()["data"]["myCases"]
    assert mine == []
