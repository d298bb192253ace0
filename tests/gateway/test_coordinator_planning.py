"""A coordinator plans joint sessions (pausing one on aggression) and lays down the year's contact schedule."""

from __future__ import annotations

from datetime import date, timedelta

import vobject

from services.platform.access_log import Action
from tests.support.coordinator_gateway import (
    COORDINATOR, NOW, PLAN, SCHEDULE_RANGES, SESSIONS, SET_SCHEDULE, call, register, registered_with_both_parents,
)


def test_a_joint_session_is_paused_on_aggression_resumed_and_attended(coordinator):
    case = registered_with_both_parents(coordinator)
    session = call(coordinator, PLAN, {"case": case, "day": "2026-03-10"}, action=Action.CHANGE)["planJointSession"]
    ids = {"case": case, "session": session}
    pause = """mutation($case: UUID!, $session: UUID!) { pauseJointSession(caseId: $case, sessionId: $session,
      reason: "Agressief taalgebruik", parent: PARENT_B) { ok } }"""
    call(coordinator, pause, ids, action=Action.CHANGE)
    resume = "mutation($case: UUID!, $session: UUID!) { resumeJointSession(caseId: $case, sessionId: $session) { ok } }"
    call(coordinator, resume, ids, action=Action.CHANGE)
    attend = """mutation($case: UUID!, $session: UUID!, $parent: Parent!, $came: Boolean!, $why: String) {
      recordAttendance(caseId: $case, sessionId: $session, parent: $parent, attended: $came, absenceReason: $why) { ok } }"""
    call(coordinator, attend, {**ids, "parent": "PARENT_A", "came": True}, action=Action.CHANGE)
    call(coordinator, attend, {**ids, "parent": "PARENT_B", "came": False, "why": "Ziek"}, action=Action.CHANGE)
    [held] = call(coordinator, SESSIONS, {"case": case})["jointSessions"]
    assert (held["sessionId"], held["status"], held["start"]) == (session, "HELD", "10:00:00")
    [paused] = held["pauses"]
    assert (paused["parent"], paused["pausedBy"], paused["resumedAt"]) == ("PARENT_B", COORDINATOR, NOW.isoformat())
    assert held["attendance"] == [{"parent": "PARENT_A", "attended": True, "absenceReason": None},
                                  {"parent": "PARENT_B", "attended": False, "absenceReason": "Ziek"}]


def test_a_joint_session_is_moved_and_then_cancelled(coordinator):
    case = registered_with_both_parents(coordinator)
    session = call(coordinator, PLAN, {"case": case, "day": "2026-04-01"}, action=Action.CHANGE)["planJointSession"]
    ids = {"case": case, "session": session}
    move = """mutation($case: UUID!, $session: UUID!) { rescheduleJointSession(caseId: $case, sessionId: $session,
      day: "2026-04-08", start: "14:00:00", reason: "Zitting rechtbank") { ok } }"""
    call(coordinator, move, ids, action=Action.CHANGE)
    cancel = """mutation($case: UUID!, $session: UUID!) { cancelJointSession(caseId: $case, sessionId: $session,
      reason: "Ouder B verhuisd") { ok } }"""
    call(coordinator, cancel, ids, action=Action.CHANGE)
    [moved] = call(coordinator, SESSIONS, {"case": case})["jointSessions"]
    assert (moved["day"], moved["start"], moved["movedFrom"]) == ("2026-04-08", "14:00:00", ["2026-04-01"])
    assert (moved["status"], moved["cancelReason"]) == ("CANCELLED", "Ouder B verhuisd")

def test_a_contact_schedule_is_laid_down_replaced_and_exported_as_icalendar(coordinator):
    case = registered_with_both_parents(coordinator)
    assert call(coordinator, SET_SCHEDULE, {"case": case, "ranges": SCHEDULE_RANGES}, action=Action.CHANGE) == {
        "setContactSchedule": 1}
    changed = [*SCHEDULE_RANGES[:2], {**SCHEDULE_RANGES[2], "parent": "PARENT_B"}]
    assert call(coordinator, SET_SCHEDULE, {"case": case, "ranges": changed, "reason": "Verhuizing"},
                action=Action.CHANGE)["setContactSchedule"] == 2
    read = """query($case: UUID!, $version: Int) { contactSchedule(caseId: $case, year: 2026, version: $version) {
      version reason recordedBy ranges { firstDay lastDay parent children kind holiday handoverTime } } }"""
    first = call(coordinator, read, {"case": case, "version": 1})["contactSchedule"]
    current = call(coordinator, read, {"case": case})["contactSchedule"]
    assert (first["version"], first["reason"], current["version"], current["reason"]) == (1, None, 2, "Verhuizing")
    assert [r["parent"] for r in current["ranges"]] == ["PARENT_A", "PARENT_B", "PARENT_B"]
    assert current["ranges"][1] == {"firstDay": "2026-07-04", "lastDay": "2026-08-16", "parent": "PARENT_B",
                                    "children": ["Noor"], "kind": "HOLIDAY", "holiday": "zomervakantie",
                                    "handoverTime": "18:00:00"}
    export = "query($case: UUID!) { contactScheduleIcal(caseId: $case, year: 2026) }"
    ical = call(coordinator, export, {"case": case}, action=Action.EXPORT)["contactScheduleIcal"]
    events = sorted(vobject.readOne(ical).vevent_list, key=lambda e: e.dtstart.value)
    assert [(e.dtstart.value, e.dtend.value - timedelta(days=1)) for e in events] == [
        (date(2026, 1, 1), date(2026, 7, 3)), (date(2026, 7, 4), date(2026, 8, 16)), (date(2026, 8, 17), date(2026, 12, 31))]
    assert "bij ouder B" in events[2].summary.value and COORDINATOR not in ical
    assert call(coordinator, export, {"case": case}, action=Action.EXPORT)["contactScheduleIcal"] == ical


ROOM = """query($case: UUID!, $on: Date!) { jointSessionRoom(caseId: $case, on: $on) {
  trajectoryType year maximum taken left } }"""


def test_before_planning_the_coordinator_sees_the_guided_conversations_left_in_the_year(coordinator):
    case = register(coordinator, trajectoryType="PARALLEL_OUDERSCHAP_FASE_2")
    call(coordinator, PLAN, {"case": case, "day": "2026-03-10"}, action=Action.CHANGE)
    assert call(coordinator, ROOM, {"case": case, "on": "2026-06-01"})["jointSessionRoom"] == {
        "trajectoryType": "PARALLEL_OUDERSCHAP_FASE_2", "year": 2026, "maximum": 4, "taken": 1, "left": 3}
    assert call(coordinator, ROOM, {"case": case, "on": "2027-01-05"})["jointSessionRoom"]["left"] == 4


def test_a_type_that_counts_per_phase_shows_no_year_and_a_type_without_a_limit_no_number(coordinator):
    phase = register(coordinator, trajectoryType="GEZINSBEMIDDELING_FASE_1")
    assert call(coordinator, ROOM, {"case": phase, "on": "2026-06-01"})["jointSessionRoom"] == {
        "trajectoryType": "GEZINSBEMIDDELING_FASE_1", "year": None, "maximum": 4, "taken": 0, "left": 4}
    free = register(coordinator)
    assert call(coordinator, ROOM, {"case": free, "on": "2026-06-01"})["jointSessionRoom"] == {
        "trajectoryType": "PARALLEL_OUDERSCHAP", "year": None, "maximum": None, "taken": 0, "left": None}
