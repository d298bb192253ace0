"""Who accessed which case data, when, and how (in the spirit of NEN 7513).

Every read, change, export and search of case data through the gateway or the command
line is recorded *before* it happens, in the store of the context whose data is touched —
never in another side's. If the record cannot be written the access does not happen.
The entries of concurrent requests share one commit (``services.platform.group_commit``);
each request goes on only once the commit holding its entry has ended.
The table is append-only: triggers refuse UPDATE and DELETE, so an entry cannot be
quietly rewritten through the application's own credential.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from typing import Any, Callable
from uuid import UUID

from services.platform.dialect import Dialect, quoted
from services.platform.group_commit import GroupCommit


class Action(str, Enum):
    READ = "read"
    CHANGE = "change"
    EXPORT = "export"
    SEARCH = "search"


@dataclass(frozen=True)
class Access:
    """One access to case data, as it is about to happen."""

    user: str
    role: str
    action: Action
    context: str
    case_id: UUID | None
    operation: str
    responsible_user: str
    emergency: bool = False


@dataclass(frozen=True)
class AccessEntry:
    """One recorded access, with its position in the log and the time it was recorded."""

    position: int
    at: datetime
    access: Access


class AccessLogTable:
    """The access-log table in a context's store (one class for both stores: ``services.platform.dialect``)."""

    def __init__(self, datastore: Any, dialect: Dialect, table: str, create: bool) -> None:
        self._datastore = datastore
        self._d = dialect
        self._t = {"t": dialect.table(table), "by_case": quoted(f"{table}_by_case")}
        if create:
            with datastore.transaction(commit=True) as cursor:
                cursor.execute(self._sql(
                    "CREATE TABLE IF NOT EXISTS {t} ("
                    "position {serial}, at {time} NOT NULL, user_id TEXT NOT NULL, "
                    "role TEXT NOT NULL, action TEXT NOT NULL, context TEXT NOT NULL, case_id {uuid}, "
                    "operation TEXT NOT NULL, responsible_user TEXT NOT NULL, emergency {bool} NOT NULL)"))
                # One case's entries are read without reading the other cases' (docs/benchmarks.md, growth).
                cursor.execute(self._sql("CREATE INDEX IF NOT EXISTS {by_case} ON {t} (case_id, position)"))
                dialect.append_only(cursor, table, "the access log is append-only")

    def _sql(self, text: str) -> str:
        return self._d.sql(text, **self._t)

    def append_many(self, accesses: list[Access], at: datetime) -> list[int]:
        """Every entry in one transaction: all of them are stored, or none."""
        insert = self._sql("INSERT INTO {t} (" + COLUMNS.split(", ", 1)[1] + ") "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING position")
        with self._datastore.transaction(commit=True) as cursor:
            positions = []
            for access in accesses:
                cursor.execute(insert, (self._d.time(at), access.user, access.role, access.action.value,
                                        access.context, self._d.uuid(access.case_id) if access.case_id else None,
                                        access.operation, access.responsible_user, access.emergency))
                positions.append(int(cursor.fetchone()["position"]))
            return positions

    def select(self, *, after: int, limit: int, case_id: UUID | None, user: str | None,
               since: datetime | None, until: datetime | None) -> list[AccessEntry]:
        clauses, params = ["position > ?"], [after]
        for clause, value in (("case_id = ?", self._d.uuid(case_id) if case_id else None), ("user_id = ?", user),
                              ("at >= ?", self._d.time(since) if since else None),
                              ("at < ?", self._d.time(until) if until else None)):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        with self._datastore.transaction(commit=False) as cursor:
            cursor.execute(self._sql("SELECT " + COLUMNS + " FROM {t} WHERE " + " AND ".join(clauses) +
                                     " ORDER BY position LIMIT ?"), (*params, limit))
            return [self._entry(row) for row in cursor.fetchall()]

    def _entry(self, row: Any) -> AccessEntry:
        return AccessEntry(
            position=int(row["position"]),
            at=self._d.time_of(row["at"]),
            access=Access(user=row["user_id"], role=row["role"], action=Action(row["action"]),
                          context=row["context"], case_id=self._d.uuid_of(row["case_id"]) if row["case_id"] else None,
                          operation=row["operation"], responsible_user=row["responsible_user"],
                          emergency=bool(row["emergency"])),
        )


class AccessLog:
    """The access log of one context's store."""

    def __init__(self, table: AccessLogTable, clock: Callable[[], datetime] | None = None) -> None:
        self._table = table
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self.group = GroupCommit(self.record_many)

    def record(self, access: Access) -> int:
        """Append one access; returns its position once it is stored. Raises when the store cannot take it.

        Accesses recorded at the same moment by other threads are stored in the same transaction.
        """
        return self.group.submit(access)

    def record_many(self, accesses: list[Access]) -> list[int]:
        """Append accesses in one transaction (all or none); returns their positions in order."""
        return self._table.append_many(list(accesses), self._clock())

    def entries(self, *, after: int = 0, limit: int = 100, case_id: UUID | None = None, user: str | None = None,
                since: datetime | None = None, until: datetime | None = None) -> list[AccessEntry]:
        """Entries in the order they were recorded, after position ``after``, filtered."""
        if not 1 <= limit <= 1000:
            raise ValueError("limit must be between 1 and 1000")
        return self._table.select(after=after, limit=limit, case_id=case_id, user=user, since=since, until=until)


COLUMNS = "position, at, user_id, role, action, context, case_id, operation, responsible_user, emergency"
