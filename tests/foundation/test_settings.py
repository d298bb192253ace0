"""Settings are read once from the environment, typed, and refuse what they cannot use."""

from pathlib import Path

import pytest

from evenwijdig.settings import Settings, SettingsError


def test_the_embedded_default_is_one_sqlite_file_per_context_under_the_data_dir():
    settings = Settings.from_environ({})
    assert settings.store == "sqlite"
    assert settings.data_dir == Path("var")
    files = {settings.context_store(c)["SQLITE_DBNAME"] for c in ("parent_a_context", "parent_b_context", "shared_agreements")}
    assert files == {"var/parent_a_context.sqlite", "var/parent_b_context.sqlite", "var/shared_agreements.sqlite"}


def test_naming_a_postgres_host_selects_postgres_with_one_credential_per_context():
    settings = Settings.from_environ({
        "EVENWIJDIG_POSTGRES_HOST": "db",
        "EVENWIJDIG_PARENT_B_CONTEXT_PASSWORD": "b-secret",
    })
    assert settings.store == "postgres"
    a = settings.context_store("parent_a_context")
    b = settings.context_store("parent_b_context")
    assert (a["POSTGRES_DBNAME"], a["POSTGRES_USER"], a["POSTGRES_PASSWORD"]) == ("parent_a_context", "parent_a_context", "")
    assert (b["POSTGRES_DBNAME"], b["POSTGRES_USER"], b["POSTGRES_PASSWORD"]) == ("parent_b_context", "parent_b_context", "b-secret")
    assert a["POSTGRES_LOCK_TIMEOUT"] != "0", "a write must never wait forever for a lock"


def test_only_the_parent_contexts_keep_trajectories_in_memory_and_zero_keeps_none():
    kept = {c: Settings.from_environ({}).context_store(c).get("AGGREGATE_CACHE_MAXSIZE")
            for c in ("parent_a_context", "parent_b_context", "shared_agreements", "gateway")}
    assert kept == {"parent_a_context": "1000", "parent_b_context": "1000", "shared_agreements": None, "gateway": None}
    off = Settings.from_environ({"EVENWIJDIG_AGGREGATE_CACHE_SIZE": "0"})
    assert "AGGREGATE_CACHE_MAXSIZE" not in off.context_store("parent_a_context")


def test_passwords_never_show_in_the_settings_repr():
    settings = Settings.from_environ({"EVENWIJDIG_POSTGRES_HOST": "db", "EVENWIJDIG_SHARED_AGREEMENTS_PASSWORD": "hunter2",
                                      "EVENWIJDIG_SHARED_AGREEMENTS_OWNER_PASSWORD": "owner-secret"})
    assert "hunter2" not in repr(settings) and "owner-secret" not in repr(settings)


def test_a_server_uses_the_runtime_login_and_only_store_init_the_owner_which_it_never_needs():
    settings = Settings.from_environ({"EVENWIJDIG_POSTGRES_HOST": "db", "EVENWIJDIG_GATEWAY_OWNER_USER": "beheer",
                                      "EVENWIJDIG_GATEWAY_OWNER_PASSWORD": "owner-secret"})
    served = settings.context_store("gateway")
    assert (served["POSTGRES_USER"], served["CREATE_TABLE"]) == ("gateway", "n")
    assert "owner-secret" not in served.values()
    owner = settings.owner_store("gateway")
    assert (owner["POSTGRES_USER"], owner["POSTGRES_PASSWORD"], owner["CREATE_TABLE"]) == ("beheer", "owner-secret", "y")
    assert "KEYSTORE_KEY" not in owner and owner["SET_UP_ONLY"] == "y"  # it reads no case data
    assert settings.owner_store("parent_a_context")["POSTGRES_USER"] == "parent_a_context_owner"  # as init.sql names it


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({"EVENWIJDIG_STORE": "mysql"}, "EVENWIJDIG_STORE"),
        ({"EVENWIJDIG_STORE": "postgres"}, "EVENWIJDIG_POSTGRES_HOST"),
        ({"EVENWIJDIG_POSTGRES_HOST": "db", "EVENWIJDIG_POSTGRES_PORT": "five"}, "EVENWIJDIG_POSTGRES_PORT"),
        ({"EVENWIJDIG_POSTGRES_HOST": "db", "EVENWIJDIG_POSTGRES_LOCK_TIMEOUT": "0"}, "EVENWIJDIG_POSTGRES_LOCK_TIMEOUT"),
        ({"EVENWIJDIG_PORT": "70000"}, "EVENWIJDIG_PORT"),
        ({"EVENWIJDIG_ENV": "staging"}, "EVENWIJDIG_ENV"),
        ({"EVENWIJDIG_AGGREGATE_CACHE_SIZE": "-1"}, "EVENWIJDIG_AGGREGATE_CACHE_SIZE"),
        ({"EVENWIJDIG_AGGREGATE_CACHE_SIZE": "lots"}, "EVENWIJDIG_AGGREGATE_CACHE_SIZE"),
    ],
)
def test_a_bad_setting_is_refused_naming_the_variable(environ, named):
    with pytest.raises(SettingsError, match=named):
        Settings.from_environ(environ)
