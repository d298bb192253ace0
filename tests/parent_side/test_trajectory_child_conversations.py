"""Child conversations (kindgesprekken) and counsellor changes: who may hold what, and how many."""

from __future__ import annotations

from datetime import timedelta

from services.parent_side.domain.catalogue import template
from services.parent_side.domain.errors import (
    ChildConversationLimitReached, ConsentMissing, CounsellorNotIndependent, DateOutOfOrder, InvalidRecord,
    NotStarted, TrajectoryIsClosed,
)
from services.parent_side.domain.records import CONSENT_CHILD_CONVERSATIONS, CONSENT_TRAJECTORY
from services.parent_side.domain.trajectory import Trajectory
from tests.support.trajectories import (
    CHILD_COUNSELLOR, COACHING, COUNSELLOR, NEXT_COUNSELLOR, OTHER_CASE, START, agree, child_conversation, close,
    consent, fortnight, history, propose, ready_to_start, reassign, start, started, text, withdraw,
)
from tests.support.given_when_then import given

LOMAN = template("parallel_solo_ouderschap_loman")


def test_a_child_conversation_is_recorded_by_another_counsellor_with_consent():
    summary = text("Sara tekende haar twee huizen.")
    given(*history(*started())).when(child_conversation(fortnight(2))).then((Trajectory.ChildConversationRecorded, {
        "child": "Sara", "held_by": CHILD_COUNSELLOR, "on": fortnight(2), "summary": summary,
        "actor": CHILD_COUNSELLOR,
    }))


def test_a_child_conversation_without_consent_is_refused():
    steps = (propose(), agree(), consent(CONSENT_TRAJECTORY), start())
    given(*history(*steps)).when(child_conversation(fortnight(2))).then_refused(ConsentMissing, "child conversation")


def test_a_child_conversation_after_the_consent_was_withdrawn_is_refused():
    steps = (*started(), withdraw(CONSENT_CHILD_CONVERSATIONS, on=fortnight(2)))
    given(*history(*steps)).when(child_conversation(fortnight(2))).then_refused(ConsentMissing, "in force")


def test_a_child_conversation_by_the_sides_own_counsellor_is_refused():
    given(*history(*started())).when(child_conversation(fortnight(2), held_by=COUNSELLOR)).then_refused(
        CounsellorNotIndependent, "other than the parent's own"
    )


def test_a_child_conversation_by_a_former_counsellor_of_the_parent_is_refused():
    given(*history(*started(), reassign(on=fortnight(2)))).when(
        child_conversation(fortnight(3), held_by=COUNSELLOR)
    ).then_refused(CounsellorNotIndependent, "is or was the parent's counsellor")


def test_four_child_conversations_are_allowed_in_parallel_solo_parenting():
    three = [child_conversation(fortnight(n)) for n in range(1, 4)]
    given(*history(*started(), *three, rules=LOMAN)).when(child_conversation(fortnight(4))).then(
        Trajectory.ChildConversationRecorded
    )


def test_a_fifth_child_conversation_is_refused():
    four = [child_conversation(fortnight(n)) for n in range(1, 5)]
    given(*history(*started(), *four, rules=LOMAN)).when(child_conversation(fortnight(5))).then_refused(
        ChildConversationLimitReached, "at most 4 child conversations"
    )


def test_a_type_that_allows_no_child_conversations_refuses_the_first():
    given(*history(*started(), rules=COACHING)).when(child_conversation(fortnight(2))).then_refused(
        ChildConversationLimitReached, "no child conversations"
    )


def test_a_proposal_that_tailors_child_conversations_in_allows_them():
    tailored = COACHING.tailored(max_child_conversations=1)
    steps = (propose(rules=tailored), agree(), consent(CONSENT_TRAJECTORY, CONSENT_CHILD_CONVERSATIONS), start())
    given(*history(*steps, rules=COACHING)).when(child_conversation(fortnight(2))).then(
        Trajectory.ChildConversationRecorded
    )


def test_a_child_conversation_with_a_child_outside_the_trajectory_is_refused():
    given(*history(*started())).when(child_conversation(fortnight(2), child="Noor")).then_refused(
        InvalidRecord, "not one of the children"
    )


def test_a_child_conversation_without_a_summary_is_refused():
    given(*history(*started())).when(
        lambda t: t.record_child_conversation("Sara", CHILD_COUNSELLOR, START, text("  "), CHILD_COUNSELLOR)
    ).then_refused(InvalidRecord, "summary is empty")


def test_a_child_conversation_summary_of_another_case_is_refused():
    given(*history(*started())).when(
        lambda t: t.record_child_conversation("Sara", CHILD_COUNSELLOR, START, text("x", OTHER_CASE), CHILD_COUNSELLOR)
    ).then_refused(InvalidRecord, "another case")


def test_a_child_conversation_before_the_start_is_refused():
    given(*history(*ready_to_start())).when(child_conversation(START)).then_refused(NotStarted, "started")


def test_a_child_conversation_on_a_closed_trajectory_is_refused():
    given(*history(*started(), close(fortnight(2)))).when(child_conversation(fortnight(3))).then_refused(
        TrajectoryIsClosed, "closed"
    )


# Counsellor changes -------------------------------------------------------------------------------


def test_a_counsellor_is_reassigned_with_a_reason_and_who_acted():
    outcome = given(*history(*started())).when(reassign(on=fortnight(2)))
    outcome.then((Trajectory.CounsellorReassigned, {
        "counsellor": NEXT_COUNSELLOR, "reason": text("ziekteverlof"), "on": fortnight(2), "actor": "team-lead-marit",
    }))
    assert outcome.aggregate.counsellor == NEXT_COUNSELLOR


def test_a_reassignment_without_a_reason_is_refused():
    given(*history(*started())).when(
        lambda t: t.reassign_counsellor(NEXT_COUNSELLOR, " ", START, COUNSELLOR)
    ).then_refused(InvalidRecord, "reason")


def test_reassigning_the_parents_own_counsellor_to_them_again_is_refused():
    given(*history(*started())).when(reassign(to=COUNSELLOR)).then_refused(InvalidRecord, "already")


def test_the_child_counsellor_cannot_become_the_parents_counsellor():
    given(*history(*started(), child_conversation(fortnight(1)))).when(
        reassign(to=CHILD_COUNSELLOR, on=fortnight(2))
    ).then_refused(CounsellorNotIndependent, "held a child conversation")


def test_a_new_counsellor_cannot_hold_the_child_conversations_either():
    given(*history(*started(), reassign(on=fortnight(1)))).when(
        child_conversation(fortnight(2), held_by=NEXT_COUNSELLOR)
    ).then_refused(CounsellorNotIndependent, "parent's counsellor")


def test_a_reassignment_dated_before_the_current_assignment_is_refused():
    given(*history(*started(), reassign(on=fortnight(2)))).when(
        reassign(to="counsellor-fenna", on=fortnight(2) - timedelta(days=1))
    ).then_refused(DateOutOfOrder, "current assignment")


def test_a_counsellor_cannot_be_reassigned_on_a_closed_trajectory():
    given(*history(*started(), close(fortnight(2)))).when(reassign(on=fortnight(3))).then_refused(
        TrajectoryIsClosed, "closed"
    )
