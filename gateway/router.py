"""The GraphQL router every endpoint uses: strawberry's own refusals in the gateway's error shape.

Strawberry answers a request it cannot take (no query, a non-object ``variables``, an unknown
operation name, an unsupported content type, a GET) with plain text and no code; a client must be
able to tell every refusal by its stable ``extensions.code``.
"""

from __future__ import annotations

from typing import Any

import orjson
from cross_web import HTTPException
from starlette.responses import Response
from strawberry.fastapi import GraphQLRouter
from strawberry.types.unset import UNSET

from gateway.responses import code_for, error_body


class CodedRouter(GraphQLRouter):
    def encode_json(self, data: object) -> bytes:
        # The same JSON as strawberry's json.dumps (UTF-8 instead of \u escapes), encoded many times faster:
        # a whole trajectory is hundreds of fields (docs/benchmarks.md, gateway read).
        return orjson.dumps(data)

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        try:
            return await super().run(request, context, root_value)
        except HTTPException as refused:
            return Response(error_body(code_for(refused.status_code), refused.reason),
                            status_code=refused.status_code, media_type="application/json")
