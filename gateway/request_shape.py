"""The shape of a JSON request body, checked before anything parses it for real.

Python's JSON parser recurses once per level of nesting: a body of 50,000 brackets (100 KB, well
under the size limit) raised ``RecursionError`` inside the GraphQL view, a 500 and a traceback per
request. So the nesting depth is counted first, without parsing (strings masked out), and a body
nested deeper than any request needs is refused. Then the body must be a JSON object whose texts
are valid Unicode: a lone surrogate (``"\\ud800"`` is valid JSON syntax) cannot be stored or even
written back in a response, and used to fail deep inside a store as an internal error. Very long
numbers and ``NaN``/``Infinity`` are refused too. Each refusal is 400 ``INVALID`` naming the place.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.responses import send_refusal

#: Documented (docs/reliability.md): no request of any audience nests deeper than about six levels.
MAX_JSON_DEPTH = 32

# A JSON string, escapes included (unrolled, so it runs in linear time), and what is left to count.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


class MalformedBody(ValueError):
    pass


def nesting_depth(body: bytes) -> int:
    """How deeply ``body`` nests arrays and objects, counted without parsing it."""
    brackets = _STRING.sub(b"", body).translate(None, _NOT_BRACKET)
    return max(accumulate(_STEP[b] for b in brackets), default=0)


def check_json_body(body: bytes) -> None:
    """Raise ``MalformedBody`` (its message fit for the client) unless ``body`` is a sound JSON object."""
    if nesting_depth(body) > MAX_JSON_DEPTH:
        raise MalformedBody(f"The request body nests deeper than {MAX_JSON_DEPTH} levels.")
    try:
        payload = json.loads(body, parse_constant=_no_constant)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise MalformedBody("The request body is not valid JSON (UTF-8).") from None
    if not isinstance(payload, dict):
        raise MalformedBody("The request body must be one JSON object holding `query` (batches are not accepted).")
    where = _invalid_text(payload, "")
    if where is not None:
        raise MalformedBody(f"{where or 'The request'} holds text that is not valid Unicode (a lone surrogate).")


def _no_constant(name: str) -> Any:
    raise ValueError(name)


def _invalid_text(value: Any, path: str) -> str | None:
    """Where a lone surrogate sits (``variables.givenBy[0]``), in a key or a value; None if nowhere."""
    if isinstance(value, str):
        return None if _is_unicode(value) else path
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{path}.{key}" if path else str(key)
            if not _is_unicode(key):
                return f"{path or 'the body'}: a name"
            found = _invalid_text(item, here)
            if found is not None:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = _invalid_text(item, f"{path}[{index}]")
            if found is not None:
                return found
    return None


def _is_unicode(text: str) -> bool:
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class JsonBodyShape:
    """Checks every JSON POST body (any endpoint, before authentication) with ``check_json_body``.

    Sits inside ``BodySizeLimit``, so the body it buffers is at most the size limit.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or not _is_json(scope):
            await self.app(scope, receive, send)
            return
        messages: list[Message] = []
        body = bytearray()
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            body += message.get("body", b"")
            if not message.get("more_body", False):
                break
        try:
            check_json_body(bytes(body))
        except MalformedBody as error:
            await send_refusal(send, 400, "INVALID", str(error))
            return

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)


def _is_json(scope: Scope) -> bool:
    content_type = dict(scope.get("headers") or []).get(b"content-type", b"")
    return b"json" in content_type.lower()
