"""Who must respect a limit sees it before hitting it: the consent in force and the child conversations left."""

from __future__ import annotations

from datetime import timedelta

from services.parent_side.domain.child_room import ChildConversationRoom, room_of
from services.parent_side.domain.records import CONSENT_CHILD_CONVERSATIONS, CONSENT_TRAJECTORY
from tests.support.given_when_then import given
from tests.support.trajectories import (
    AGREED, COACHING, START, agree, child_conversation, close, consent, fortnight, history, propose, start, started,
    withdraw,
)


def room(*steps, on, **rules) -> ChildConversationRoom:
    return given(*history(*steps, **rules)).when(lambda t: room_of(t, on)).result


def test_the_room_shows_the_consent_in_force_and_the_conversations_left():
    two = [child_conversation(fortnight(n)) for n in (2, 3)]
    assert room(*started(), *two, on=fortnight(4)) == ChildConversationRoom(
        on=fortnight(4), in_term=True, consent_in_force=True, maximum=4, held=2)
    assert room(*started(), *two, on=fortnight(4)).left == 2


def test_a_trajectory_at_its_limit_has_no_conversation_left():
    four = [child_conversation(fortnight(n)) for n in range(1, 5)]
    assert room(*started(), *four, on=fortnight(6)).left == 0


def test_without_consent_for_child_conversations_the_room_says_so():
    steps = (propose(), agree(), consent(CONSENT_TRAJECTORY), start())
    assert not room(*steps, on=fortnight(2)).consent_in_force


def test_consent_counts_only_from_the_day_it_was_given_until_the_day_it_was_withdrawn():
    withdrawn = (*started(), withdraw(CONSENT_CHILD_CONVERSATIONS, on=fortnight(3)))
    assert not room(*withdrawn, on=AGREED.replace(day=AGREED.day - 1)).consent_in_force
    assert room(*withdrawn, on=fortnight(2)).consent_in_force
    assert not room(*withdrawn, on=fortnight(3)).consent_in_force


def test_a_type_that_allows_no_child_conversations_leaves_none():
    assert room(*started(), on=fortnight(2), rules=COACHING) == ChildConversationRoom(
        on=fortnight(2), in_term=True, consent_in_force=True, maximum=0, held=0)
    assert room(*started(), on=fortnight(2), rules=COACHING).left == 0


def test_the_room_says_whether_the_trajectory_takes_a_conversation_that_day():
    steps = (propose(), agree(), consent(CONSENT_TRAJECTORY, CONSENT_CHILD_CONVERSATIONS))
    assert not room(*steps, on=fortnight(2)).in_term, "not started yet"
    assert not room(*steps, start(), on=START - timedelta(days=1)).in_term, "before the start"
    assert room(*steps, start(), on=fortnight(2)).in_term
    assert not room(*steps, start(), on=START + timedelta(weeks=36)).in_term, "past Loman's 35 weeks"
    assert not room(*steps, start(), close(fortnight(3)), on=fortnight(3)).in_term, "closed"
