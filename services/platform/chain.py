"""The hash chain over a context's stored history: what a link covers, and how it grows.

Every stored event is linked in the same database transaction that stores it (the
chained recorders of ``stores_sqlite`` / ``stores_postgres``), so there is no moment at
which a committed event has no link, and no legitimate writer ever leaves one unlinked.
A row that appears in the events table without a link was put there some other way.

``digest`` covers the event's full stored record exactly as stored: originator id,
version, topic and the state bytes (ciphertext where private text is encrypted, so
crypto-erasure leaves the chain intact). ``link`` covers the previous link, the event's
position (notification id) and its digest, so changing, removing, inserting or
reordering a stored row changes every link from there on. The first link starts from a
genesis value bound to the context's name: a history copied into another context's
store does not verify there.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Iterable, Protocol, Sequence
from uuid import UUID

GENESIS_LABEL = b"evenwijdig/audit-chain/v1"
DIGEST_LABEL = b"evenwijdig/event/v1"
LINK_LABEL = b"evenwijdig/link/v1"

class ChainBroken(RuntimeError):
    """New events cannot be linked: the stored chain ends past them (someone removed linked rows).

    Never a counsellor's mistake; an operator must run ``evenwijdig audit verify``.
    """


@dataclass(frozen=True)
class Record:
    """One stored event as the store holds it (``position`` is its notification id)."""

    position: int
    originator_id: str
    version: Any
    topic: Any
    state: Any


@dataclass(frozen=True)
class Link:
    position: int
    digest: bytes
    link: bytes


def id_text(originator_id: UUID | str) -> str:
    """An originator id as the stores keep it as text (SQLite stores UUIDs as 32 hex digits)."""
    return originator_id.hex if isinstance(originator_id, UUID) else str(originator_id)


def genesis(context: str) -> bytes:
    return hashlib.sha256(GENESIS_LABEL + b"\x00" + context.encode("utf-8")).digest()


def digest_of(record: Record) -> bytes:
    """SHA-256 over the length-prefixed fields of the stored record (not its position)."""
    h = hashlib.sha256(DIGEST_LABEL)
    for part in (record.originator_id, str(record.version), str(record.topic), record.state):
        data = _bytes(part)
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.digest()


def next_link(previous: bytes, position: int, digest: bytes) -> bytes:
    return hashlib.sha256(LINK_LABEL + previous + position.to_bytes(8, "big", signed=True) + digest).digest()


def extend(context: str, last: Link | None, records: Iterable[Record]) -> list[Link]:
    """The links of ``records`` (in position order) following ``last``; refuses to go backwards."""
    previous = last.link if last else genesis(context)
    after = last.position if last else None
    links = []
    for record in records:
        if after is not None and record.position <= after:
            raise ChainBroken(
                f"{context}: event position {record.position} is not after the last linked position {after}; "
                "linked rows were removed from the store (run `evenwijdig audit verify`)"
            )
        digest = digest_of(record)
        previous = next_link(previous, record.position, digest)
        links.append(Link(record.position, digest, previous))
        after = record.position
    return links


def records_of(stored_events: Sequence[Any], positions: Sequence[int] | None) -> list[Record]:
    """The records the recorder just wrote, paired with the positions the store gave them."""
    if positions is None or len(positions) != len(stored_events):
        raise ChainBroken("the store did not report a position for every stored event")
    return [
        Record(position, id_text(event.originator_id), event.originator_version, event.topic, event.state)
        for event, position in zip(stored_events, positions)
    ]


def _bytes(value: Any) -> bytes:
    if isinstance(value, str):
        return value.encode("utf-8")
    if value is None:
        return b""
    return bytes(value)


class ChainStore(Protocol):
    """A context's chain and checkpoint tables, and the raw reads verification needs."""

    created: bool

    def adopt(self) -> int: ...
    def last(self) -> Link | None: ...
    def bounds(self) -> tuple[int | None, int]:
        """The last position (of events or links, None when both are empty) and the last checkpoint number."""
    def links(self, after: int | None, stop: int, limit: int) -> list[Link]: ...
    def records(self, after: int | None, stop: int, limit: int) -> list[Record]: ...
    def position_of(self, digest: bytes) -> int | None: ...
    def add_checkpoint(self, make: Any) -> Any:
        """Store ``make(last checkpoint or None)`` as the next checkpoint, atomically; returns it numbered."""
    def checkpoints(self, after: tuple[int, int], limit: int) -> list[Any]: ...
    def checkpoints_by_number(self, after: int, limit: int) -> list[Any]: ...
    def creation_topics(self) -> list[str]: ...
    def version_at(self, originator_id: UUID, position: int) -> int | None: ...
