"""A checkpoint signing key of the test run (raw base64 and PEM) and the environment of a production deployment."""

from __future__ import annotations

import base64
import os

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evenwijdig.settings import STORES


KEY = Ed25519PrivateKey.generate()
RAW = base64.b64encode(KEY.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                         serialization.NoEncryption())).decode()
PEM = KEY.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                        serialization.NoEncryption()).decode()
PRODUCTION = {
    "EVENWIJDIG_ENV": "production", "EVENWIJDIG_OIDC_ISSUER": "https://idp.test", "EVENWIJDIG_OIDC_AUDIENCE": "ew",
    "EVENWIJDIG_OIDC_JWKS_URL": "https://idp.test/jwks",
    **{f"EVENWIJDIG_{store.upper()}_KEYSTORE_KEY": base64.b64encode(os.urandom(32)).decode() for store in STORES},
}
