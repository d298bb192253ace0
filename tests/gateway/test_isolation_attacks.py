"""The isolation attack suite (issue 5): side B is full of canaries; counsellor A, the coordinator and the
child counsellor attack from their own endpoints and must never read one, nor learn who counsels B.

Side B's counsellor planted the canaries through the counsellor API, and a second child
counsellor planted one more on side B through theirs (see attack_planting). The attacks are
generated (hypothesis-graphql, valid and invalid operations from each attacker's schema)
and hand-written (aliases, fragments, errors beside valid fields, every case operation
with ids of side B, transport tricks, court reports). Afterwards side B's history is
exactly as planted, and its access log holds nothing of counsellor A, nor of the
coordinator but the export every court report logs in each context it reads.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import pytest

from services.staff_directory.api import Role
from services.parent_side.domain.trajectory import trajectory_id
from services.platform.access_log import Action
from tests.gateway.attack_fuzz import Mode, fuzz
from tests.gateway.attack_planting import RECORD_CHILD_CONVERSATION, build_attack_scene
from tests.gateway.attack_probes import aliased, errors_beside_valid_fields, probes, with_fragments
from tests.gateway.attack_scene import (
    ATTACKERS, CANARIES, CHILD, CHILD_B, COORDINATOR, COUNSELLOR_A, COUNSELLOR_B, POSITION_B, TRAJECTORY, AttackScene,
    problems_in,
)

#: Generated operations per attacker: valid ones (they run) and ones that break the schema (refused).
VALID_EXAMPLES, INVALID_EXAMPLES = 150, 100


@pytest.fixture
def attack(gateway) -> AttackScene:
    return build_attack_scene(gateway)


FLOW_MADE = tuple(f":CaseFile.{name}" for name in (
    "Opened", "OpenedWithHeader", "HeaderReceived", "ParentalAuthorityChanged", "ParentEnrolled",
    "RegionReceived")) + (
    ":Trajectory.ParentalAuthorityRecorded",)


def side_b_untouched(scene: AttackScene, position: int) -> list[str]:
    """Side B's history is as planted, and its access log never saw counsellor A, nor the coordinator but for
    the export a court report logs in every context it reads."""
    app = scene.gateway.contexts.parent_b
    # What the flows bring from the case header the coordinator keeps (a case registered, authority recorded)
    # may reach side B; nothing an attacker sends may write anything else there.
    moved = [n.topic for n in app.recorder.select_notifications(start=position + 1, limit=10_000)
             if not n.topic.endswith(FLOW_MADE)]
    problems = [f"side B's history moved: {topic}" for topic in moved]
    visitors = [e.access for user in (COUNSELLOR_A, COORDINATOR) for e in app.access_log.entries(user=user, limit=1000)]
    return problems + [f"side B's access log records {a.user} ({a.operation}, {a.action.value})" for a in visitors
                       if (a.user, a.operation, a.action) != (COORDINATOR, "courtReport", Action.EXPORT)]


def not_theirs(scene: AttackScene) -> list[str]:
    """Ids an attacker may try that are not a case of theirs: B's other case, every derived id, a random one."""
    return [str(i) for i in scene.guessed_ids() if i != scene.case] + [str(uuid.uuid4())]


def b_ids(scene: AttackScene) -> list[str]:
    """The ids most worth guessing: the case only B counsels, and B's trajectory ids (uuid5 of a case id)."""
    return [str(scene.b_only), str(trajectory_id(scene.case)), str(trajectory_id(scene.b_only))]


def test_side_b_reads_back_every_canary_it_planted(attack):
    """The canaries are really there, for the eyes that may see them: otherwise the attacks prove nothing."""
    own = attack.post(COUNSELLOR_B, f"query($case: UUID!) {{ trajectory(caseId: $case) {{ {TRAJECTORY} }} }}",
                      {"case": str(attack.case)})
    assert [c for c in (*CANARIES.values(), COUNSELLOR_B) if c not in own.text] == []
    assert len(problems_in(COUNSELLOR_A, own, "B's own read")) == len(CANARIES) + 2  # the same body, to A: leaks
    summary = attack.post(CHILD_B, "query($case: UUID!) { childConversations(caseId: $case) { summary } }",
                          {"case": str(attack.case)})
    assert CANARIES["summary"] in summary.text
    disputes = attack.post(COORDINATOR, "query($case: UUID!) { disputes(caseId: $case) { positions { position } } }",
                           {"case": str(attack.case)})
    assert POSITION_B in disputes.text and problems_in(COORDINATOR, disputes, "relayed") == []


