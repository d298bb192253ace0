"""Release 0.1's stores (``tests/data/release-0.1``), put where a test's settings look."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from uuid import UUID

from evenwijdig.store_cli import set_up
from tests.support import postgres as pg

RELEASE = Path(__file__).resolve().parents[1] / "data" / "release-0.1"
CASE = UUID("56523cf9-d679-5420-85ed-cf321ab06a84")
CONTEXTS = ("parent_a_context", "parent_b_context", "shared_agreements", "gateway")
OLD_SCHEMA = "release01"


def install_release_store(settings) -> dict:  # noqa: ANN001
    """Put release 0.1's stores where these settings look; returns the report 0.1 made of them."""
    source = RELEASE / settings.store
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    for key in ("audit-signing-key.pem", "development-token-key.pem"):
        shutil.copy(source / key, settings.data_dir / key)
    if settings.store == "sqlite":
        for context in CONTEXTS:
            shutil.copy(source / f"{context}.sqlite", settings.data_dir / f"{context}.sqlite")
    else:
        schema = settings.postgres.schema
        for context in CONTEXTS:
            # As release 0.1 left it: the schema and all in it the runtime login's own (there was no owner role).
            with pg.admin_connect(context) as conn:
                conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
                conn.execute(f'CREATE SCHEMA "{schema}" AUTHORIZATION "{context}"')
            dump = (source / f"{context}.sql").read_text()
            dump = dump.replace(f"CREATE SCHEMA {OLD_SCHEMA};", "").replace(f"{OLD_SCHEMA}.", f"{schema}.")
            pg.restore_as(context, dump)
        # The upgrade: the owners take the stores over and add what this release needs (evenwijdig store init).
        set_up(settings)
    return json.loads((source / "report.json").read_text())


