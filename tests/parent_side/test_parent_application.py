"""The parent-side application on both stores: one code, two sides, each in its own store.

Every test here runs on SQLite and PostgreSQL (the ``settings`` fixture).
"""

from __future__ import annotations


from datetime import date, datetime, timedelta, timezone
from uuid import UUID, uuid4

import pytest

from services.parent_a_context.application import ParentAContext
from services.parent_b_context.application import ParentBContext
from services.parent_side.application import ParentSide
from services.parent_side.domain.errors import (
    ChildConversationLimitReached, ConcurrentChange, ConsentMissing, CounsellorNotIndependent, ErasureRefused,
    InvalidRecord, ReleaseRefused, TrajectoryAlreadyOpened, TrajectoryIsClosed, TrajectoryNotFound,
)
from services.parent_side.domain.records import ERASURE_REQUEST, RETENTION_ENDED, Child, PlannedSession
from services.parent_side.domain.trajectory import Trajectory
from services.platform.errors import Conflict, DomainError
from tests.support.trajectories import CHILD_COUNSELLOR, COUNSELLOR, NEXT_COUNSELLOR, PARENTS, SARA, START, TIM, fortnight
from tests.support.side_cases import CLOSED, LOMAN, agreed_case, closed_case, open_case, private, started_case, stored


@pytest.fixture
def side_a(settings):
    app = ParentAContext(settings.context_store("parent_a_context"))
    yield app
    app.close()


@pytest.fixture
def side_b(settings):
    app = ParentBContext(settings.context_store("parent_b_context"))
    yield app
    app.close()


def test_a_trajectory_runs_from_intake_to_release_and_reads_back_as_plain_data(side_a):
    case = uuid4()
    started_case(side_a, case)
    side_a.plan_session(case, on=fortnight(2), actor=COUNSELLOR)
    side_a.record_session(case, on=START, duration_minutes=55, themes=["own_ground", "eigen rouw"],
                          note=private(case, "Moeder huilde om het verlies."), attended=True, actor=COUNSELLOR)
    side_a.record_session(case, on=fortnight(2), duration_minutes=0, themes=[], note=None, attended=False,
                          actor=COUNSELLOR, missed_reason="ziek gemeld")
    side_a.record_child_conversation(case, child="Sara", held_by=CHILD_COUNSELLOR, on=fortnight(2),
                                     summary=private(case, "Sara wil haar fiets bij papa."), actor=CHILD_COUNSELLOR)
    side_a.reassign_counsellor(case, counsellor=NEXT_COUNSELLOR, reason="verhuizing", on=fortnight(3), actor="lead")
    side_a.close_trajectory(case, on=CLOSED, evaluation=private(case, "Moeder staat steviger."), actor=NEXT_COUNSELLOR)
    side_a.release_evaluation_for_court(case, on=CLOSED, actor=NEXT_COUNSELLOR)

    view = side_a.trajectory(case)
    assert (view.status, view.case_id, view.parent, view.children) == ("closed", case, PARENTS[0], (SARA,))
    assert view.rules == LOMAN and view.counsellor == NEXT_COUNSELLOR and view.evaluation_released
    assert [(s.on, s.attended, s.missed_reason) for s in view.sessions] == [
        (START, True, None), (fortnight(2), False, "ziek gemeld")]
    assert view.sessions[0].note == private(case, "Moeder huilde om het verlies.")
    assert view.child_conversations[0].summary.text == "Sara wil haar fiets bij papa."
    assert view.evaluation == private(case, "Moeder staat steviger.") and view.retain_until == date(2045, 3, 24)
    assert view.version == len(side_a.recorder.select_events(view.trajectory_id))
    progress = side_a.progress(case, on=CLOSED)
    assert (progress.sessions_held, progress.sessions_missed, progress.child_conversations_held) == (1, 1, 1)


def test_private_text_is_not_stored_as_plain_text(side_a):
    case, canary = uuid4(), f"canary-{uuid4().hex}"
    closed_case(side_a, case, note=canary)
    assert all(canary.encode() not in state for _, _, state in stored(side_a))
    assert side_a.trajectory(case).sessions[0].note.text == canary


