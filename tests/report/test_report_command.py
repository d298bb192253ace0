"""``evenwijdig report`` run as an operator runs it: a subprocess configured by the environment."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

from evenwijdig.bootstrap import bootstrap
from services.platform.access_log import Action
from tests.report.builders import EVERYTHING, closed_side, now, registered_case, release, share
from tests.support.processes import environ_for, run_cli


def test_the_command_writes_the_report_records_it_logs_the_export_and_refuses_the_future(settings, tmp_path):
    contexts = bootstrap(settings)
    try:
        case_id = registered_case(contexts)
        closed_side(contexts, case_id, "parent_a")
        share(contexts, case_id, "parent_a", EVERYTHING)
        release(contexts, case_id, "parent_a")
        as_of = now()
    finally:
        contexts.close()
    env = {**environ_for(settings), "EVENWIJDIG_AUDIT_USER": "griffie-jan"}
    target = tmp_path / "rapport.pdf"
    done = run_cli("report", str(case_id), "--as-of", as_of.isoformat(), "--format", "pdf", "-o", str(target),
                   "--proceeding", "C/16/555", env=env)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert target.read_bytes()[:5] == b"%PDF-" and hashlib.sha256(target.read_bytes()).hexdigest() == summary["sha256"]
    assert summary["evaluations_included"] == ["parent_a"]

    again = run_cli("report", str(case_id), "--as-of", as_of.isoformat(), "--format", "pdf",
                    "-o", str(tmp_path / "again.pdf"), env=env)
    # Each copy has its own id and signature; what it reports is the same.
    assert json.loads(again.stdout)["content_sha256"] == summary["content_sha256"]
    assert (tmp_path / "again.pdf").read_bytes() != target.read_bytes()
    future = run_cli("report", str(case_id), "--as-of", (now() + timedelta(days=1)).isoformat(), "--format", "json",
                     "-o", str(tmp_path / "future.json"), env=env)
    assert future.returncode == 2 and "future" in future.stderr and not (tmp_path / "future.json").exists()

    contexts = bootstrap(settings)
    try:
        records = contexts.shared.court_reports(case_id)
        assert [(r.sha256, r.made_by, r.proceeding) for r in records] == [
            (summary["sha256"], "griffie-jan", "C/16/555"), (json.loads(again.stdout)["sha256"], "griffie-jan", None)]
        for app in (contexts.parent_a, contexts.parent_b, contexts.shared):
            exports = [e.access for e in app.access_log.entries(case_id=case_id, limit=1000)
                       if e.access.action is Action.EXPORT]
            # Logged before each report was read; the malformed request was refused before that.
            assert [(a.user, a.role, a.operation) for a in exports] == [("griffie-jan", "operator", "report")] * 2
    finally:
        contexts.close()
