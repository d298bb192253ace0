"""Each parent context keeps recent trajectories in memory; what it shows stays what the store says.

Two applications over one store stand for two gateway processes. Every test runs on SQLite
and PostgreSQL (the ``settings`` fixture).
"""

from __future__ import annotations

from uuid import uuid4

import pytest
from eventsourcing.application import LRUCache

from services.parent_a_context.application import ParentAContext
from services.parent_side.domain.records import ERASURE_REQUEST
from services.platform.errors import DomainError
from tests.support.side_cases import closed_case, private, started_case
from tests.support.trajectories import COUNSELLOR, START, fortnight


@pytest.fixture
def two_processes(settings):
    first = ParentAContext(settings.context_store("parent_a_context"))
    second = ParentAContext(settings.context_store("parent_a_context"))
    for app in (first, second):
        assert isinstance(app.repository.cache, LRUCache), "the default keeps trajectories in memory"
        assert app.repository.cache.maxsize == settings.aggregate_cache_size
    yield first, second
    first.close()
    second.close()


def test_a_trajectory_kept_in_memory_shows_what_another_process_recorded_since(two_processes):
    first, second = two_processes
    case = uuid4()
    started_case(first, case)
    assert first.trajectory(case).sessions == ()

    second.record_session(case, on=START, duration_minutes=50, themes=["own_ground"],
                          note=private(case, "Moeder vertelde over de overdracht."), attended=True, actor=COUNSELLOR)

    view = first.trajectory(case)
    assert [s.note.text for s in view.sessions] == ["Moeder vertelde over de overdracht."]
    assert view.version == second.trajectory(case).version


def test_text_erased_by_another_process_is_gone_from_a_trajectory_kept_in_memory(two_processes):
    first, second = two_processes
    case = uuid4()
    closed_case(first, case, note="Vader sliep in de auto.")
    assert first.trajectory(case).sessions[0].note.text == "Vader sliep in de auto."

    second.erase_private_text(case, actor=COUNSELLOR, reason=ERASURE_REQUEST)

    view = first.trajectory(case)
    assert view.erased_on is not None
    assert view.sessions[0].note.is_erased and view.evaluation.is_erased
    assert "Vader sliep" not in repr(vars(first.repository.get(view.trajectory_id)))


def test_a_refused_command_does_not_change_the_trajectory_kept_in_memory(two_processes):
    first, _ = two_processes
    case = uuid4()
    started_case(first, case)
    before = first.trajectory(case)

    with pytest.raises(DomainError):
        first.record_session(case, on=START, duration_minutes=-5, themes=[], note=None, attended=True, actor=COUNSELLOR)
    first.plan_session(case, on=fortnight(2), actor=COUNSELLOR)
    with pytest.raises(DomainError):
        first.plan_session(case, on=fortnight(2), actor=COUNSELLOR)

    after = first.trajectory(case)
    assert after.sessions == before.sessions and after.version == before.version + 1
    assert len(after.planned_sessions) == 1
