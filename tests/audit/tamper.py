"""Changing a context's stored rows directly in SQL, around the application, as an attacker would.

SQLite: the context's own file (``stored_events``, with its rowid as the position).
PostgreSQL: ``"{schema}"."{context}_events"`` as the superuser. The chain and checkpoint
tables refuse UPDATE and DELETE by trigger; an attacker with file or superuser access
goes around that (drops the SQLite trigger, sets ``session_replication_role``).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing, contextmanager
from typing import Any, Iterator
from uuid import uuid4

from evenwijdig.settings import Settings
from services.platform.chain import Record, digest_of, genesis, id_text, next_link
from tests.support import postgres as pg


class RawStore:
    def __init__(self, settings: Settings, context: str) -> None:
        self.settings, self.context = settings, context
        self.sqlite = settings.store == "sqlite"
        if self.sqlite:
            self.events, self.position = "stored_events", "rowid"
        else:
            schema = settings.postgres.schema  # type: ignore[union-attr]
            self.events, self.position = f'"{schema}"."{context}_events"', "notification_id"
        self.chain = self._table("chain")
        self.checkpoints = self._table("checkpoints")

    def _table(self, kind: str) -> str:
        if self.sqlite:
            return f'"{self.context}_{kind}"'
        return f'"{self.settings.postgres.schema}"."{self.context}_{kind}"'  # type: ignore[union-attr]

    @contextmanager
    def connection(self, around_guards: bool = False) -> Iterator[Any]:
        if self.sqlite:
            path = self.settings.context_store(self.context)["SQLITE_DBNAME"]
            with closing(sqlite3.connect(path)) as conn:
                if around_guards:
                    for table in ("chain", "checkpoints"):
                        for verb in ("update", "delete"):
                            conn.execute(f'DROP TRIGGER IF EXISTS "{self.context}_{table}_no_{verb}"')
                yield conn
                conn.commit()
        else:
            with pg.admin_connect(self.settings.postgres.credential(self.context).dbname) as conn:  # type: ignore[union-attr]
                if around_guards:
                    conn.execute("SET session_replication_role = replica")
                yield conn

    def q(self, sql: str) -> str:
        """The statement with this store's placeholders and names."""
        sql = sql.format(events=self.events, pos=self.position, chain=self.chain, checkpoints=self.checkpoints)
        return sql.replace("%s", "?") if self.sqlite else sql

    def row(self, position: int) -> tuple:
        with self.connection() as conn:
            return tuple(conn.execute(self.q(
                "SELECT originator_id, originator_version, topic, state FROM {events} WHERE {pos} = %s"),
                (position,)).fetchone())

    def positions(self) -> list[int]:
        with self.connection() as conn:
            return [p for (p,) in conn.execute(self.q("SELECT {pos} FROM {events} ORDER BY {pos}")).fetchall()]

    # One kind of tamper each ------------------------------------------------------------------

    def alter_payload(self, position: int, old: bytes, new: bytes) -> None:
        state = bytes(self.row(position)[3])
        assert old in state, "the tamper must change something that is there"
        with self.connection() as conn:
            conn.execute(self.q("UPDATE {events} SET state = %s WHERE {pos} = %s"), (state.replace(old, new), position))

    def delete(self, position: int) -> None:
        with self.connection() as conn:
            conn.execute(self.q("DELETE FROM {events} WHERE {pos} = %s"), (position,))

    def insert_copy_of(self, position: int, at: int | None = None) -> int:
        """A copy of a stored event under a new aggregate id: at the end, or at position ``at``."""
        _, version, topic, state = self.row(position)
        originator = uuid4().hex if self.sqlite else uuid4()
        with self.connection() as conn:
            if at is None:
                conn.execute(self.q("INSERT INTO {events} (originator_id, originator_version, topic, state) "
                                    "VALUES (%s, %s, %s, %s)"), (originator, version, topic, state))
            else:
                conn.execute(self.q("INSERT INTO {events} ({pos}, originator_id, originator_version, topic, state) "
                                    "VALUES (%s, %s, %s, %s, %s)"), (at, originator, version, topic, state))
        return at if at is not None else max(self.positions())

    def swap(self, first: int, second: int) -> None:
        with self.connection() as conn:
            for old, new in ((first, -1000), (second, first), (-1000, second)):
                conn.execute(self.q("UPDATE {events} SET {pos} = %s WHERE {pos} = %s"), (new, old))

    def replace_checkpoint_signature(self, signature: bytes) -> None:
        with self.connection(around_guards=True) as conn:
            conn.execute(self.q("UPDATE {checkpoints} SET signature = %s"), (signature,))

    def relink_chain(self) -> None:
        """Recompute every chain row from the events as they are now: a tamper that covers its tracks."""
        with self.connection(around_guards=True) as conn:
            rows = conn.execute(self.q(
                "SELECT {pos}, originator_id, originator_version, topic, state FROM {events} ORDER BY {pos}")).fetchall()
            conn.execute(self.q("DELETE FROM {chain}"))
            previous = genesis(self.context)
            for position, originator, version, topic, state in rows:
                digest = digest_of(Record(position, id_text(originator), version, topic, bytes(state)))
                previous = next_link(previous, position, digest)
                conn.execute(self.q("INSERT INTO {chain} (position, digest, link) VALUES (%s, %s, %s)"),
                             (position, digest, previous))

    def delete_checkpoints(self, *numbers: int) -> None:
        """Remove checkpoint rows (all of them when no number is given)."""
        with self.connection(around_guards=True) as conn:
            if not numbers:
                conn.execute(self.q("DELETE FROM {checkpoints}"))
            for number in numbers:
                conn.execute(self.q("DELETE FROM {checkpoints} WHERE number = %s"), (number,))

    def truncate_from(self, position: int) -> None:
        """Remove every event and chain row from ``position`` on: the tail of the history is gone."""
        with self.connection(around_guards=True) as conn:
            conn.execute(self.q("DELETE FROM {events} WHERE {pos} >= %s"), (position,))
            conn.execute(self.q("DELETE FROM {chain} WHERE position >= %s"), (position,))
