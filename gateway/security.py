"""The door of every audience's endpoint: a valid token, of this audience's role, held by its user."""

from __future__ import annotations

import logging
from typing import Awaitable, Callable

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from gateway.auth import AuthenticationFailed, Identity
from gateway.observability import refused
from services.staff_directory.api import Role
from gateway.schema.common import off_loop

log = logging.getLogger("evenwijdig.gateway.security")
bearer = HTTPBearer(auto_error=False, description="A JWT from the practice's identity provider")

UNAUTHENTICATED = {"WWW-Authenticate": "Bearer"}


def require(audience: Role) -> Callable[..., Awaitable[Identity]]:
    """A FastAPI dependency admitting only tokens whose role is ``audience`` and still held."""

    async def admit(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> Identity:
        runtime = request.app.state.runtime
        if credentials is None:
            _refuse(request, "no_token")
            raise HTTPException(401, "A bearer token is required.", headers=UNAUTHENTICATED)
        try:
            # A JWKS look-up may go over the network: keep it off the event loop.
            identity = await off_loop(runtime.verifier.verify, credentials.credentials)
        except AuthenticationFailed:
            _refuse(request, "invalid_token")
            raise HTTPException(401, "The bearer token is not valid.", headers=UNAUTHENTICATED) from None
        if identity.role is not audience:
            _refuse(request, "wrong_role")
            raise HTTPException(403, "This endpoint is not for your role.")
        if not await off_loop(runtime.contexts.directory.holds, identity.user, identity.role):
            _refuse(request, "role_not_held")
            raise HTTPException(403, "You do not hold this role.")
        request.state.identity = identity
        return identity

    return admit


def _refuse(request: Request, reason: str) -> None:
    # The reason code only: never the token, and no user id (the access logs say who did what).
    refused(reason)
    log.warning("refused %s: %s", request.url.path, reason, extra={"reason": reason})
