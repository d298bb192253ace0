"""The first administrator of a new installation is registered by the operator, once (both stores)."""

from __future__ import annotations

from evenwijdig.bootstrap import bootstrap
from services.staff_directory.api import Role
from tests.support.processes import environ_for, run_cli


def test_the_first_administrator_is_created_once_and_a_second_is_refused_changing_nothing(settings):
    env = environ_for(settings)
    first = run_cli("admin", "create-first", "--user", "beheer-1", "--name", "Applicatiebeheer", env=env)
    assert first.returncode == 0, first.stderr
    contexts = bootstrap(settings)
    try:
        assert contexts.directory.holds("beheer-1", Role.ADMIN)
        assert contexts.directory.staff("beheer-1").display_name == "Applicatiebeheer"
        before = contexts.directory.position
    finally:
        contexts.close()

    again = run_cli("admin", "create-first", "--user", "beheer-2", env=env)
    assert again.returncode == 2 and "Traceback" not in again.stderr
    assert "an administrator exists already" in again.stderr and len(again.stderr.strip().splitlines()) == 1
    contexts = bootstrap(settings)
    try:
        assert contexts.directory.position == before and contexts.directory.staff("beheer-2") is None
    finally:
        contexts.close()
