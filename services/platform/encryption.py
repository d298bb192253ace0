"""Private text in stored events: AES-256-GCM under the key of its own case.

A ``PrivateText`` is stored as ``{"case": <uuid hex>, "v": 1, "ct": <base64>}``, where
``ct`` is a 12-byte nonce followed by the AES-GCM ciphertext and tag, with the case id
as associated data (a ciphertext moved to another case does not decrypt). The case id
stays readable on purpose: it is what the key is looked up by, and it is no secret
beyond the event's own originator id.

Erasure never rewrites a stored event, so a hash chain over the stored bytes stays
valid: once the case key is destroyed the same bytes decode to ``PrivateText(case, None)``.
"""

from __future__ import annotations

import base64
import binascii
import os
from typing import TYPE_CHECKING, Any
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from eventsourcing.persistence import Transcoding

from services.platform.private_text import PrivateText

if TYPE_CHECKING:
    from services.platform.keystore import CaseKeys

KEY_BYTES = 32
NONCE_BYTES = 12
FORMAT_VERSION = 1


class KeyStoreError(RuntimeError):
    """The key store and the events do not fit together (wrong key, tampering, a lost table).

    Never a counsellor's mistake: an operator must look. Messages name the context and
    the case id, never any text.
    """


class WrongKeyStoreKey(KeyStoreError):
    """The configured key-store key does not open this context's key store."""


def new_data_key() -> bytes:
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


def seal(key: bytes, plaintext: bytes, associated: bytes) -> bytes:
    """Nonce + ciphertext + tag; a fresh random nonce per message (96 bits)."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, associated)


def unseal(key: bytes, sealed: bytes, associated: bytes) -> bytes:
    """Raises ``cryptography.exceptions.InvalidTag`` when key, data or association differ."""
    return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], associated)


def decode_keystore_key(encoded: str | None, context: str) -> bytes:
    """The key-store key from its base64 form; refuses anything but 32 bytes."""
    if not encoded:
        raise ValueError(f"{context}: no key-store key configured (KEYSTORE_KEY)")
    try:
        key = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError(f"{context}: the key-store key is not valid base64") from None
    if len(key) != KEY_BYTES:
        raise ValueError(f"{context}: the key-store key must be {KEY_BYTES} bytes, base64-encoded")
    return key


def _text_association(case_id: UUID) -> bytes:
    return b"evenwijdig/private-text/v1|" + case_id.bytes


class PrivateTextAsCiphertext(Transcoding):
    """Encrypts private text with its case's key on the way in, decrypts it on the way out."""

    type = PrivateText
    name = "private_text"

    def __init__(self, keys: CaseKeys) -> None:
        self._keys = keys

    def encode(self, obj: PrivateText) -> dict[str, Any]:
        if obj.text is None:
            # Already erased (a snapshot of a replayed aggregate): nothing left to protect.
            return {"case": obj.case_id.hex, "v": FORMAT_VERSION, "ct": None}
        key = self._keys.key_for_writing(obj.case_id)
        sealed = seal(key, obj.text.encode("utf-8"), _text_association(obj.case_id))
        return {"case": obj.case_id.hex, "v": FORMAT_VERSION, "ct": base64.b64encode(sealed).decode("ascii")}

    def decode(self, data: dict[str, Any]) -> PrivateText:
        case_id = UUID(data["case"])
        if data.get("v") != FORMAT_VERSION:
            raise KeyStoreError(f"private text of case {case_id} has an unknown format {data.get('v')!r}")
        if data["ct"] is None:
            return PrivateText(case_id, None)
        key = self._keys.key_for_reading(case_id)
        if key is None:
            return PrivateText(case_id, None)
        try:
            plaintext = unseal(key, base64.b64decode(data["ct"]), _text_association(case_id))
        except InvalidTag:
            raise KeyStoreError(f"private text of case {case_id} does not open with its case key") from None
        return PrivateText(case_id, plaintext.decode("utf-8"))
