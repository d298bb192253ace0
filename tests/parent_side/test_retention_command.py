"""``evenwijdig retention``: cases past their term are listed, and erased only when confirmed."""

from __future__ import annotations

import json
from uuid import uuid4

from evenwijdig.settings import Settings
from services.parent_a_context.application import ParentAContext
from tests.support.side_cases import closed_case, started_case
from tests.support.processes import environ_for, run_cli


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_retention_lists_the_cases_past_their_term_and_erases_them_only_when_confirmed(settings: Settings):
    case, running = uuid4(), uuid4()
    app = ParentAContext(settings.context_store("parent_a_context"))
    closed_case(app, case)
    started_case(app, running)
    until = app.trajectory(case).retain_until
    app.close()
    env = environ_for(settings) | {"EVENWIJDIG_AUDIT_USER": "retention-officer"}

    listed = run_cli("retention", "--on", until.isoformat(), env=env)
    assert listed.returncode == 0, listed.stderr
    assert lines(listed.stdout) == [{"context": "parent_a_context", "case_id": str(case), "state": "due"}]
    assert lines(run_cli("retention", "--on", until.replace(year=until.year - 1).isoformat(), env=env).stdout) == []

    unconfirmed = run_cli("retention", "--on", until.isoformat(), "--erase", env=env)
    assert unconfirmed.returncode == 2 and "--erase --yes" in unconfirmed.stderr
    erased = run_cli("retention", "--on", until.isoformat(), "--erase", "--yes", env=env)
    assert erased.returncode == 0, erased.stderr
    assert lines(erased.stdout) == [{"context": "parent_a_context", "case_id": str(case), "state": "erased"}]

    app = ParentAContext(settings.context_store("parent_a_context"))
    try:
        assert app.trajectory(case).evaluation.is_erased and app.trajectory(case).erasure_reason
        assert app.case_keys.is_destroyed(case) and not app.case_keys.is_destroyed(running)
    finally:
        app.close()
    assert settings.erasure_ledger_path.read_text().count(str(case)) == 1
    assert lines(run_cli("retention", "--on", until.isoformat(), env=env).stdout) == []
