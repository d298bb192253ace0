"""What every answer of the gateway shares: the error shape of a refusal, and never being cached.

Answers hold private case text. A browser, a proxy or a shared cache that keeps one could show
it to the next user of the machine, so no answer may be stored (``Cache-Control: no-store``, and
``Pragma: no-cache`` for HTTP/1.0 caches).
"""

from __future__ import annotations

import json
from typing import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

NOT_STORED = [(b"cache-control", b"no-store"), (b"pragma", b"no-cache")]

#: The stable code of each HTTP status the gateway refuses with (README, "The gateway").
CODES = {400: "INVALID", 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND", 405: "INVALID",
         409: "CONFLICT", 413: "INVALID", 422: "INVALID", 503: "UNAVAILABLE"}


def code_for(status: int) -> str:
    return CODES.get(status, "INVALID" if status < 500 else "INTERNAL")


def error_body(code: str, message: str) -> bytes:
    """A refusal in GraphQL's error shape, with its stable code."""
    return json.dumps({"errors": [{"message": message, "extensions": {"code": code}}]}).encode()


async def send_refusal(send: Send, status: int, code: str, message: str,
                       headers: Iterable[tuple[bytes, bytes]] = ()) -> None:
    body = error_body(code, message)
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *headers]})
    await send({"type": "http.response.body", "body": body})


class NeverCached:
    """Marks every HTTP answer as not to be stored, whichever part of the gateway gave it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def marked(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in (b"cache-control", b"pragma")]
                message = {**message, "headers": [*kept, *NOT_STORED]}
            await send(message)

        await self.app(scope, receive, marked)
