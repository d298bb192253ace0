"""Facts that cross from one context into another, one way, exactly once (the design's section 7).

A downstream context is an eventsourcing ``EventSourcedProjection``: its recorder is a
process recorder, so the events its policy collects for an upstream notification are
stored in the same transaction as the tracking record of that notification's position
(``ProcessingEvent``). Whatever happens, a notification's effect is stored whole or not
at all, and never twice: the tracking row refuses a position already processed, from
this process or any other sharing the store.

How the flow keeps up, on every store (SQLite has no subscriptions):

- ``catch_up`` pulls what the upstream recorded past the tracked position, before a
  command or read that depends on it, and right after the upstream saves in this
  process (``ContextApplication.on_saved``). After a crash at any point the next catch-up
  simply starts from the tracked position again.
- Reading the upstream goes through the upstream application this process holds, with
  the upstream's own store and credential: the downstream store never sees another
  context's events, only the facts its policy keeps.

What crosses is decided by the composition root (``evenwijdig.flows``): for each upstream
it names the topics to pull and a translation from an upstream event to this context's
own inbound facts (plain values the downstream's api offers). So neither context imports
the other, and nothing of a notification the translation drops reaches the store.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from eventsourcing.application import Application, ProcessingEvent
from eventsourcing.persistence import IntegrityError, Tracking
from eventsourcing.projection import EventSourcedProjection

from services.platform import requests

log = logging.getLogger("evenwijdig.flow")

#: Notifications pulled per round trip to the upstream store.
PAGE = 200
#: After a failed catch-up, reads and commands that only prefer fresh facts skip it this long (an outage
#: costs one wait, not one per request); commands that depend on the facts still try, and fail if they must.
QUIET_SECONDS = 2.0
#: Attempts when another writer got in first (another process processed it, or a command saved the same aggregate).
ATTEMPTS = 5

Translate = Callable[[Any], Sequence[Any]]


@dataclass
class Upstream:
    """One upstream context this one follows: its application, the topics and the translation."""

    app: Application[Any]
    topics: tuple[str, ...]
    translate: Translate


@dataclass(frozen=True)
class FlowState:
    """How far a flow is: the upstream position processed, and how many relevant notifications wait."""

    upstream: str
    processed: int
    waiting: int


class FlowFollower(EventSourcedProjection[Any]):
    """Mixed into a ``ContextApplication`` that receives facts from other contexts.

    The subclass implements ``policy(facts, processing_event)``: apply this context's inbound
    ``facts`` (a tuple, possibly empty) to its aggregates and collect their events on
    ``processing_event``. A policy never refuses: the upstream already decided, and a
    refusal here would stop the flow for good; it records what happened.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.upstreams: dict[str, Upstream] = {}
        self._flow_lock = threading.RLock()
        self._quiet_until = 0.0

    def follow_upstream(self, upstream: Application[Any], topics: Sequence[str], translate: Translate) -> None:
        """Follow ``upstream``'s notifications of ``topics``; ``translate`` turns each into inbound facts."""
        self.upstreams[upstream.name] = Upstream(upstream, tuple(topics), translate)

    def catch_up(self, *, strict: bool = True) -> None:
        """Process everything the upstreams recorded past the tracked positions.

        ``strict``: a failure (an upstream store down) raises; otherwise it is logged and the
        caller goes on with what this context already has (its lag shows in ``flow_states``).
        """
        if not strict and time.monotonic() < self._quiet_until:
            return  # an upstream failed a moment ago: do not make every request wait for it again
        try:
            with self._flow_lock:
                for name in self.upstreams:
                    self._catch_up_with(name)
        except Exception as error:
            if strict:
                raise
            self._quiet_until = time.monotonic() + QUIET_SECONDS
            log.warning("%s: a flow could not catch up (%s); continuing with what is processed",
                        self.name, type(error).__name__)

    def flow_states(self) -> list[FlowState]:
        """Per upstream: the position processed and the number of relevant notifications after it (capped)."""
        states = []
        for name, upstream in self.upstreams.items():
            processed = self.recorder.max_tracking_id(name) or 0
            waiting = upstream.app.recorder.select_notifications(
                start=processed + 1, limit=PAGE, topics=upstream.topics)
            states.append(FlowState(name, processed, len(waiting)))
        return states

    def _catch_up_with(self, name: str) -> None:
        upstream = self.upstreams[name]
        for attempt in range(ATTEMPTS):
            try:
                self._pull(name, upstream)
                return
            except IntegrityError:
                # Another process recorded this position, or a command saved the same aggregate
                # first: nothing was stored; read the tracked position again and go on from there.
                if attempt == ATTEMPTS - 1:
                    raise

    def _pull(self, name: str, upstream: Upstream) -> None:
        while True:
            processed = self.recorder.max_tracking_id(name) or 0
            notifications = upstream.app.recorder.select_notifications(
                start=processed + 1, limit=PAGE, topics=upstream.topics)
            for notification in notifications:
                event = upstream.app.mapper.to_domain_event(notification)
                facts = tuple(upstream.translate(event))
                self.process_event(facts, Tracking(application_name=name, notification_id=notification.id))
            if len(notifications) < PAGE:
                return

    def process_event(self, domain_event: Any, tracking: Tracking) -> None:
        # EventSourcedProjection.process_event, under this application's processing lock: the
        # policy's events and the tracking record are stored in one transaction.
        # The effect is the flow's, not the client request that happened to prompt it: it is never
        # recorded as that request's write (services.platform.requests), and never refused as one.
        token = requests.current.set(None)
        try:
            self._process(domain_event, tracking)
        finally:
            requests.current.reset(token)

    def _process(self, domain_event: Any, tracking: Tracking) -> None:
        with self.processing_lock:
            processing_event = ProcessingEvent[Any](tracking=tracking)
            self.policy(domain_event, processing_event)
            recordings = self._record(processing_event)
            self._take_snapshots(processing_event)
            self.notify(processing_event.events)
            self._notify(recordings)

    def policy(self, domain_event: Any, processing_event: ProcessingEvent[Any]) -> None:  # type: ignore[override]
        raise NotImplementedError
