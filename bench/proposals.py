"""The code changes docs/benchmarks.md proposes, applied for the duration of a measurement only.

Each is a context manager that patches the running process and restores it afterwards, so
a change can be measured before anyone makes it. None of them weakens a guarantee: writes
stay one durable transaction per command, ordered by the table lock and linked into the
audit chain in that same transaction.
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from contextlib import contextmanager
from typing import Any, Iterator

from strawberry.extensions import SchemaExtension

from gateway.directory import index
from gateway.directory.index import Assignment, AssignmentIndex
from gateway.directory.roles import Role
from services.parent_side.domain.trajectory import Trajectory
from services.platform import chain


def _shallow_copy(self: Any, memo: dict[int, Any]) -> Any:
    # Every attribute of a trajectory is an immutable value (tuples of frozen records, dates,
    # text, UUIDs), so sharing them *is* a deep copy; only the pending-event list is per copy.
    copy = object.__new__(type(self))
    copy.__dict__.update(self.__dict__)
    copy.__dict__["_pending_events"] = list(self.__dict__.get("_pending_events", ()))
    memo[id(self)] = copy
    return copy


@contextmanager
def trajectory_copies_shallow() -> Iterator[None]:
    """Proposed code change: ``Trajectory.__deepcopy__`` (the aggregate cache deep-copies on every get)."""
    had = "__deepcopy__" in vars(Trajectory)
    previous = vars(Trajectory).get("__deepcopy__")
    Trajectory.__deepcopy__ = _shallow_copy  # type: ignore[attr-defined]
    try:
        yield
    finally:
        if had:
            Trajectory.__deepcopy__ = previous  # type: ignore[attr-defined]
        else:
            del Trajectory.__deepcopy__  # type: ignore[attr-defined]


def _members(staffing: Any) -> set[str]:
    return {*staffing.counsellors.values(), *staffing.child_counsellors, *staffing.coordinators}


def _assignment(staffing: Any, user: str) -> Assignment | None:
    """The same precedence as ``AssignmentIndex.of``: a side first, then child counsellor, then coordinator."""
    side = staffing.side_of(user)
    if side is not None:
        return Assignment(Role.COUNSELLOR, side)
    if user in staffing.child_counsellors:
        return Assignment(Role.CHILD_COUNSELLOR)
    if user in staffing.coordinators:
        return Assignment(Role.COORDINATOR)
    return None


def _catch_up_by_user(self: AssignmentIndex) -> None:
    # AssignmentIndex.catch_up, plus an index by user kept up to date as each staffing changes.
    by_user: dict[str, dict[Any, Assignment]] = self.__dict__.setdefault("_by_user", {})
    with self._lock:
        head = self._directory.recorder.max_notification_id() or 0
        while self._position < head:
            notifications = self._directory.recorder.select_notifications(
                start=self._position + 1, limit=index.PAGE, stop=head, topics=index._STAFFING_TOPICS)
            for notification in notifications:
                previous = self._by_staffing.get(notification.originator_id)
                before = _members(previous) if previous is not None else set()
                staffing = self._directory.mapper.to_domain_event(notification).mutate(previous)
                self._by_staffing[notification.originator_id] = staffing
                self._cases[staffing.case_id] = staffing
                for user in before | _members(staffing):
                    found = _assignment(staffing, user)
                    if found is None:
                        by_user.get(user, {}).pop(staffing.case_id, None)
                    else:
                        by_user.setdefault(user, {})[staffing.case_id] = found
            self._position = notifications[-1].id if len(notifications) == index.PAGE else head


def _of_by_user(self: AssignmentIndex, user: str) -> dict[Any, Assignment]:
    self.catch_up()
    return dict(self.__dict__.get("_by_user", {}).get(user, {}))


@contextmanager
def assignments_by_user() -> Iterator[None]:
    """Proposed code change: ``AssignmentIndex`` keeps assignments by user (``of`` scans every case today)."""
    saved = AssignmentIndex.catch_up, AssignmentIndex.of
    AssignmentIndex.catch_up, AssignmentIndex.of = _catch_up_by_user, _of_by_user  # type: ignore[method-assign]
    try:
        yield
    finally:
        AssignmentIndex.catch_up, AssignmentIndex.of = saved  # type: ignore[method-assign]


@contextmanager
def chain_linked_in_database() -> Iterator[None]:
    """Proposed code change (PostgreSQL): store and link events in one database call (``bench.db_chain``)."""
    module = "eventsourcing.postgres"
    saved = chain.RECORDER_TOPICS[module]
    chain.RECORDER_TOPICS[module] = "bench.db_chain:DbChainedPostgresRecorder"
    try:
        yield
    finally:
        chain.RECORDER_TOPICS[module] = saved


class KnownGoodQueries(SchemaExtension):
    """A query text that parsed and validated before skips both (bounded LRU, one cache per schema).

    Validation depends on the schema and the document only (variables are coerced later), and
    every limit (depth, aliases, tokens, introspection) is part of parsing or validation: a text
    that passed them once passes them again. Texts that fail are never remembered.
    """

    def __init__(self, cache: OrderedDict[str, Any], lock: threading.Lock, size: int = 256) -> None:
        self._cache, self._lock, self._size = cache, lock, size

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        with self._lock:
            known = self._cache.get(context.query or "")
        if known is not None:
            context.graphql_document = known
            context.pre_execution_errors = []  # validated before: _run_validation skips it
        yield

    def on_validate(self) -> Iterator[None]:
        yield
        context = self.execution_context
        if not context.pre_execution_errors and context.query and context.graphql_document is not None:
            with self._lock:
                self._cache[context.query] = context.graphql_document
                self._cache.move_to_end(context.query)
                while len(self._cache) > self._size:
                    self._cache.popitem(last=False)


@contextmanager
def known_good_queries() -> Iterator[None]:
    """Proposed code change: ``build_schema`` adds ``KnownGoodQueries`` (parsing and validation: ~5 ms a request)."""
    import gateway.schema as package
    from gateway.schema import base

    original = base.build_schema

    def build_schema(query: type, mutation: type | None = None, *, introspection: bool) -> Any:
        schema = original(query, mutation, introspection=introspection)
        cache, lock = OrderedDict(), threading.Lock()
        schema.extensions = [lambda: KnownGoodQueries(cache, lock), *schema.extensions]
        return schema

    modules = [m for m in (getattr(package, n, None) for n in list(vars(package))) if hasattr(m, "build_schema")]
    modules += [sys.modules[n] for n in list(sys.modules) if n.startswith("gateway.schema.")
                and getattr(sys.modules[n], "build_schema", None) is original]
    for module in {id(m): m for m in modules}.values():
        module.build_schema = build_schema
    try:
        yield
    finally:
        for module in {id(m): m for m in modules}.values():
            module.build_schema = original
