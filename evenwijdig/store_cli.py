"""``evenwijdig store init``: set up each context's store as its owner, and give the runtime login what it needs.

On PostgreSQL the login a server runs with (``<context>``) may not create, alter or drop anything
(``services.platform.privileges``); its tables, sequences, the chain function and the triggers are
made here, by the owner role ``deploy/postgres/init.sql`` creates (``<context>_owner``), and the
runtime login is granted table by table. Run it after ``init.sql`` and after every upgrade, before
the servers start; it is idempotent. Only this command needs the owners' credentials.

The embedded SQLite stores are files the server creates and owns itself: here they are only opened
once, so they exist.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, Callable

from evenwijdig.settings import STORES, Settings, SettingsError

if TYPE_CHECKING:
    from services.platform.application import ContextApplication


def add_parser(commands: Any) -> None:
    store = commands.add_parser("store", help="set up the stores (PostgreSQL: as their owners; before serving)")
    actions = store.add_subparsers(dest="store_command", required=True)
    actions.add_parser("init", help="create each context's tables as its owner and grant its runtime login (idempotent)")


def run(settings: Settings, args: argparse.Namespace) -> int:
    set_up(settings, say=lambda line: print(line, flush=True))
    return 0


def set_up(settings: Settings, say: Callable[[str], None] = lambda line: None) -> None:
    """Create every store's tables as its owner, then grant each runtime login exactly what it needs."""
    from evenwijdig.bootstrap import APPLICATIONS

    for context in STORES:
        say(set_up_application(APPLICATIONS[context], settings, context))


def set_up_application(application: type[ContextApplication], settings: Settings, context: str) -> str:
    """Open ``application`` on the store of ``context`` as its owner (creating its tables), grant the runtime login."""
    from gateway.idempotency_store import idempotency_table_for
    from services.platform.privileges import grant_runtime

    pg = settings.postgres
    if pg is not None and pg.credential(context).user == pg.owner_credential(context).user:
        raise SettingsError(f"EVENWIJDIG_{context.upper()}_OWNER_USER: the owner role must not be the runtime login "
                            f"({pg.credential(context).user}): a server would hold every privilege")
    app = application(settings.owner_store(context))
    try:
        if context == "gateway":  # the gateway keeps its idempotency keys beside the staff directory
            idempotency_table_for(app.factory, app.name)
        if pg is None:
            return f"evenwijdig: {context}: {settings.context_store(context)['SQLITE_DBNAME']} is ready"
        datastore = app.factory.datastore  # type: ignore[attr-defined]
        with datastore.transaction(commit=True) as cursor:
            grant_runtime(cursor, datastore.schema, app.name, pg.credential(context).user)
        return (f"evenwijdig: {context}: set up as {pg.owner_credential(context).user}, "
                f"runtime login {pg.credential(context).user} granted")
    finally:
        app.close()
