"""The authorization matrix (issue 5): every operation of every schema, as every role, about every kind of case.

The operations come from the schemas themselves, so an operation without a row fails the
table test. Each row runs as its audience's callers against their own case, a case where
they counsel the other side, a case they are not assigned to and a case id never used, and
as every other role against the row's endpoint (403). A cell is checked for its outcome,
for the body of a refusal (identical to the non-existent case's), for what it must show (a
counsellor is answered with their own side's tags) and must not show (any other side's or
case's tags, other people's staff ids), for the access-log entries it leaves
(issue 6: exactly the expected ones, by the caller, for this operation) and for the stores
whose history it changes. Mismatches are collected and listed together at the end.
"""

from __future__ import annotations

from typing import Any

import graphql

from gateway.audiences import SCHEMAS
from services.staff_directory.api import Role
from tests.gateway.matrix_coordinator import ERASURE, SHARED_CONTEXT
from tests.gateway.matrix_counsellor import CHILD_CONVERSATIONS, INTAKE_TO_FIRST_SESSION, READS, TO_THE_END
from tests.gateway.matrix_mediator import MEDIATOR_ROWS
from tests.gateway.matrix_others import ADMIN as ADMIN_ROWS
from tests.gateway.matrix_others import AUDITOR as AUDITOR_ROWS
from tests.gateway.matrix_scene import (
    CALLERS, CHILD, COORDINATOR, COUNSELLOR_A, OWN_POSITION, SIDE_A, STAFF_IDS, Call, Caller, Column, MatrixScene,
    private_tag, side_tag, written_tags,
)
from tests.gateway.matrix_setup import build_scene
from tests.gateway.matrix_table import NOT_FOUND, Row

TABLE: list[Row] = [*INTAKE_TO_FIRST_SESSION, *CHILD_CONVERSATIONS, *READS, *SHARED_CONTEXT, *MEDIATOR_ROWS,
                    *TO_THE_END, *AUDITOR_ROWS, *ADMIN_ROWS, *ERASURE]
DOOR_REFUSAL = {"detail": "This endpoint is not for your role.",
                "errors": [{"message": "This endpoint is not for your role.", "extensions": {"code": "FORBIDDEN"}}]}


def schema_operations() -> dict[tuple[str, str], str]:
    """(audience, root field) -> "query" or "mutation", read from each audience's exported SDL."""
    found = {}
    for role, make in SCHEMAS.items():
        parsed = graphql.build_schema(make(introspection=False).as_str())
        for kind, root in (("query", parsed.query_type), ("mutation", parsed.mutation_type)):
            found.update({(role.value, name): kind for name in (root.fields if root else {})})
    return found


def table_problems() -> list[str]:
    operations, keys = schema_operations(), [r.key for r in TABLE]
    problems = [f"no row for {a}.{op}" for a, op in sorted(set(operations) - set(keys))]
    problems += [f"a row for {a}.{op}, which no schema has" for a, op in sorted(set(keys) - set(operations))]
    problems += [f"two rows for {a}.{op}" for a, op in sorted({k for k in keys if keys.count(k) > 1})]
    for r in TABLE:
        [definition] = graphql.parse(r.document).definitions
        fields = {s.name.value for s in definition.selection_set.selections}
        if fields != {r.operation} or operations.get(r.key, definition.operation.value) != definition.operation.value:
            problems.append(f"the row for {r.audience.value}.{r.operation} sends {definition.operation.value} {fields}")
        callers = [c for c in CALLERS if c.role is r.audience]
        if Column.NONE not in r.expect and any(set(c.columns) != set(r.expect) for c in callers):
            problems.append(f"the row for {r.audience.value}.{r.operation} leaves out a case column")
    return problems


def test_the_table_has_exactly_one_row_for_every_operation_of_every_schema():
    assert table_problems() == []


def visible(call: Call) -> set[str]:
    """The tags and staff ids this call may answer with; every other one is a leak."""
    caller, column = call.caller, call.column
    if caller.role in (Role.AUDITOR, Role.ADMIN):
        # An auditor replays everything but private text (redacted); an administrator sees no case content.
        tags = {t for t in written_tags() if not t.startswith("PRIVTAG")} if caller.role is Role.AUDITOR else set()
        return tags | STAFF_IDS
    if caller.role is Role.COUNSELLOR:
        mine = (Column.OWN, Column.OTHER_SIDE) if column is Column.NONE else (column,)
        tags = {tag(caller, c) for c in mine for tag in (side_tag, private_tag)}
        if caller is COUNSELLOR_A and column is Column.OWN:
            tags.add(private_tag(CHILD, Column.OWN))  # the child conversation on A's own side
        return tags | {caller.user, CHILD.user}
    if caller is CHILD:
        return {caller.user, private_tag(CHILD, Column.OWN)}
    return {caller.user, OWN_POSITION} if caller is COORDINATOR else {caller.user}


