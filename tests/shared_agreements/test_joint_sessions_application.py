"""Joint sessions through the shared-agreements application, on both stores."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from uuid import UUID, uuid4

import pytest

from services.platform.errors import Conflict
from services.shared_agreements.application import Child, Parent, SharedAgreements
from services.shared_agreements.domain.errors import CaseNotFound
from services.shared_agreements.domain.joint_session_rules import (
    InvalidJointSession, JointSessionNotFound, OutsideFixedMeetingFrame, SessionCannotBeMoved, SessionNotPaused,
)
from services.shared_agreements.domain.joint_sessions import joint_sessions_id

COORDINATOR = "coordinator-anna"
NEW_YEAR = date(2026, 1, 5)
OV_DAYS = [date(2026, 11, 3), date(2026, 3, 3), date(2026, 6, 3), date(2026, 9, 1)]


@pytest.fixture
def app(settings, clock):
    application = SharedAgreements(settings.context_store("shared_agreements"), clock=clock)
    yield application
    application.close()


def register(app: SharedAgreements, trajectory_type: str) -> UUID:
    return app.register_case(
        parent_a=Parent("Sanne", True), parent_b=Parent("Mark", True), children=[Child("Noor", date(2014, 5, 3))],
        trajectory_type=trajectory_type, actor=COORDINATOR,
    )


def plan(app: SharedAgreements, case_id: UUID, day: date, start: time = time(9, 30)) -> UUID:
    return app.plan_joint_session(case_id, day=day, start=start, duration_minutes=120, place="Praktijk Utrecht",
                                  actor=COORDINATOR, planned_on=NEW_YEAR)


def stored(app: SharedAgreements) -> list:
    return [(n.id, n.topic, n.state) for n in app.recorder.select_notifications(start=1, limit=10**6)]


def test_the_four_opnieuw_verbinden_meetings_read_back_in_calendar_order(app, settings):
    case_id = register(app, "opnieuw_verbinden")
    ids = [plan(app, case_id, day) for day in OV_DAYS]
    reopened = SharedAgreements(settings.context_store("shared_agreements"))
    try:
        views = reopened.joint_sessions(case_id)
    finally:
        reopened.close()
    assert [v.day for v in views] == sorted(OV_DAYS)
    assert [v.session_id for v in views] == [ids[1], ids[2], ids[3], ids[0]]
    assert {(v.start, v.status, v.trajectory_type, v.planned_by) for v in views} == {
        (time(9, 30), "planned", "opnieuw_verbinden", COORDINATOR)}


def test_moving_an_opnieuw_verbinden_meeting_is_refused_and_changes_nothing(app):
    case_id = register(app, "opnieuw_verbinden")
    session_id = plan(app, case_id, OV_DAYS[1])
    before = stored(app)
    with pytest.raises(SessionCannotBeMoved):
        app.reschedule_joint_session(case_id, session_id, day=date(2026, 3, 4), start=time(9, 30),
                                     reason="ouder B kan niet", actor=COORDINATOR, on=NEW_YEAR)
    assert stored(app) == before


def test_a_first_meeting_outside_the_frame_is_refused_and_stores_nothing(app):
    case_id = register(app, "opnieuw_verbinden")
    before = stored(app)
    with pytest.raises(OutsideFixedMeetingFrame):
        plan(app, case_id, date(2026, 3, 5))
    assert stored(app) == before
    assert app.joint_sessions(case_id) == [] and joint_sessions_id(case_id) not in app.repository


def test_a_mediation_session_is_moved_paused_resumed_and_attended(app):
    case_id = register(app, "gezinsbemiddeling_fase_1")
    session_id = plan(app, case_id, date(2026, 2, 10), start=time(15, 0))
    app.reschedule_joint_session(case_id, session_id, day=date(2026, 2, 17), start=time(15, 0),
                                 reason="zieke begeleider", actor=COORDINATOR, on=NEW_YEAR)
    pause_at = datetime(2026, 2, 17, 15, 40, tzinfo=timezone.utc)
    app.pause_joint_session(case_id, session_id, reason="agressieve taal", parent="parent_a", actor=COORDINATOR,
                            at=pause_at)
    app.resume_joint_session(case_id, session_id, actor=COORDINATOR, at=pause_at.replace(minute=55))
    app.record_attendance(case_id, session_id, parent="parent_a", attended=True, actor=COORDINATOR,
                          on=date(2026, 2, 17))
    app.record_attendance(case_id, session_id, parent="parent_b", attended=False, absence_reason="ziek",
                          actor=COORDINATOR, on=date(2026, 2, 17))
    [view] = app.joint_sessions(case_id)
    assert (view.day, view.moved_from, view.status) == (date(2026, 2, 17), (date(2026, 2, 10),), "held")
    assert [(p.reason, p.parent, p.paused_at, p.resumed_at) for p in view.pauses] == [
        ("agressieve taal", "parent_a", pause_at, pause_at.replace(minute=55))]
    assert [(a.parent, a.attended, a.absence_reason) for a in view.attendance] == [
        ("parent_a", True, None), ("parent_b", False, "ziek")]


def test_pause_and_planning_day_default_to_the_applications_clock(app, clock):
    case_id = register(app, "gezinsbemiddeling_fase_1")
    clock.set(datetime(2026, 2, 10, 15, 30, tzinfo=timezone.utc))
    with pytest.raises(InvalidJointSession, match="has passed"):
        app.plan_joint_session(case_id, day=date(2026, 2, 9), start=time(15), duration_minutes=60,
                               place="Praktijk", actor=COORDINATOR)
    session_id = app.plan_joint_session(case_id, day=date(2026, 2, 10), start=time(15), duration_minutes=60,
                                        place="Praktijk", actor=COORDINATOR)
    app.pause_joint_session(case_id, session_id, reason="agressieve taal", actor=COORDINATOR)
    assert app.joint_sessions(case_id)[0].pauses[0].paused_at == datetime(2026, 2, 10, 15, 30, tzinfo=timezone.utc)


def test_resuming_a_running_session_is_refused_and_changes_nothing(app):
    case_id = register(app, "gezinsbemiddeling_fase_1")
    session_id = plan(app, case_id, date(2026, 2, 10))
    before = stored(app)
    with pytest.raises(SessionNotPaused):
        app.resume_joint_session(case_id, session_id, actor=COORDINATOR,
                                 at=datetime(2026, 2, 10, 10, tzinfo=timezone.utc))
    assert stored(app) == before


def test_sessions_of_an_unknown_case_are_not_found(app):
    with pytest.raises(CaseNotFound):
        app.joint_sessions(uuid4())
    with pytest.raises(CaseNotFound):
        plan(app, uuid4(), date(2026, 2, 10))
    with pytest.raises(JointSessionNotFound):
        app.cancel_joint_session(uuid4(), uuid4(), reason="vergissing", actor=COORDINATOR)


def test_a_change_on_a_stale_copy_is_a_conflict_and_saves_nothing(app, monkeypatch):
    case_id = register(app, "gezinsbemiddeling_fase_1")
    session_id = plan(app, case_id, date(2026, 2, 10))
    stale = app.repository.get(joint_sessions_id(case_id))
    app.cancel_joint_session(case_id, session_id, reason="praktijk gesloten", actor=COORDINATOR)
    before = stored(app)
    fresh_get, sessions_id = app.repository.get, joint_sessions_id(case_id)
    monkeypatch.setattr(app.repository, "get", lambda aggregate_id, **kwargs: (
        stale if aggregate_id == sessions_id else fresh_get(aggregate_id, **kwargs)))
    with pytest.raises(Conflict, match="reload"):
        plan(app, case_id, date(2026, 2, 11))
    assert stored(app) == before
