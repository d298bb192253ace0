"""Every wait on a store is bounded on purpose: the settings carry each bound to the store, and nothing
inside a request waits or retries beyond them (the outage tests show the effect end to end)."""

from __future__ import annotations

from eventsourcing.utils import retry

from evenwijdig.settings import Settings


def test_each_postgres_timeout_is_read_from_the_environment_and_handed_to_the_store():
    settings = Settings.from_environ({
        "EVENWIJDIG_POSTGRES_HOST": "db", "EVENWIJDIG_POSTGRES_CONNECT_TIMEOUT": "4",
        "EVENWIJDIG_POSTGRES_LOCK_TIMEOUT": "3", "EVENWIJDIG_POSTGRES_POOL_TIMEOUT": "2",
        "EVENWIJDIG_POSTGRES_IDLE_IN_TRANSACTION_TIMEOUT": "7",
    })
    store = settings.context_store("parent_a_context")
    assert (store["POSTGRES_CONNECT_TIMEOUT"], store["POSTGRES_LOCK_TIMEOUT"], store["POSTGRES_POOL_TIMEOUT"],
            store["POSTGRES_IDLE_IN_TRANSACTION_SESSION_TIMEOUT"]) == ("4", "3", "2", "7")


def test_by_default_a_request_waits_a_second_for_a_connection_and_a_second_for_the_table_lock():
    store = Settings.from_environ({"EVENWIJDIG_POSTGRES_HOST": "db"}).context_store("shared_agreements")
    assert (store["POSTGRES_POOL_TIMEOUT"], store["POSTGRES_LOCK_TIMEOUT"]) == ("1", "1")


def test_a_postgres_store_waits_only_the_pool_timeout_and_calls_it_once(own_stores):
    _, contexts = own_stores
    retrying = retry()(lambda: None).__code__
    for app in contexts.by_name().values():
        pool = app.factory.datastore.pool
        assert (pool.timeout, pool.kwargs["connect_timeout"], pool.reconnect_timeout) == (1.0, 5, 5.0)
        assert app.factory.datastore.lock_timeout == 1
        calls = [getattr(app.recorder, name) for name in ("insert_events", "select_events", "select_notifications",
                                                          "max_notification_id")]
        assert not any(getattr(call, "__code__", None) is retrying for call in calls), "a store call still retries"
