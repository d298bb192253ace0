"""Each context's key-store key comes from its own variable; production never runs on a made-up one."""

from __future__ import annotations

import base64
import os
from datetime import date
from pathlib import Path

import pytest

from evenwijdig.settings import CONTEXTS, Settings, SettingsError
from services.platform.keystore import retention_until
from tests.platform.notebook import NotebooksA

A_KEY = base64.b64encode(os.urandom(32)).decode()


def test_a_configured_key_reaches_only_its_own_context():
    settings = Settings.from_environ({"EVENWIJDIG_PARENT_A_CONTEXT_KEYSTORE_KEY": A_KEY})
    assert settings.context_store("parent_a_context")["KEYSTORE_KEY"] == A_KEY
    assert settings.context_store("parent_b_context")["KEYSTORE_KEY"] != A_KEY
    assert A_KEY not in repr(settings)


def test_development_has_a_fixed_distinct_key_per_context():
    first = {c: Settings().context_store(c)["KEYSTORE_KEY"] for c in CONTEXTS}
    again = {c: Settings.from_environ({}).context_store(c)["KEYSTORE_KEY"] for c in CONTEXTS}
    assert first == again
    assert len(set(first.values())) == len(CONTEXTS)


def test_production_refuses_to_start_without_a_key_store_key():
    environ = {"EVENWIJDIG_ENV": "production", "EVENWIJDIG_PARENT_A_CONTEXT_KEYSTORE_KEY": A_KEY}
    with pytest.raises(SettingsError, match="EVENWIJDIG_PARENT_B_CONTEXT_KEYSTORE_KEY"):
        Settings.from_environ(environ)
    with pytest.raises(SettingsError, match="EVENWIJDIG_SHARED_AGREEMENTS_KEYSTORE_KEY"):
        Settings(environment="production").context_store("shared_agreements")


@pytest.mark.parametrize("bad", ["not base64!", base64.b64encode(b"short").decode(), A_KEY[:-4]],
                         ids=["not-base64", "too-short", "truncated"])  # a random key as id differs per xdist worker
def test_a_malformed_key_store_key_is_refused_naming_the_variable(bad):
    with pytest.raises(SettingsError, match="EVENWIJDIG_PARENT_B_CONTEXT_KEYSTORE_KEY"):
        Settings.from_environ({"EVENWIJDIG_PARENT_B_CONTEXT_KEYSTORE_KEY": bad})
    with pytest.raises(SettingsError, match="EVENWIJDIG_PARENT_B_CONTEXT_KEYSTORE_KEY"):
        Settings(keystore_keys={"parent_b_context": bad}).context_store("parent_b_context")


def test_a_context_without_a_key_store_key_does_not_start(tmp_path: Path):
    store = Settings(data_dir=tmp_path).context_store("parent_a_context")
    del store["KEYSTORE_KEY"]
    with pytest.raises(ValueError, match="key-store key"):
        NotebooksA(store)


def test_retention_ends_twenty_years_after_closing_by_default():
    assert retention_until(date(2025, 6, 30)) == date(2045, 6, 30)
    assert retention_until(date(2024, 2, 29)) == date(2044, 2, 29)
    assert retention_until(date(2024, 2, 29), years=1) == date(2025, 3, 1)
    assert retention_until(date(2025, 6, 30), years=7) == date(2032, 6, 30)
