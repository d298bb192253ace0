"""Who is asking, and as which role: bearer JWTs checked with PyJWT and an explicit algorithm list.

Production trusts the practice's identity provider (OIDC: issuer, audience, JWKS address).
Development signs its own tokens with an Ed25519 key generated on first use in the data
directory (never in the repository), so `evenwijdig token` and a running gateway agree.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from services.staff_directory.api import Role
from services.platform.development_keys import development_ed25519_key

if TYPE_CHECKING:  # handed in by the command line
    from evenwijdig.settings import AuthSettings

log = logging.getLogger("evenwijdig.auth")

DEVELOPMENT_ISSUER = "evenwijdig-development"
DEVELOPMENT_AUDIENCE = "evenwijdig"
DEVELOPMENT_ALGORITHMS = ["EdDSA"]
DEVELOPMENT_KEY_FILE = "development-token-key.pem"
REQUIRED_CLAIMS = ["exp", "iat", "iss", "aud", "sub"]


class AuthenticationFailed(Exception):
    """The token is missing, malformed, expired, or not from an issuer we trust (HTTP 401)."""


@dataclass(frozen=True)
class Identity:
    user: str
    role: Role


def development_key(data_dir: Path) -> Ed25519PrivateKey:
    """The development signing key: DEVELOPMENT ONLY, created on first use, readable by its owner only."""
    return development_ed25519_key(data_dir / DEVELOPMENT_KEY_FILE)


def mint_development_token(data_dir: Path, user: str, role: Role, lifetime_seconds: int = 12 * 3600) -> str:
    now = int(time.time())
    claims = {
        "iss": DEVELOPMENT_ISSUER, "aud": DEVELOPMENT_AUDIENCE, "sub": user, "role": Role(role).value,
        "iat": now, "nbf": now, "exp": now + lifetime_seconds,
    }
    return jwt.encode(claims, development_key(data_dir), algorithm="EdDSA", headers={"kid": "development"})


class TokenVerifier:
    """Checks signature, algorithm, issuer, audience and validity period of a bearer token."""

    def __init__(self, settings: AuthSettings, data_dir: Path, development: bool) -> None:
        self._settings = settings
        self._jwks = jwt.PyJWKClient(settings.jwks_url, cache_keys=True, timeout=5) if settings.jwks_url else None
        self._development_key: Ed25519PublicKey | None = (
            development_key(data_dir).public_key() if development else None
        )

    def verify(self, token: str) -> Identity:
        try:
            header = jwt.get_unverified_header(token)
            if self._development_key is not None and header.get("kid") == "development":
                claims = self._decode(token, self._development_key, DEVELOPMENT_ALGORITHMS,
                                      DEVELOPMENT_ISSUER, DEVELOPMENT_AUDIENCE)
                role_claim = "role"
            elif self._jwks is not None:
                key = self._jwks.get_signing_key_from_jwt(token).key
                claims = self._decode(token, key, list(self._settings.algorithms),
                                      self._settings.issuer, self._settings.audience)
                role_claim = self._settings.role_claim
            else:
                raise AuthenticationFailed("tokens from this issuer are not accepted")
            return Identity(user=_text_claim(claims, "sub"), role=Role(_text_claim(claims, role_claim)))
        except AuthenticationFailed:
            raise
        except (jwt.PyJWTError, ValueError, KeyError) as error:
            log.info("token refused: %s", type(error).__name__)
            raise AuthenticationFailed("the bearer token is not valid") from None

    def _decode(self, token: str, key: Any, algorithms: list[str], issuer: str | None, audience: str | None) -> dict:
        return jwt.decode(
            token, key, algorithms=algorithms, issuer=issuer, audience=audience,
            leeway=self._settings.leeway_seconds,
            options={"require": REQUIRED_CLAIMS, "verify_signature": True},
        )


def _text_claim(claims: dict, name: str) -> str:
    value = claims.get(name)
    if not isinstance(value, str) or not value.strip():
        raise KeyError(name)
    return value
