"""Reading a context's store as raw bytes, the way an attacker with file or superuser access would."""

from __future__ import annotations

from pathlib import Path

from evenwijdig.settings import Settings
from tests.support import postgres as pg


def raw_bytes(settings: Settings, context: str) -> bytes:
    """Every byte the context's store holds: the SQLite file and its journals, or every table row."""
    if settings.store == "sqlite":
        base = Path(settings.context_store(context)["SQLITE_DBNAME"])
        return b"".join(p.read_bytes() for p in sorted(base.parent.glob(base.name + "*")))
    assert settings.postgres is not None
    chunks: list[bytes] = []
    with pg.admin_connect(settings.postgres.credential(context).dbname) as conn:
        # Only this store's schema: other tests (or runs) keep schemas of their own in the same database.
        tables = conn.execute(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema = %s",
            (settings.postgres.schema or "public",),
        ).fetchall()
        for schema, table in tables:
            for (row,) in conn.execute(f'SELECT t::text FROM "{schema}"."{table}" AS t'):
                chunks.append(row.encode())
            # bytea columns print as hex in ::text; decode them too so plaintext is found either way
            for (column,) in conn.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = %s AND table_name = %s AND data_type = 'bytea'", (schema, table)
            ):
                for (value,) in conn.execute(f'SELECT "{column}" FROM "{schema}"."{table}"'):
                    if value is not None:
                        chunks.append(bytes(value))
    return b"\n".join(chunks)
