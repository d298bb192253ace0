"""How a PostgreSQL store forgets a destroyed case key: ``VACUUM FULL`` of the (small) key table."""

from __future__ import annotations

import logging
import re
from contextlib import AbstractContextManager
from typing import Any

from services.platform.keystore_tables import retry_while_busy

log = logging.getLogger("services.platform.keystore")
# PostgreSQL's own wording (lc_messages C/English); when it cannot be read, no retry is made.
KEPT_ROW_VERSIONS = re.compile(r"(\d+) dead row versions cannot be removed yet")


class VacuumFull:
    def __init__(self, datastore: Any, table: str) -> None:
        self._datastore = datastore
        self._table = table

    def writing(self) -> AbstractContextManager[Any]:
        return self._datastore.transaction(commit=True)

    def after_destroy(self) -> None:
        try:
            if not retry_while_busy(self._vacuum, tries=50, pause=0.1):
                log.warning("case key destroyed, but an open transaction still keeps its old row version")
        except _NotOwner:
            log.error("case key destroyed, but this login may not VACUUM FULL the key table, so its old row version "
                      "stays in the file: run `evenwijdig store init` (it gives the runtime login that table)")

    def scrub(self) -> bool:
        try:
            return self._vacuum()
        except _NotOwner:
            return False

    def _vacuum(self) -> bool:
        # The old row version (with the key) is now a dead tuple; a plain VACUUM may leave
        # its bytes in the page's free space, VACUUM FULL writes a fresh file without it.
        # The table holds one short row per case, so the rewrite is quick. A dead version
        # that a still-open transaction might see is copied over, not dropped: VERBOSE
        # says so ("N dead row versions cannot be removed yet"), and the caller retries.
        details: list[str] = []
        skipped: list[str] = []

        def collect(diagnostic: Any) -> None:
            details.append(diagnostic.message_detail or "")
            if diagnostic.severity_nonlocalized == "WARNING":  # PostgreSQL skips, with a warning, what it may not vacuum
                skipped.append(diagnostic.message_primary or "")

        with self._datastore.get_connection() as conn:
            conn.add_notice_handler(collect)
            try:
                conn.execute(f"VACUUM (FULL, VERBOSE) {self._table}")
            finally:
                conn.remove_notice_handler(collect)
        if skipped:
            raise _NotOwner(skipped[0])
        kept = [int(m.group(1)) for d in details if (m := KEPT_ROW_VERSIONS.search(d))]
        return sum(kept) == 0


class _NotOwner(Exception):
    """VACUUM skipped the table: the login is not its owner (nor, from PostgreSQL 17, granted MAINTAIN)."""
