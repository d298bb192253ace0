"""Stored events decoded straight to what an auditor sees, without building domain event objects.

An auditor's record of an event is plain JSON: the event's stored state with every typed value
(``{"_type_": …, "_data_": …}``) replaced by its plain form (``audit_values.plain`` of what the
application's transcoding would decode). Building that from the stored bytes with orjson skips
the JSON object hooks, the domain event and ``plain()`` of every value: most of a replay's cost.

The answer must be the one the domain path gives, byte for byte, so anything this decoder does
not know takes the domain path for that event (``Decoded.from_domain``): a stored class version
older than the class's (upcasting is domain code), a typed value whose data holds typed values,
a state the library's cipher or compressor wrapped, JSON orjson refuses (NaN, huge integers).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

import orjson
from eventsourcing.persistence import Mapper, StoredEvent
from eventsourcing.utils import resolve_topic

from services.platform.audit_values import RedactingPrivateText, plain

#: What every event carries that is no part of its payload.
ENVELOPE = frozenset({"originator_id", "originator_version", "timestamp", "originator_topic"})
CONTAINERS = (dict, list)
#: Typed values whose stored data already is their plain form (ISO text written by ``isoformat()``).
AS_STORED = frozenset({"datetime_iso", "date_iso"})


class NotPlain(Exception):
    """This stored event needs the domain path."""


@dataclass(slots=True)
class Decoded:
    """The parts of one event an auditor's record is made of, all plain but ``own_case``."""

    time: str
    actor: Any
    payload: dict[str, Any]
    own_case: UUID | None  # the event's own ``case_id`` when it is a UUID
    originator_topic: str | None  # set on an aggregate's created event

    @classmethod
    def from_domain(cls, event: Any) -> Decoded:
        own = getattr(event, "case_id", None)
        return cls(event.timestamp.isoformat(), plain(getattr(event, "actor", None)),
                   {k: plain(v) for k, v in vars(event).items() if k not in ENVELOPE},
                   own if isinstance(own, UUID) else None, getattr(event, "originator_topic", None))


class AuditDecoder:
    """Decodes stored events as the auditor's mapper would, then ``plain()``: the same values, faster."""

    def __init__(self, mapper: Mapper[Any]) -> None:
        self.mapper = mapper
        self._names = mapper.transcoder.names  # type: ignore[attr-defined]
        self._wrapped = bool(mapper.cipher or mapper.compressor)
        self._classes: dict[str, tuple[type, int]] = {}

    def decode(self, stored: StoredEvent) -> Decoded:
        if not self._wrapped:
            try:
                return self._direct(stored)
            except (NotPlain, orjson.JSONDecodeError):
                pass
        return Decoded.from_domain(self.mapper.to_domain_event(stored))

    def case_parts(self, stored: StoredEvent) -> tuple[UUID | None, str | None]:
        """Only what an event's case is found by (its own case, its created topic): the case index needs no more."""
        if not self._wrapped:
            try:
                cls, version = self._class(stored.topic)
                state = orjson.loads(stored.state)
                if state.get("class_version", 1) == version:
                    topic = state.get("originator_topic")
                    return self._own_case(cls, state), topic if type(topic) is str else None
            except orjson.JSONDecodeError:
                pass
        event = self.decode(stored)
        return event.own_case, event.originator_topic

    def _direct(self, stored: StoredEvent) -> Decoded:
        cls, version = self._class(stored.topic)
        state = orjson.loads(stored.state)
        if state.pop("class_version", 1) != version:
            raise NotPlain  # an older form: the class upcasts it
        walk, payload = self._plain, {}
        for key, value in state.items():  # most values are scalars: no call for them
            payload[key] = walk(value) if type(value) in CONTAINERS else value
        time, topic = payload.pop("timestamp", None), payload.pop("originator_topic", None)
        if type(time) is not str:
            raise NotPlain
        actor = payload["actor"] if "actor" in payload else plain(getattr(cls, "actor", None))
        return Decoded(time, actor, payload, self._own_case(cls, state), topic)

    @staticmethod
    def _own_case(cls: type, state: dict[str, Any]) -> UUID | None:
        """The event's ``case_id`` when it is a UUID (a class attribute when the state has none)."""
        if "case_id" not in state:
            return _uuid_or_none(getattr(cls, "case_id", None))
        own = state["case_id"]
        return UUID(own["_data_"]) if type(own) is dict and own.get("_type_") == "uuid_hex" else None

    def _class(self, topic: str) -> tuple[type, int]:
        known = self._classes.get(topic)
        if known is None:
            cls = resolve_topic(topic)
            known = self._classes[topic] = (cls, getattr(cls, "class_version", 1))
        return known

    def _plain(self, value: Any) -> Any:
        kind = type(value)
        if kind is dict:
            if len(value) == 2 and "_type_" in value and "_data_" in value:
                return self._typed(value["_type_"], value["_data_"])
            return {key: self._plain(item) for key, item in value.items()}
        if kind is list:
            return [self._plain(item) for item in value]
        return value

    def _typed(self, name: str, data: Any) -> Any:
        if name in AS_STORED and type(data) is str:
            return data
        if name == "uuid_hex" and type(data) is str:
            return str(UUID(data))
        if type(data) is list or (type(data) is dict and any(type(v) in (dict, list) for v in data.values())):
            raise NotPlain  # the library decodes nested typed values first: leave that to it
        transcoding = self._names.get(name)
        if transcoding is None:
            raise NotPlain
        if isinstance(transcoding, RedactingPrivateText) and type(data) is dict:
            return transcoding.plain(data)
        return plain(transcoding.decode(data))


def _uuid_or_none(value: Any) -> UUID | None:
    return value if isinstance(value, UUID) else None
