"""What differs between the stores, for the tables a context keeps beside its events.

Every table of ours (the audit chain and its checkpoints, the requests, the case keys, the
access log, the case index, the gateway's idempotency keys) is one class written once against
a ``Dialect``; each backend's ``Factory`` (``stores_sqlite``, ``stores_postgres``) hands it the
dialect of its store. A dialect says only what SQL cannot say the same way on both: the
placeholder, how a table is named, the column types, how values of those types are passed
and read back, the events' position column, how a table is made append-only, and how writers
of one table queue. Rows are read by column name (``sqlite3.Row`` and psycopg's ``dict_row``
both allow it), and what both stores understand (``ON CONFLICT … DO NOTHING``, ``RETURNING``)
is written once.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date, datetime
from typing import Any, ClassVar, Mapping
from uuid import UUID


def quoted(name: str) -> str:
    """An SQL identifier, quoted as both stores quote it."""
    return '"' + name.replace('"', '""') + '"'


class Dialect:
    #: The parameter placeholder of the driver.
    param: ClassVar[str]
    #: The column of the events table that holds an event's position (its notification id).
    position_column: ClassVar[str]
    #: Column types by role, for ``sql``: uuid, blob, time, date, bigint, bool, serial (a numbered primary key).
    types: ClassVar[Mapping[str, str]]

    def table(self, name: str) -> str:
        """The quoted (and, where the store has schemas, qualified) name of one of the store's tables."""
        raise NotImplementedError

    def sql(self, text: str, **tables: str) -> str:
        """``text`` with ``?`` as the store's placeholder, ``{uuid}``… as its types, ``{name}`` as ``tables``."""
        return text.format(**self.types, **tables).replace("?", self.param)

    # Values: what the driver is given for a value, and the value read back.
    def uuid(self, value: UUID) -> Any:
        return value

    def uuid_of(self, stored: Any) -> UUID:
        return stored if isinstance(stored, UUID) else UUID(str(stored))

    def time(self, value: datetime) -> Any:
        return value

    def time_of(self, stored: Any) -> datetime:
        return stored if isinstance(stored, datetime) else datetime.fromisoformat(stored)

    def date(self, value: date) -> Any:
        return value

    def date_of(self, stored: Any) -> date:
        return stored if isinstance(stored, date) else date.fromisoformat(stored)

    def originator_id(self, stored: Any) -> Any:
        """An event's originator id as eventsourcing's mapper expects it."""
        return stored

    # Statements that differ -----------------------------------------------------------------

    def reading(self, datastore: Any) -> AbstractContextManager[Any]:
        """A cursor for one read: the cheapest way this store offers."""
        return datastore.transaction(commit=False)

    def exists(self, cursor: Any, table: str) -> bool:
        raise NotImplementedError

    def add_column(self, cursor: Any, table: str, column: str, column_type: str) -> None:
        """Add a column to a table made before the column existed (nothing when it has it)."""
        raise NotImplementedError

    def append_only(self, cursor: Any, table: str, message: str) -> None:
        """Refuse every UPDATE and DELETE (and TRUNCATE, where there is one) of ``table`` with ``message``."""
        raise NotImplementedError

    def serialise(self, cursor: Any, table: str) -> None:
        """Make the writers of ``table`` queue here until this transaction ends (first in the transaction)."""
        raise NotImplementedError

    def queue_creators(self, cursor: Any, table: str) -> None:
        """Make processes creating ``table`` (it may not exist yet) take turns until this transaction ends."""

    def lock_events(self, cursor: Any, events: str) -> None:
        """Take the lock the event writers take (``events``: the quoted table), until this transaction ends."""
        raise NotImplementedError
