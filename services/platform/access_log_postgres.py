"""The access log in a context's PostgreSQL database."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from eventsourcing.postgres import PostgresDatastore
from psycopg.sql import SQL, Composed, Identifier

from services.platform.access_log import COLUMNS, Access, AccessEntry, entry_from_row


class PostgresAccessLogTable:
    def __init__(self, datastore: PostgresDatastore, table: str, create: bool) -> None:
        self._datastore = datastore
        self._name = table
        self._table = Composed([Identifier(datastore.schema), SQL("."), Identifier(table)])
        if create:
            self._create()

    def _create(self) -> None:
        guard = Composed([Identifier(self._datastore.schema), SQL("."), Identifier(f"{self._name}_append_only")])
        with self._datastore.transaction(commit=True) as cursor:
            cursor.execute(SQL(
                "CREATE TABLE IF NOT EXISTS {t} ("
                "position bigserial PRIMARY KEY, at timestamptz NOT NULL, user_id text NOT NULL, role text NOT NULL, "
                "action text NOT NULL, context text NOT NULL, case_id uuid, operation text NOT NULL, "
                "responsible_user text NOT NULL, emergency boolean NOT NULL)"
            ).format(t=self._table))
            # One case's entries are read without reading the other cases' (docs/benchmarks.md, growth).
            cursor.execute(SQL("CREATE INDEX IF NOT EXISTS {i} ON {t} (case_id, position)").format(
                i=Identifier(f"{self._name}_by_case"), t=self._table))
            cursor.execute(SQL(
                "CREATE OR REPLACE FUNCTION {g}() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'the access log is append-only'; END $$"
            ).format(g=guard))
            # CREATE OR REPLACE is scoped to this table; an existence check by trigger name alone
            # would find a same-named trigger on another schema's table and leave this one bare.
            cursor.execute(SQL(
                "CREATE OR REPLACE TRIGGER {tn} BEFORE UPDATE OR DELETE OR TRUNCATE ON {t} "
                "FOR EACH STATEMENT EXECUTE FUNCTION {g}()"
            ).format(tn=Identifier(f"{self._name}_append_only"), t=self._table, g=guard))

    def append_many(self, accesses: list[Access], at: datetime) -> list[int]:
        """Every entry in one transaction: all of them are stored, or none."""
        with self._datastore.transaction(commit=True) as cursor:
            positions = []
            for access in accesses:
                cursor.execute(
                    SQL("INSERT INTO {t} (" + COLUMNS.split(", ", 1)[1] + ") VALUES (%s, %s, %s, %s, %s, %s, %s, %s, "
                        "%s) RETURNING position").format(t=self._table),
                    (at, access.user, access.role, access.action.value, access.context, access.case_id,
                     access.operation, access.responsible_user, access.emergency),
                )
                positions.append(int(cursor.fetchone()["position"]))
            return positions

    def select(self, *, after: int, limit: int, case_id: UUID | None, user: str | None,
               since: datetime | None, until: datetime | None) -> list[AccessEntry]:
        clauses, params = ["position > %s"], [after]
        for clause, value in (("case_id = %s", case_id), ("user_id = %s", user), ("at >= %s", since), ("at < %s", until)):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        query = SQL("SELECT " + COLUMNS + " FROM {t} WHERE " + " AND ".join(clauses) + " ORDER BY position LIMIT %s")
        with self._datastore.transaction(commit=False) as cursor:
            cursor.execute(query.format(t=self._table), (*params, limit))
            return [entry_from_row(tuple(row.values())) for row in cursor.fetchall()]
