"""Request limits that apply before GraphQL sees anything."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.responses import send_refusal
from gateway.observability import refused

#: Documented in README ("Limits"): the largest request body the gateway reads.
MAX_BODY_BYTES = 256 * 1024


class BodyTooLarge(Exception):
    pass


class BodySizeLimit:
    """Refuses a request body over ``max_bytes`` with 413, whether or not it declares its length."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _refuse(send)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _refuse(send)


async def _refuse(send: Send) -> None:
    refused("body_too_large")
    await send_refusal(send, 413, "INVALID", f"The request body is larger than {MAX_BODY_BYTES} bytes.")
