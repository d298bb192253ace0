"""``evenwijdig audit`` run as an operator runs it: a subprocess configured by the environment."""

from __future__ import annotations

import json
from pathlib import Path
from uuid import UUID, uuid4

import pytest

from services.parent_a_context.application import ParentAContext
from services.platform.access_log import Access, Action
from tests.audit.builders import NOTE, closed_trajectory
from tests.audit.tamper import RawStore
from tests.support.audit_keys import KEY
from tests.support.audit_keys import RAW as RAW_KEY
from tests.support.processes import environ_for, run_cli



@pytest.fixture
def case(settings) -> UUID:
    case_id = uuid4()
    app = ParentAContext(settings.context_store("parent_a_context"))
    closed_trajectory(app, case_id)
    app.access_log.record(Access(user="counsellor-ilse", role="counsellor", action=Action.READ,
                                 context="parent_a_context", case_id=case_id, operation="trajectory",
                                 responsible_user="counsellor-ilse"))
    app.close()
    return case_id


@pytest.fixture
def env(settings, tmp_path):
    return {**environ_for(settings), "EVENWIJDIG_AUDIT_SIGNING_KEY": RAW_KEY, "EVENWIJDIG_AUDIT_USER": "auditor-jan"}


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_verify_exits_zero_when_intact_and_non_zero_naming_the_first_broken_position(settings, case, env):
    signed = run_cli("audit", "checkpoint", "--context", "parent_a_context", env=env)
    assert signed.returncode == 0, signed.stderr
    assert lines(signed.stdout)[0]["checkpoint"]["position"] == 8  # the case header and seven steps
    intact = run_cli("audit", "verify", env=env)
    assert intact.returncode == 0, intact.stderr
    results = {r["context"]: r for r in lines(intact.stdout)}
    assert set(results) == {"parent_a_context", "parent_b_context", "shared_agreements", "gateway"}
    assert all(r["ok"] for r in results.values()) and results["parent_a_context"]["checkpoints_checked"] == 1

    RawStore(settings, "parent_a_context").delete(3)
    failed = run_cli("audit", "verify", "--context", "parent_a_context", env=env)
    assert failed.returncode == 1
    assert "parent_a_context: BROKEN at position 3 (missing)" in failed.stderr
    assert lines(failed.stdout)[0]["first_broken_position"] == 3


def test_verifying_one_context_opens_no_other_store(settings, case, env):
    if settings.store == "sqlite":
        Path(settings.context_store("parent_b_context")["SQLITE_DBNAME"]).write_bytes(b"not a database " * 100)
    else:
        env["EVENWIJDIG_PARENT_B_CONTEXT_DBNAME"] = "no_such_database"
    alone = run_cli("audit", "verify", "--context", "parent_a_context", env=env)
    assert alone.returncode == 0, alone.stderr
    everything = run_cli("audit", "verify", env=env)
    assert everything.returncode == 2 and "parent_b_context: its store cannot be opened" in everything.stderr
    assert {r["context"] for r in lines(everything.stdout)} == {"parent_a_context", "shared_agreements", "gateway"}


def test_replay_writes_json_lines_and_records_the_export(settings, case, env, tmp_path):
    done = run_cli("audit", "replay", "--context", "parent_a_context", "--case", str(case), env=env)
    assert done.returncode == 0, done.stderr
    events = lines(done.stdout)
    assert [e["position"] for e in events] == list(range(1, 9)) and {e["case_id"] for e in events} == {str(case)}
    assert events[6]["payload"]["note"] == "[redacted]" and NOTE not in done.stdout
    assert "8 events written" in done.stderr

    out = tmp_path / "sessions.jsonl"
    run_cli("audit", "replay", "--context", "parent_a_context", "--type", "SessionRecorded", "--output", str(out),
            "--until", "2999-01-01", env=env)
    assert [e["event_type"] for e in lines(out.read_text())] == ["SessionRecorded"]

    app = ParentAContext(settings.context_store("parent_a_context"))
    exports = [e.access for e in app.access_log.entries() if e.access.role == "auditor"]
    app.close()
    assert [(a.user, a.action, a.case_id, a.operation) for a in exports] == [
        ("auditor-jan", Action.EXPORT, case, "audit replay"), ("auditor-jan", Action.EXPORT, None, "audit replay")]


def test_the_access_log_says_who_accessed_a_case_and_the_state_as_of_a_position(case, env):
    listed = run_cli("audit", "access-log", "--context", "parent_a_context", "--case", str(case),
                     "--user", "auditor-els", env=env)
    assert listed.returncode == 0, listed.stderr
    assert [(e["user"], e["role"], e["action"]) for e in lines(listed.stdout)] == [
        ("counsellor-ilse", "counsellor", "read"), ("auditor-els", "auditor", "read")]
    state = run_cli("audit", "state", "--context", "parent_a_context", "--case", str(case), "--position", "4", env=env)
    assert state.returncode == 0, state.stderr
    document = json.loads(state.stdout)
    # Position 1 is the side's case file (the header), 2-4 the trajectory's first three events.
    assert [a["version"] for a in document["aggregates"]] == [1, 3] and document["position"] == 4
