"""The shape of the authorization matrix: one row per operation of every audience's schema.

A row says, for each case column, what the operation's own audience gets (OK, NOT_FOUND with
the body of a case that does not exist, INVALID for a domain refusal), which access-log
entries a successful call leaves (context, action, case) and a refused one (none, unless
the row says so), and which stores it changes. Every
other role gets 403 on the row's endpoint and leaves nothing anywhere. The rows run in table
order against one scene, so a row may rely on what the rows before it did.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Mapping

from services.staff_directory.api import Role
from services.platform.access_log import Action
from tests.gateway.matrix_scene import Call, Column


class Outcome(Enum):
    OK = "OK"
    NOT_FOUND = "NOT_FOUND"  # and the same body, byte for byte, as for a case that does not exist
    FORBIDDEN = "FORBIDDEN"  # 403 before GraphQL
    INVALID = "INVALID"  # a domain refusal of a valid call in the wrong state


OK, NOT_FOUND, INVALID = Outcome.OK, Outcome.NOT_FOUND, Outcome.INVALID

#: A counsellor's side of a case: the side comes from the assignment, so both OWN and OTHER_SIDE answer.
COUNSELLOR_CASE = {Column.OWN: OK, Column.OTHER_SIDE: OK, Column.UNASSIGNED: NOT_FOUND, Column.MISSING: NOT_FOUND}
ASSIGNED_CASE = {Column.OWN: OK, Column.UNASSIGNED: NOT_FOUND, Column.MISSING: NOT_FOUND}
#: Auditors reach every case without an assignment; administrators assign people to any case id.
ANY_CASE = {Column.UNASSIGNED: OK, Column.MISSING: OK}
NO_CASE = {Column.NONE: OK}

Entry = tuple[str, Action, "str | None"]
Logs = Callable[[Call, Any], list[Entry]]


@dataclass(frozen=True)
class Row:
    audience: Role
    operation: str
    document: str
    variables: Callable[[Call], dict[str, Any]]
    expect: Mapping[Column, Outcome]
    logs: Logs
    writes: Callable[[Call], frozenset[str]]
    refused_logs: Logs  # what a refused call (NOT_FOUND, INVALID) still leaves in the access logs
    shows_own_side: bool  # a successful answer carries the caller's own tag: their side, not the other one

    @property
    def key(self) -> tuple[str, str]:
        return (self.audience.value, self.operation)


def logged(context: str | None, action: Action, *, case: bool = True) -> Logs:
    """One entry in ``context`` (None: the caller's own side of the case) about the call's case."""
    return lambda call, data: [(context or call.side_context, action, call.case if case else None)]


def exported(call: Call, data: Any) -> list[Entry]:
    """A court report reads all three contexts: the export is logged in each, before the report is made."""
    return [(context, Action.EXPORT, call.case) for context in ("parent_a_context", "parent_b_context",
                                                                  "shared_agreements")]


def nothing_logged(call: Call, data: Any) -> list[Entry]:
    return []


def changes(*contexts: str | None) -> Callable[[Call], frozenset[str]]:
    """The stores whose history grows (None: the caller's own side)."""
    return lambda call: frozenset(c or call.side_context for c in contexts)


def changes_nothing(call: Call) -> frozenset[str]:
    return frozenset()


def row(audience: Role, operation: str, document: str, variables: Callable[[Call], dict[str, Any]] | None = None,
        *, expect: Mapping[Column, Outcome], logs: Logs = nothing_logged,
        writes: Callable[[Call], frozenset[str]] = changes_nothing, refused_logs: Logs = nothing_logged,
        shows_own_side: bool = False) -> Row:
    return Row(audience, operation, document, variables or (lambda call: {"case": call.case}), expect, logs, writes,
               refused_logs, shows_own_side)
