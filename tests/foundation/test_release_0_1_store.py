"""A practice upgrades: the stores release 0.1 wrote open, verify and carry on (both stores).

``tests/data/release-0.1`` holds what release 0.1 (commit 675051f) wrote with
``make-store.sh`` beside it: its demo case, reads that logged access, a court report and
a signed checkpoint of every context, with the development keys it generated at first
run. This release must verify that history, show the same case, make the same report
of it, and append to it — without rewriting a single stored event.
"""

from __future__ import annotations

import json
from pathlib import Path

from services.staff_directory.api import Role
from tests.support.http import client, run
from tests.support.processes import environ_for, run_cli, serving
from tests.support.release_store import CASE, CONTEXTS, install_release_store

def verified(env: dict[str, str]) -> dict[str, dict]:
    result = run_cli("audit", "verify", env=env)
    assert result.returncode == 0, result.stderr
    return {line["context"]: line for line in map(json.loads, result.stdout.splitlines())}


def report_as_of(env: dict[str, str], as_of: str, out: Path) -> dict:
    made = run_cli("report", str(CASE), "--as-of", as_of, "--format", "json", "-o", str(out), "--user", "demo-auditor",
                   env=env)
    assert made.returncode == 0, made.stderr
    return json.loads(out.read_text())


def facts_a_court_reads(report: dict) -> dict:
    """What both releases' reports say of the case; format and provenance may differ, these may not."""
    def signatures(version: dict) -> list:
        return sorted((s["parent"], s["method"], s["text_hash"]) for s in version["signatures"])

    return {
        "parents": sorted((p["side"], p["name"], p["parental_authority"]) for p in report["case"]["parents"]),
        "children": report["case"]["children"],
        "trajectory_type": report["case"]["trajectory_type"],
        "decisions": [(d["subject"], d["decision"], d["reasoning"]) for d in report["decisions"]],
        "ground_rules": [signatures(version) for version in report["ground_rules"]],
    }


def test_release_0_1_stores_verify_read_report_and_carry_on(settings, tmp_path):
    old_report = install_release_store(settings)
    env = {**environ_for(settings), "EVENWIJDIG_AUDIT_USER": "demo-auditor"}

    before = verified(env)
    assert set(before) == set(CONTEXTS)
    assert all(line["ok"] and line["checkpoints_checked"] == 1 for line in before.values()), before

    new_report = report_as_of(env, old_report["as_of"], tmp_path / "report.json")
    assert facts_a_court_reads(new_report) == facts_a_court_reads(old_report)

    with serving(env) as base:
        counsellor = client(base, settings, "demo-counsellor-a", Role.COUNSELLOR)
        side = run(counsellor, "query($c: UUID!) { trajectory(caseId: $c) { parent status sessions { on attended } } }",
                   c=str(CASE))["trajectory"]
        assert (side["parent"], side["status"]) == ("Sanne de Vries", "STARTED")
        assert [s["on"] for s in side["sessions"]] == ["2026-06-16", "2026-06-30", "2026-07-14", "2026-07-28"]
        carried = run(counsellor, 'mutation($c: UUID!) { recordSession(caseId: $c, on: "2026-08-11", attended: true,'
                                  ' durationMinutes: 60, themes: ["own_ground"], note: "Na de upgrade.") {'
                                  ' sessions { on } } }', c=str(CASE))["recordSession"]
        assert carried["sessions"][-1]["on"] == "2026-08-11"
        coordinator = client(base, settings, "demo-coordinator", Role.COORDINATOR)
        assert run(coordinator, "{ myCases }")["myCases"] == [str(CASE)]

    after = verified(env)
    assert all(line["ok"] for line in after.values()), after
    assert after["parent_a_context"]["head_position"] > before["parent_a_context"]["head_position"]
