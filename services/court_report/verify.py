"""Verifying a court report from the file alone: its signature, its certificate, its content, its checkpoints.

Needs no store and nothing of the practice's system: the PDF's PAdES signature (or the
JSON's detached ``.p7s``) is validated with pyHanko against the trust roots given (the
practice's CA; the system's roots otherwise), the JSON's content SHA-256 is recomputed
from its canonical bytes, and every checkpoint the report embeds must sit at exactly a
position and chain hash the report names and, with ``anchor``, be one the practice
published there (same number, same signature); with ``checkpoint_key`` its Ed25519
signature is checked too.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from asn1crypto import cms
from asn1crypto import pem as asn1_pem
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.generic_cms import async_validate_detached_cms
from pyhanko_certvalidator import ValidationContext

from services.court_report.render_json import render_json
from services.court_report.render_pdf import PROVENANCE_PREFIX
from services.platform.anchor import anchored
from services.platform.checkpoints import Checkpoint, key_id



@dataclass
class Outcome:
    """What was checked and what failed; ``ok`` when nothing failed."""

    checked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    signer: str | None = None

    @property
    def ok(self) -> bool:
        return not self.failed

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "signer": self.signer, "checked": self.checked, "failed": self.failed}


def verify_report(path: Path, *, signature: Path | None = None, trust: list[Path] = (),  # type: ignore[assignment]
                  anchor: Path | None = None, checkpoint_key: Path | None = None) -> Outcome:
    """Verify the report in ``path`` (PDF or JSON; a JSON's signature in ``signature``, default ``path.p7s``)."""
    data, outcome = path.read_bytes(), Outcome()
    context = _validation_context(trust)
    if data[:5] == b"%PDF-":
        try:
            provenance = _pdf(data, context, outcome)
        except Exception as error:  # noqa: BLE001 - a damaged file is a failed verification, named
            outcome.failed.append(f"the PDF cannot be read as a signed report: {type(error).__name__}: {error}")
            provenance = None
    else:
        provenance = _json(data, signature or path.with_name(path.name + ".p7s"), context, outcome)
    if provenance is not None:
        _checkpoints(provenance, anchor, checkpoint_key, outcome)
    return outcome


def _validation_context(trust: list[Path]) -> ValidationContext:
    roots = [asn1_x509.Certificate.load(der) for file in trust
             for _, _, der in asn1_pem.unarmor(file.read_bytes(), multiple=True)]
    return ValidationContext(trust_roots=roots) if roots else ValidationContext()


def _pdf(data: bytes, context: ValidationContext, outcome: Outcome) -> dict[str, Any] | None:
    reader = PdfFileReader(io.BytesIO(data))
    signatures = reader.embedded_signatures
    if not signatures:
        outcome.failed.append("the PDF carries no signature")
        return None
    status = validate_pdf_signature(signatures[-1], context)
    outcome.signer = status.signing_cert.subject.human_friendly
    _signature_status(status.intact and status.valid, status.trusted, outcome)
    if status.coverage.name != "ENTIRE_FILE":
        outcome.failed.append(f"the signature does not cover the whole file ({status.coverage.name})")
    else:
        outcome.checked.append("the signature covers the whole file")
    # The XMP metadata's description (the signed revision's, as signed) carries the provenance a verifier needs.
    xmp = reader.root["/Metadata"].data.decode("utf-8", "replace") if "/Metadata" in reader.root else ""
    found = re.search(r"<dc:description[^>]*>\s*<rdf:Alt>\s*<rdf:li[^>]*>(.*?)</rdf:li>", xmp, re.S)
    subject = html.unescape(found.group(1)) if found else ""
    if not subject.startswith(PROVENANCE_PREFIX):
        outcome.failed.append("the PDF names no provenance")
        return None
    return orjson.loads(subject[len(PROVENANCE_PREFIX):])


def _json(data: bytes, signature: Path, context: ValidationContext, outcome: Outcome) -> dict[str, Any] | None:
    try:
        report = orjson.loads(data)
        provenance = report.pop("provenance")
    except (orjson.JSONDecodeError, KeyError, AttributeError):
        outcome.failed.append("not a court report: no JSON with provenance")
        return None
    if not signature.exists():
        outcome.failed.append(f"no signature file {signature.name}")
    else:
        import asyncio

        signed = cms.ContentInfo.load(signature.read_bytes())["content"]
        status = asyncio.run(async_validate_detached_cms(data, signed, signer_validation_context=context))
        outcome.signer = status.signing_cert.subject.human_friendly
        _signature_status(status.intact and status.valid, status.trusted, outcome)
    if hashlib.sha256(render_json(report)).hexdigest() != provenance.get("content_sha256"):
        outcome.failed.append("the content does not have the SHA-256 its provenance names")
    else:
        outcome.checked.append("the content has the SHA-256 its provenance names")
    return {**provenance, "sources": report.get("sources", [])}


def _signature_status(sound: bool, trusted: bool, outcome: Outcome) -> None:
    if sound:
        outcome.checked.append("the signature is intact: the bytes are those signed")
    else:
        outcome.failed.append("the signature does not match the bytes: the file was changed after signing")
    if trusted:
        outcome.checked.append("the signing certificate chains to a trusted root")
    else:
        outcome.failed.append("the signing certificate does not chain to a trusted root (give the practice's CA "
                              "with --trust)")


def _checkpoints(provenance: dict[str, Any], anchor: Path | None, key_file: Path | None, outcome: Outcome) -> None:
    sources = {s["context"]: s for s in provenance.get("sources", []) if s.get("position") is not None}
    checkpoints = [Checkpoint.from_dict(c) for c in provenance.get("checkpoints", [])]
    if not checkpoints:
        outcome.failed.append("the report embeds no signed checkpoint")
        return
    key = _public_key(key_file) if key_file else None
    for checkpoint in checkpoints:
        name = f"checkpoint {checkpoint.number} of {checkpoint.context}"
        source = sources.get(checkpoint.context)
        if source is None or (source["position"], source["head"]) != (checkpoint.position, checkpoint.head.hex()):
            outcome.failed.append(f"{name} is not at the position and chain hash the report names")
            continue
        if key is not None:
            if checkpoint.key_id != key_id(key) or not checkpoint.signature_valid(key):
                outcome.failed.append(f"{name}: its signature does not verify with the practice's checkpoint key")
                continue
        if anchor is not None:
            published = {(c.number, c.signature) for c in anchored(anchor, checkpoint.context)}
            if (checkpoint.number, checkpoint.signature) not in published:
                outcome.failed.append(f"{name} is not in the anchor the practice published")
                continue
        outcome.checked.append(f"{name} vouches for position {checkpoint.position} as the report names it"
                               + (", and is published in the anchor" if anchor is not None else ""))
    missing = set(sources) - {c.context for c in checkpoints}
    for context in sorted(missing):
        outcome.failed.append(f"no checkpoint for {context}")


def _public_key(path: Path) -> Ed25519PublicKey:
    loaded = serialization.load_pem_public_key(path.read_bytes())
    if not isinstance(loaded, Ed25519PublicKey):
        raise ValueError(f"{path} is not an Ed25519 public key")
    return loaded