def test_parent_a_and_parent_b_are_the_same_code_with_different_stores(side_a, side_b):
    assert ParentAContext.__bases__ == ParentBContext.__bases__ == (ParentSide,)
    # A name (its store) and a slot (which part of the case header is its own); the rest is shared.
    same = {"__module__", "__doc__", "name", "side", "__abstractmethods__", "_abc_impl"}
    assert set(vars(ParentAContext)) - same == set()
    assert set(vars(ParentBContext)) - same == set()
    case = uuid4()
    open_case(side_a, case)
    with pytest.raises(TrajectoryNotFound):
        side_b.trajectory(case)
    assert stored(side_b) == []
    a_before = stored(side_a)
    open_case(side_b, case, children=(SARA, TIM), parent=PARENTS[1])
    assert stored(side_a) == a_before, "B's intake must not touch A's store"
    assert side_a.trajectory(case).parent == PARENTS[0] and side_b.trajectory(case).parent == PARENTS[1]
    assert side_a.trajectory(case).trajectory_id == side_b.trajectory(case).trajectory_id, "same code, same id"


def test_a_second_intake_for_the_same_case_on_the_same_side_is_refused_and_changes_nothing(side_a, monkeypatch):
    case = uuid4()
    open_case(side_a, case)
    before = stored(side_a)
    with pytest.raises(TrajectoryAlreadyOpened, match="already has a trajectory"):
        open_case(side_a, case)
    # Two intakes racing past the first look: the store's own uniqueness refuses the second.
    monkeypatch.setattr(side_a.recorder, "select_events", lambda *args, **kwargs: [])
    with pytest.raises(TrajectoryAlreadyOpened):
        open_case(side_a, case)
    assert stored(side_a) == before


def three_cases(app: ParentSide) -> tuple[UUID, UUID, UUID]:
    """A case with all 4 child conversations held, one of a 15-year-old without consent, a closed one."""
    full, young, closed = uuid4(), uuid4(), uuid4()
    started_case(app, full)
    for n in range(1, 5):
        app.record_child_conversation(full, child="Sara", held_by=CHILD_COUNSELLOR, on=fortnight(n),
                                      summary=private(full, f"gesprek {n}"), actor=CHILD_COUNSELLOR)
    agreed_case(app, young, children=(Child("Daan", date(2009, 6, 1)),), consents=())
    closed_case(app, closed)
    return full, young, closed


def test_every_refused_command_leaves_the_store_exactly_as_it_was(side_a):
    full, young, closed = three_cases(side_a)
    summary = private(full, "vijfde")
    refused = {
        "a fifth child conversation": (ChildConversationLimitReached, lambda: side_a.record_child_conversation(
            full, child="Sara", held_by=CHILD_COUNSELLOR, on=fortnight(5), summary=summary, actor=CHILD_COUNSELLOR)),
        "a child conversation by the side's own counsellor": (CounsellorNotIndependent, lambda: (
            side_a.record_child_conversation(full, child="Sara", held_by=COUNSELLOR, on=fortnight(5),
                                             summary=summary, actor=COUNSELLOR))),
        "starting without consent for a 15-year-old": (ConsentMissing, lambda: side_a.start(
            young, on=START, actor=COUNSELLOR)),
        "a session on a closed trajectory": (TrajectoryIsClosed, lambda: side_a.record_session(
            closed, on=fortnight(6), duration_minutes=45, themes=["own_ground"], note=private(closed, "te laat"),
            attended=True, actor=COUNSELLOR)),
        "a command for a case this side does not hold": (TrajectoryNotFound, lambda: side_a.start(
            uuid4(), on=START, actor=COUNSELLOR)),
        "a command without who acted": (InvalidRecord, lambda: side_a.plan_session(full, on=fortnight(6), actor="")),
        "withdrawing a release that was never given": (ReleaseRefused, lambda: side_a.withdraw_release(
            closed, on=CLOSED, actor=COUNSELLOR)),
        "erasing an open trajectory": (ErasureRefused, lambda: side_a.erase_private_text(
            full, actor=COUNSELLOR, reason=ERASURE_REQUEST)),
    }
    for what, (error, command) in refused.items():
        before = stored(side_a)
        with pytest.raises(error) as raised:
            command()
        assert isinstance(raised.value, DomainError) and raised.value.message, what
        assert stored(side_a) == before, f"{what}: the store changed"


