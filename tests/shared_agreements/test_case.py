"""The case header: two parent slots, children, trajectory type; authority for parallel parenting."""

from __future__ import annotations

from datetime import date

from services.shared_agreements.domain.case import Case, Child, Parent
from services.shared_agreements.domain.errors import (
    InvalidCase, ParentalAuthorityMissing, UnknownParent, UnknownTrajectoryType,
)
from tests.shared_agreements.builders import CASE, CHILDREN, COORDINATOR, parent, registered_case
from tests.support.given_when_then import given


def register(trajectory_type="parallel_ouderschap", parent_a=None, parent_b=None, children=CHILDREN):
    return lambda _: Case.register(
        CASE, parent_a or parent("Sanne"), parent_b or parent("Mark"), children, trajectory_type, COORDINATOR
    )


def test_a_case_is_registered_with_both_parents_children_and_trajectory_type():
    outcome = given().when(register(parent_b=parent("Mark", authority=True, enrolled=False)))
    outcome.then((Case.CaseRegistered, {
        "trajectory_type": "parallel_ouderschap", "actor": COORDINATOR,
        "children": [{"first_name": "Noor", "date_of_birth": "2014-05-03"}],
    }))
    view = outcome.aggregate.view()
    assert view.case_id == CASE and view.enrolled_parents == ("parent_a",)
    assert view.children[0].date_of_birth == date(2014, 5, 3)


def test_parallel_parenting_without_parental_authority_of_an_enrolled_parent_is_refused():
    given().when(register(parent_b=parent("Mark", authority=False))).then_refused(
        ParentalAuthorityMissing, "parent_b"
    )


def test_a_parent_without_authority_who_does_not_take_part_does_not_block_parallel_parenting():
    given().when(register(parent_b=parent("Mark", authority=False, enrolled=False))).then(Case.CaseRegistered)


def test_reconnecting_does_not_require_parental_authority():
    given().when(register("opnieuw_verbinden", parent_b=parent("Mark", authority=False))).then(Case.CaseRegistered)


def test_an_unknown_trajectory_type_is_refused():
    given().when(register("co_ouderschap")).then_refused(UnknownTrajectoryType, "co_ouderschap")


def test_a_case_where_neither_parent_takes_part_is_refused():
    nobody = parent("Sanne", enrolled=False)
    given().when(register(parent_a=nobody, parent_b=parent("Mark", enrolled=False))).then_refused(
        InvalidCase, "at least one parent"
    )


def test_a_case_without_children_is_refused():
    given().when(register(children=())).then_refused(InvalidCase, "child")


def test_a_child_without_a_proper_date_of_birth_is_refused():
    given().when(register(children=(Child("Noor", "2014-05-03"),))).then_refused(InvalidCase, "date of birth")


def test_a_parent_without_a_name_is_refused():
    given().when(register(parent_a=Parent(" ", True))).then_refused(InvalidCase, "display name")


def test_an_absent_parent_with_authority_can_join_later():
    history = registered_case(parent_b=parent("Mark", enrolled=False))
    outcome = given(*history).when(lambda case: case.enrol_parent("parent_b", COORDINATOR))
    outcome.then((Case.ParentEnrolled, {"parent": "parent_b", "actor": COORDINATOR}))
    assert outcome.aggregate.view().enrolled_parents == ("parent_a", "parent_b")


def test_an_absent_parent_without_authority_cannot_join_parallel_parenting():
    history = registered_case(parent_b=parent("Mark", authority=False, enrolled=False))
    given(*history).when(lambda case: case.enrol_parent("parent_b", COORDINATOR)).then_refused(
        ParentalAuthorityMissing, "ouderlijk gezag"
    )


def test_recorded_authority_lets_an_absent_parent_join():
    history = registered_case(parent_b=parent("Mark", authority=False, enrolled=False))
    given(*history).when(lambda case: case.record_parental_authority("parent_b", True, COORDINATOR)).then(
        (Case.ParentalAuthorityRecorded, {"parent": "parent_b", "has_authority": True})
    )


def test_losing_authority_while_following_parallel_parenting_is_recorded_and_flagged_not_refused():
    outcome = given(*registered_case()).when(
        lambda case: case.record_parental_authority("parent_a", False, COORDINATOR))
    outcome.then((Case.ParentalAuthorityRecorded, {"parent": "parent_a", "has_authority": False, "actor": COORDINATOR}))
    assert outcome.aggregate.view().authority_missing == ("parent_a",)


def test_authority_recorded_again_clears_the_flag():
    lost = given(*registered_case()).when(
        lambda case: case.record_parental_authority("parent_a", False, COORDINATOR)).then(Case.ParentalAuthorityRecorded)
    outcome = given(*registered_case(), *lost).when(
        lambda case: case.record_parental_authority("parent_a", True, COORDINATOR))
    outcome.then(Case.ParentalAuthorityRecorded)
    assert outcome.aggregate.view().authority_missing == ()


def test_authority_is_said_with_yes_or_no():
    given(*registered_case()).when(
        lambda case: case.record_parental_authority("parent_a", "nee", COORDINATOR)).then_refused(InvalidCase, "yes or no")


def test_a_parent_slot_other_than_a_or_b_is_refused():
    given(*registered_case()).when(lambda case: case.enrol_parent("parent_c", COORDINATOR)).then_refused(
        UnknownParent, "parent_c"
    )
