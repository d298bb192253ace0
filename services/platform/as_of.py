"""The state of a case in one context as of a moment: a position in the history, or a time.

As of position ``p``: each of the case's aggregates at the last version stored at or
before ``p``. As of time ``t``: at the last version whose event timestamp is at or
before ``t``. Aggregates that did not exist yet are left out. The aggregates of a case
are found by scanning only the events that created an aggregate (one pass, in pages);
nothing but the case's own aggregates is held.

``AsOfReader`` is what each context builds its own as-of reads on (``ParentSide.as_of``,
``SharedAgreements.as_of``), and the court report is made from those: an aggregate as of
``t`` is its events in version order up to (not including) the first one recorded after
``t``, read in one pass straight from the recorder and decoded with the auditor's
redacting mapper, so private text (session notes, summaries, evaluations) is never
decrypted here. The one private text a report may carry, a released closing evaluation,
is decrypted on its own by ``decrypted``.

The point of history a reader names (``source``) is the position of the last event of the
case it used, and the chain link there (``services.platform.chain``): that link covers
every stored event of the context up to that position, so any change to what was read
shows when the chain is verified. The position of a known version is found by bisection
on the chain store's ``version_at`` (monotone in the position), a handful of indexed
look-ups instead of a scan of the context's history.
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


@dataclass(frozen=True)
class Source:
    """What the report was made from in one context (position/head None: no event of the case yet)."""

    context: str
    position: int | None
    head: str | None
    events: int


class AsOfReader:
    """Reads aggregates of one context as of a moment and remembers which versions it used."""

    def __init__(self, app: ContextApplication, as_of: datetime, *, decrypting: bool = False) -> None:
        """``decrypting``: decode with the context's own key, for a context whose private text is the
        report's content (the shared context's decisions and reasons); otherwise redacted."""
        self.app = app
        self.as_of = as_of
        self._mapper = app.mapper if decrypting else audit_mapper(app, show_private_text=False)
        self._used: dict[UUID, int] = {}

    def load(self, aggregate_id: UUID) -> Any | None:
        """The aggregate as of the moment, or None when it had no event by then."""
        aggregate, after = None, None
        while True:
            page = self.app.recorder.select_events(aggregate_id, gt=after, limit=PAGE)
            for stored in page:
                event = self._mapper.to_domain_event(stored)
                if event.timestamp > self.as_of:
                    return self._used_as(aggregate_id, aggregate)
                aggregate = event.mutate(aggregate)
            if len(page) < PAGE:
                return self._used_as(aggregate_id, aggregate)
            after = page[-1].originator_version

    def topics_after(self, aggregate_id: UUID) -> list[str]:
        """The topics of the aggregate's events stored after the version used (not decoded)."""
        topics, after = [], self._used.get(aggregate_id, 0)
        while True:
            page = self.app.recorder.select_events(aggregate_id, gt=after, limit=PAGE)
            topics += [stored.topic for stored in page]
            if len(page) < PAGE:
                return topics
            after = page[-1].originator_version

    def decrypted(self, aggregate_id: UUID, event_name: str, attribute: str) -> Any:
        """One attribute of the latest ``event_name`` event used, decoded with the context's own key.

        The only place private text is decrypted; None when no such event was used.
        """
        last = self._used.get(aggregate_id, 0)
        while last > 0:
            page = self.app.recorder.select_events(aggregate_id, lte=last, desc=True, limit=PAGE)
            for stored in page:
                if stored.topic.endswith(f".{event_name}"):
                    return getattr(self.app.mapper.to_domain_event(stored), attribute)
            if len(page) < PAGE:
                return None
            last = page[-1].originator_version - 1
        return None

    def source(self) -> Source:
        """The position of the last event used, the chain link there, and how many events were used."""
        position = 0
        for aggregate_id, version in sorted(self._used.items(), key=lambda item: str(item[0])):
            if self._version_at(aggregate_id, position) < version:
                position = self._position_of(aggregate_id, version, low=position + 1)
        if not position:
            return Source(self.app.name, None, None, 0)
        links = self.app.chain.store.links(position - 1, position, 1)
        if not links or links[0].position != position:
            raise RuntimeError(f"{self.app.name}: no chain link at position {position}; run `evenwijdig audit verify`")
        return Source(self.app.name, position, links[0].link.hex(), sum(self._used.values()))

    def _used_as(self, aggregate_id: UUID, aggregate: Any | None) -> Any | None:
        if aggregate is not None:
            self._used[aggregate_id] = aggregate.version
        return aggregate

    def _version_at(self, aggregate_id: UUID, position: int) -> int:
        if position < 1:
            return 0
        return self.app.chain.store.version_at(aggregate_id, position) or 0

    def _position_of(self, aggregate_id: UUID, version: int, low: int) -> int:
        """The smallest position at which the aggregate has reached ``version``: where that event is stored."""
        high = self.app.position
        while low < high:
            middle = (low + high) // 2
            if self._version_at(aggregate_id, middle) >= version:
                high = middle
            else:
                low = middle + 1
        return low
