"""How every audience's schema is built: the same limits and error handling for all."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.extensions import DisableIntrospection, MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.schema.config import StrawberryConfig

from gateway.errors import CodedErrors

#: Documented request limits (README, "Limits").
MAX_DEPTH = 8
MAX_ALIASES = 15
MAX_TOKENS = 2000


def build_schema(query: type, mutation: type | None = None, *, introspection: bool) -> strawberry.Schema:
    """A schema with the gateway's limits; introspection only where development allows it."""
    # Factories, not instances: a shared extension instance races under concurrent requests.
    extensions: list[Any] = [
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        CodedErrors,
    ]
    if not introspection:
        extensions.append(DisableIntrospection)
    return strawberry.Schema(
        query=query,
        mutation=mutation,
        extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=True),
    )
