"""One context's aggregates of a case as of a moment, and the point of its history that covers them.

An aggregate as of ``as_of`` is its events in version order up to (not including) the
first one recorded after ``as_of``. They are read in one pass, straight from the
recorder, decoded with the auditor's redacting mapper: private text (session notes,
summaries, evaluations) is never decrypted here. The one private text a report may
carry, a released closing evaluation, is decrypted on its own by ``decrypted``.

The point of history a report names per context is the position of the last event of
this case it used, and the chain link there (``services.platform.chain``): that link
covers every stored event of the context up to that position, so any change to what
the report was made from shows when the chain is verified. The position of a known
version is found by bisection on the chain store's ``version_at`` (monotone in the
position), a handful of indexed look-ups instead of a scan of the context's history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from services.platform.audit_values import audit_mapper

if TYPE_CHECKING:
    from services.platform.application import ContextApplication

PAGE = 1000


@dataclass(frozen=True)
class Source:
    """What the report was made from in one context (position/head None: no event of the case yet)."""

    context: str
    position: int | None
    head: str | None
    events: int


class AsOfReader:
    """Reads aggregates of one context as of a moment and remembers which versions it used."""

    def __init__(self, app: ContextApplication, as_of: datetime) -> None:
        self.app = app
        self.as_of = as_of
        self._mapper = audit_mapper(app, show_private_text=False)
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
