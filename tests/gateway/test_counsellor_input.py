"""Bad input from a counsellor gets a clear INVALID and changes no store."""

from __future__ import annotations

from tests.support.counsellor_scene import COUNSELLOR_A, LOMAN, OPEN, PROPOSE, SESSION, START, open_side, started_side

CHILDREN = [{"firstName": "Noor", "dateOfBirth": "2014-05-03"}]


def intake(**changes):
    return {"parent": "Sanne Jansen", "type": LOMAN, "on": "2025-01-06", "children": CHILDREN, **changes}


def refused(scene, query: str, variables: dict, *, reaches_the_case: bool = False) -> dict:
    """The error of a refused call, after checking that no store changed.

    Input the gateway refuses never reaches a store, so not even an access is logged; input
    only the trajectory can judge is an access to the case, logged before it was refused.
    """
    positions, logs = scene.positions(), scene.access_logs()
    response = scene.post(COUNSELLOR_A, query, {**variables, "case": scene.case})
    body = response.json()
    assert response.status_code == 200 and body.get("errors"), body
    assert scene.positions() == positions
    assert (scene.access_logs() != logs) is reaches_the_case
    return body["errors"][0]


def test_a_trajectory_type_other_than_the_cases_is_refused_naming_the_cases(scene):
    error = refused(scene, OPEN, intake(type="parallel_alles_mag"), reaches_the_case=True)
    assert error["extensions"]["code"] == "INVALID"
    assert "follows" in error["message"] and LOMAN in error["message"]


def test_tailoring_that_contradicts_itself_is_refused(scene):
    error = refused(scene, OPEN, intake(tailoring={"minWeeks": 40, "maxWeeks": 30}), reaches_the_case=True)
    assert error["extensions"]["code"] == "INVALID" and "minimum duration is longer" in error["message"]


RETYPED = """
mutation($case: UUID!, $parent: String, $children: [ChildInput!], $authority: Boolean, $on: Date!) {
  openTrajectory(caseId: $case, parent: $parent, children: $children, parentalAuthority: $authority, on: $on) {
    status
  }
}
"""


def test_an_intake_that_retypes_the_header_differently_is_refused(scene):
    for retyped, fragment in (({"children": []}, "children differ"), ({"parent": "Iemand Anders"}, "name differs"),
                              ({"authority": False}, "parental authority differs")):
        error = refused(scene, RETYPED, {"on": "2025-01-06", **retyped}, reaches_the_case=True)
        assert error["extensions"]["code"] == "INVALID" and fragment in error["message"]


def test_an_older_client_retyping_the_header_as_it_is_still_opens_the_trajectory(scene):
    variables = {"case": scene.case, "on": "2025-01-06", "parent": "Sanne Jansen", "children": CHILDREN,
                 "authority": True}
    assert scene.ok(COUNSELLOR_A, RETYPED, variables)["openTrajectory"]["status"] == "INTAKE"


def test_ten_thousand_themes_are_refused(scene):
    open_side(scene, COUNSELLOR_A)
    error = refused(scene, PROPOSE, {"goals": ["Rust"], "themes": [f"t{i}" for i in range(10_000)], "on": "2025-01-13"})
    assert error["extensions"]["code"] == "INVALID" and "at most 50" in error["message"]


def test_a_note_longer_than_ten_thousand_characters_is_refused(scene):
    started_side(scene, COUNSELLOR_A, "Eerste gesprek.")
    error = refused(scene, SESSION, {"on": "2025-02-17", "attended": True, "minutes": 60, "themes": ["own_ground"],
                                     "note": "x" * 20_000})
    assert error["extensions"]["code"] == "INVALID" and "10000 characters" in error["message"]


def test_a_megabyte_string_is_refused_before_graphql_reads_it(scene):
    positions, logs = scene.positions(), scene.access_logs()
    response = scene.post(COUNSELLOR_A, OPEN, {**intake(parent="x" * 1_000_000), "case": scene.case})
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "INVALID"
    assert scene.positions() == positions and scene.access_logs() == logs


def test_a_step_out_of_order_is_refused_by_the_trajectory_and_leaves_its_history_as_it_was(scene):
    open_side(scene, COUNSELLOR_A)
    error = refused(scene, START, {"on": "2025-02-03"}, reaches_the_case=True)
    assert error["extensions"]["code"] == "INVALID" and "after the parent has agreed" in error["message"]


def test_a_second_intake_on_the_same_side_is_a_conflict(scene):
    open_side(scene, COUNSELLOR_A)
    error = refused(scene, OPEN, intake(), reaches_the_case=True)
    assert error["extensions"]["code"] == "CONFLICT"


def test_a_malformed_case_id_or_date_is_invalid_not_an_internal_error(scene):
    for variables in ({"case": "zaak-12"}, {"case": scene.case, "on": "2025-02-30"}):
        positions, logs = scene.positions(), scene.access_logs()
        body = scene.post(COUNSELLOR_A, START, {"on": "2025-02-03", **variables}).json()
        assert body["errors"][0]["extensions"]["code"] == "INVALID", body
        assert scene.positions() == positions and scene.access_logs() == logs
