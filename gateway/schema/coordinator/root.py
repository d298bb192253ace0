"""The coordinator's schema: the whole shared-agreements context of the cases they coordinate.

A coordinator drafts ground rules, records signatures and decisions, plans joint sessions
and lays down the contact schedule. Nothing here reads either parent's side, nor which
counsellor counsels which side: the only context this schema touches is the shared one.
"""

from __future__ import annotations

import strawberry

from gateway.schema.base import build_schema
from gateway.schema.coordinator.case import CaseMutation, CaseQuery
from gateway.schema.coordinator.disputes import DisputesMutation, DisputesQuery
from gateway.schema.coordinator.reconnecting import ReconnectingMutation, ReconnectingQuery
from gateway.schema.coordinator.report import ReportMutation
from gateway.schema.coordinator.rules import RulesMutation, RulesQuery
from gateway.schema.coordinator.schedule import ScheduleMutation, ScheduleQuery
from gateway.schema.coordinator.sessions import SessionsMutation, SessionsQuery


@strawberry.type
class Query(CaseQuery, RulesQuery, DisputesQuery, SessionsQuery, ScheduleQuery, ReconnectingQuery):
    pass


@strawberry.type
class Mutation(CaseMutation, RulesMutation, DisputesMutation, SessionsMutation, ScheduleMutation, ReportMutation,
               ReconnectingMutation):
    pass


def schema(*, introspection: bool) -> strawberry.Schema:
    return build_schema(Query, Mutation, introspection=introspection)
