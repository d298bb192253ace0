"""One data key per case, wrapped with the context's key-store key, and the means to destroy it.

Destroying a case's key is crypto-erasure: the stored events keep their bytes (an audit
hash chain over them stays valid), but the private text in them can no longer be read,
and decodes as erased. Recording *why* a key was destroyed (end of retention, a lawful
erasure request) is the calling application's business: it records that as an event.

Data keys are wrapped with AES-256-GCM under the key-store key, with the context's name
and the case id as associated data, so a wrapped key copied to another row or another
context's store does not unwrap. Unwrapped keys are cached for reading for a few seconds
(``cache_seconds``); a destroy in this process evicts at once. Another process on the
same store may keep reading a destroyed key until its cache entry expires (at most
``cache_seconds``); it can never *write* with one, because writing always asks the table.
"""

from __future__ import annotations

import threading
import time
from calendar import isleap
from datetime import date, datetime, timezone
from typing import Callable
from uuid import UUID

from cryptography.exceptions import InvalidTag

from services.platform.encryption import KeyStoreError, WrongKeyStoreKey, new_data_key, seal, unseal
from services.platform.errors import Invalid
from services.platform.keystore_tables import KeyTable

# The Jeugdwet term (art. 7.3.8) is twenty years; this product counts it from the case's closing.
DEFAULT_RETENTION_YEARS = 20
CACHE_PRUNE_SIZE = 4096


class CaseErased(Invalid):
    """The private text of this case was erased; no new private text can be added to it."""

    def __init__(self, case_id: UUID) -> None:
        super().__init__("The private texts of this case have been erased; no new private text can be recorded for it.")
        self.case_id = case_id


def retention_until(closed_on: date, years: int = DEFAULT_RETENTION_YEARS) -> date:
    """The first day a case closed on ``closed_on`` is no longer retained (29 Feb falls to 1 Mar)."""
    year = closed_on.year + years
    if closed_on.month == 2 and closed_on.day == 29 and not isleap(year):
        return date(year, 3, 1)
    return closed_on.replace(year=year)


class CaseKeys:
    """The key store of one context: ``destroy``, ``is_destroyed``, ``set_retention``, ``due_for_erasure``."""

    def __init__(
        self,
        table: KeyTable,
        context: str,
        keystore_key: bytes,
        clock: Callable[[], datetime] | None = None,
        cache_seconds: float = 5.0,
        on_destroy: Callable[[UUID], None] | None = None,
        before_destroy: Callable[[UUID], None] | None = None,
    ) -> None:
        self._table = table
        self._on_destroy = on_destroy or (lambda case_id: None)
        # Told first (the erasure ledger records it), so a destroy that happened is never unrecorded.
        self._before_destroy = before_destroy or (lambda case_id: None)
        self._context = context
        self._keystore_key = keystore_key
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self._cache_seconds = cache_seconds
        self._cache: dict[UUID, tuple[bytes, float]] = {}
        self._lock = threading.Lock()
        self._destroys = 0  # bumped by every destroy, so a read racing it does not re-cache


    def destroy(self, case_id: UUID) -> None:
        """Destroy the case's key for good: its private text reads as erased from now on.

        Idempotent. A case that never had a key gets a tombstone, so private text can
        never be added to it later either.
        """
        self._before_destroy(case_id)
        self._evict(case_id)
        self._table.destroy(case_id, self._clock())
        self._evict(case_id)
        self._on_destroy(case_id)

    def scrub(self) -> bool:
        """Clear leftovers of destroyed keys again; True when the store reports none remain.

        ``destroy`` already does this and waits a few seconds for open transactions
        (PostgreSQL) or readers of the write-ahead log (SQLite). A transaction open for
        longer keeps an old row version alive; a periodic job (the retention run) can
        call this until it returns True.
        """
        return self._table.scrub()

    def holds_key(self, case_id: UUID) -> bool:
        """Whether this store holds a live (not destroyed) key for the case."""
        row = self._table.fetch(case_id)
        return row is not None and row.wrapped is not None

    def is_destroyed(self, case_id: UUID) -> bool:
        """Whether the case's key was destroyed (False for a case that never had one)."""
        row = self._table.fetch(case_id)
        return row is not None and row.destroyed_at is not None

    def set_retention(self, case_id: UUID, until: date) -> None:
        """Keep the case's key until (not including) ``until``; creates the key if needed.

        Raises ``CaseErased`` when the key was already destroyed.
        """
        self.key_for_writing(case_id)
        self._table.set_retention(case_id, until)

    def due_for_erasure(self, on: date) -> list[UUID]:
        """Cases whose retention has ended by ``on`` and whose key still exists, oldest first."""
        return self._table.due(on)

    def key_for_writing(self, case_id: UUID) -> bytes:
        """The case's data key, created on first use. Always asks the table, never the cache."""
        row = self._table.fetch(case_id)
        if row is None:
            row = self._table.insert_if_absent(case_id, self._wrap(case_id, new_data_key()), self._clock())
        if row.wrapped is None:
            raise CaseErased(case_id)
        return self._unwrap(case_id, row.wrapped)

    def key_for_reading(self, case_id: UUID) -> bytes | None:
        """The case's data key, or None when it was destroyed."""
        with self._lock:
            cached = self._cache.get(case_id)
            generation = self._destroys
        if cached is not None and cached[1] > time.monotonic():
            return cached[0]
        row = self._table.fetch(case_id)
        if row is None:
            raise KeyStoreError(f"{self._context}: no key for case {case_id} in this store")
        if row.wrapped is None:
            return None
        key = self._unwrap(case_id, row.wrapped)
        self._remember(case_id, key, generation)
        return key

    def _remember(self, case_id: UUID, key: bytes, generation: int) -> None:
        now = time.monotonic()
        with self._lock:
            if generation != self._destroys:
                return  # a destroy ran while we read the table: this key may be gone already
            if len(self._cache) >= CACHE_PRUNE_SIZE:
                self._cache = {c: entry for c, entry in self._cache.items() if entry[1] > now}
            self._cache[case_id] = (key, now + self._cache_seconds)

    def _evict(self, case_id: UUID) -> None:
        with self._lock:
            self._destroys += 1
            self._cache.pop(case_id, None)

    def _association(self, case_id: UUID) -> bytes:
        return b"evenwijdig/case-key/v1|" + self._context.encode("utf-8") + b"|" + case_id.bytes

    def _wrap(self, case_id: UUID, data_key: bytes) -> bytes:
        return seal(self._keystore_key, data_key, self._association(case_id))

    def _unwrap(self, case_id: UUID, wrapped: bytes) -> bytes:
        try:
            return unseal(self._keystore_key, wrapped, self._association(case_id))
        except InvalidTag:
            raise WrongKeyStoreKey(
                f"{self._context}: the key-store key does not open this store's case keys "
                f"(wrong EVENWIJDIG_{self._context.upper()}_KEYSTORE_KEY, or a tampered key table)"
            ) from None

    def check_keystore_key(self) -> None:
        """Raise ``WrongKeyStoreKey`` unless the key opens the case keys stored so far (at start, not at a first read)."""
        sample = self._table.any_wrapped()
        if sample is not None:
            self._unwrap(*sample)
