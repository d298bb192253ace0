"""Damage first met by a request (not at start-up): UNAVAILABLE with one clear log line, and readiness says
503 for that store from then on.

The store's own error is raised where a damaged page would raise it (the events' read), on both stores:
SQLite's "database disk image is malformed", PostgreSQL's XX001 (``DataCorrupted``).
"""

from __future__ import annotations

import logging
import sqlite3

import psycopg.errors
from eventsourcing.persistence import DatabaseError, InternalError

from services.staff_directory.api import Role
from gateway.errors import DAMAGED_MESSAGE
from tests.reliability.scene import COUNSELLOR, TRAJECTORY, error_codes, opened_case


def damaged_page_error(store: str) -> Exception:
    if store == "sqlite":
        cause: Exception = sqlite3.DatabaseError("database disk image is malformed")
        error: Exception = DatabaseError(str(cause))
    else:
        cause = psycopg.errors.DataCorrupted("invalid page in block 7 of relation base/16384/16402")
        error = InternalError(str(cause))
    error.__cause__ = cause
    return error


def test_damage_met_by_a_request_is_unavailable_logged_once_and_makes_readiness_503(gateway, monkeypatch, caplog):
    case = opened_case(gateway.contexts)
    app = gateway.contexts.parent_a
    assert gateway.client.get("/readyz").status_code == 200
    caplog.set_level(logging.INFO)

    def damaged(*args, **kwargs):
        raise damaged_page_error(gateway.settings.store)

    monkeypatch.setattr(app.recorder, "select_events", damaged)
    answer = gateway.post(Role.COUNSELLOR, TRAJECTORY, {"case": str(case)}, user=COUNSELLOR).json()

    assert error_codes(answer) == {"UNAVAILABLE"} and answer["errors"][0]["message"] == DAMAGED_MESSAGE, answer
    lines = [r.getMessage() for r in caplog.records if "STORE DAMAGED" in r.getMessage()]
    assert lines and all("\n" not in line for line in lines), lines
    assert not [r for r in caplog.records if r.exc_info], "no traceback for a damaged store"
    ready = gateway.client.get("/readyz")
    assert ready.status_code == 503 and ready.json()["stores"] == {
        "parent_a_context": False, "parent_b_context": True, "shared_agreements": True, "gateway": True}
    found = [r.getMessage() for r in caplog.records if "STORE DAMAGED: the store of parent_a_context" in r.getMessage()]
    assert len(found) == 1, found
