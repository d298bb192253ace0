"""The base of every context's eventsourcing application."""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path
from types import MethodType
from datetime import date, datetime, timezone
from typing import Any, Callable, Iterable, Iterator, Mapping, TypeVar
from uuid import UUID, uuid4

from eventsourcing.application import AggregateNotFoundError, Application, LRUCache
from eventsourcing.persistence import (
    ApplicationRecorder, InfrastructureFactory, IntegrityError, JSONTranscoder, Mapper, Notification,
    ProgrammingError, Recording, Transcoding,
)
from eventsourcing.utils import Environment, retry

from services.platform.access_log import AccessLog
from services.platform.audit_chain import AuditChain
from services.platform.case_positions import CasePositions
from services.platform.encryption import PrivateTextAsCiphertext, decode_keystore_key
from services.platform.erasure_ledger import ErasureLedger
from services.platform.errors import Conflict, DomainError, NotFound, StoreNotSetUp
from services.platform.keystore import CaseKeys
from services.platform.storage import ContextStorage, persistence_module

log = logging.getLogger("evenwijdig.platform")

# Keys of the store mapping that eventsourcing must never see: they stay out of ``self.env``.
KEYSTORE_KEY = "KEYSTORE_KEY"
ERASURE_LEDGER = "ERASURE_LEDGER"  # the path of the erasure ledger (services.platform.erasure_ledger); empty: none
#: "y": opened by `evenwijdig store init` to create its tables only; no case key is made, opened or destroyed,
#: so it needs no key-store key (the owner's credentials are all that step is given).
SET_UP_ONLY = "SET_UP_ONLY"

