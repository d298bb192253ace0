"""Group commit: what concurrent callers hand in at the same moment is stored in one transaction.

A store pays for a commit (its fsync) per transaction, not per row. Callers on different
threads call ``submit``; the first finds no commit under way and leads: it takes every item
waiting (its own first) and commits them together. Items that arrive while that commit is
under way wait for it to end, and the first of them leads the next commit. Nobody waits for a
timer, so a single caller pays nothing extra: it leads a batch of one at once.

Every caller returns only after the commit that holds its item has ended: with its own
result when the commit succeeded, with the commit's error when it failed — every caller of
a failed batch fails, and none of its items was stored (one transaction).
"""

from __future__ import annotations

import threading
from typing import Callable, Generic, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: At most this many items in one transaction: a burst is cut into several commits, not one huge one.
MAX_BATCH = 256


class _Waiting(Generic[T, R]):
    __slots__ = ("item", "done", "leads", "result", "error")

    def __init__(self, item: T) -> None:
        self.item = item
        self.done = threading.Event()
        self.leads = False
        self.result: R | None = None
        self.error: BaseException | None = None


class GroupCommit(Generic[T, R]):
    """``commit(items)`` stores the items in one transaction and returns one result per item, in order."""

    def __init__(self, commit: Callable[[list[T]], Sequence[R]], max_batch: int = MAX_BATCH) -> None:
        self._commit = commit
        self._max_batch = max_batch
        self._lock = threading.Lock()
        self._waiting: list[_Waiting[T, R]] = []
        self._under_way = False
        #: Sizes of the batches committed (bench and tests read it); bounded.
        self.batches: list[int] = []

    def submit(self, item: T) -> R:
        """Store ``item`` with whatever else is waiting; returns its result once its commit has ended."""
        me: _Waiting[T, R] = _Waiting(item)
        with self._lock:
            self._waiting.append(me)
            leads = me.leads = not self._under_way
            self._under_way = True
        if not leads:
            me.done.wait()
        if me.leads:
            self._lead()
        if me.error is not None:
            # The same error object for every caller of the batch: each request fails with the store's own error.
            raise me.error
        return me.result  # type: ignore[return-value]

    def waiting(self) -> int:
        """How many items wait for a commit (the one under way not counted)."""
        with self._lock:
            return len(self._waiting)

    def _lead(self) -> None:
        with self._lock:
            batch, self._waiting = self._waiting[:self._max_batch], self._waiting[self._max_batch:]
        try:
            results = list(self._commit([w.item for w in batch]))
            if len(results) != len(batch):
                raise RuntimeError("a group commit returned a different number of results than items")
            for waiting, result in zip(batch, results):
                waiting.result = result
        except BaseException as error:  # noqa: BLE001 - handed to every caller of the batch
            for waiting in batch:
                waiting.error = error
        with self._lock:
            self.batches = (self.batches + [len(batch)])[-1000:]
            following = self._waiting[0] if self._waiting else None
            if following is None:
                self._under_way = False
            else:
                following.leads = True
        for waiting in batch:
            waiting.done.set()
        if following is not None:
            following.done.set()
