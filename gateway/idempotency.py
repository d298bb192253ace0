"""Idempotency keys: a mutation sent again with the same key takes effect once.

A client that did not hear the answer to a mutation (a timeout, a dropped connection) sends it
again with the same ``Idempotency-Key`` header (or ``extensions.idempotencyKey`` in the body).
Per user, audience and key the gateway keeps a fingerprint of the request and its answer in its
own store, so a repeat is answered from there, after a restart too, and nothing is written again:

- same key, same request, answered before: that answer, with ``Idempotency-Replayed: true``;
- same key, same request, still being carried out: 409 CONFLICT; it never runs twice;
- same key, another request: 422 INVALID;
- an answer saying nothing was changed (every field refused with UNAVAILABLE or CONFLICT) is
  not kept: the key is released, so the request can be sent again once the store is back.

Keys and answers (sealed) are kept for 24 hours (``idempotency_store``). Queries ignore the key:
reading twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import uuid
from typing import Any, Callable

from graphql import FieldNode, GraphQLError, OperationDefinitionNode, OperationType, parse
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from strawberry.types.unset import UNSET

from gateway.idempotency_store import Claim, IdempotencyKeys, Scope
from gateway.router import CodedRouter
from services.platform.requests import RequestMark, current
from gateway.schema.base import MAX_TOKENS
from gateway.schema.common import off_loop

log = logging.getLogger("evenwijdig.gateway.idempotency")

HEADER = "Idempotency-Key"
EXTENSION = "idempotencyKey"
#: Documented limits (docs/reliability.md): 1 to 255 visible ASCII characters, kept 24 hours.
KEY_PATTERN = re.compile(r"[\x21-\x7e]{1,255}")
# Codes after which the same request may be sent again with its key: nothing was changed (UNAVAILABLE,
# CONFLICT), or maybe something was (OUTCOME_UNKNOWN), and the stores refuse a second attempt at what was.
NOTHING_CHANGED = frozenset({"UNAVAILABLE", "CONFLICT", "OUTCOME_UNKNOWN"})


class IdempotentRouter(CodedRouter):
    """A GraphQL router whose mutations honour idempotency keys (after authentication, which the
    router's dependencies do first, so the user is known)."""

    def __init__(self, schema: Any, *, audience: str, **kwargs: Any) -> None:
        super().__init__(schema, **kwargs)
        self.audience = audience

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        if not isinstance(request, Request) or request.method != "POST":
            return await super().run(request, context, root_value)
        # Every write of this request is marked: a store says when its outcome cannot be known, and a keyed
        # write is recorded with its events, so that a retry is never applied twice (services.platform.requests).
        mark = RequestMark(request=None, attempt=uuid.uuid4().hex)
        token = current.set(mark)
        try:
            return await self._run(request, context, root_value, mark)
        finally:
            current.reset(token)

    async def _run(self, request: Request, context: Any, root_value: Any, mark: RequestMark) -> Any:
        payload = await _json(request)
        key = _key(request, payload)
        mutation = _mutation(payload) if key is not None and payload is not None else None
        if mutation is None:
            return await super().run(request, context, root_value)
        if not KEY_PATTERN.fullmatch(key):
            return _refusal(422, "INVALID", "An idempotency key is 1 to 255 visible ASCII characters, sent once.")
        keys: IdempotencyKeys = request.app.state.idempotency
        scope, fingerprint = Scope(request.state.identity.user, self.audience), _fingerprint(payload)
        held = await off_loop(keys.claim, scope, key, fingerprint)
        if held is not None:
            return _answer_for(held, fingerprint)
        mark.request = _request_id(scope, key, fingerprint)
        try:
            response = await super().run(request, context, root_value)
        except BaseException:
            await _quietly(keys.release, scope, key)
            raise
        if _changed_nothing(response, mutation):
            # Given up after the answer is sent: with the store down this waits for the pool in vain, and
            # the client should hear at once that nothing was changed.
            response.background = BackgroundTask(_quietly, keys.release, scope, key)
        else:
            await _quietly(keys.answer, scope, key, fingerprint, response.status_code, bytes(response.body))
        return response


def _answer_for(held: Claim, fingerprint: str) -> Response:
    if held.fingerprint != fingerprint:
        return _refusal(422, "INVALID", "This idempotency key was used for a different request; use a new key.")
    if not held.answered:
        return _refusal(409, "CONFLICT", "A request with this idempotency key is still being carried out; "
                                         "wait for its answer before sending it again.")
    if held.body is None:
        return _refusal(409, "CONFLICT", "The answer to this request can no longer be given; use a new key.")
    return Response(held.body, status_code=held.status, media_type="application/json",
                    headers={"Idempotency-Replayed": "true"})


async def _json(request: Request) -> dict[str, Any] | None:
    try:
        payload = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        return None
    return payload if isinstance(payload, dict) else None


def _key(request: Request, payload: dict[str, Any] | None) -> str | None:
    """The key sent (None: none); "" when two different ones were sent, which the pattern refuses."""
    sent = request.headers.getlist(HEADER)
    extensions = (payload or {}).get("extensions")
    in_body = extensions.get(EXTENSION) if isinstance(extensions, dict) else None
    if in_body is not None:
        sent.append(in_body if isinstance(in_body, str) else "")
    if not sent:
        return None
    return sent[0] if len(set(sent)) == 1 else ""


def _mutation(payload: dict[str, Any]) -> OperationDefinitionNode | None:
    """The mutation the request asks to run; None for a query, or a document GraphQL itself will refuse."""
    query, name = payload.get("query"), payload.get("operationName")
    if not isinstance(query, str):
        return None
    try:
        document = parse(query, no_location=True, max_tokens=MAX_TOKENS)
    except GraphQLError:
        return None
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)
                  and (name is None or (d.name is not None and d.name.value == name))]
    if len(operations) != 1 or operations[0].operation is not OperationType.MUTATION:
        return None
    return operations[0]


def _fingerprint(payload: dict[str, Any]) -> str:
    sent = {part: payload.get(part) for part in ("query", "operationName", "variables")}
    canonical = json.dumps(sent, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _request_id(scope: Scope, key: str, fingerprint: str) -> str:
    """What the stores record a keyed write under: the same for every attempt at the same request."""
    return hashlib.sha256(json.dumps([scope.user, scope.audience, key, fingerprint]).encode()).hexdigest()


def _changed_nothing(response: Response, mutation: OperationDefinitionNode) -> bool:
    """Every field of the mutation was refused with a code that lets the same request be sent again.

    Field by field: a failing non-null field nulls all the data, though the fields before it ran.
    """
    try:
        body = json.loads(bytes(response.body))
    except (ValueError, UnicodeDecodeError):
        return False
    fields = {(s.alias or s.name).value for s in mutation.selection_set.selections if isinstance(s, FieldNode)}
    if len(fields) != len(mutation.selection_set.selections):
        return False  # fragments at the root: not worth working out
    errors = body.get("errors") or []
    codes = {(error.get("extensions") or {}).get("code") for error in errors}
    refused = {error["path"][0] for error in errors if error.get("path")}
    return bool(errors) and codes <= NOTHING_CHANGED and fields <= refused


async def _quietly(step: Callable[..., None], *args: Any) -> None:
    # The request's own answer goes out whatever happens here; a key left claimed refuses a repeat
    # with CONFLICT until it expires, which is safe: the request never runs twice.
    try:
        await off_loop(step, *args)
    except Exception as error:  # noqa: BLE001
        log.warning("idempotency key not updated: %s", type(error).__name__)


def _refusal(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status_code=status)
