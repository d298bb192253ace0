"""Commands storing events at the same moment share one transaction, each still answered on its own.

Every test holds a first command inside its commit, lets others queue behind it, and releases it:
the queued commands are then stored in one shared transaction (``services.platform.writer_group``).
"""

from __future__ import annotations

import copy
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, Callable, Iterator
from uuid import UUID

import pytest
from eventsourcing.application import AggregateNotFoundError
from eventsourcing.domain import Aggregate, event
from eventsourcing.persistence import OperationalError

from evenwijdig.settings import Settings
from services.parent_a_context.application import ParentAContext
from services.platform.requests import AlreadyCarriedOut, RequestMark, current


class Note(Aggregate):
    """A stand-in aggregate: how commands share a commit does not depend on the domain."""

    def __init__(self, text: str) -> None:
        self.text = text

    @event("Amended")
    def amend(self, text: str) -> None:
        self.text = text


@pytest.fixture
def app(settings: Settings) -> Iterator[ParentAContext]:
    application = ParentAContext(settings.context_store("parent_a_context"))
    yield application
    application.close()


@contextmanager
def commands_queued_behind_a_first(app: ParentAContext, pool: ThreadPoolExecutor, queued: int) -> Iterator[Callable]:
    """Hold a first command inside its commit; yield ``submit``; release it once ``queued`` commands wait."""
    gate, entered, store_one = threading.Event(), threading.Event(), app.recorder.store_one

    def held_once(cursor: Any, stored_events: Any, mark: Any) -> Any:
        if not entered.is_set():
            entered.set()
            gate.wait(60)
        return store_one(cursor, stored_events, mark)

    app.recorder.store_one = held_once
    first = pool.submit(app.save, Note("first"))
    assert entered.wait(30), "the first command never reached its commit"
    try:
        yield lambda work, *args: pool.submit(_as_request, work, *args)
        _wait_until(lambda: app.recorder.writers.group.waiting() == queued)
    finally:
        gate.set()
    first.result(30)


def two_amendments_of_one_version(app: ParentAContext) -> tuple[Note, Note, Note]:
    """A stored note, and two copies of it each amended as if by its own client: both version 2."""
    note = Note("draft")
    app.save(note)
    stale_one, stale_two = copy.deepcopy(note), copy.deepcopy(note)
    stale_one.amend("one")
    stale_two.amend("two")
    return note, stale_one, stale_two


def _as_request(work: Callable, *args: Any) -> Any:
    request = args[-1] if args and isinstance(args[-1], RequestMark) else None
    token = current.set(request)
    try:
        return work(*(args[:-1] if request else args))
    finally:
        current.reset(token)


def _wait_until(condition: Callable[[], bool]) -> None:
    for _ in range(600):
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("the commands never queued together")


def _outcome(future: Future) -> Any:
    try:
        return future.result(30)
    except Exception as error:  # noqa: BLE001 - the answer a command's client would get
        return error


def test_a_conflict_inside_a_shared_transaction_fails_only_its_own_command(app: ParentAContext):
    note, stale_one, stale_two = two_amendments_of_one_version(app)
    other = Note("another case")
    with ThreadPoolExecutor(4) as pool:
        with commands_queued_behind_a_first(app, pool, queued=3) as submit:
            futures = [submit(app.save, stale_one), submit(app.save, stale_two), submit(app.save, other)]
        one, two, third = (_outcome(f) for f in futures)
    assert 3 in app.recorder.writers.group.batches
    # The loser gets the context's own conflict error (the application's save translates the store's).
    assert sum(isinstance(o, app.conflict) for o in (one, two)) == 1, (one, two)
    assert not isinstance(third, Exception)
    winner = "one" if not isinstance(one, Exception) else "two"
    assert app.repository.get(note.id).text == winner
    assert app.repository.get(other.id).text == "another case"
    assert app.chain.verify().ok and app.chain.head().position == app.position


def test_no_command_is_answered_before_the_shared_commit_and_a_failed_commit_fails_every_one(app: ParentAContext):
    shared_transaction, seen_before_commit = app.recorder.shared_transaction, []
    notes = [Note(f"note {n}") for n in range(3)]

    @contextmanager
    def commit_fails() -> Iterator[Any]:
        with shared_transaction() as cursor:
            yield cursor
            seen_before_commit.extend(f.done() for f in futures)
            raise OperationalError("the disk is full")

    with ThreadPoolExecutor(4) as pool:
        with commands_queued_behind_a_first(app, pool, queued=3) as submit:
            futures = [submit(app.save, note) for note in notes]
            app.recorder.shared_transaction = commit_fails
        outcomes = [_outcome(f) for f in futures]
    assert seen_before_commit == [False, False, False]
    assert all(isinstance(o, OperationalError) for o in outcomes), outcomes
    for note in notes:
        with pytest.raises(AggregateNotFoundError):
            app.repository.get(note.id)
    assert app.chain.verify().ok and app.chain.head().position == app.position


def test_a_request_record_commits_with_its_own_command_only(app: ParentAContext):
    done_before = RequestMark("request-done", "attempt-1")
    token = current.set(done_before)
    try:
        app.save(Note("the earlier attempt"))
    finally:
        current.reset(token)
    note, stale_one, stale_two = two_amendments_of_one_version(app)
    fresh = Note("fresh")
    with ThreadPoolExecutor(5) as pool:
        with commands_queued_behind_a_first(app, pool, queued=4) as submit:
            futures = [submit(app.save, Note("a retry"), RequestMark("request-done", "attempt-2")),
                       submit(app.save, stale_one, RequestMark("request-one", "a")),
                       submit(app.save, stale_two, RequestMark("request-two", "a")),
                       submit(app.save, fresh, RequestMark("request-fresh", "a"))]
        retry, one, two, stored = (_outcome(f) for f in futures)
    assert isinstance(retry, AlreadyCarriedOut)
    assert not isinstance(stored, Exception)
    assert sum(isinstance(o, app.conflict) for o in (one, two)) == 1, (one, two)
    lost = "request-one" if isinstance(one, app.conflict) else "request-two"
    # The conflicting command's request was not recorded: its client may send it again and be heard.
    again = copy.deepcopy(app.repository.get(note.id))
    again.amend("again")
    token = current.set(RequestMark(lost, "b"))
    try:
        app.save(again)
    finally:
        current.reset(token)
    assert app.repository.get(note.id).text == "again"
    assert app.repository.get(fresh.id).text == "fresh"
    assert app.chain.verify().ok


def test_the_chain_verifies_after_many_concurrent_commands(app: ParentAContext):
    ids: list[UUID] = []

    def client(n: int) -> None:
        for k in range(10):
            note = Note(f"client {n} note {k}")
            app.save(note)
            note.amend("amended")
            app.save(note)
            ids.append(note.id)

    with ThreadPoolExecutor(9) as pool:
        with commands_queued_behind_a_first(app, pool, queued=8) as submit:
            futures = [submit(client, n) for n in range(8)]
        for future in futures:
            future.result(120)
    assert len(ids) == 80 and all(app.repository.get(i).text == "amended" for i in ids)
    assert max(app.recorder.writers.group.batches) > 1
    assert app.chain.verify().ok and app.chain.head().position == app.position
