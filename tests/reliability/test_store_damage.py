"""A SQLite store with damaged pages: UNAVAILABLE with a clear log line, readiness 503, never an internal error.

SQLite only: a damaged page of a file is SQLite's failure. PostgreSQL checks its own pages (checksums)
and reports ``XX001``/``XX002``, which the gateway classes the same way (``gateway.errors.is_damage``).
"""

from __future__ import annotations

import logging

from fastapi.testclient import TestClient

from evenwijdig.bootstrap import bootstrap
from gateway.app import create_app
from gateway.auth import mint_development_token
from services.staff_directory.api import Role
from gateway.errors import DAMAGED_MESSAGE
from tests.conftest import sqlite_settings
from tests.reliability.scene import CONSENT, COUNSELLOR, TRAJECTORY, error_codes
from tests.support.damage import damage_middle_pages, fill_parent_a


def test_a_damaged_sqlite_store_answers_unavailable_and_is_not_ready(tmp_path, caplog):
    settings = sqlite_settings(tmp_path / "var")
    contexts = bootstrap(settings)
    cases = fill_parent_a(contexts)
    contexts.close()
    damage_middle_pages(settings.data_dir / "parent_a_context.sqlite")

    caplog.set_level(logging.INFO)
    contexts = bootstrap(settings)
    try:
        with TestClient(create_app(settings, contexts)) as client:
            ready = client.get("/readyz")
            headers = {"Authorization": f"Bearer {mint_development_token(settings.data_dir, COUNSELLOR, Role.COUNSELLOR)}"}
            answers = []
            for case in cases:
                for query, variables in ((TRAJECTORY, {}), (CONSENT, {"by": ["Sanne"]})):
                    answers.append(client.post("/graphql/counsellor", headers=headers, json={
                        "query": query, "variables": {"case": str(case), **variables}}).json())
            status = client.post("/graphql/status", json={"query": "{ status { contexts { name ready } } }"}).json()
    finally:
        contexts.close()

    assert ready.status_code == 503 and ready.json()["stores"] == {
        "parent_a_context": False, "parent_b_context": True, "shared_agreements": True, "gateway": True}
    assert {"name": "parent_a_context", "ready": False} in status["data"]["status"]["contexts"]
    codes = [error_codes(answer) for answer in answers]
    assert all(code <= {"UNAVAILABLE"} for code in codes), answers
    refused = [a for a in answers if a.get("errors")]
    assert refused and all(e["message"] == DAMAGED_MESSAGE for a in refused for e in a["errors"])
    damage_lines = [r.getMessage() for r in caplog.records if "STORE DAMAGED" in r.getMessage()]
    assert any("parent_a_context" in line for line in damage_lines), damage_lines
    assert not [r for r in caplog.records if r.exc_info], "no traceback for a damaged store"
