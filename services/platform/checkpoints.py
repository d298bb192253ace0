"""Signed checkpoints of a context's chain head, with the deployment's Ed25519 key.

A checkpoint says: "at ``signed_at`` the history of ``context`` up to ``position`` had
head link ``head``, and the checkpoint signed before this one was ``previous``", signed
over a canonical message that names them all. Naming the previous checkpoint (the
SHA-256 of its message and signature) makes the checkpoints a chain of their own: one
removed from the store leaves its successor naming a checkpoint that is not there. Someone who
can write to the store can recompute the whole chain after a change, but cannot sign a
new checkpoint without the key, so a checkpoint pins the history it covers. Export them
(``evenwijdig audit checkpoint`` prints each one) to keep a copy outside the store.

The key: ``EVENWIJDIG_AUDIT_SIGNING_KEY`` (PEM, or base64 of the 32-byte raw private
key), required in production. In development a key is generated on first use in the
data directory, readable by its owner only, and never committed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from services.platform.development_keys import development_ed25519_key

MESSAGE_LABEL = "evenwijdig/checkpoint/v1"
CHAINED_LABEL = "evenwijdig/checkpoint/v2"  # v1 checkpoints (made before the chain of checkpoints) name no previous
DEVELOPMENT_KEY_FILE = "audit-signing-key.pem"


@dataclass(frozen=True)
class Checkpoint:
    context: str
    position: int
    head: bytes
    signed_at: str
    key_id: str
    signature: bytes = b""
    number: int = 0  # its row in the checkpoint table (0 until stored)
    previous: bytes = b""  # the digest of the checkpoint signed before it (first_previous() for the first)

    def message(self) -> bytes:
        """What is signed: the context, the position, the head, the time, the key and the previous checkpoint."""
        fields = (self.context, str(self.position), self.head.hex(), self.signed_at, self.key_id)
        if not self.previous:
            return "\n".join((MESSAGE_LABEL, *fields)).encode("utf-8")
        return "\n".join((CHAINED_LABEL, *fields, self.previous.hex())).encode("utf-8")

    def digest(self) -> bytes:
        """What the next checkpoint names as its previous one: covers this one's message and signature."""
        return hashlib.sha256(self.message() + b"\n" + bytes(self.signature)).digest()

    def signature_valid(self, public_key: Ed25519PublicKey) -> bool:
        try:
            public_key.verify(bytes(self.signature), self.message())
        except InvalidSignature:
            return False
        return True

    def as_dict(self) -> dict[str, object]:
        return {"context": self.context, "number": self.number, "position": self.position, "head": self.head.hex(),
                "signed_at": self.signed_at, "key_id": self.key_id, "previous": self.previous.hex(),
                "signature": base64.b64encode(self.signature).decode("ascii")}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Checkpoint:
        """A checkpoint as ``as_dict`` wrote it (an anchor line, a report's provenance)."""
        try:
            return cls(context=str(data["context"]), position=int(data["position"]),  # type: ignore[call-overload]
                       head=bytes.fromhex(str(data["head"])), signed_at=str(data["signed_at"]),
                       key_id=str(data["key_id"]), signature=base64.b64decode(str(data["signature"]), validate=True),
                       number=int(data.get("number") or 0),  # type: ignore[call-overload]
                       previous=bytes.fromhex(str(data.get("previous") or "")))
        except (KeyError, TypeError, ValueError, binascii.Error) as error:
            raise ValueError(f"not a checkpoint: {error}") from None


def first_previous(context: str) -> bytes:
    """What the first chained checkpoint of a context names as its previous one."""
    return hashlib.sha256(f"{CHAINED_LABEL}/first\n{context}".encode("utf-8")).digest()


def previous_of(context: str, last: Checkpoint | None) -> bytes:
    return last.digest() if last is not None else first_previous(context)


def sign(key: Ed25519PrivateKey, context: str, position: int, head: bytes, at: datetime,
         previous: bytes = b"") -> Checkpoint:
    unsigned = Checkpoint(context, position, head, at.isoformat(), key_id(key.public_key()), previous=previous)
    return replace(unsigned, signature=key.sign(unsigned.message()))


def key_id(public_key: Ed25519PublicKey) -> str:
    """A short fingerprint of the public key: names which key signed a checkpoint."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def load_signing_key(configured: str, data_dir: Path, development: bool) -> Ed25519PrivateKey:
    """The deployment's checkpoint key: the configured one, or (development only) one made on first use."""
    if configured.strip():
        return parse_signing_key(configured)
    if not development:
        raise ValueError("EVENWIJDIG_AUDIT_SIGNING_KEY is required in production (an Ed25519 private key)")
    return _development_key(data_dir)


def parse_signing_key(text: str) -> Ed25519PrivateKey:
    """A PEM (PKCS#8) Ed25519 private key, or the base64 of its 32 raw bytes."""
    text = text.strip()
    if text.startswith("-----BEGIN"):
        key = serialization.load_pem_private_key(text.encode("ascii"), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError("EVENWIJDIG_AUDIT_SIGNING_KEY is not an Ed25519 private key")
        return key
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise ValueError("EVENWIJDIG_AUDIT_SIGNING_KEY must be a PEM Ed25519 key or base64 of 32 raw bytes")
    return Ed25519PrivateKey.from_private_bytes(raw)


def _development_key(data_dir: Path) -> Ed25519PrivateKey:
    # DEVELOPMENT ONLY: production refuses to start without a configured key.
    return development_ed25519_key(data_dir / DEVELOPMENT_KEY_FILE)
