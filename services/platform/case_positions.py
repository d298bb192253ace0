"""Which positions of a context's history belong to which case: an index kept by a tracked flow.

Without it an auditor's history of one case scans the whole store, and its cost grows with
the practice, not with the case. The index is a projection of the context's own history:
one row ``(case_id, position)`` per event that belongs to a case (the same case the replay
names, ``services.platform.replay.CaseIndex``), and the position it has processed. A page of
notifications and the processed position are stored in one transaction, so after a crash at
any point the next catch-up starts from what was stored. Every row is a function of the
stored history alone and is inserted with ``ON CONFLICT DO NOTHING``: two processes catching
up at once (gateway workers) store the same rows, never a second copy and never a gap.

It is caught up before it is read (``catch_up``), so a history read through it holds every
event stored before the read, as a scan would; a store that never had it (or lost it) is
indexed from position zero on its first read, with the same answers (tests/audit).
"""

from __future__ import annotations

import threading
from typing import Any, Callable, Iterator
from uuid import UUID

from eventsourcing.persistence import Notification

from services.platform.dialect import Dialect

#: Notifications indexed per transaction.
PAGE = 1000

CaseOf = Callable[[Notification], "UUID | None"]


class CasePositions:
    """The case index of one context's store (its own two tables, beside the events)."""

    def __init__(self, datastore: Any, dialect: Dialect, context: str, events_table: str, create: bool) -> None:
        self._datastore = datastore
        self._d = dialect
        self._events = dialect.table(events_table)
        self._rows = dialect.table(f"{context}_case_positions")
        self._head = dialect.table(f"{context}_case_positions_head")
        self._lock = threading.Lock()
        if create:
            self.create()

    def create(self) -> None:
        with self._datastore.transaction(commit=True) as c:
            c.execute(f"CREATE TABLE IF NOT EXISTS {self._rows} (case_id {self._d.types['uuid']} NOT NULL, "
                      "position BIGINT NOT NULL, PRIMARY KEY (case_id, position))")
            c.execute(f"CREATE TABLE IF NOT EXISTS {self._head} (id INTEGER PRIMARY KEY, position BIGINT NOT NULL)")

    def processed(self) -> int:
        """The last position of the history the index has processed (0: none)."""
        with self._datastore.transaction(commit=False) as c:
            return self._processed(c)

    def _progress(self) -> tuple[int, int]:
        """The position processed and the last position of the history, read together."""
        d = self._d
        with self._datastore.transaction(commit=False) as c:
            c.execute(f"SELECT (SELECT position FROM {self._head} WHERE id = 1) AS processed, "
                      f"(SELECT MAX({d.position_column}) FROM {self._events}) AS head")
            row = c.fetchone()
            return int(row["processed"] or 0), int(row["head"] or 0)

    def _processed(self, c: Any) -> int:
        c.execute(f"SELECT position FROM {self._head} WHERE id = 1")
        row = c.fetchone()
        return int(row["position"]) if row else 0

    def catch_up(self, select: Callable[[int, int], list[Notification]], case_of: CaseOf) -> int:
        """Index what the history holds past the processed position; returns the position processed.

        ``select(after, limit)``: the store's notifications after a position; ``case_of``: an event's case.
        """
        with self._lock:  # threads of one process take turns; other processes are harmless (see above)
            processed, head = self._progress()
            if processed >= head:
                return processed  # the usual case for a read: one round trip
            while True:
                found = select(processed, PAGE)
                if not found:
                    return processed
                rows = [(case, n.id) for n in found if (case := case_of(n)) is not None]
                processed = found[-1].id
                self._store(rows, processed)

    def _store(self, rows: list[tuple[UUID, int]], processed: int) -> None:
        p = self._d.param
        with self._datastore.transaction(commit=True) as c:
            if rows:
                c.executemany(f"INSERT INTO {self._rows} (case_id, position) VALUES ({p}, {p}) "
                              "ON CONFLICT DO NOTHING", [(self._d.uuid(case), at) for case, at in rows])
            c.execute(f"INSERT INTO {self._head} (id, position) VALUES (1, {p}) ON CONFLICT (id) DO UPDATE "
                      f"SET position = excluded.position WHERE {self._head}.position < excluded.position",
                      (processed,))

    def notifications(self, case_id: UUID, after: int, stop: int | None, page: int) -> Iterator[Notification]:
        """The stored notifications of one case after ``after`` (up to ``stop``), in order, a page at a time."""
        while True:
            found = self._page(case_id, after, stop, page)
            yield from found
            if len(found) < page:
                return
            after = found[-1].id

    def _page(self, case_id: UUID, after: int, stop: int | None, limit: int) -> list[Notification]:
        d, p = self._d, self._d.param
        bound = f" AND i.position <= {p}" if stop is not None else ""
        params = (d.uuid(case_id), after, *((stop,) if stop is not None else ()), limit)
        with self._datastore.transaction(commit=False) as c:
            c.execute(f"SELECT e.{d.position_column} AS position, e.originator_id AS originator_id, "
                      "e.originator_version AS originator_version, e.topic AS topic, e.state AS state "
                      f"FROM {self._rows} i JOIN {self._events} e ON e.{d.position_column} = i.position "
                      f"WHERE i.case_id = {p} AND i.position > {p}{bound} ORDER BY i.position LIMIT {p}", params)
            return [Notification(id=int(row["position"]), originator_id=d.originator_id(row["originator_id"]),
                                 originator_version=row["originator_version"], topic=row["topic"],
                                 state=bytes(row["state"])) for row in c.fetchall()]
