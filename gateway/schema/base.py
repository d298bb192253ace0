"""How every audience's schema is built: the same limits and error handling for all."""

from __future__ import annotations

import logging
from typing import Any

import strawberry
from strawberry.extensions import (
    AddValidationRules, DisableIntrospection, MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter,
)
from strawberry.schema.config import StrawberryConfig

from gateway.errors import CodedErrors
from gateway.schema.cost import CostLimit
from gateway.schema.known_queries import known_good_queries
from gateway.schema.scalars import SCALAR_OVERRIDES

log = logging.getLogger("evenwijdig.gateway.graphql")

#: Documented request limits (README, "Limits").
MAX_DEPTH = 8
MAX_ALIASES = 15
MAX_TOKENS = 2000


class QuietSchema(strawberry.Schema):
    """Leaves error logging to ``CodedErrors``, which logs internal errors once, with an incident id.

    Strawberry's default logs a full traceback at ERROR for every error, a refused command or
    a "No such case." included; that buries the incidents an operator must see.
    """

    def process_errors(self, errors, execution_context=None) -> None:  # noqa: ANN001
        for error in errors:
            log.debug("graphql error: %s", error.message)


def build_schema(query: type, mutation: type | None = None, *, introspection: bool) -> strawberry.Schema:
    """A schema with the gateway's limits; introspection only where development allows it."""
    # Factories, not instances: a shared extension instance races under concurrent requests.
    extensions: list[Any] = [
        known_good_queries(),  # first: a remembered text skips the limiters' parse and validation
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: AddValidationRules([CostLimit]),
        CodedErrors,
    ]
    if not introspection:
        extensions.append(DisableIntrospection)
    return QuietSchema(
        query=query,
        mutation=mutation,
        extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=True),
        scalar_overrides=SCALAR_OVERRIDES,
    )
