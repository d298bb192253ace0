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
from typing import Any, Callable, Protocol
from uuid import UUID

from eventsourcing.persistence import InfrastructureFactory

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


class AccessLogTable(Protocol):
    def append_many(self, accesses: list[Access], at: datetime) -> list[int]: ...
    def select(self, *, after: int, limit: int, case_id: UUID | None, user: str | None,
               since: datetime | None, until: datetime | None) -> list[AccessEntry]: ...


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


def access_log_for(factory: InfrastructureFactory[Any], application_name: str) -> AccessLog:
    table = f"{application_name.lower()}_access_log"
    module = type(factory).__module__
    create = factory.env_create_table()  # type: ignore[attr-defined]
    if module == "eventsourcing.sqlite":
        from services.platform.access_log_sqlite import SQLiteAccessLogTable

        return AccessLog(SQLiteAccessLogTable(factory.datastore, table, create))  # type: ignore[attr-defined]
    if module == "eventsourcing.postgres":
        from services.platform.access_log_postgres import PostgresAccessLogTable

        return AccessLog(PostgresAccessLogTable(factory.datastore, table, create))  # type: ignore[attr-defined]
    raise ValueError(f"{application_name}: the access log needs a SQLite or PostgreSQL store")


def entry_from_row(row: Any) -> AccessEntry:
    position, at, user, role, action, context, case_id, operation, responsible, emergency = row
    return AccessEntry(
        position=int(position),
        at=at if isinstance(at, datetime) else datetime.fromisoformat(at),
        access=Access(user=user, role=role, action=Action(action), context=context,
                      case_id=UUID(str(case_id)) if case_id else None, operation=operation,
                      responsible_user=responsible, emergency=bool(emergency)),
    )


COLUMNS = "position, at, user_id, role, action, context, case_id, operation, responsible_user, emergency"
