"""The state of a case in one context as of a moment: a position in the history, or a time.

As of position ``p``: each of the case's aggregates at the last version stored at or
before ``p``. As of time ``t``: at the last version whose event timestamp is at or
before ``t``. Aggregates that did not exist yet are left out. The aggregates of a case
are found by scanning only the events that created an aggregate (one pass, in pages);
nothing but the case's own aggregates is held.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Iterator
from uuid import UUID

from eventsourcing.application import Repository
from eventsourcing.persistence import EventStore, Mapper

from services.platform.audit_values import audit_mapper, plain
from services.platform.errors import Invalid
from services.platform.replay import case_of_created

if TYPE_CHECKING:
    from services.platform.application import ContextApplication

PAGE = 500


@dataclass(frozen=True)
class CaseState:
    context: str
    case_id: UUID
    position: int | None  # as of this position (None when asked by time)
    at: datetime | None  # as of this time (None when asked by position)
    aggregates: tuple[dict[str, Any], ...]


def case_state_as_of(app: ContextApplication, case_id: UUID, *, at: datetime | None = None,
                     position: int | None = None, show_private_text: bool = False) -> CaseState:
    """The case's aggregates in this context as of ``at`` or ``position`` (neither: the current position)."""
    if at is not None and position is not None:
        raise Invalid("ask for the state as of a time or as of a position, not both")
    if at is not None and at.tzinfo is None:
        raise Invalid("a moment in the history needs a time zone (UTC: add +00:00 or Z)")
    if position is None and at is None:
        position = app.position
    if position is not None and position < 0:
        raise Invalid("a position in the history is zero or more")
    if position is not None and position > app.position:
        # Not an empty state: a position the history has not reached says nothing about the case.
        raise Invalid(f"position {position} is past the end of the {app.name} history (its last is {app.position})")
    mapper = audit_mapper(app, show_private_text)
    repository: Repository[Any] = Repository(EventStore(mapper, app.recorder))
    states = []
    for aggregate_id in _aggregates_of(app, mapper, case_id, position):
        version = (app.chain.store.version_at(aggregate_id, position) if position is not None
                   else _version_at_time(app, mapper, aggregate_id, at))
        if version is not None:
            states.append(describe(repository.get(aggregate_id, version=version)))
    return CaseState(app.name, case_id, position, at, tuple(states))


def has_case(app: ContextApplication, case_id: UUID) -> bool:
    """Whether any aggregate of the case was ever stored in this context (an empty state may be a case to come)."""
    return next(_aggregates_of(app, audit_mapper(app, False), case_id, None), None) is not None


def describe(aggregate: Any) -> dict[str, Any]:
    """An aggregate as plain data: its type, id, version, times and public attributes."""
    return {
        "aggregate_type": type(aggregate).__name__, "aggregate_id": str(aggregate.id), "version": aggregate.version,
        "created_on": plain(aggregate.created_on), "modified_on": plain(aggregate.modified_on),
        "state": {k: plain(v) for k, v in sorted(vars(aggregate).items()) if not k.startswith("_")},
    }


def _aggregates_of(app: ContextApplication, mapper: Mapper[Any], case_id: UUID, stop: int | None) -> Iterator[Any]:
    topics = app.chain.store.creation_topics()
    after = 0
    while topics:
        found = app.recorder.select_notifications(after, PAGE, stop, topics, inclusive_of_start=False)
        if not found:
            return
        for notification in found:
            if notification.originator_version == 1 and case_of_created(mapper.to_domain_event(notification)) == case_id:
                yield notification.originator_id
        after = found[-1].id


def _version_at_time(app: ContextApplication, mapper: Mapper[Any], aggregate_id: Any, at: datetime | None) -> int | None:
    """The last version whose event happened at or before ``at``."""
    version, after = None, None
    while True:
        stored = app.recorder.select_events(aggregate_id, gt=after, limit=PAGE)
        for item in stored:
            if mapper.to_domain_event(item).timestamp > at:  # type: ignore[operator]
                return version
            version = item.originator_version
        if len(stored) < PAGE:
            return version
        after = stored[-1].originator_version
