"""What a context's store offers beside eventsourcing's recorders: eventsourcing's own extension point.

Storage is chosen the library's way: ``PERSISTENCE_MODULE`` names a module of ours that exposes
one ``Factory``, a subclass of the library's factory for that backend with ``ContextStorage``
(``services.platform.stores_sqlite``, ``services.platform.stores_postgres``). The factory makes
the chained application and process recorders (every event linked into the audit chain in the
transaction that stores it) and the tables beside the events, each one class written once
against the backend's ``Dialect``: the chain and checkpoints, the case keys, the access log,
the case index (and, for the gateway, the idempotency keys). A new backend is one ``Factory``
subclass and one ``Dialect``; nothing anywhere asks which module a factory came from.

The values users and older deployments wrote (``eventsourcing.sqlite``, ``eventsourcing.postgres``)
name the library's plain factories, which would store events without their links: they are read
as ours (``persistence_module``).
"""

from __future__ import annotations

import logging
from typing import Any

from eventsourcing.utils import strtobool

from services.platform.access_log import AccessLog, AccessLogTable
from services.platform.audit_chain import AuditChain
from services.platform.case_positions import CasePositions
from services.platform.chain_tables import ChainTables
from services.platform.dialect import Dialect
from services.platform.keystore_tables import KeyScrub, KeyTable

log = logging.getLogger("evenwijdig.audit")

#: "n": every command commits in a transaction of its own (services.platform.writer_group); for comparison.
WRITER_GROUP_COMMIT = "WRITER_GROUP_COMMIT"

SQLITE = "services.platform.stores_sqlite"
POSTGRES = "services.platform.stores_postgres"
_OURS = {"eventsourcing.sqlite": SQLITE, "eventsourcing.postgres": POSTGRES}


def persistence_module(configured: str) -> str:
    """The module that makes a context's store, for a configured ``PERSISTENCE_MODULE``."""
    return _OURS.get(configured, configured)


class ContextStorage:
    """The tables a context keeps beside its events, made by its backend's ``Factory``.

    The backend supplies ``dialect``, ``datastore`` (eventsourcing's), ``env_create_table`` (the
    library's), the chained recorder classes, and the hooks below where it does more.
    """

    dialect: Dialect
    datastore: Any
    chained_recorder: type
    env: Any
    env_create_table: Any  # the library factory's: CREATE_TABLE=n when migrations (`store init`) own the DDL

    def chain(self, context: str, recorder: Any) -> AuditChain:
        """Open (and create) the context's chain tables and attach them to its recorder."""
        if not isinstance(recorder, self.chained_recorder):
            raise ValueError(f"{context}: the application recorder must be {self.chained_recorder.__name__}")
        create = self.env_create_table()
        if not create:  # the runtime login: an owner set the store up
            self.require_set_up(context, recorder)
        tables = self.chain_tables(context, recorder.events_table_name, create)
        recorder.chain_store = tables
        recorder.writers.grouped = strtobool(self.env.get(WRITER_GROUP_COMMIT) or "y")
        if tables.created:
            adopted = tables.adopt()
            if adopted:
                log.warning("%s: linked %d events stored before the audit chain existed", context, adopted)
        return AuditChain(context, tables)

    def chain_tables(self, context: str, events_table: str, create: bool) -> ChainTables:
        return ChainTables(self.datastore, self.dialect, context, events_table, create)

    def require_set_up(self, context: str, recorder: Any) -> None:
        """Refuse to open a store an owner was meant to set up but did not (nothing to check by default)."""

    def key_table(self, context: str) -> KeyTable:
        """The case-key table (``services.platform.keystore_tables``)."""
        table = f"{context.lower()}_case_keys"
        return KeyTable(self.datastore, self.dialect, table, self.env_create_table(), self.key_scrub(table))

    def key_scrub(self, table: str) -> KeyScrub:
        """How this store forgets a destroyed key's bytes in ``table``."""
        raise NotImplementedError

    def access_log(self, context: str) -> AccessLog:
        return AccessLog(AccessLogTable(self.datastore, self.dialect, f"{context.lower()}_access_log",
                                        self.env_create_table()))

    def case_positions(self, context: str, recorder: Any) -> CasePositions:
        return CasePositions(self.datastore, self.dialect, context, recorder.events_table_name,
                             self.env_create_table())

    def damage(self) -> str | None:
        """What is damaged in the store's files, None when intact or when the store has no cheap check."""
        return None
