"""Each audience's checked-in SDL is exactly what its code serves, and holds only what the role may use."""

from __future__ import annotations

import pytest
from graphql import build_schema

from gateway.audiences import SCHEMAS
from services.staff_directory.api import Role
from gateway.schema.export import sdl_files


@pytest.mark.parametrize(("path", "sdl"), list(sdl_files().items()), ids=lambda v: getattr(v, "stem", ""))
def test_the_checked_in_schema_file_matches_the_code(path, sdl):
    assert path.exists(), f"{path.name} is missing: run python -m gateway.schema.export"
    assert path.read_text() == sdl, f"{path.name} is stale: run python -m gateway.schema.export and review the diff"


def test_the_auditor_schema_has_no_mutations():
    schema = build_schema(SCHEMAS[Role.AUDITOR](introspection=False).as_str())
    assert schema.mutation_type is None and schema.subscription_type is None


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.CHILD_COUNSELLOR, Role.ADMIN, Role.AUDITOR])
def test_no_schema_but_the_counsellors_has_sessions_or_private_notes(role):
    sdl = SCHEMAS[role](introspection=False).as_str()
    for forbidden in ("privateNote", "SessionRecord", "closingEvaluation"):
        assert forbidden not in sdl, f"{role.value} schema exposes {forbidden}"


def test_the_admin_schema_has_no_case_content():
    sdl = SCHEMAS[Role.ADMIN](introspection=False).as_str()
    for forbidden in ("trajectory", "groundRules", "note", "evaluation", "child(", "history"):
        assert forbidden.lower() not in sdl.lower(), forbidden
