"""An auditor's replay of one context's history: every event in order, as plain data, in constant memory.

Events are read in keyset pages straight from the recorder (the notification log caps a
page at ten), decoded one at a time straight from the stored JSON to the auditor's plain
dicts (``services.platform.audit_decoding``: orjson, no domain event objects) and handed out
by a generator, so replaying a million events holds one page and a bounded cache, never the
history.

Each event's case: its own ``case_id`` when it has one; otherwise the ``case_id`` of its
aggregate's first event, or the aggregate's own id when that aggregate is a case header
(the shared context's ``Case``: the one aggregate whose id *is* the case id). Aggregates
seen recently are remembered in a bounded LRU; others are looked up by reading their
first event.

The history of one case is read through the context's case index
(``services.platform.case_positions``), caught up first: only that case's rows, so its
cost follows the case, not the store. Everything else scans the history in order.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, BinaryIO, Callable, Iterator
from uuid import UUID

import orjson
from eventsourcing.persistence import Mapper, Notification, StoredEvent

from services.platform.audit_decoding import AuditDecoder
from services.platform.audit_values import audit_mapper
from services.platform.errors import Invalid

if TYPE_CHECKING:
    from services.platform.application import ContextApplication

#: Created-event ``originator_topic``s of aggregates whose own id is the case id. Named by the
#: stored topic (stored topics never change), so the platform imports no context's code.
CASE_HEADER_TOPICS = frozenset({"services.shared_agreements.domain.case:Case"})
PAGE = 500
REMEMBERED_AGGREGATES = 4096


@dataclass(frozen=True)
class HistoryFilter:
    """Which events to replay: one case, a time range (both ends inclusive), one event type."""

    case_id: UUID | None = None
    since: datetime | None = None
    until: datetime | None = None
    event_type: str | None = None

    def __post_init__(self) -> None:
        for moment in (self.since, self.until):
            if moment is not None and moment.tzinfo is None:
                raise Invalid("a moment in the history needs a time zone (UTC: add +00:00 or Z)")
        if self.since and self.until and self.since > self.until:
            raise Invalid("the start of the time range is after its end")


@dataclass(frozen=True)
class HistoryPage:
    """Up to ``first`` events after a position, and how far the scan got (the next cursor)."""

    events: list[dict[str, Any]] = field(default_factory=list)
    scanned_to: int = 0
    has_more: bool = False


def event_name(topic: str) -> str:
    """``module:Aggregate.EventName`` -> ``EventName``."""
    return topic.rsplit(":", 1)[-1].rsplit(".", 1)[-1]


class Replay:
    """Reads one context's history as an auditor does (``show_private_text``: the deployment's switch)."""

    def __init__(self, app: ContextApplication, *, show_private_text: bool = False, page: int = PAGE) -> None:
        self.app = app
        self.mapper = audit_mapper(app, show_private_text)
        self.decoder = AuditDecoder(self.mapper)
        self.cases = CaseIndex(app, self.mapper)
        self._page = page
        self._head = 0  # the position the case index had processed when last read

    def events(self, after: int = 0, only: HistoryFilter = HistoryFilter(), stop: int | None = None,
               progress: Callable[[int], None] | None = None) -> Iterator[dict[str, Any]]:
        """Every event after position ``after`` (up to ``stop``) that passes ``only``, in order."""
        for notification in self.notifications(after, stop, progress, only.case_id):
            entry = self.entry(notification, only, indexed=only.case_id is not None)
            if entry is not None:
                yield entry

    def page(self, after: int, first: int, only: HistoryFilter = HistoryFilter(),
             scan_limit: int = 20_000) -> HistoryPage:
        """At most ``first`` events, scanning at most ``scan_limit`` positions: a request's work is bounded."""
        found: list[dict[str, Any]] = []
        scanned, last = 0, after
        for notification in self.notifications(after, None, None, only.case_id):
            if len(found) == first or scanned == scan_limit:
                return HistoryPage(found, last, True)
            scanned, last = scanned + 1, notification.id
            entry = self.entry(notification, only, indexed=only.case_id is not None)
            if entry is not None:
                found.append(entry)
        # Through the index every event of the case up to the indexed head was read: the cursor goes
        # there, as a scan's would go to the last position it read.
        return HistoryPage(found, max(last, self._head) if only.case_id is not None else last, False)

    def notifications(self, after: int, stop: int | None, progress: Callable[[int], None] | None,
                      case_id: UUID | None = None) -> Iterator[Notification]:
        """The stored notifications after ``after`` (up to ``stop``); of one case only, through the index."""
        if case_id is not None:
            self._head = self.index_up_to_date()
            bound = self._head if stop is None else min(stop, self._head)
            yield from self.app.case_positions.notifications(case_id, after, bound, self._page)
            return
        while True:
            found = self.app.recorder.select_notifications(after, self._page, stop, inclusive_of_start=False)
            yield from found
            if not found:
                return
            after = found[-1].id
            if progress is not None:
                progress(after)

    def index_up_to_date(self) -> int:
        """Catch the context's case index up with its history; returns the position it has processed."""
        def select(after: int, limit: int) -> list[Notification]:
            return list(self.app.recorder.select_notifications(after, limit, inclusive_of_start=False))

        def case_of(notification: Notification) -> UUID | None:
            return self.cases.case_of(notification, *self.decoder.case_parts(notification))

        return self.app.case_positions.catch_up(select, case_of)

    def entry(self, notification: Notification, only: HistoryFilter, indexed: bool = False) -> dict[str, Any] | None:
        """The event as an auditor sees it, or None when the filter leaves it out.

        ``indexed``: the notification was found through the case index under ``only.case_id``,
        so that is its case (the index applied the same rule); nothing needs looking up.
        """
        name = event_name(notification.topic)
        if only.event_type is not None and name != only.event_type:
            return None
        if indexed:
            event, case = self.decoder.decode(notification), only.case_id
        else:
            known, case = self.cases.remembered(notification.originator_id)
            if only.case_id is not None and known and case != only.case_id:
                return None  # no need to decode what is not asked for
            event = self.decoder.decode(notification)
            case = self.cases.case_of(notification, event.own_case, event.originator_topic)
            if only.case_id is not None and case != only.case_id:
                return None
        if only.since or only.until:
            moment = datetime.fromisoformat(event.time)
            if (only.since and moment < only.since) or (only.until and moment > only.until):
                return None
        return {
            "position": notification.id, "time": event.time, "event_type": name,
            "case_id": str(case) if case else None, "actor": event.actor,
            "aggregate_id": str(notification.originator_id), "aggregate_version": notification.originator_version,
            "payload": event.payload,
        }


