"""A trajectory kept in memory between commands: its copies are independent, erased text is gone."""

from __future__ import annotations

import copy
import dataclasses
import enum
from datetime import date, datetime
from uuid import UUID

from services.parent_side.domain.trajectory import Trajectory
from services.platform.private_text import PrivateText
from tests.support.trajectories import closed, erase
from tests.support.trajectories import CASE, COUNSELLOR, everything, fortnight, held, history, opened, started
from tests.support.given_when_then import replay

IMMUTABLE_LEAVES = (type(None), str, int, bool, date, datetime, UUID, enum.Enum)


def mutable_parts(value: object, where: str) -> list[str]:
    """Every place in ``value`` that could change in place (and would then change every copy)."""
    if isinstance(value, IMMUTABLE_LEAVES):
        return []
    if isinstance(value, (tuple, frozenset)):
        return [found for n, item in enumerate(value) for found in mutable_parts(item, f"{where}[{n}]")]
    if dataclasses.is_dataclass(value) and value.__dataclass_params__.frozen:  # type: ignore[union-attr]
        return [found for f in dataclasses.fields(value)
                for found in mutable_parts(getattr(value, f.name), f"{where}.{f.name}")]
    return [f"{where}: {type(value).__name__}"]


def a_trajectory_through_every_event() -> Trajectory:
    trajectory = opened(authority=False)
    for step in everything():
        step(trajectory)
    trajectory.collect_events()
    return trajectory


def test_every_part_of_a_trajectory_is_immutable_so_copies_may_share_it():
    trajectory = a_trajectory_through_every_event()
    state = {name: value for name, value in vars(trajectory).items() if name != "_pending_events"}
    assert [found for name, value in state.items() for found in mutable_parts(value, name)] == []


def test_a_command_on_a_copy_leaves_the_original_as_it_was():
    original = replay(history(*started()))
    before = dict(vars(original))
    working = copy.deepcopy(original)

    held(fortnight(1))(working)

    assert vars(original) == before and original.pending_events == []
    assert len(working.sessions) == 1 and len(working.pending_events) == 1
    assert working.version == original.version + 1


def test_erasure_clears_every_private_text_from_the_trajectory_itself():
    trajectory = replay(closed(erase()))
    texts = [s.note for s in trajectory.sessions if s.note] + [trajectory.evaluation]
    assert texts and all(isinstance(t, PrivateText) and t.is_erased and t.case_id == CASE for t in texts)
    assert str(trajectory.evaluation) == "[gewist]"


def test_erasure_clears_the_child_conversation_summaries():
    trajectory = a_trajectory_through_every_event()
    assert trajectory.erased_on is not None and trajectory.child_conversations
    assert all(c.summary.is_erased for c in trajectory.child_conversations)
    assert trajectory.version > 1 and COUNSELLOR in {a.counsellor for a in trajectory.assignments}