def leaks(call: Call, text: str) -> list[str]:
    return sorted(s for s in (written_tags() | STAFF_IDS) - visible(call) if s in text)


def outcome(response) -> tuple[str, Any]:  # noqa: ANN001
    if response.status_code != 200:
        return ("FORBIDDEN" if response.status_code == 403 else f"HTTP {response.status_code}"), None
    body = response.json()
    if body.get("errors"):
        return body["errors"][0].get("extensions", {}).get("code", "no code"), body.get("data")
    return "OK", body["data"]


def log_problems(label: str, row: Row, call: Call, entries: dict[str, list], expected: list) -> list[str]:
    """Exactly the expected entries (context, action, case), each by the caller, for this operation."""
    logged = sorted(((context, a.action, a.case_id and str(a.case_id)) for context, accesses in entries.items()
                     for a in accesses), key=repr)
    problems = [] if logged == sorted(expected, key=repr) else [f"{label}: logged {logged}, expected {expected}"]
    who = {(a.user, a.role, a.responsible_user, a.operation) for accesses in entries.values() for a in accesses}
    caller = call.caller
    if who - {(caller.user, caller.role.value, caller.user, row.operation)}:
        problems.append(f"{label}: logged as {who}")
    return problems


def check_cell(scene: MatrixScene, row: Row, caller: Caller, column: Column) -> tuple[list[str], bytes]:
    call = scene.call(caller, column)
    before, _ = scene.observe()
    response = scene.post(caller, row.audience, row.document, row.variables(call))
    after, entries = scene.observe()
    got, data = outcome(response)
    label, wanted = f"{row.audience.value}.{row.operation} as {caller.name} on {column.value}", row.expect[column]
    problems = [] if got == wanted.value else [f"{label}: expected {wanted.value}, got {got}: {response.text[:300]}"]
    problems += [f"{label}: shows {leaked}" for leaked in leaks(call, response.text)]
    if got == "OK" and row.shows_own_side and call.tag not in response.text:
        problems.append(f"{label}: does not answer with the caller's own side: {response.text[:300]}")
    expected = row.logs(call, data) if got == "OK" else row.refused_logs(call, data)
    problems += log_problems(label, row, call, entries, expected)
    changed = {name for name in before if after[name] != before[name]}
    if changed != (row.writes(call) if got == "OK" else set()):
        problems.append(f"{label}: changed the stores {sorted(changed)}")
    if got == "OK":
        scene.captured[(row.operation, caller.name, call.case)] = data[row.operation]
    return problems, response.content


def check_row(scene: MatrixScene, row: Row, caller: Caller) -> list[str]:
    columns = [Column.NONE] if Column.NONE in row.expect else [c for c in caller.columns if c in row.expect]
    problems, bodies = [], {}
    for column in columns:
        found, bodies[column] = check_cell(scene, row, caller, column)
        problems += found
    for column in (Column.OTHER_SIDE, Column.UNASSIGNED):
        if row.expect.get(column) is NOT_FOUND and bodies.get(column) != bodies.get(Column.MISSING):
            problems.append(f"{row.audience.value}.{row.operation} as {caller.name}: the {column.value} answers "
                            f"{bodies.get(column)!r}, a non-existent case {bodies.get(Column.MISSING)!r}")
    return problems


def check_door(scene: MatrixScene, row: Row, caller: Caller) -> list[str]:
    """Another role's token on this endpoint: 403 before GraphQL, nothing logged, nothing changed."""
    call = Call(caller, Column.OWN, str(scene.cases[Column.OWN]), SIDE_A, scene)
    before, _ = scene.observe()
    response = scene.post(caller, row.audience, row.document, row.variables(call))
    after, entries = scene.observe()
    label = f"{row.audience.value}.{row.operation} as {caller.name}"
    problems = [] if response.status_code == 403 and response.json() == DOOR_REFUSAL else [
        f"{label}: expected 403 at the door, got {response.status_code}: {response.text[:300]}"]
    traces = after != before or any(entries.values())
    return problems + ([f"{label}: the refused call left a trace: {entries}"] if traces else [])


def test_every_role_gets_what_the_table_says_for_every_operation_about_every_case(gateway):
    assert table_problems() == []
    scene = build_scene(gateway)
    mismatches = []
    for row in TABLE:
        for caller in CALLERS:
            check = check_row if caller.role is row.audience else check_door
            mismatches += check(scene, row, caller)
    assert not mismatches, f"{len(mismatches)} cells differ from the table:\n" + "\n".join(mismatches)