def write_history(app: ContextApplication, sink: BinaryIO, only: HistoryFilter = HistoryFilter(),
                  show_private_text: bool = False, progress: Callable[[int], None] | None = None) -> int:
    """Stream the context's history to ``sink`` as JSON Lines; returns how many events were written.

    Constant memory whatever the history's length (keyset pages, one event at a time):
    the benchmark suite calls this with a million events and a sink like ``/dev/null``.
    """
    written = 0
    for entry in Replay(app, show_private_text=show_private_text).events(only=only, progress=progress):
        sink.write(orjson.dumps(entry) + b"\n")
        written += 1
    return written


class CaseIndex:
    """Which case an aggregate belongs to, remembered for a bounded number of aggregates."""

    def __init__(self, app: ContextApplication, mapper: Mapper[Any], size: int = REMEMBERED_AGGREGATES) -> None:
        self._app, self._decoder, self._size = app, AuditDecoder(mapper), size
        self._cases: OrderedDict[Any, UUID | None] = OrderedDict()

    def remembered(self, originator_id: Any) -> tuple[bool, UUID | None]:
        if originator_id in self._cases:
            self._cases.move_to_end(originator_id)
            return True, self._cases[originator_id]
        return False, None

    def case_of(self, stored: StoredEvent, own_case: UUID | None, created_topic: str | None) -> UUID | None:
        """The case of a stored event, given its own case id (a UUID or None) and its ``originator_topic``."""
        if own_case is not None and stored.originator_version != 1:
            return own_case
        known, case = self.remembered(stored.originator_id)
        if not known:
            case = self._case_of_aggregate(stored, own_case, created_topic)
            self._cases[stored.originator_id] = case
            if len(self._cases) > self._size:
                self._cases.popitem(last=False)
        return case

    def _case_of_aggregate(self, stored: StoredEvent, own_case: UUID | None, created_topic: str | None) -> UUID | None:
        if stored.originator_version != 1:
            found = self._app.recorder.select_events(stored.originator_id, limit=1)
            if not found:
                return None
            stored = found[0]
            own_case, created_topic = self._decoder.case_parts(stored)
        if own_case is not None:
            return own_case
        return stored.originator_id if created_topic in CASE_HEADER_TOPICS else None


def case_of_created(created: Any) -> UUID | None:
    """The case of an aggregate, from the (domain) event that created it."""
    if created is None:
        return None
    own = getattr(created, "case_id", None)
    if isinstance(own, UUID):
        return own
    if getattr(created, "originator_topic", None) in CASE_HEADER_TOPICS:
        return created.originator_id
    return None
