"""Who hands a report out, and with what: the practice, its signing certificate, the software that made it.

The report itself (``model.build_report``) is a function of the case and the moment, the
same bytes whenever it is made. Provenance is what one handing-out adds around it: the
practice and its registrations, who made it and in which role, for which proceeding,
its id, when, the software version and its lock file, the checkpoints it relies on,
and the SHA-256 of the report's own content (``content_sha256``), which a report made
again as of the same moment reproduces.

``Issuer`` is built once per process by the composition root from the settings.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from services.court_report.certificates import signing_material
from services.court_report.signing import ReportSigner

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from evenwijdig.settings import Settings

LOCK_FILE = Path(__file__).resolve().parents[2] / "requirements.lock"
DEVELOPMENT_PRACTICE = "Demopraktijk Evenwijdig (ontwikkeling)"


@dataclass(frozen=True)
class Practice:
    name: str
    registrations: tuple[tuple[str, str], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "registrations": [{"register": r, "number": n} for r, n in self.registrations]}


@dataclass(frozen=True)
class Issuer:
    """What this deployment adds to every report it hands out, and signs it with."""

    practice: Practice
    signer: ReportSigner | None = None
    checkpoint_key: Ed25519PrivateKey | None = None
    anchor: Path | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> Issuer:
        """The practice, its report-signing certificate (development: generated), the checkpoint key and anchor."""
        from services.platform.checkpoints import load_signing_key

        development = not settings.is_production
        if not settings.practice_name and not development:
            raise ValueError("production names the practice on every court report: set EVENWIJDIG_PRACTICE_NAME")
        practice = Practice(settings.practice_name or DEVELOPMENT_PRACTICE, settings.practice_registrations)
        material = signing_material(settings.report_signing_key_file, settings.report_signing_cert_file,
                                    settings.data_dir, development, practice.name)
        return cls(practice=practice, signer=ReportSigner(material, settings.report_tsa_url),
                   checkpoint_key=load_signing_key(settings.audit_signing_key, settings.data_dir, development),
                   anchor=settings.anchor)


#: Without a configured issuer (library use, benchmarks): named as such, and unsigned.
UNSIGNED = Issuer(Practice("(no practice configured)"))


def software() -> dict[str, str]:
    """The version that made a report and the SHA-256 of the lock file its dependencies were installed from."""
    try:
        version = metadata.version("evenwijdig")
    except metadata.PackageNotFoundError:
        version = "unknown"
    try:
        lock = hashlib.sha256(LOCK_FILE.read_bytes()).hexdigest()
    except OSError:
        lock = "unknown"
    return {"name": "evenwijdig", "version": version, "lock_sha256": lock}
