"""How long a PostgreSQL store makes a request wait when the server is slow or gone."""

from __future__ import annotations

import socket
import time
from typing import Any

from eventsourcing.utils import Environment
from psycopg_pool import PoolTimeout

# A store that is down must fail a request within about two seconds (docs/reliability.md). eventsourcing
# waits connect_timeout for a pooled connection and retries every store call ten times, 0.2 s apart,
# so one request could hang for close to a minute; psycopg's pool backs off up to five minutes before
# reconnecting, so service could lag that long behind the server's return.
POOL_TIMEOUT = "POSTGRES_POOL_TIMEOUT"
RECONNECT_SECONDS = 5.0


def bound_waits(pool: Any, env: Environment) -> None:
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
