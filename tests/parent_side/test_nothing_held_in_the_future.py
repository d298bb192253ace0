"""Dates a court relies on: a session or child conversation is recorded as held only on a day that has come."""

from __future__ import annotations

from datetime import timedelta

from services.parent_side.domain.errors import InvalidRecord
from services.parent_side.domain.trajectory import Trajectory
from tests.support.trajectories import (
    CHILD_COUNSELLOR, COUNSELLOR, fortnight, history, started, text,
)
from tests.support.given_when_then import given

TODAY = fortnight(2)
TOMORROW = TODAY + timedelta(days=1)


def test_a_session_on_a_day_that_has_not_come_is_refused():
    given(*history(*started())).when(lambda t: t.record_session(
        TOMORROW, 60, ["parallel_parenting"], text("Nog niet gebeurd."), True, COUNSELLOR, today=TODAY,
    )).then_refused(InvalidRecord, "has not come yet")


def test_a_missed_session_on_a_day_that_has_not_come_is_refused_too():
    given(*history(*started())).when(lambda t: t.record_session(
        TOMORROW, 0, [], None, False, COUNSELLOR, missed_reason="afgezegd", today=TODAY,
    )).then_refused(InvalidRecord, "plan it instead")


def test_a_session_held_today_is_recorded():
    given(*history(*started())).when(lambda t: t.record_session(
        TODAY, 60, ["parallel_parenting"], text("Vandaag gesproken."), True, COUNSELLOR, today=TODAY,
    )).then(Trajectory.SessionRecorded)


def test_a_child_conversation_on_a_day_that_has_not_come_is_refused():
    given(*history(*started())).when(lambda t: t.record_child_conversation(
        "Sara", CHILD_COUNSELLOR, TOMORROW, text("Nog niet gebeurd."), CHILD_COUNSELLOR, today=TODAY,
    )).then_refused(InvalidRecord, "has not come yet")
