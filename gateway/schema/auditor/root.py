"""The auditor's schema: replay and verify every context's history. Queries only — an auditor changes nothing.

An auditor sees every case without being assigned to it, and every query is itself
recorded first in the access log of the context it reads (``on_case``): READ when it
reads one case (or verifies a whole history), SEARCH when it lists across cases.
Private free text stays redacted unless ``EVENWIJDIG_AUDIT_SHOW_PRIVATE_TEXT`` allows it.
"""

from __future__ import annotations

import functools
from datetime import datetime
from uuid import UUID

import strawberry
from strawberry.types import Info

from gateway.schema.auditor.types import (
    AccessLogConnection, AccessLogEdge, AuditedContext, CaseStateAsOf, ChainVerification, HistoryConnection,
    HistoryEdge, PageInfo, access_log_entry, case_state, chain_verification, history_event,
)
from gateway.schema.auditor.report import ReportQuery
from gateway.schema.base import build_schema
from gateway.schema.common import context_app, on_case, runtime
from gateway.schema.bounds import MAX_EVENT_TYPE, MAX_PAGE
from services.platform.access_log import Action
from services.platform.as_of import case_state_as_of
from services.platform.checkpoints import load_signing_key
from services.platform.errors import Invalid
from services.platform.replay import HistoryFilter, HistoryPage, Replay

@strawberry.type(description="A registered case, for finding it in the histories.")
class AuditedCase:
    case_id: UUID
    position: int = strawberry.field(description="Where its registration is in the shared-agreements history.")
    registered_at: datetime


@strawberry.type
class Query(ReportQuery):
    @strawberry.field(description="A context's history in order, filtered by case, time range (both ends "
                                  "inclusive) and event type; `first` at most 500, `after` a cursor.")
    async def history(self, info: Info, context: AuditedContext, case_id: UUID | None = None,
                      since: datetime | None = None, until: datetime | None = None, event_type: str | None = None,
                      after: str | None = None, first: int = 100) -> HistoryConnection:
        if event_type is not None and len(event_type) > MAX_EVENT_TYPE:
            raise Invalid(f"an event type is at most {MAX_EVENT_TYPE} characters")
        only = HistoryFilter(case_id=case_id, since=since, until=until, event_type=event_type)
        start, size = _cursor(after), _page_size(first)
        replay = Replay(context_app(info, context.value), show_private_text=_show_private_text(info))
        action = Action.READ if case_id else Action.SEARCH
        page: HistoryPage = await on_case(info, case_id, context.value, action, replay.page, start, size, only)
        edges = [HistoryEdge(cursor=str(e["position"]), node=history_event(e)) for e in page.events]
        return HistoryConnection(edges=edges, page_info=PageInfo(has_next_page=page.has_more,
                                                                 end_cursor=str(page.scanned_to)))

    @strawberry.field(description="Every registered case, oldest first: its id, and the position and moment of its "
                                  "registration in the shared-agreements history (no names, no content).")
    async def cases(self, info: Info) -> list[AuditedCase]:
        shared = context_app(info, "shared_agreements")
        listed = await on_case(info, None, "shared_agreements", Action.SEARCH, shared.registered_cases)
        return [AuditedCase(case_id=c.case_id, position=c.position, registered_at=c.registered_at) for c in listed]

    @strawberry.field(description="A case in one context as of a time or a position in its history "
                                  "(neither: as it is now).")
    async def case_state_as_of(self, info: Info, context: AuditedContext, case_id: UUID, at: datetime | None = None,
                               position: int | None = None) -> CaseStateAsOf:
        app = context_app(info, context.value)
        state = await on_case(info, case_id, context.value, Action.READ, case_state_as_of, app, case_id, at=at,
                              position=position, show_private_text=_show_private_text(info))
        return case_state(state)

    @strawberry.field(description="Recompute a context's hash chain from its stored events and check its "
                                  "signed checkpoints; names the first broken position and how it broke.")
    async def verify(self, info: Info, context: AuditedContext) -> ChainVerification:
        app = context_app(info, context.value)
        settings = runtime(info).settings
        key = load_signing_key(settings.audit_signing_key, settings.data_dir, development=not settings.is_production)
        result = await on_case(info, None, context.value, Action.READ, app.chain.verify, key.public_key())
        return chain_verification(result)

    @strawberry.field(description="Who accessed a context's case data, oldest first (the access log of that "
                                  "context's own store); `first` at most 500.")
    async def access_log(self, info: Info, context: AuditedContext, case_id: UUID | None = None,
                         after: str | None = None, first: int = 100) -> AccessLogConnection:
        start, size = _cursor(after), _page_size(first)
        log = context_app(info, context.value).access_log
        action = Action.READ if case_id else Action.SEARCH
        # Not keyword arguments to on_case: its own first parameter is named case_id too.
        entries = functools.partial(log.entries, after=start, limit=size + 1, case_id=case_id)
        found = await on_case(info, case_id, context.value, action, entries)
        edges = [AccessLogEdge(cursor=str(e.position), node=access_log_entry(e)) for e in found[:size]]
        return AccessLogConnection(edges=edges, page_info=PageInfo(
            has_next_page=len(found) > size, end_cursor=edges[-1].cursor if edges else after))


def _cursor(after: str | None) -> int:
    if after is None:
        return 0
    if not after.isdigit() or len(after) > 19:
        raise Invalid("a cursor is the endCursor of an earlier page")
    return int(after)


def _page_size(first: int) -> int:
    if not 1 <= first <= MAX_PAGE:
        raise Invalid(f"first must be between 1 and {MAX_PAGE}")
    return first


def _show_private_text(info: Info) -> bool:
    return bool(runtime(info).settings.audit_show_private_text)


def schema(*, introspection: bool) -> strawberry.Schema:
    return build_schema(Query, introspection=introspection)
