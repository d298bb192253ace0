"""The checkpoint key and the auditors' view of private text are the deployment's to set."""

from __future__ import annotations

import base64
import stat

import pytest
from eventsourcing.utils import get_topic

from evenwijdig.settings import Settings, SettingsError
from services.platform.checkpoints import key_id, load_signing_key
from services.platform.replay import CASE_HEADER_TOPICS
from services.shared_agreements.domain.case import Case
from tests.support.audit_keys import KEY, PEM, PRODUCTION, RAW


def test_production_refuses_to_start_without_a_checkpoint_key():
    with pytest.raises(SettingsError, match="EVENWIJDIG_AUDIT_SIGNING_KEY"):
        Settings.from_environ(PRODUCTION)
    settings = Settings.from_environ({**PRODUCTION, "EVENWIJDIG_AUDIT_SIGNING_KEY": RAW})
    assert RAW not in repr(settings)


@pytest.mark.parametrize("bad", ["not a key", base64.b64encode(b"short").decode()])
def test_a_malformed_checkpoint_key_is_refused_naming_the_variable(bad):
    with pytest.raises(SettingsError, match="EVENWIJDIG_AUDIT_SIGNING_KEY"):
        Settings.from_environ({"EVENWIJDIG_AUDIT_SIGNING_KEY": bad})


def test_a_checkpoint_key_reads_the_same_as_pem_or_as_raw_base64(tmp_path):
    for text in (PEM, RAW):
        loaded = load_signing_key(text, tmp_path, development=False)
        assert key_id(loaded.public_key()) == key_id(KEY.public_key())


def test_development_makes_its_own_key_once_readable_by_its_owner_only(tmp_path):
    first = load_signing_key("", tmp_path, development=True)
    again = load_signing_key("", tmp_path, development=True)
    assert key_id(first.public_key()) == key_id(again.public_key())
    assert stat.S_IMODE((tmp_path / "audit-signing-key.pem").stat().st_mode) == 0o600
    with pytest.raises(ValueError, match="required in production"):
        load_signing_key("", tmp_path / "elsewhere", development=False)


def test_auditors_see_private_text_only_when_the_deployment_says_so():
    assert Settings.from_environ({}).audit_show_private_text is False
    assert Settings.from_environ({"EVENWIJDIG_AUDIT_SHOW_PRIVATE_TEXT": "true"}).audit_show_private_text is True
    with pytest.raises(SettingsError, match="EVENWIJDIG_AUDIT_SHOW_PRIVATE_TEXT"):
        Settings.from_environ({"EVENWIJDIG_AUDIT_SHOW_PRIVATE_TEXT": "maybe"})


def test_the_case_header_the_replay_knows_is_the_shared_contexts_case():
    # The platform names it by its stored topic so it imports no context; this keeps the two in step.
    assert CASE_HEADER_TOPICS == {get_topic(Case)}
