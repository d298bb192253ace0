"""Recompute a context's chain from its stored events alone, and say where it first breaks.

Stored links are never trusted, only compared: the walk merges three position-ordered
streams (the events, the chain rows, the signed checkpoints) in keyset pages, so memory
stays constant however long the history is. What each kind of break means:

- ``altered``: the event at this position is not the record linked there (payload,
  topic, originator or version changed in place).
- ``reordered``: the record now at this position was linked at another position (two
  rows swapped, or a row moved).
- ``missing``: a linked event (or one a signed checkpoint vouches for) is gone.
- ``unlinked``: an event is stored that was never linked; the application links every
  event in the transaction that stores it, so it was inserted some other way.
- ``chain``: the event matches its link's digest, but the link does not follow from its
  predecessor: the chain table itself was changed, or a linked row before it removed.
- ``checkpoint``: a signed checkpoint does not verify, or the history up to its position
  no longer has the head it signed, or a checkpoint names a predecessor the store no
  longer holds (a checkpoint was removed), or a checkpoint exported to the anchor is no
  longer in the store.

Checkpoints exported to an anchor outside the store (``anchored``) are checked like the
store's own: the history up to each must still have the head it signed, so a history
that was truncated or rewritten, its chain recomputed and its checkpoints deleted, no
longer verifies against the anchor.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Callable, Iterator, Sequence, TypeVar

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from services.platform.chain import ChainStore, Link, Record, digest_of, genesis, next_link
from services.platform.checkpoints import Checkpoint, first_previous, key_id

T = TypeVar("T")
PAGE = 1000


class BreakKind(str, Enum):
    ALTERED = "altered"
    REORDERED = "reordered"
    MISSING = "missing"
    UNLINKED = "unlinked"
    CHAIN = "chain"
    CHECKPOINT = "checkpoint"


@dataclass(frozen=True)
class Break:
    position: int
    kind: BreakKind
    detail: str


@dataclass(frozen=True)
class Verification:
    context: str
    ok: bool
    head_position: int | None  # the last position verified intact
    head: str | None  # its link, hex
    events_checked: int
    checkpoints_checked: int
    first_break: Break | None = None

    def as_dict(self, checkpoint: dict[str, object] | None = None) -> dict[str, object]:
        """Plain data for a report line; ``checkpoint``: the one signed after this verification, if any."""
        found = self.first_break
        return {"context": self.context, "ok": self.ok, "head_position": self.head_position, "head": self.head,
                "events_checked": self.events_checked, "checkpoints_checked": self.checkpoints_checked,
                "first_broken_position": found.position if found else None,
                "kind": found.kind.value if found else None, "detail": found.detail if found else None,
                "checkpoint": checkpoint}


class _Broken(Exception):
    def __init__(self, position: int, kind: BreakKind, detail: str) -> None:
        super().__init__(detail)
        self.found = Break(position, kind, detail)


def verify_chain(context: str, store: ChainStore, public_key: Ed25519PublicKey | None, page: int = PAGE,
                 progress: Callable[[int], None] | None = None, *, upto: int | None = None,
                 anchored: Sequence[Checkpoint] = ()) -> Verification:
    """Walk the history of ``context`` (up to position ``upto``, default all of it).

    ``public_key`` checks checkpoint signatures (None: heads only); ``anchored``: checkpoints
    exported to an anchor outside the store, which must all still hold. ``progress`` hears each
    position verified (a long walk shows how far it got).
    """
    walk = _Walk(context, store, public_key, page, progress, upto, anchored)
    try:
        walk.run()
        if upto is None:
            _chain_of_checkpoints(context, store, page)
            _anchored_in_store(store, anchored, page)
    except _Broken as broken:
        return walk.result(broken.found)
    return walk.result(None)


def _chain_of_checkpoints(context: str, store: ChainStore, page: int) -> None:
    """Each chained checkpoint names the one stored before it: a removed one leaves a gap that shows."""
    last: Checkpoint | None = None
    for checkpoint in _paged(lambda after: store.checkpoints_by_number(after or 0, page), lambda c: c.number):
        if checkpoint.previous:
            expected = last.digest() if last is not None else first_previous(context)
            if checkpoint.previous != expected:
                raise _Broken(checkpoint.position, BreakKind.CHECKPOINT,
                              f"checkpoint {checkpoint.number} names a previous checkpoint the store no longer holds "
                              "(a checkpoint was removed)")
        elif last is not None and last.previous:
            raise _Broken(checkpoint.position, BreakKind.CHECKPOINT,
                          f"checkpoint {checkpoint.number} names no previous checkpoint after a chained one")
        last = checkpoint


def _anchored_in_store(store: ChainStore, anchored: Sequence[Checkpoint], page: int) -> None:
    """Every checkpoint exported to the anchor is still in the store, as it was signed."""
    wanted = {(c.number, bytes(c.signature)): c for c in anchored}
    if not wanted:
        return
    for checkpoint in _paged(lambda after: store.checkpoints_by_number(after or 0, page), lambda c: c.number):
        wanted.pop((checkpoint.number, bytes(checkpoint.signature)), None)
    if wanted:
        gone = min(wanted.values(), key=lambda c: (c.position, c.number))
        raise _Broken(gone.position, BreakKind.CHECKPOINT,
                      f"checkpoint {gone.number}, exported to the anchor, is no longer in the store")


class _Walk:
    def __init__(self, context: str, store: ChainStore, public_key: Ed25519PublicKey | None, page: int,
                 progress: Callable[[int], None] | None = None, upto: int | None = None,
                 anchored: Sequence[Checkpoint] = ()) -> None:
        self.context, self.store, self.public_key = context, store, public_key
        self.progress = progress
        self.previous, self.position, self.events, self.checkpoints = genesis(context), None, 0, 0
        # Fixed at the start: a writer adding events or checkpoints meanwhile never looks like a break.
        stop, last_checkpoint = store.bounds()
        if upto is not None and stop is not None:
            stop = min(stop, upto)
        self._records: Iterator[Record] = iter(())
        self._links: Iterator[Link] = iter(())
        if stop is not None:
            self._records = _paged(lambda after: store.records(after, stop, page), lambda r: r.position)
            self._links = _paged(lambda after: store.links(after, stop, page), lambda link: link.position)
        signed = _paged(lambda after: store.checkpoints(after or (-(2**63), 0), page), lambda c: (c.position, c.number))
        within = (c for c in signed if c.number <= last_checkpoint and (upto is None or c.position <= upto))
        outside = sorted((c for c in anchored if upto is None or c.position <= upto), key=lambda c: c.position)
        self._signed = _merged(within, iter(outside))

    def run(self) -> None:
        record, link, checkpoint = next(self._records, None), next(self._links, None), next(self._signed, None)
        while record is not None or link is not None:
            here = min(p.position for p in (record, link) if p is not None)
            checkpoint = self._passed(checkpoint, here)
            if link is None or (record is not None and record.position < link.position):
                beyond = "" if link is not None else " (after the last link)"
                raise _Broken(record.position, BreakKind.UNLINKED, f"event {record.position} was never linked{beyond}")
            if record is None or link.position < record.position:
                raise _Broken(link.position, BreakKind.MISSING, f"linked event {link.position} is no longer stored")
            self._check(record, link)
            if self.progress is not None:
                self.progress(link.position)
            checkpoint = self._at(checkpoint, link.position)
            record, link = next(self._records, None), next(self._links, None)
        self._passed(checkpoint, None)

    def _check(self, record: Record, link: Link) -> None:
        digest = digest_of(record)
        if digest != link.digest:
            elsewhere = self.store.position_of(digest)
            if elsewhere is not None and elsewhere != record.position:
                raise _Broken(record.position, BreakKind.REORDERED,
                              f"the event at {record.position} was linked at position {elsewhere}")
            raise _Broken(record.position, BreakKind.ALTERED, f"the event at {record.position} was changed")
        expected = next_link(self.previous, record.position, digest)
        if expected != link.link:
            raise _Broken(record.position, BreakKind.CHAIN,
                          f"the link at {record.position} does not follow from the history before it")
        self.previous, self.position, self.events = expected, record.position, self.events + 1

    def _passed(self, checkpoint: Checkpoint | None, here: int | None) -> Checkpoint | None:
        """Checkpoints before ``here`` (None: the end) vouch for positions the store no longer has."""
        if checkpoint is not None and (here is None or checkpoint.position < here):
            raise _Broken(checkpoint.position, BreakKind.MISSING,
                          f"checkpoint {checkpoint.number} was signed at position {checkpoint.position}, "
                          "which the store no longer holds")
        return checkpoint

    def _at(self, checkpoint: Checkpoint | None, position: int) -> Checkpoint | None:
        while checkpoint is not None and checkpoint.position == position:
            self._signature(checkpoint)
            if checkpoint.context != self.context or checkpoint.head != self.previous:
                raise _Broken(position, BreakKind.CHECKPOINT,
                              f"the history up to {position} differs from what checkpoint {checkpoint.number} signed")
            self.checkpoints += 1
            checkpoint = next(self._signed, None)
        return checkpoint

    def _signature(self, checkpoint: Checkpoint) -> None:
        if self.public_key is None:
            return
        if checkpoint.key_id != key_id(self.public_key):
            raise _Broken(checkpoint.position, BreakKind.CHECKPOINT,
                          f"checkpoint {checkpoint.number} is signed with another key ({checkpoint.key_id})")
        if not checkpoint.signature_valid(self.public_key):
            raise _Broken(checkpoint.position, BreakKind.CHECKPOINT,
                          f"the signature of checkpoint {checkpoint.number} does not verify")

    def result(self, found: Break | None) -> Verification:
        return Verification(
            context=self.context, ok=found is None, head_position=self.position,
            head=self.previous.hex() if self.position is not None else None,
            events_checked=self.events, checkpoints_checked=self.checkpoints, first_break=found,
        )


def _merged(first: Iterator[Checkpoint], second: Iterator[Checkpoint]) -> Iterator[Checkpoint]:
    """Two position-ordered streams of checkpoints as one."""
    a, b = next(first, None), next(second, None)
    while a is not None or b is not None:
        if b is None or (a is not None and a.position <= b.position):
            yield a  # type: ignore[misc]
            a = next(first, None)
        else:
            yield b
            b = next(second, None)


def _paged(fetch: Callable[[object], list[T]], key: Callable[[T], object]) -> Iterator[T]:
    """Keyset paging: each page starts after the last key of the one before."""
    after: object = None
    while True:
        items = fetch(after)
        yield from items
        if not items:
            return
        after = key(items[-1])
