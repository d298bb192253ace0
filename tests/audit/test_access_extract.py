"""One parent's access-log extract (NEN 7513): who, in which role, what and when, from their own store and the shared one."""

from __future__ import annotations

import json

from evenwijdig.demo_case import CASE_ID
from evenwijdig.settings import Settings
from tests.support.processes import environ_for, run_cli


def test_a_parent_s_extract_lists_who_accessed_their_data_and_nothing_of_the_other_side(settings: Settings):
    env = environ_for(settings) | {"EVENWIJDIG_AUDIT_USER": "privacy-officer"}
    assert run_cli("demo", env=env).returncode == 0
    run_cli("audit", "state", "--context", "parent_b_context", "--case", str(CASE_ID), "--user", "auditor-b", env=env)
    run_cli("audit", "state", "--context", "parent_a_context", "--case", str(CASE_ID), "--user", "auditor-a", env=env)

    result = run_cli("audit", "access-extract", "--case", str(CASE_ID), "--side", "parent_a", env=env)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {row["store"] for row in rows} == {"parent_a_context", "shared_agreements"}
    assert set(rows[0]) == {"at", "user", "role", "action", "operation", "responsible_user", "emergency", "store"}
    assert [row["at"] for row in rows] == sorted(row["at"] for row in rows)
    assert ("auditor-a", "auditor", "read", "audit state") in {
        (r["user"], r["role"], r["action"], r["operation"]) for r in rows}
    assert "auditor-b" not in {row["user"] for row in rows}, "side B's accesses are not side A's to see"
    assert ("privacy-officer", "export", "audit access-extract") in {
        (r["user"], r["action"], r["operation"]) for r in rows}
