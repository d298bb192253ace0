"""Where idempotency keys are kept: a table in the gateway's own store (the staff directory's).

One row per (user, audience, key): the fingerprint of the request that claimed it, when, and,
once it has an answer worth keeping, that answer, sealed. A row without an answer is a request
still being carried out (or one that was interrupted). The same SQL runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, replace
from typing import Any, Callable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from services.platform.dialect import Dialect, quoted
from services.platform.encryption import decode_keystore_key, seal, unseal
from services.platform.errors import StoreNotSetUp

log = logging.getLogger("evenwijdig.gateway.idempotency")

#: Documented (docs/reliability.md): a key and its answer are kept for a day after the key was first used.
KEEP_SECONDS = 24 * 3600
PURGE_EVERY_SECONDS = 3600
#: A claim without an answer this old was abandoned (its process died, or its store failed before the answer
#: was kept): every request ends well within it (docs/reliability.md). A repeat may then run again; the stores
#: refuse a second attempt at a write that was made (services.platform.requests), so nothing is applied twice.
LEASE_SECONDS = 30


@dataclass(frozen=True)
class Scope:
    """Whose key it is: a key means something only for one user at one audience's endpoint."""

    user: str
    audience: str


@dataclass(frozen=True)
class Claim:
    """The row a key already has: whose request claimed it and, if it has one, the kept answer."""

    fingerprint: str
    status: int | None
    body: bytes | None

    @property
    def answered(self) -> bool:
        return self.status is not None


class IdempotencyTable:
    def __init__(self, datastore: Any, dialect: Dialect, name: str, create: bool) -> None:
        self._datastore = datastore
        self._d = dialect
        self._t = {"t": dialect.table(name), "index": quoted(f"{name}_created")}
        if create:
            with datastore.transaction(commit=True) as cursor:
                cursor.execute(self._sql(
                    "CREATE TABLE IF NOT EXISTS {t} (user_id TEXT NOT NULL, audience TEXT NOT NULL, "
                    "key TEXT NOT NULL, fingerprint TEXT NOT NULL, created_at DOUBLE PRECISION NOT NULL, "
                    "status INTEGER, body {blob}, PRIMARY KEY (user_id, audience, key))"))
                cursor.execute(self._sql("CREATE INDEX IF NOT EXISTS {index} ON {t} (created_at)"))

    def _sql(self, text: str) -> str:
        return self._d.sql(text, **self._t)

    def claim(self, scope: Scope, key: str, fingerprint: str, now: float, expired_before: float) -> Claim | None:
        """Claim ``key`` for this request (None), or return the claim it already has."""
        where = "user_id = ? AND audience = ? AND key = ?"
        ids = (scope.user, scope.audience, key)
        with self._datastore.transaction(commit=True) as cursor:
            cursor.execute(self._sql(f"DELETE FROM {{t}} WHERE {where} AND created_at < ?"), (*ids, expired_before))
            cursor.execute(self._sql(f"DELETE FROM {{t}} WHERE {where} AND status IS NULL AND created_at < ?"),
                           (*ids, now - LEASE_SECONDS))
            cursor.execute(self._sql("INSERT INTO {t} (user_id, audience, key, fingerprint, created_at) "
                                     "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING created_at"),
                           (*ids, fingerprint, now))
            if cursor.fetchone() is not None:
                return None
            cursor.execute(self._sql(f"SELECT fingerprint, status, body FROM {{t}} WHERE {where}"), ids)
            row = cursor.fetchone()
        return Claim(row["fingerprint"], row["status"], None if row["body"] is None else bytes(row["body"]))

    def answer(self, scope: Scope, key: str, status: int, body: bytes) -> None:
        """Keep the answer of the request that holds the claim."""
        with self._datastore.transaction(commit=True) as cursor:
            cursor.execute(self._sql("UPDATE {t} SET status = ?, body = ? WHERE user_id = ? AND audience = ? "
                                     "AND key = ? AND status IS NULL"), (status, body, scope.user, scope.audience, key))

    def release(self, scope: Scope, key: str) -> None:
        """Give the key up: the request changed nothing, so the same key may be sent again."""
        with self._datastore.transaction(commit=True) as cursor:
            cursor.execute(self._sql("DELETE FROM {t} WHERE user_id = ? AND audience = ? AND key = ? "
                                     "AND status IS NULL"), (scope.user, scope.audience, key))

    def purge(self, expired_before: float) -> None:
        with self._datastore.transaction(commit=True) as cursor:
            cursor.execute(self._sql("DELETE FROM {t} WHERE created_at < ?"), (expired_before,))


class IdempotencyKeys:
    """The kept keys of one gateway, in the store of its staff directory.

    A kept answer may hold case content, which the gateway's store must not be able to show: each is
    sealed (AES-GCM) under a key derived from the gateway's key-store key and the client's own
    idempotency key, so neither the store nor its key alone opens it, and it is deleted after a day.
    """

    def __init__(self, table: IdempotencyTable, secret: bytes, clock: Callable[[], float] = time.time) -> None:
        self._table = table
        self._secret = secret
        self._clock = clock
        self._purged = float("-inf")

    @classmethod
    def open(cls, directory: Any, keystore_key: str) -> IdempotencyKeys:
        secret = decode_keystore_key(keystore_key, directory.name)
        return cls(idempotency_table_for(directory.factory, directory.name), secret)

    def claim(self, scope: Scope, key: str, fingerprint: str) -> Claim | None:
        """Claim ``key`` for a request (None), or the claim another request already holds, its answer opened."""
        now = self._clock()
        if now - self._purged > PURGE_EVERY_SECONDS:
            self._table.purge(now - KEEP_SECONDS)
            self._purged = now
        held = self._table.claim(scope, key, fingerprint, now, now - KEEP_SECONDS)
        if held is None or held.body is None:
            return held
        try:
            return replace(held, body=unseal(self._sealing_key(scope, key), held.body, held.fingerprint.encode()))
        except InvalidTag:
            log.warning("a kept answer could not be opened (the key-store key changed?)")
            return replace(held, body=None)

    def answer(self, scope: Scope, key: str, fingerprint: str, status: int, body: bytes) -> None:
        self._table.answer(scope, key, status, seal(self._sealing_key(scope, key), body, fingerprint.encode()))

    def release(self, scope: Scope, key: str) -> None:
        self._table.release(scope, key)

    def _sealing_key(self, scope: Scope, key: str) -> bytes:
        info = b"evenwijdig/idempotency/v1|" + json.dumps([scope.user, scope.audience, key]).encode()
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(self._secret)


def idempotency_table_for(factory: Any, application_name: str) -> IdempotencyTable:
    """The table in the store of ``factory`` (the gateway's own), created unless migrations own the DDL."""
    name, create = f"{application_name.lower()}_idempotency", factory.env_create_table()
    if not create:  # the runtime login: `evenwijdig store init` made it, as the owner
        with factory.datastore.transaction(commit=False) as cursor:
            if not factory.dialect.exists(cursor, name):
                raise StoreNotSetUp(application_name, [name])
    return IdempotencyTable(factory.datastore, factory.dialect, name, create)
