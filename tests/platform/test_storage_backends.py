"""A context's store is chosen the library's way: ``PERSISTENCE_MODULE`` names a module whose ``Factory`` makes it.

Deployments configured before (and the library's own examples) name the library's plain modules,
``eventsourcing.sqlite`` and ``eventsourcing.postgres``, whose recorders would store events without
linking them into the audit chain. Such a setting still opens the store, with our factory; a store
that cannot keep the tables beside the events (the library's in-memory one) is refused outright.
"""

from __future__ import annotations

import pytest
from eventsourcing.domain import Aggregate

from evenwijdig.settings import Settings
from services.parent_a_context.application import ParentAContext
from services.platform.storage import ContextStorage


class Entry(Aggregate):
    """A stand-in aggregate: how a store is opened does not depend on the domain."""

    def __init__(self, text: str) -> None:
        self.text = text


def test_the_settings_name_our_own_store_modules(settings: Settings):
    module = settings.context_store("parent_a_context")["PERSISTENCE_MODULE"]
    assert module == f"services.platform.stores_{settings.store}"


def test_a_store_configured_with_the_library_module_name_still_links_every_event(settings: Settings):
    store = {**settings.context_store("parent_a_context"), "PERSISTENCE_MODULE": f"eventsourcing.{settings.store}",
             "APPLICATION_RECORDER_TOPIC": "eventsourcing.sqlite:SQLiteApplicationRecorder"}
    app = ParentAContext(store)
    try:
        assert isinstance(app.factory, ContextStorage)
        app.save(Entry("first"), Entry("second"))
        assert app.chain.head() is not None and app.chain.head().position == app.position
        assert app.chain.verify().ok
    finally:
        app.close()


def test_a_store_that_cannot_keep_the_audit_chain_is_refused(settings: Settings):
    store = {**settings.context_store("parent_a_context"), "PERSISTENCE_MODULE": "eventsourcing.popo"}
    with pytest.raises(ValueError, match="SQLite or PostgreSQL"):
        ParentAContext(store)
