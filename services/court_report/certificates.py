"""The practice's report-signing key and certificate: configured, or (development only) made on first use.

Production names two PEM files (``EVENWIJDIG_REPORT_SIGNING_KEY_FILE``, and
``EVENWIJDIG_REPORT_SIGNING_CERT_FILE`` holding the certificate first, then its chain),
issued to the practice by a certificate authority the court's software can trust.

DEVELOPMENT ONLY: without them, a development certificate authority and a signing
certificate issued by it are generated into ``<data dir>/report-signing/`` (the keys mode
0600), so the demo's reports are signed and verifiable against ``development-ca.pem``.
Nothing here is committed; its subject says it is a development certificate.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

DEVELOPMENT_DIR = "report-signing"
DEVELOPMENT_LABEL = "DEVELOPMENT ONLY - not for court use"


@dataclass(frozen=True)
class SigningMaterial:
    """A PEM private key, its certificate and the chain above it (PEM, certificate first)."""

    key_pem: bytes
    certificate_pem: bytes
    development: bool


def signing_material(key_file: str, cert_file: str, data_dir: Path, development: bool,
                     practice: str) -> SigningMaterial:
    """The configured key and certificate, or in development the generated ones."""
    if key_file or cert_file:
        if not (key_file and cert_file):
            raise ValueError("EVENWIJDIG_REPORT_SIGNING_KEY_FILE and EVENWIJDIG_REPORT_SIGNING_CERT_FILE go together")
        try:
            return SigningMaterial(Path(key_file).read_bytes(), Path(cert_file).read_bytes(), development=False)
        except OSError as error:
            raise ValueError(f"the report-signing key or certificate cannot be read: {error}") from None
    if not development:
        raise ValueError("production signs court reports with the practice's certificate: set "
                         "EVENWIJDIG_REPORT_SIGNING_KEY_FILE and EVENWIJDIG_REPORT_SIGNING_CERT_FILE")
    return development_material(data_dir / DEVELOPMENT_DIR, practice)


def development_material(directory: Path, practice: str) -> SigningMaterial:
    """DEVELOPMENT ONLY: the generated certificate in ``directory``, made there on first use."""
    key_path, cert_path = directory / "signing-key.pem", directory / "signing-chain.pem"
    if not cert_path.exists():
        _generate(directory, practice)
    return SigningMaterial(key_path.read_bytes(), cert_path.read_bytes(), development=True)


def development_ca(directory: Path) -> Path:
    return directory / "development-ca.pem"


def _generate(final: Path, practice: str) -> None:
    # Made in a directory of its own and renamed into place: processes or threads starting together
    # never mix one's key with another's certificate; the first rename wins, the others are discarded.
    final.parent.mkdir(parents=True, exist_ok=True)
    directory = Path(tempfile.mkdtemp(prefix=".report-signing-", dir=final.parent))
    now = datetime.now(timezone.utc).replace(microsecond=0)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = _name(f"Evenwijdig development CA ({DEVELOPMENT_LABEL})")
    ca = _certificate(ca_name, ca_name, ca_key.public_key(), ca_key, now, days=3650, authority=True)
    subject = _name(f"{practice or 'Evenwijdig demo practice'} ({DEVELOPMENT_LABEL})")
    leaf = _certificate(subject, ca_name, key.public_key(), ca_key, now, days=825, authority=False)
    pem = serialization.Encoding.PEM
    _write(directory / "signing-key.pem", key.private_bytes(pem, serialization.PrivateFormat.PKCS8,
                                                            serialization.NoEncryption()), secret=True)
    _write(development_ca(directory), ca.public_bytes(pem), secret=False)
    _write(directory / "signing-chain.pem", leaf.public_bytes(pem) + ca.public_bytes(pem), secret=False)
    try:
        directory.rename(final)
    except OSError:  # another process made it first: use theirs
        shutil.rmtree(directory, ignore_errors=True)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64]),
                      x509.NameAttribute(NameOID.COUNTRY_NAME, "NL")])


def _certificate(subject: x509.Name, issuer: x509.Name, public_key: ec.EllipticCurvePublicKey,
                 signer: ec.EllipticCurvePrivateKey, now: datetime, *, days: int, authority: bool) -> x509.Certificate:
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(public_key)
               .serial_number(x509.random_serial_number())
               .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=days))
               .add_extension(x509.BasicConstraints(ca=authority, path_length=0 if authority else None), critical=True)
               .add_extension(x509.KeyUsage(digital_signature=not authority, content_commitment=not authority,
                                            key_encipherment=False, data_encipherment=False, key_agreement=False,
                                            key_cert_sign=authority, crl_sign=authority, encipher_only=False,
                                            decipher_only=False), critical=True)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False))
    return builder.sign(signer, hashes.SHA256())


def _write(path: Path, data: bytes, *, secret: bool) -> None:
    fd = os.open(path, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600 if secret else 0o644)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
