"""What an auditor sees: history events, states as of a moment, chain verifications, access-log entries.

Built from the platform's plain results by small mapping functions. Payloads and states
are JSON: private free text in them reads "[redacted]" (or "[gewist]" once erased)
unless the deployment lets auditors read it.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from services.platform import access_log, verification
from services.platform.access_log import AccessEntry
from services.platform.as_of import CaseState
from services.platform.verification import Verification


@strawberry.enum(description="A store whose history an auditor may replay and verify.")
class AuditedContext(Enum):
    PARENT_A_CONTEXT = "parent_a_context"
    PARENT_B_CONTEXT = "parent_b_context"
    SHARED_AGREEMENTS = "shared_agreements"
    GATEWAY = "gateway"


# The platform's own enums, exposed as they are: a new kind of break or action reaches the schema by itself.
BreakKind = strawberry.enum(verification.BreakKind, description="How a history fails to verify.")
AccessAction = strawberry.enum(access_log.Action, name="AccessAction", description="What was done with case data.")


@strawberry.type(description="Where a page ends; pass endCursor as `after` for the next page.")
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type(description="One event of a context's history, in the order it was stored.")
class HistoryEvent:
    position: int
    time: datetime
    event_type: str
    case_id: UUID | None
    actor: str | None = strawberry.field(description="Who acted (a user id).")
    aggregate_id: str
    aggregate_version: int
    payload: JSON = strawberry.field(description="The event's attributes; private text redacted.")


@strawberry.type
class HistoryEdge:
    cursor: str
    node: HistoryEvent


@strawberry.type(description="A page of history. A page may hold fewer events than asked for when a "
                             "filter leaves many out; continue from pageInfo.endCursor while hasNextPage.")
class HistoryConnection:
    edges: list[HistoryEdge]
    page_info: PageInfo


@strawberry.type(description="One aggregate of the case as it was at that moment.")
class AggregateState:
    aggregate_type: str
    aggregate_id: str
    version: int
    created_on: datetime | None
    modified_on: datetime | None
    state: JSON


@strawberry.type(description="A case in one context as of a time or a position in its history.")
class CaseStateAsOf:
    context: AuditedContext
    case_id: UUID
    position: int | None
    at: datetime | None
    aggregates: list[AggregateState]


@strawberry.type(description="The result of recomputing a context's hash chain and checking its checkpoints.")
class ChainVerification:
    context: AuditedContext
    ok: bool
    head_position: int | None = strawberry.field(description="The last position verified intact.")
    head: str | None = strawberry.field(description="The hash (hex) that covers the history up to headPosition.")
    events_checked: int
    checkpoints_checked: int
    first_broken_position: int | None
    kind: BreakKind | None
    detail: str | None


@strawberry.type(description="One recorded access to case data (NEN 7513).")
class AccessLogEntry:
    position: int
    at: datetime
    user: str
    role: str
    action: AccessAction
    case_id: UUID | None
    operation: str
    responsible_user: str
    emergency: bool


@strawberry.type
class AccessLogEdge:
    cursor: str
    node: AccessLogEntry


@strawberry.type
class AccessLogConnection:
    edges: list[AccessLogEdge]
    page_info: PageInfo


def history_event(entry: dict[str, Any]) -> HistoryEvent:
    return HistoryEvent(
        position=entry["position"], time=datetime.fromisoformat(entry["time"]), event_type=entry["event_type"],
        case_id=UUID(entry["case_id"]) if entry["case_id"] else None,
        actor=entry["actor"] if isinstance(entry["actor"], str) else None,
        aggregate_id=entry["aggregate_id"], aggregate_version=entry["aggregate_version"], payload=entry["payload"],
    )


def case_state(state: CaseState) -> CaseStateAsOf:
    return CaseStateAsOf(
        context=AuditedContext(state.context), case_id=state.case_id, position=state.position, at=state.at,
        aggregates=[
            AggregateState(
                aggregate_type=a["aggregate_type"], aggregate_id=a["aggregate_id"], version=a["version"],
                created_on=_moment(a["created_on"]), modified_on=_moment(a["modified_on"]), state=a["state"],
            )
            for a in state.aggregates
        ],
    )


def chain_verification(result: Verification) -> ChainVerification:
    found = result.first_break
    return ChainVerification(
        context=AuditedContext(result.context), ok=result.ok, head_position=result.head_position, head=result.head,
        events_checked=result.events_checked, checkpoints_checked=result.checkpoints_checked,
        first_broken_position=found.position if found else None,
        kind=found.kind if found else None, detail=found.detail if found else None,
    )


def access_log_entry(entry: AccessEntry) -> AccessLogEntry:
    access = entry.access
    return AccessLogEntry(
        position=entry.position, at=entry.at, user=access.user, role=access.role,
        action=access.action, case_id=access.case_id, operation=access.operation,
        responsible_user=access.responsible_user, emergency=access.emergency,
    )


def _moment(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None