def test_generated_valid_and_invalid_operations_never_reveal_side_b(attack):
    position, problems, sent = attack.gateway.contexts.parent_b.position, [], {}
    for attacker in ATTACKERS:
        for mode, examples in ((Mode.POSITIVE, VALID_EXAMPLES), (Mode.NEGATIVE, INVALID_EXAMPLES)):
            found, sent[(attacker, mode.name)] = fuzz(attack, attacker, mode, examples)
            problems += found
    assert sent == {(a, m): n for a in ATTACKERS for m, n in (("POSITIVE", VALID_EXAMPLES),
                                                              ("NEGATIVE", INVALID_EXAMPLES))}
    problems += side_b_untouched(attack, position)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:50])


def test_aliases_over_every_id_derived_from_side_b_reveal_nothing(attack):
    position, problems = attack.gateway.contexts.parent_b.position, []
    ids = [str(attack.case), *not_theirs(attack)]
    for attacker, role in ATTACKERS.items():
        for start in range(0, len(ids), 15):  # at most 15 aliases per document (README, "Limits")
            response = attack.post(attacker, aliased(role, ids[start:start + 15]))
            problems += problems_in(attacker, response, f"{role.value} aliases {start}")
            codes = {e["extensions"]["code"] for e in response.json().get("errors", [])}
            problems += [f"{role.value} aliases {start}: {codes}"] if codes - {"NOT_FOUND"} else []
    assert problems + side_b_untouched(attack, position) == []


def test_fragments_and_errors_beside_valid_fields_reveal_nothing_and_read_like_a_missing_case(attack):
    position, problems = attack.gateway.contexts.parent_b.position, []
    for attacker, role in ATTACKERS.items():
        for document in (with_fragments(role), errors_beside_valid_fields(role)):
            bodies = set()
            for other in not_theirs(attack):
                response = attack.post(attacker, document, {"own": str(attack.case), "other": other})
                problems += problems_in(attacker, response, f"{role.value} {document[:60]!r} {other}")
                bodies.add(response.content)
            if len(bodies) > 1:
                problems.append(f"{role.value}: {len(bodies)} different answers to {document[:80]!r}")
    assert problems + side_b_untouched(attack, position) == []


def probed(scene: AttackScene, attacker: str, role: Role, operation: str, document: str) -> list[str]:
    """One operation about ids of side B, against the answer about no case at all."""
    nothing = scene.post(attacker, document, {"case": str(uuid.uuid4())})
    # Input is checked before the case (INVALID) or the case is not found: either way, before any store.
    found = [] if nothing.json()["errors"][0]["extensions"]["code"] in ("NOT_FOUND", "INVALID") else [
        f"{role.value}.{operation} about no case: {nothing.text[:200]}"]
    for other in b_ids(scene):
        response = scene.post(attacker, document, {"case": other})
        found += problems_in(attacker, response, f"{role.value}.{operation} {other}")
        if response.content != nothing.content:
            found.append(f"{role.value}.{operation} about {other}: {response.text[:200]} "
                         f"but about no case: {nothing.text[:200]}")
    return found


def test_every_case_operation_answers_ids_from_side_b_exactly_like_a_case_that_does_not_exist(attack):
    heads, positions, problems = attack.log_heads(), attack.positions(), []
    for attacker, role in ATTACKERS.items():
        for operation, document in probes(role).items():
            problems += probed(attack, attacker, role, operation, document)
    assert problems == []
    assert (attack.positions(), attack.log_heads()) == (positions, heads)  # refused before any store was touched


def test_the_probes_read_the_attackers_own_case(attack):
    """Guard: the probes reach real resolvers, so the attacker's own case answers otherwise than no case."""
    for attacker, role in ATTACKERS.items():
        for operation, document in probes(role).items():
            if document.startswith("query"):
                own = attack.post(attacker, document, {"case": str(attack.case)})
                nothing = attack.post(attacker, document, {"case": str(uuid.uuid4())})
                assert own.content != nothing.content and problems_in(attacker, own, operation) == [], own.text


