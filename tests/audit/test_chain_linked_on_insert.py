"""Every stored event is linked in the insert that stores it, whoever writes and however many at once.

On PostgreSQL one database function stores and links a batch (``chain_postgres_function``); on
SQLite the recorder links in its insert transaction. Both must keep the same promises: writers
on several connections and workers end in one chain that verifies, positions become visible in
the order they were handed out, and a batch that cannot be stored or linked leaves nothing behind.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from uuid import uuid4

import pytest

from services.parent_a_context.application import ParentAContext
from services.parent_side.domain.errors import ConcurrentChange
from services.parent_side.domain.trajectory import Trajectory, trajectory_id
from services.platform.chain import ChainBroken
from tests.audit.builders import COUNSELLOR, INTAKE, RULES, SARA, closed_trajectory, open_trajectory
from tests.audit.tamper import RawStore

CONTEXT = "parent_a_context"
WORKERS, THREADS_PER_WORKER, SAVES_EACH, LARGEST_BATCH = 2, 2, 8, 3


@pytest.fixture
def side_a(settings):
    app = ParentAContext(settings.context_store(CONTEXT))
    closed_trajectory(app, uuid4())
    yield app
    app.close()


def stored(app: ParentAContext) -> list[tuple[int, bytes]]:
    return [(n.id, n.state) for n in app.recorder.select_notifications(start=1, limit=10**6)]


def new_trajectory() -> Trajectory:
    return Trajectory.open(case_id=uuid4(), parent="Anna de Vries", children=[SARA], rules=RULES,
                           counsellor=COUNSELLOR, parental_authority=True, on=INTAKE, actor=COUNSELLOR)


def test_batches_from_many_writers_link_into_one_chain_and_appear_in_the_order_they_were_stored(settings, side_a):
    workers = [side_a] + [ParentAContext(settings.context_store(CONTEXT)) for _ in range(WORKERS - 1)]
    history = [position for position, _ in stored(side_a)]
    batches: list[list[int]] = []
    views: list[list[int]] = []
    writing = threading.Event()

    def write(worker: ParentAContext, first_size: int) -> None:
        for n in range(SAVES_EACH):
            recordings = worker.save(*[new_trajectory() for _ in range(1 + (first_size + n) % LARGEST_BATCH)])
            batches.append([r.notification.id for r in recordings])

    def tail() -> None:
        while writing.is_set():
            views.append([position for position, _ in stored(side_a)])

    writers = [threading.Thread(target=write, args=(workers[i % WORKERS], i)) for i in range(WORKERS * THREADS_PER_WORKER)]
    reader = threading.Thread(target=tail)
    writing.set()
    reader.start()
    try:
        for thread in writers:
            thread.start()
        for thread in writers:
            thread.join()
    finally:
        writing.clear()
        reader.join()
        for worker in workers[1:]:
            worker.close()

    assert len(views) > 2, "the reader saw nothing while the writers wrote: the test proves nothing"
    positions = sorted(p for batch in batches for p in batch)
    assert len(batches) == WORKERS * THREADS_PER_WORKER * SAVES_EACH
    assert all(batch == list(range(batch[0], batch[0] + len(batch))) for batch in batches), "a batch was interleaved"
    assert [position for position, _ in stored(side_a)] == history + positions
    for earlier, later in zip(views, views[1:]):
        assert [p for p in later if p <= max(earlier, default=0)] == earlier, "a position appeared below one seen"
    result = side_a.chain.verify()
    assert result.ok and (result.events_checked, result.head_position) == (len(history) + len(positions), positions[-1])


def test_a_batch_whose_last_event_conflicts_stores_none_of_its_events_and_leaves_the_chain_as_it_was(settings, side_a):
    case = uuid4()
    open_trajectory(side_a, case)
    stale = side_a.repository.get(trajectory_id(case))
    colleague = ParentAContext(settings.context_store(CONTEXT))  # another worker changes the case first
    try:
        colleague.propose_goals(case, goals=["Rust bij het wisselen"], themes=["parallel_parenting"],
                                on=INTAKE + timedelta(days=7), actor=COUNSELLOR)
    finally:
        colleague.close()
    stale.propose_goals(["Andere doelen"], ["parallel_parenting"], INTAKE + timedelta(days=8), COUNSELLOR, None)
    fresh = new_trajectory()
    before, head = stored(side_a), side_a.chain.head()

    # The application's save turns the store's refusal into the context's CONFLICT.
    with pytest.raises(ConcurrentChange):
        side_a.save(fresh, stale)

    assert stored(side_a) == before and side_a.chain.head() == head
    assert side_a.recorder.select_events(fresh.id) == []
    open_trajectory(side_a, uuid4())
    assert side_a.chain.verify().ok


def test_an_event_the_chain_already_ends_past_is_refused_and_not_stored(settings, side_a):
    raw = RawStore(settings, CONTEXT)
    with raw.connection() as conn:  # a link far ahead, as if the events it covered had been removed
        conn.execute(raw.q("INSERT INTO {chain} (position, digest, link) VALUES (%s, %s, %s)"),
                     (10**9, bytes(32), bytes(32)))
    before = stored(side_a)
    with pytest.raises(ChainBroken, match="not after the last linked position 1000000000"):
        open_trajectory(side_a, uuid4())
    assert stored(side_a) == before


def test_a_recorder_without_its_chain_refuses_to_store(side_a):
    chain_store, before = side_a.recorder.chain_store, stored(side_a)
    side_a.recorder.chain_store = None
    try:
        with pytest.raises(ChainBroken, match="before the audit chain is attached"):
            open_trajectory(side_a, uuid4())
    finally:
        side_a.recorder.chain_store = chain_store
    assert stored(side_a) == before
