"""Restoring a backup taken before an erasure does not bring the erased text back.

The erasure ledger, kept outside the store, lists the destroyed case keys; a context that opens
on a restored store destroys them again before it serves anything.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path
from uuid import uuid4

from evenwijdig.settings import Settings
from services.parent_a_context.application import ParentAContext
from tests.support.side_cases import closed_case
from tests.support import postgres as pg

CONTEXT = "parent_a_context"


def back_up(settings: Settings, target: Path) -> None:
    if settings.store == "sqlite":
        with sqlite3.connect(settings.context_store(CONTEXT)["SQLITE_DBNAME"]) as source, \
                sqlite3.connect(target) as copy:
            source.backup(copy)
    else:
        subprocess.run(["pg_dump", "-h", pg.HOST, "-p", str(pg.PORT), "-U", pg.SUPERUSER, "-d", CONTEXT, "-Fc",
                        "-n", settings.postgres.schema, "-f", str(target)], check=True, timeout=120)


def restore(settings: Settings, backup: Path) -> None:
    if settings.store == "sqlite":
        database = Path(settings.context_store(CONTEXT)["SQLITE_DBNAME"])
        for leftover in (Path(f"{database}-wal"), Path(f"{database}-shm")):
            leftover.unlink(missing_ok=True)
        shutil.copyfile(backup, database)
    else:
        with pg.admin_connect(CONTEXT) as conn:
            conn.execute(f'DROP SCHEMA "{settings.postgres.schema}" CASCADE')
        subprocess.run(["pg_restore", "-h", pg.HOST, "-p", str(pg.PORT), "-U", pg.SUPERUSER, "-d", CONTEXT,
                        str(backup)], check=True, timeout=120)


def opened(settings: Settings, ledger: bool = True) -> ParentAContext:
    store = settings.context_store(CONTEXT)
    return ParentAContext(store if ledger else {**store, "ERASURE_LEDGER": ""})


def test_a_restored_backup_from_before_an_erasure_keeps_the_text_erased(settings: Settings, tmp_path):
    case, kept = uuid4(), uuid4()
    app = opened(settings)
    closed_case(app, case, note="Moeder huilde bij de overdracht.")
    closed_case(app, kept, note="Vader kwam te laat.")
    app.close()
    backup = tmp_path / "parent_a_context.backup"
    back_up(settings, backup)

    app = opened(settings)
    app.erase_private_text(case, actor="privacy-officer", reason="erasure request")
    assert app.trajectory(case).sessions[0].note.is_erased
    app.close()

    restore(settings, backup)
    # The backup itself still holds the key: without the ledger the text would be readable again.
    unguarded = opened(settings, ledger=False)
    assert unguarded.trajectory(case).sessions[0].note.text == "Moeder huilde bij de overdracht."
    unguarded.close()

    app = opened(settings)
    try:
        assert app.erasures_reapplied == [case]
        assert app.case_keys.is_destroyed(case)
        assert app.trajectory(case).sessions[0].note.is_erased
        assert app.trajectory(kept).sessions[0].note.text == "Vader kwam te laat."
    finally:
        app.close()
    again = opened(settings)
    assert again.erasures_reapplied == []  # once destroyed again, nothing is left to do
    again.close()
