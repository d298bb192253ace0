"""Steps 1 to 3 (parallel-ouderschap): intake, a proposal with tailored goals, consent, agreement, start."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from services.parent_side.domain.errors import (
    AgreementMissing, ConsentMissing, DateOutOfOrder, InvalidRecord, ParentalAuthorityMissing, WrongStep,
)
from services.parent_side.domain.records import CONSENT_CHILD_CONVERSATIONS, CONSENT_TRAJECTORY, Child, Consent
from services.parent_side.domain.templates import InvalidTailoring
from services.parent_side.domain.trajectory import Trajectory, trajectory_id
from tests.support.trajectories import (
    AGREED, CASE, COACHING, COUNSELLOR, INTAKE, PARENTS, PROPOSED, SARA, SOLO, START, TIM, agree, consent, history,
    propose, ready_to_start, start, started, text, withdraw,
)
from tests.support.given_when_then import given


def intake(**changes):
    arguments = dict(
        case_id=CASE, parent=" Anna de Vries ", children=[SARA, TIM], rules=SOLO, counsellor=COUNSELLOR,
        parental_authority=True, on=INTAKE, actor=COUNSELLOR,
    )
    arguments.update(changes)
    return lambda _: Trajectory.open(**arguments)


# Step 1: intake -----------------------------------------------------------------------------


def test_an_intake_opens_the_parents_trajectory_with_the_children_the_type_and_the_counsellor():
    given().when(intake()).then((Trajectory.IntakeHeld, {
        "originator_id": trajectory_id(CASE), "case_id": CASE, "parent": "Anna de Vries",
        "children": [SARA.as_dict(), TIM.as_dict()], "rules": SOLO.as_dict(), "counsellor": COUNSELLOR,
        "parental_authority": True, "on": INTAKE, "actor": COUNSELLOR,
    }))


def test_the_rules_of_the_intake_are_the_rules_the_trajectory_keeps():
    outcome = given().when(intake())
    assert outcome.aggregate.rules == SOLO and outcome.aggregate.status == "intake"


def test_an_intake_without_children_is_refused():
    given().when(intake(children=[])).then_refused(InvalidRecord, "at least one child")


def test_an_intake_of_a_child_without_a_first_name_is_refused():
    given().when(intake(children=[Child("  ", date(2012, 1, 1))])).then_refused(InvalidRecord, "first name")


def test_an_intake_of_two_children_with_the_same_first_name_is_refused():
    twins = [Child("Sara", date(2012, 1, 1)), Child("sara", date(2014, 1, 1))]
    given().when(intake(children=twins)).then_refused(InvalidRecord, "same first name")


def test_an_intake_before_a_childs_birth_is_refused():
    given().when(intake(children=[Child("Noor", date(2025, 2, 1))])).then_refused(DateOutOfOrder, "date of birth")


def test_an_intake_without_a_counsellor_is_refused():
    given().when(intake(counsellor="")).then_refused(InvalidRecord, "counsellor")


def test_an_intake_without_who_acted_is_refused():
    given().when(intake(actor=" ")).then_refused(InvalidRecord, "who acted")


def test_an_intake_with_rules_that_contradict_themselves_is_refused():
    contradicting = replace(SOLO, min_weeks=40)
    given().when(intake(rules=contradicting)).then_refused(InvalidTailoring, "minimum duration")


# Step 2: goals and consent --------------------------------------------------------------------


def test_goals_are_proposed_with_standard_and_free_themes_and_what_can_describe_a_person_is_private_text():
    given(*history()).when(propose()).then((Trajectory.GoalsProposed, {
        "goals": [text("Sara weer zonder zorgen laten wisselen"), text("Eigen grond onder de voeten")],
        "themes": ["parallel_parenting", "own_ground", text("omgaan met de nieuwe partner")],
        "on": PROPOSED, "rules": None, "actor": COUNSELLOR,
    }))


def test_a_proposal_without_goals_is_refused():
    given(*history()).when(lambda t: t.propose_goals([], ["own_ground"], PROPOSED, COUNSELLOR)).then_refused(
        InvalidRecord, "goals"
    )


def test_a_proposal_dated_before_the_intake_is_refused():
    given(*history()).when(propose(on=date(2025, 1, 2))).then_refused(DateOutOfOrder, "intake")


def test_a_proposal_may_tailor_the_rules_of_its_own_type():
    fewer = SOLO.tailored(max_child_conversations=2)
    outcome = given(*history()).when(propose(rules=fewer))
    outcome.then((Trajectory.GoalsProposed, {"rules": fewer.as_dict()}))
    assert outcome.aggregate.rules.max_child_conversations == 2


def test_a_proposal_cannot_turn_the_trajectory_into_another_type():
    given(*history()).when(propose(rules=COACHING)).then_refused(InvalidRecord, "own type")


def test_a_new_proposal_needs_the_parents_agreement_again():
    outcome = given(*history(propose(), agree())).when(propose(on=AGREED))
    outcome.then(Trajectory.GoalsProposed)
    assert outcome.aggregate.agreed_on is None and outcome.aggregate.status == "proposed"


def test_goals_cannot_be_proposed_once_the_trajectory_has_started():
    given(*history(*started())).when(propose(on=START)).then_refused(WrongStep, "already started")


def test_consent_is_recorded_with_who_gave_it_when_and_for_what():
    outcome = given(*history(propose())).when(consent(CONSENT_TRAJECTORY, CONSENT_CHILD_CONVERSATIONS))
    outcome.then((Trajectory.ConsentRecorded, {
        "scopes": [CONSENT_TRAJECTORY, CONSENT_CHILD_CONVERSATIONS], "given_by": list(PARENTS),
        "given_on": AGREED, "actor": COUNSELLOR,
    }))
    assert outcome.aggregate.consents == (
        Consent(CONSENT_TRAJECTORY, PARENTS, AGREED, COUNSELLOR),
        Consent(CONSENT_CHILD_CONVERSATIONS, PARENTS, AGREED, COUNSELLOR),
    )


def test_consent_for_something_else_than_the_trajectory_or_child_conversations_is_refused():
    given(*history()).when(consent("photographs")).then_refused(InvalidRecord, "consent can be given for")


def test_consent_without_who_gave_it_is_refused():
    given(*history()).when(consent(CONSENT_TRAJECTORY, by=())).then_refused(InvalidRecord, "who gave consent")


def test_withdrawing_consent_that_was_never_given_is_refused():
    given(*history()).when(withdraw(CONSENT_TRAJECTORY, on=AGREED)).then_refused(ConsentMissing, "no consent")


def test_withdrawn_consent_records_who_withdrew_it_and_from_when():
    outcome = given(*history(consent(CONSENT_TRAJECTORY))).when(withdraw(CONSENT_TRAJECTORY, on=START))
    outcome.then((Trajectory.ConsentWithdrawn, {"scopes": [CONSENT_TRAJECTORY], "withdrawn_by": [PARENTS[1]]}))
    assert not outcome.aggregate.consent_in_force(CONSENT_TRAJECTORY, START)
    assert outcome.aggregate.consent_in_force(CONSENT_TRAJECTORY, AGREED), "it was in force until withdrawn"


# Agreement and step 3: start -----------------------------------------------------------------


def test_agreeing_without_a_proposal_is_refused():
    given(*history()).when(agree()).then_refused(WrongStep, "no proposal")


def test_agreeing_twice_to_the_same_proposal_is_refused():
    given(*history(propose(), agree())).when(agree()).then_refused(WrongStep, "already agreed")


def test_the_trajectory_starts_after_the_parents_agreement_and_consent():
    given(*history(*ready_to_start())).when(start()).then(
        (Trajectory.TrajectoryStarted, {"on": START, "actor": COUNSELLOR})
    )


def test_starting_without_the_parents_agreement_is_refused():
    given(*history(propose(), consent(CONSENT_TRAJECTORY))).when(start()).then_refused(AgreementMissing, "agreed")


def test_starting_without_consent_for_a_15_year_old_is_refused():
    fifteen = Child("Daan", date(2009, 6, 1))  # 15 on the start date
    given(*history(propose(), agree(), children=(fifteen, TIM))).when(start()).then_refused(
        ConsentMissing, "Daan is under 16"
    )


def test_a_child_who_turns_16_on_the_start_date_needs_no_consent():
    sixteen = Child("Daan", date(2009, 1, 27))
    given(*history(propose(), agree(), children=(sixteen,))).when(start()).then(Trajectory.TrajectoryStarted)


def test_a_child_who_turns_16_the_day_after_the_start_still_needs_consent():
    almost = Child("Daan", date(2009, 1, 28))
    given(*history(propose(), agree(), children=(almost,))).when(start()).then_refused(ConsentMissing, "under 16")


def test_consent_for_child_conversations_alone_does_not_start_the_trajectory():
    steps = (propose(), agree(), consent(CONSENT_CHILD_CONVERSATIONS))
    given(*history(*steps)).when(start()).then_refused(ConsentMissing, "for the trajectory")


def test_consent_dated_after_the_start_does_not_start_the_trajectory():
    steps = (propose(), agree(), consent(CONSENT_TRAJECTORY, on=date(2025, 2, 3)))
    given(*history(*steps)).when(start()).then_refused(ConsentMissing, "under 16")


def test_withdrawn_consent_does_not_start_the_trajectory():
    steps = (*ready_to_start(), withdraw(CONSENT_TRAJECTORY, on=START))
    given(*history(*steps)).when(start()).then_refused(ConsentMissing, "under 16")


def test_starting_without_parental_authority_is_refused_when_the_type_requires_it():
    given(*history(*ready_to_start(), authority=False)).when(start()).then_refused(
        ParentalAuthorityMissing, "ouderlijk gezag"
    )


def test_confirmed_parental_authority_lets_the_trajectory_start():
    steps = (*ready_to_start(), lambda t: t.confirm_parental_authority(AGREED, COUNSELLOR))
    given(*history(*steps, authority=False)).when(start()).then(Trajectory.TrajectoryStarted)


def test_a_type_without_the_parental_authority_condition_starts_without_it():
    given(*history(*ready_to_start(), rules=COACHING, authority=False)).when(start()).then(
        Trajectory.TrajectoryStarted
    )


def test_a_start_dated_before_the_agreement_is_refused():
    given(*history(*ready_to_start())).when(start(on=PROPOSED)).then_refused(DateOutOfOrder, "agreement")


def test_starting_twice_is_refused():
    given(*history(*started())).when(start()).then_refused(WrongStep, "already started")
