"""The auditor schema (being built)."""

from __future__ import annotations

import strawberry

from gateway.schema.base import build_schema


@strawberry.type
class Query:
    @strawberry.field(description="Placeholder until this audience's schema lands.")
    def ready(self) -> bool:
        return False


def schema(*, introspection: bool) -> strawberry.Schema:
    return build_schema(Query, introspection=introspection)
