"""The access log in a context's SQLite file."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.sqlite import SQLiteDatastore

from services.platform.access_log import COLUMNS, Access, AccessEntry, entry_from_row


class SQLiteAccessLogTable:
    def __init__(self, datastore: SQLiteDatastore, table: str, create: bool) -> None:
        self._datastore = datastore
        self._table = '"' + table.replace('"', '""') + '"'
        if create:
            with datastore.transaction(commit=True) as cursor:
                cursor.execute(
                    f"CREATE TABLE IF NOT EXISTS {self._table} ("
                    "position INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user_id TEXT NOT NULL, "
                    "role TEXT NOT NULL, action TEXT NOT NULL, context TEXT NOT NULL, case_id TEXT, "
                    "operation TEXT NOT NULL, responsible_user TEXT NOT NULL, emergency INTEGER NOT NULL)"
                )
                # One case's entries are read without reading the other cases' (docs/benchmarks.md, growth).
                cursor.execute(f"CREATE INDEX IF NOT EXISTS {_quoted(table + '_by_case')} "
                               f"ON {self._table} (case_id, position)")
                for verb in ("UPDATE", "DELETE"):
                    name = '"' + f"{table}_no_{verb.lower()}".replace('"', '""') + '"'
                    cursor.execute(
                        f"CREATE TRIGGER IF NOT EXISTS {name} BEFORE {verb} ON {self._table} "
                        "BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END"
                    )

    def append_many(self, accesses: list[Access], at: datetime) -> list[int]:
        """Every entry in one transaction: all of them are stored, or none."""
        with self._datastore.transaction(commit=True) as cursor:
            positions = []
            for access in accesses:
                cursor.execute(
                    f"INSERT INTO {self._table} ({COLUMNS.split(', ', 1)[1]}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (at.isoformat(), access.user, access.role, access.action.value, access.context,
                     access.case_id.hex if access.case_id else None, access.operation, access.responsible_user,
                     int(access.emergency)),
                )
                positions.append(int(cursor.lastrowid))
            return positions

    def select(self, *, after: int, limit: int, case_id: UUID | None, user: str | None,
               since: datetime | None, until: datetime | None) -> list[AccessEntry]:
        clauses, params = ["position > ?"], [after]
        for clause, value in (("case_id = ?", case_id.hex if case_id else None), ("user_id = ?", user),
                              ("at >= ?", since.isoformat() if since else None),
                              ("at < ?", until.isoformat() if until else None)):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        with self._datastore.transaction(commit=False) as cursor:
            cursor.execute(
                f"SELECT {COLUMNS} FROM {self._table} WHERE {' AND '.join(clauses)} ORDER BY position LIMIT ?",
                (*params, limit),
            )
            return [entry_from_row(_hex_case(row)) for row in cursor.fetchall()]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _hex_case(row: Any) -> tuple:
    values = tuple(row)
    return values[:6] + ((str(UUID(hex=values[6])) if values[6] else None),) + values[7:]