def test_a_change_saved_over_someone_elses_change_is_refused_as_a_conflict(settings, side_a, monkeypatch):
    case = uuid4()
    started_case(side_a, case)
    colleague = ParentAContext(settings.context_store("parent_a_context"))  # another worker, same store
    load, colleague_saved = side_a.repository.get, []

    def load_then_a_colleague_saves(*args, **kwargs):
        loaded = load(*args, **kwargs)
        # A command also reads the case file (the case's phase); the colleague saves once, after the trajectory.
        if isinstance(loaded, Trajectory) and not colleague_saved:
            colleague_saved.append(colleague.plan_session(case, on=fortnight(2), actor="counsellor-fenna"))
        return loaded

    colleague_saved: list = []

    monkeypatch.setattr(side_a.repository, "get", load_then_a_colleague_saves)
    try:
        with pytest.raises(ConcurrentChange, match="reload") as refused:
            side_a.plan_session(case, on=fortnight(3), actor=COUNSELLOR)
    finally:
        monkeypatch.undo()
        colleague.close()
    assert isinstance(refused.value, Conflict) and refused.value.code == "CONFLICT"
    assert side_a.trajectory(case).planned_sessions == (PlannedSession(fortnight(2), "counsellor-fenna"),)


def test_closing_keeps_the_case_key_for_the_retention_term_and_then_erases_it(settings, side_a, side_b):
    case, other = uuid4(), uuid4()
    closed_case(side_a, case)
    closed_case(side_b, case)
    started_case(side_a, other)
    until = side_a.trajectory(case).retain_until
    assert side_a.erase_expired(on=until - timedelta(days=1), actor="retention-job") == []

    assert side_a.erase_expired(on=until, actor="retention-job") == [case]

    view = side_a.trajectory(case)
    assert (view.erased_on, view.erasure_reason) == (until, RETENTION_ENDED)
    assert view.evaluation.is_erased and view.sessions[0].note.is_erased and str(view.evaluation) == "[gewist]"
    assert side_a.case_keys.is_destroyed(case) and side_a.erase_expired(on=until, actor="retention-job") == []
    assert side_b.trajectory(case).evaluation.text == "Doelen bereikt.", "B's key is B's own"
    erased = [e for e in side_a.repository.event_store.get(view.trajectory_id) if isinstance(e, Trajectory.PrivateTextErased)]
    assert [(e.reason, e.actor) for e in erased] == [(RETENTION_ENDED, "retention-job")]


def test_an_erasure_request_is_recorded_with_the_day_and_repeating_it_changes_nothing(settings):
    day = datetime(2026, 4, 1, 9, tzinfo=timezone.utc)
    app = ParentAContext(settings.context_store("parent_a_context"), retention_years=7, clock=lambda: day)
    try:
        case = uuid4()
        closed_case(app, case)
        assert app.trajectory(case).retain_until == CLOSED.replace(year=CLOSED.year + 7)
        app.erase_private_text(case, actor=COUNSELLOR, reason=ERASURE_REQUEST)
        after_first = stored(app)
        app.erase_private_text(case, actor=COUNSELLOR, reason=ERASURE_REQUEST)
        assert stored(app) == after_first
        view = app.trajectory(case)
        assert (view.erased_on, view.erasure_reason) == (day.date(), ERASURE_REQUEST)
        assert app.case_keys.is_destroyed(case) and view.evaluation.is_erased
    finally:
        app.close()


def test_a_release_is_locked_once_a_court_report_was_made_with_it(side_a):
    case = uuid4()
    closed_case(side_a, case)
    side_a.release_evaluation_for_court(case, on=CLOSED, actor=COUNSELLOR)
    report = uuid4()
    side_a.record_report_made(case, report_id=report, at=datetime(2025, 4, 1, 10, tzinfo=timezone.utc),
                              actor="report-service")
    with pytest.raises(ReleaseRefused, match="can no longer be withdrawn"):
        side_a.withdraw_release(case, on=CLOSED, actor=COUNSELLOR)
    view = side_a.trajectory(case)
    assert view.evaluation_released and [r.report_id for r in view.court_reports] == [report]