def test_the_child_counsellor_learns_that_side_b_held_a_conversation_and_nothing_more(attack):
    position = attack.gateway.contexts.parent_b.position
    read = attack.post(CHILD, "query($case: UUID!) { childConversations(caseId: $case) { side on child heldByYou "
                              "summary } }", {"case": str(attack.case)})
    assert read.json()["data"]["childConversations"] == [
        {"side": "PARENT_A", "on": "2025-02-10", "child": "Noor", "heldByYou": True, "summary": "Eigen kindgesprek"},
        {"side": "PARENT_B", "on": "2025-02-10", "child": "Noor", "heldByYou": False, "summary": None}]
    refused = attack.post(CHILD, RECORD_CHILD_CONVERSATION, {"case": str(attack.case), "side": "PARENT_B",
                                                              "summary": "Poging"})
    assert refused.json()["errors"][0]["extensions"]["code"] == "INVALID"
    problems = [p for r in (read, refused) for p in problems_in(CHILD, r, "child counsellor")]
    assert problems + side_b_untouched(attack, position) == []


def test_requests_around_graphql_get_no_data(attack):
    """Queries over GET, batches, form posts, another role's endpoint, a forged token: no data, no canary."""
    client, case = attack.gateway.client, str(attack.case)
    query = f'{{ trajectory(caseId: "{case}") {{ parent goals sessions {{ note }} }} }}'
    bearer = {"Authorization": f"Bearer {attack.gateway.token(COUNSELLOR_A, Role.COUNSELLOR)}"}
    forged = {"Authorization": "Bearer " + attack.gateway.token(COUNSELLOR_B, Role.COUNSELLOR)[:-4] + "AAAA"}
    responses = [
        client.get("/graphql/counsellor", params={"query": query}),
        client.get("/graphql/counsellor", params={"query": query}, headers=bearer),
        client.post("/graphql/counsellor", json=[{"query": query}, {"query": query}], headers=bearer),
        client.post("/graphql/counsellor", data={"query": query}, headers=bearer),
        client.post("/graphql/counsellor", json={"query": query}, headers=forged),
        client.post("/graphql/counsellor", json={"query": query},
                    headers={"Authorization": f"Bearer {attack.gateway.token(COORDINATOR, Role.COORDINATOR)}"}),
    ]
    for response in responses:
        assert 400 <= response.status_code < 500 and '"data"' not in response.text, response.text
        assert problems_in(COUNSELLOR_A, response, "transport") == []


REPORT = """mutation($case: UUID!, $at: DateTime!) { courtReport(caseId: $case, asOf: $at, format: JSON) {
  sha256 content } }"""
#: The coordinator records, on its own say-so, that parent B lets the other side see everything.
SHARE_ALL = """mutation($case: UUID!) { agreeTransparency(caseId: $case, parent: PARENT_B, categories: [ATTENDANCE,
  SESSION_THEMES, GOALS, CHILD_CONVERSATION_HELD, EVALUATION], agreedOn: "2025-01-01") { ok } }"""


def court_report(scene: AttackScene):  # noqa: ANN201
    return scene.post(COORDINATOR, REPORT, {"case": str(scene.case), "at": datetime.now(timezone.utc).isoformat()})


def test_without_a_transparency_agreement_of_parent_b_the_coordinators_court_report_carries_nothing_of_side_b(
        attack):
    position = attack.gateway.contexts.parent_b.position
    report = court_report(attack)
    assert report.status_code == 200 and "errors" not in report.json(), report.text
    assert problems_in(COORDINATOR, report, "court report") + side_b_untouched(attack, position) == []


def test_a_transparency_agreement_the_coordinator_records_alone_opens_no_more_of_side_b_than_its_released_evaluation(
        attack):
    """DESIGN section 4: a coordinator never sees a side's private content, and a court report holds of a side
    attendance counts, child-conversation counts and the closing evaluation the parent released; nothing
    else that side B wrote may reach the coordinator, whatever the coordinator records about transparency."""
    attack.ok(COORDINATOR, SHARE_ALL, {"case": str(attack.case)})
    report = court_report(attack)
    assert report.status_code == 200 and "errors" not in report.json(), report.text
    assert CANARIES["evaluation"] in report.text  # released by parent B for a court report
    leaks = [p for p in problems_in(COORDINATOR, report, "court report") if CANARIES["evaluation"] not in p]
    assert leaks == []
