"""The authorization matrix's scene: who calls, which cases they call about, and what each side wrote.

Four case columns (issue 5): OWN, the case everybody of the matrix works on (counsellor A on
side A, counsellor B on side B, the child counsellor, the coordinator, the begeleider); OTHER_SIDE, a case
where the two counsellors counsel the opposite sides; UNASSIGNED, a case with data on both
sides and in the shared context that nobody of the matrix is assigned to; MISSING, a case id
that was never used. Every text a side writes carries a tag of its own, so a response can be
searched for what must not be in it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum
from typing import Any

from gateway.audiences import path
from services.staff_directory.api import Role
from gateway.schema.common import SIDE_CONTEXT

SIDE_A, SIDE_B, SHARED, DIRECTORY = "parent_a_context", "parent_b_context", "shared_agreements", "gateway"
LOMAN = "parallel_solo_ouderschap_loman"
#: The server's "now" for the shared context (pauses, attendance, planning).
NOW = datetime(2026, 3, 10, 9, 30, tzinfo=timezone.utc)


class Column(Enum):
    OWN = "own case"
    OTHER_SIDE = "other side"
    UNASSIGNED = "unassigned case"
    MISSING = "non-existent case"
    NONE = "no case"


@dataclass(frozen=True)
class Caller:
    name: str
    code: str  # in the tags of what this caller writes
    user: str
    role: Role
    columns: tuple[Column, ...]


CASE_COLUMNS = (Column.OWN, Column.UNASSIGNED, Column.MISSING)
COUNSELLOR_A = Caller("counsellor A", "A", "counsellor-a-mx-41007", Role.COUNSELLOR, (Column.OWN, Column.OTHER_SIDE,
                                                                                Column.UNASSIGNED, Column.MISSING))
COUNSELLOR_B = Caller("counsellor B", "B", "counsellor-b-mx-41008", Role.COUNSELLOR, COUNSELLOR_A.columns)
CHILD = Caller("child counsellor", "C", "child-counsellor-mx-41009", Role.CHILD_COUNSELLOR, CASE_COLUMNS)
COORDINATOR = Caller("coordinator", "K", "coordinator-mx-41010", Role.COORDINATOR, CASE_COLUMNS)
MEDIATOR = Caller("begeleider", "G", "mediator-mx-41022", Role.MEDIATOR, CASE_COLUMNS)
# Auditors and administrators are assigned to no case: "own" and "other side" do not apply.
AUDITOR = Caller("auditor", "U", "auditor-mx-41011", Role.AUDITOR, (Column.UNASSIGNED, Column.MISSING))
ADMIN = Caller("admin", "M", "admin-mx-41012", Role.ADMIN, (Column.UNASSIGNED, Column.MISSING))
CALLERS = (COUNSELLOR_A, COUNSELLOR_B, CHILD, COORDINATOR, MEDIATOR, AUDITOR, ADMIN)

#: Staff of the cases the callers do not work on, and spare staff for the administrator to assign.
ELSEWHERE = {"coordinator": "coordinator-elsewhere-mx-41013", "za": "counsellor-za-mx-41014",
             "zb": "counsellor-zb-mx-41015", "child": "child-counsellor-z-mx-41016"}
SPARE = {"counsellor": "spare-counsellor-mx-41017", "child": "spare-child-mx-41018",
         "coordinator": "spare-coordinator-mx-41019", "new": "new-staff-mx-41020", "mediator": "spare-mediator-mx-41021"}
STAFF_IDS = frozenset({c.user for c in CALLERS} | set(ELSEWHERE.values()))

#: Tags of what the unassigned case's sides, and its relayed position, hold.
Z_TAGS = {"side_a": "SIDETAG-ZA", "side_b": "SIDETAG-ZB", "priv_a": "PRIVTAG-ZA", "priv_b": "PRIVTAG-ZB",
          "summary": "PRIVTAG-ZC", "position": "POSTAG-Z"}
OWN_POSITION = "POSTAG-OWN"  # the coordinator relays it in the own case; no counsellor may read it


def side_tag(caller: Caller, column: Column) -> str:
    return f"SIDETAG-{caller.code}-{column.name}"


def private_tag(caller: Caller, column: Column) -> str:
    return f"PRIVTAG-{caller.code}-{column.name}"


def written_tags() -> set[str]:
    """Every tag any side of any case holds (side text and private text alike)."""
    tags = {tag(c, col) for c in (COUNSELLOR_A, COUNSELLOR_B) for col in (Column.OWN, Column.OTHER_SIDE)
            for tag in (side_tag, private_tag)}
    return tags | {private_tag(CHILD, Column.OWN)} | set(Z_TAGS.values()) | {OWN_POSITION}


@dataclass
class Call:
    """One request of the matrix: who, about which case, with which tags for what they write."""

    caller: Caller
    column: Column
    case: str | None
    side_context: str | None
    scene: MatrixScene

    @property
    def tag(self) -> str:
        return side_tag(self.caller, self.column)

    @property
    def private(self) -> str:
        return private_tag(self.caller, self.column)

    def earlier(self, operation: str, default: Any = None) -> Any:
        """What an earlier successful call of ``operation`` by this caller about this case answered."""
        return self.scene.captured.get((operation, self.caller.name, self.case), default)


@dataclass
class MatrixScene:
    gateway: Any
    cases: dict[Column, uuid.UUID]
    admin_missing: uuid.UUID = field(default_factory=uuid.uuid4)
    captured: dict[Any, Any] = field(default_factory=dict)
    tokens: dict[tuple[str, Role], str] = field(default_factory=dict)
    _log_floor: dict[str, int] = field(default_factory=dict)

    def case_for(self, caller: Caller, column: Column) -> str | None:
        if column is Column.NONE:
            return None
        if caller is ADMIN and column is Column.MISSING:
            return str(self.admin_missing)  # the administrator's assignments must not create the others' case
        return str(self.cases[column])

    def call(self, caller: Caller, column: Column) -> Call:
        case = self.case_for(caller, column)
        side = None
        if case is not None and caller.role is Role.COUNSELLOR:
            found = self.gateway.contexts.directory.assignment(caller.user, uuid.UUID(case))
            side = SIDE_CONTEXT[found.side] if found is not None and found.side is not None else None
        return Call(caller, column, case, side, self)

    def post(self, caller: Caller, endpoint: Role, query: str, variables: dict[str, Any]):
        key = (caller.user, caller.role)
        if key not in self.tokens:
            self.tokens[key] = self.gateway.token(caller.user, caller.role)
        return self.gateway.client.post(path(endpoint), json={"query": query, "variables": variables},
                                        headers={"Authorization": f"Bearer {self.tokens[key]}"})

    def observe(self) -> tuple[dict[str, int], dict[str, list]]:
        """Each store's event position, and the accesses logged in each store since the last look."""
        positions, accesses = {}, {}
        for name, app in self.gateway.contexts.by_name().items():
            entries = app.access_log.entries(after=self._log_floor.get(name, 0), limit=1000)
            self._log_floor[name] = entries[-1].position if entries else self._log_floor.get(name, 0)
            positions[name], accesses[name] = app.position, [e.access for e in entries]
        return positions, accesses
