"""The base of every context's eventsourcing application."""

from __future__ import annotations

import logging
import os
import secrets
import socket
import time
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
from psycopg_pool import PoolTimeout

from services.platform.access_log import AccessLog, access_log_for
from services.platform.audit_chain import AuditChain, chain_for, recorder_topic
from services.platform.case_positions import CasePositions, case_positions_for
from services.platform.chain import PROCESS_RECORDER_TOPICS
from services.platform.encryption import PrivateTextAsCiphertext, decode_keystore_key
from services.platform.erasure_ledger import ErasureLedger
from services.platform.errors import Conflict, DomainError, NotFound, StoreNotSetUp
from services.platform.keystore import CaseKeys
from services.platform.keystore_tables import key_table_for

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
        # The chained recorder links each event in the insert's own transaction; never configurable away.
        module = merged.get("PERSISTENCE_MODULE", "")
        topic = recorder_topic(module)
        if topic:
            merged["APPLICATION_RECORDER_TOPIC"] = topic
        if PROCESS_RECORDER_TOPICS.get(module):
            merged["PROCESS_RECORDER_TOPIC"] = PROCESS_RECORDER_TOPICS[module]
        return Environment(name, merged)

    def construct_factory(self, env: Environment) -> InfrastructureFactory[Any]:
        factory = super().construct_factory(env)
        if type(factory).__module__ == "eventsourcing.postgres":
            _bound_waits(factory.datastore.pool, env)  # type: ignore[attr-defined]
        return factory

    def construct_mapper(self) -> Mapper[Any]:
        # The transcoder is built here, inside Application.__init__, and its private-text
        # transcoding needs the key store: open (and create) the key table first.
        self.case_keys = CaseKeys(key_table_for(self.factory, self.name), self.name, self._keystore_key,
                                  on_destroy=self._forget_decrypted,
                                  before_destroy=self.erasure_ledger.record if self.erasure_ledger else None)
        self.access_log = access_log_for(self.factory, self.name)
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
        self.chain = chain_for(self.factory, self.name, recorder)
        self.case_positions = case_positions_for(self.factory, self.name, recorder)
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
        """What is damaged in this store's file (SQLite), None when intact.

        A damaged page only shows when it is read, so a ping answers as if all were well.
        SQLite's ``quick_check`` reads every page (about a second per few hundred MB); PostgreSQL
        checks its own pages when it reads them, and has no such cheap whole-store check: None.
        """
        if type(self.factory).__module__ != "eventsourcing.sqlite":
            return None
        try:
            with self.factory.datastore.transaction(commit=False) as cursor:  # type: ignore[attr-defined]
                cursor.execute("PRAGMA quick_check(1)")
                (verdict,) = cursor.fetchone()
        except Exception as error:  # noqa: BLE001 - a file too damaged to check is damaged
            return _first_line(error)
        return None if verdict == "ok" else " ".join(str(verdict).split())


# A store that is down must fail a request within about two seconds (docs/reliability.md). eventsourcing
# waits connect_timeout for a pooled connection and retries every store call ten times, 0.2 s apart,
# so one request could hang for close to a minute; psycopg's pool backs off up to five minutes before
# reconnecting, so service could lag that long behind the server's return.
POOL_TIMEOUT = "POSTGRES_POOL_TIMEOUT"
RECONNECT_SECONDS = 5.0
_RETRYING = retry()(lambda: None).__code__


def _bound_waits(pool: Any, env: Environment) -> None:
    """How long a request waits for a connection, a new connection to open, and the pool to try again."""
    pool.timeout = float(env.get(POOL_TIMEOUT) or 1)
    pool.reconnect_timeout = RECONNECT_SECONDS
    pool.kwargs["connect_timeout"] = int(env.get("POSTGRES_CONNECT_TIMEOUT") or 5)
    pool.getconn = _FailFast(pool.getconn, pool.timeout, (pool.kwargs.get("host"), pool.kwargs.get("port")))


class _FailFast:
    """Once a pool could not give a connection in time, the next ``seconds`` of asks to that server fail at once.

    Without it every call waits the full pool timeout in turn: calls queued behind a lock (the staff
    directory's index catches up under one) or behind busy worker threads would each add their own wait.
    The mark is the server's, not the pool's: the contexts of a deployment usually share one server, and
    a request that touches several of them (the directory, a side, the idempotency record, a flow's
    upstream) would otherwise wait once per context when that server is gone.
    """

    _down_until: dict[tuple[Any, Any], float] = {}

    def __init__(self, getconn: Any, seconds: float, server: tuple[Any, Any]) -> None:
        self._getconn = getconn
        self._seconds = seconds
        self._server = server
        self._until = 0.0

    def __call__(self, timeout: float | None = None) -> Any:
        now = time.monotonic()
        if now < self._until or now < self._down_until.get(self._server, 0.0):
            raise PoolTimeout("the store could not be reached a moment ago")
        try:
            return self._getconn(timeout)
        except PoolTimeout:
            self._until = time.monotonic() + self._seconds
            # The whole server only when it does not even accept a connection: a database or login of
            # one context that is wrong must not stop the others.
            if not _accepts_connections(*self._server):
                self._down_until[self._server] = self._until
            raise


def _accepts_connections(host: Any, port: Any) -> bool:
    if not host or str(host).startswith("/"):  # a Unix socket: judged per pool
        return True
    try:
        with socket.create_connection((str(host), int(port or 5432)), timeout=0.2):
            return True
    except OSError:
        return False


def _single_attempt(recorder: ApplicationRecorder) -> None:
    """One attempt per store call: a failure reaches the client as UNAVAILABLE at once, and the client retries.

    Retrying inside the request adds nothing the pool's own health check does not, and a retried insert
    whose first commit did reach the server comes back as a conflict rather than a success.
    """
    for name in dir(type(recorder)):
        method = getattr(type(recorder), name, None)
        if getattr(method, "__code__", None) is _RETRYING:
            setattr(recorder, name, MethodType(method.__wrapped__, recorder))  # type: ignore[union-attr]


def _first_line(error: BaseException) -> str:
    cause = error.__cause__ or error
    return (str(cause).splitlines() or [type(cause).__name__])[0]


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
