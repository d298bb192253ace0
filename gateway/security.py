"""The door of every audience's endpoint: a valid token, of this audience's role, held by its user."""

from __future__ import annotations

import logging
from typing import Awaitable, Callable

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from gateway.auth import AuthenticationFailed, Identity
from gateway.directory.roles import Role
from gateway.schema.common import off_loop

log = logging.getLogger("evenwijdig.gateway.security")
bearer = HTTPBearer(auto_error=False, description="A JWT from the practice's identity provider")

UNAUTHENTICATED = {"WWW-Authenticate": "Bearer"}


def require(audience: Role) -> Callable[..., Awaitable[Identity]]:
    """A FastAPI dependency admitting only tokens whose role is ``audience`` and still held."""

    async def admit(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> Identity:
        runtime = request.app.state.runtime
        if credentials is None:
            log.info("refused %s: no bearer token", request.url.path)
            raise HTTPException(401, "A bearer token is required.", headers=UNAUTHENTICATED)
        try:
            # A JWKS look-up may go over the network: keep it off the event loop.
            identity = await off_loop(runtime.verifier.verify, credentials.credentials)
        except AuthenticationFailed as error:
            log.info("refused %s: %s", request.url.path, error)
            raise HTTPException(401, "The bearer token is not valid.", headers=UNAUTHENTICATED) from None
        if identity.role is not audience:
            log.info("refused %s: %s presented role %s", request.url.path, identity.user, identity.role.value)
            raise HTTPException(403, "This endpoint is not for your role.")
        if not await off_loop(runtime.contexts.directory.holds, identity.user, identity.role):
            log.info("refused %s: %s does not hold role %s", request.url.path, identity.user, identity.role.value)
            raise HTTPException(403, "You do not hold this role.")
        request.state.identity = identity
        return identity

    return admit