A = TypeVar("A")
V = TypeVar("V")
Clock = Callable[[], datetime]
NewId = Callable[[], UUID]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class ContextApplication(Application[Any]):
    """An application configured only by the mapping its composition root hands in.

    eventsourcing merges ``os.environ`` into every application's configuration, and
    a name-prefixed variable there (``PARENT_B_CONTEXT_POSTGRES_DBNAME``) would beat
    the value the composition root chose. For a store that must never be pointed at
    another context's database by accident, the environment is read once, by the
    settings object, and nowhere else.

    Private free text (``PrivateText`` in events) is encrypted per case; ``case_keys``
    is the context's key store (see ``services.platform.keystore``), in a table of its
    own beside the events, opened with the mapping's ``KEYSTORE_KEY``.

    Every stored event is linked into the context's audit hash chain in the transaction
    that stores it (``chain``: verify the history, sign checkpoints of its head).

    One idiom for every command (``load``, ``change``, ``save``): a missing record is the
    context's own ``not_found`` error, a write another writer beat is its ``conflict`` error,
    never eventsourcing's. ``clock`` (the moment of "now") and ``new_id`` (a new aggregate's
    id) are passed in, so tests fix them instead of patching the application.
    """

    #: The context's own errors, raised by ``load`` and ``save`` (subclasses name theirs).
    not_found: type[DomainError] = NotFound
    conflict: type[DomainError] = Conflict
    conflict_message = "someone else changed this at the same moment; nothing was saved, reload and try again"

    case_keys: CaseKeys
    access_log: AccessLog
    chain: AuditChain
    case_positions: CasePositions

    def __init__(self, store: Mapping[str, str], *, clock: Clock | None = None, new_id: NewId | None = None) -> None:
        self.clock: Clock = clock or utc_now
        self.new_id: NewId = new_id or uuid4
        if not store.get("PERSISTENCE_MODULE"):
            raise ValueError(f"{self.name}: no store configured")
        self._set_up_only = store.get(SET_UP_ONLY) == "y"
        self._keystore_key = (secrets.token_bytes(32) if self._set_up_only
                              else decode_keystore_key(store.get(KEYSTORE_KEY), self.name))
        ledger = None if self._set_up_only else store.get(ERASURE_LEDGER)
        self.erasure_ledger = ErasureLedger(Path(ledger), self.name) if ledger else None
        sqlite_file = store.get("SQLITE_DBNAME")
        if sqlite_file:
            _prepare_private_file(Path(sqlite_file))
        self._after_save: list[tuple[frozenset[str], Callable[[], None]]] = []
        super().__init__(env={k: v for k, v in store.items() if k not in (KEYSTORE_KEY, ERASURE_LEDGER, SET_UP_ONLY)})
        # After the whole store is open (a store that was not set up says so first), before anything is served.
        if not self._set_up_only:
            self.case_keys.check_keystore_key()
        self.erasures_reapplied = self._reapply_erasures()

    # The one application idiom --------------------------------------------------------------

    def find(self, aggregate_id: object, kind: type[A]) -> A | None:
        """The record with this id, or None: also for an id that is no UUID or names another kind of record."""
        if not isinstance(aggregate_id, UUID):
            return None
        try:
            aggregate = self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None
        return aggregate if isinstance(aggregate, kind) else None

    def load(self, aggregate_id: object, kind: type[A], missing: str | DomainError) -> A:
        """The record with this id; when there is none, ``missing``: an error, or what the context's ``not_found``
        error says."""
        aggregate = self.find(aggregate_id, kind)
        if aggregate is None:
            raise missing if isinstance(missing, DomainError) else self.not_found(missing)
        return aggregate

    def change(self, aggregate_id: object, kind: type[A], command: Callable[[A], Any], *,
               missing: str | DomainError, view: Callable[[A], V] | None = None,
               conflict: DomainError | None = None) -> Any:
        """Load the record, run one command on it, save it (conflict-aware); returns ``view`` of it as saved
        (the record itself without one): the answer needs no second read, which could fail after the commit."""
        aggregate = self.load(aggregate_id, kind, missing)
        command(aggregate)
        self.save(aggregate, conflict=conflict)
        return aggregate if view is None else view(aggregate)

    def save(self, *objs: Any, conflict: DomainError | None = None, **kwargs: Any) -> Any:
        """Store what the records collected, all or nothing; a record another writer changed first (or a new
        record whose id exists) raises ``conflict``, by default the context's own ``conflict`` error."""
        try:
            return super().save(*objs, **kwargs)
        except IntegrityError:
            raise (conflict or self.conflict(self.conflict_message)) from None

    def _reapply_erasures(self) -> list[UUID]:
        """Destroy again every key the ledger says was destroyed but this store still holds (a restored backup)."""
        if self.erasure_ledger is None:
            return []
        again = [case_id for case_id in self.erasure_ledger.cases() if self.case_keys.holds_key(case_id)]
        for case_id in again:
            self.case_keys.destroy(case_id)
        if again:
            log.warning("%s: destroyed again %d case keys the erasure ledger lists (a restored backup?)",
                        self.name, len(again))
        return again

    def on_saved(self, topics: Iterable[str], callback: Callable[[], None]) -> None:
        """Call ``callback`` after this application stored an event of one of ``topics`` (the flows' prompt)."""
        self._after_save.append((frozenset(topics), callback))

    def _notify(self, recordings: list[Recording[Any]]) -> None:
        super()._notify(recordings)
        topics = {recording.notification.topic for recording in recordings}
        for wanted, callback in self._after_save:
            if wanted & topics:
                try:
                    callback()
                except Exception:  # noqa: BLE001 - what was saved stays saved; the flow catches up later
                    log.warning("%s: a flow could not process what was just saved", self.name, exc_info=True)

    def construct_env(self, name: str, env: Mapping[str, str] | None = None) -> Environment:
        merged = dict(type(self).env)
        if type(self).is_snapshotting_enabled or type(self).snapshotting_intervals:
            merged["IS_SNAPSHOTTING_ENABLED"] = "y"
        merged.update(env or {})
        merged["PERSISTENCE_MODULE"] = persistence_module(merged.get("PERSISTENCE_MODULE", ""))
        # The store's factory makes the chained recorders, which link each event in the insert's own
        # transaction: never configurable away.
        for key in ("APPLICATION_RECORDER_TOPIC", "PROCESS_RECORDER_TOPIC"):
            merged.pop(key, None)
        return Environment(name, merged)

    def construct_factory(self, env: Environment) -> InfrastructureFactory[Any]:
        factory = super().construct_factory(env)
        if not isinstance(factory, ContextStorage):
            raise ValueError(f"{self.name}: a context's store must be SQLite or PostgreSQL "
                             f"(services.platform.stores_sqlite or _postgres), not {env.get('PERSISTENCE_MODULE')}")
        return factory

    @property
    def storage(self) -> ContextStorage:
        """The factory of this context's store, with the tables it keeps beside the events."""
        return self.factory  # type: ignore[return-value]

    def construct_mapper(self) -> Mapper[Any]:
        # The transcoder is built here, inside Application.__init__, and its private-text
        # transcoding needs the key store: open (and create) the key table first.
        self.case_keys = CaseKeys(self.storage.key_table(self.name), self.name, self._keystore_key,
                                  on_destroy=self._forget_decrypted,
                                  before_destroy=self.erasure_ledger.record if self.erasure_ledger else None)
        self.access_log = self.storage.access_log(self.name)
        del self._keystore_key
        return super().construct_mapper()

    def _forget_decrypted(self, case_id: UUID) -> None:
        # Aggregates kept in memory (the aggregate cache) hold their private text decrypted.
        # Erasure is an event that clears it, but a destroyed key must leave nothing readable
        # in this process whatever the aggregate: start an empty cache (destroys are rare).
        if isinstance(self.repository.cache, LRUCache):
            self.repository.cache = LRUCache(maxsize=self.repository.cache.maxsize)

    def construct_recorder(self) -> ApplicationRecorder:
        try:
            recorder = super().construct_recorder()
        except ProgrammingError as error:
            # eventsourcing reads the schema's types first; a schema the owner made but never granted says so here.
            if "permission denied for schema" not in str(error):
                raise
            raise StoreNotSetUp(self.name, [f"the runtime login's USAGE on the schema ({error})"]) from None
        _single_attempt(recorder)
        self.chain = self.storage.chain(self.name, recorder)
        self.case_positions = self.storage.case_positions(self.name, recorder)
        return recorder

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())
        transcoder.register(PrivateTextAsCiphertext(self.case_keys))

    def notifications_of(self, topics: Iterable[str], page: int = 500) -> Iterator[Notification]:
        """Every stored notification of these topics, oldest first, read a page at a time."""
        topics, position = list(topics), 0
        while True:
            found = self.recorder.select_notifications(start=position + 1, limit=page, topics=topics)
            yield from found
            if len(found) < page:
                return
            position = found[-1].id

    @property
    def position(self) -> int:
        """The position of the last event in this context's history (0 when empty)."""
        return self.recorder.max_notification_id() or 0

    def ping(self) -> None:
        """Touch the store; raises when it cannot be reached."""
        self.recorder.max_notification_id()

    def damage(self) -> str | None:
        """What is damaged in this store's file (SQLite's ``quick_check``), None when intact.

        PostgreSQL checks its own pages when it reads them, and has no such cheap whole-store check: None.
        """
        return self.storage.damage()


_RETRYING = retry()(lambda: None).__code__


def _single_attempt(recorder: ApplicationRecorder) -> None:
    """One attempt per store call: a failure reaches the client as UNAVAILABLE at once, and the client retries.

    Retrying inside the request adds nothing the pool's own health check does not, and a retried insert
    whose first commit did reach the server comes back as a conflict rather than a success.
    """
    for name in dir(type(recorder)):
        method = getattr(type(recorder), name, None)
        if getattr(method, "__code__", None) is _RETRYING:
            setattr(recorder, name, MethodType(method.__wrapped__, recorder))  # type: ignore[union-attr]


def _prepare_private_file(path: Path) -> None:
    """Create the data directory on first run; case files are readable by their owner only."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


class DateAsISO(Transcoding):
    """Calendar dates (a session day, a date of birth) are stored as ISO strings."""

    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)
