"""Making a court report: build it as of a moment, render it, record that it was made, hand it out.

Recording never changes the report: the report is computed as of its moment, which lies
before the record is written (a moment in the future is refused), so the records are
later than anything the report reads. The order of the writes: first each side whose
released closing evaluation the report contains records the report (that locks the
release, so it cannot be withdrawn while the report is out), then the shared context's
register records who made it, when, for which proceeding, and the SHA-256 of the bytes.
The three stores cannot share one transaction: if the register write fails after a side
recorded the report, that side keeps a lock for a report that was not handed out, and
the caller gets the error, not the report.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Callable
from uuid import UUID, uuid4

from services.court_report import render_json as json_format
from services.court_report import render_pdf as pdf_format
from services.court_report.anchoring import relied_on_checkpoints
from services.court_report.model import build_report, evaluations_in, report_moment
from services.court_report.provenance import UNSIGNED, Issuer, software
from services.platform.errors import Invalid

if TYPE_CHECKING:
    from services.contexts import Contexts

FORMATS = {"json": (json_format.render_json, json_format.MEDIA_TYPE),
           "pdf": (pdf_format.render_pdf, pdf_format.MEDIA_TYPE)}
MAX_PROCEEDING = 500


@dataclass(frozen=True)
class MadeReport:
    """A report handed out: its bytes, their SHA-256, and the register entry's id."""

    report_id: UUID
    case_id: UUID
    as_of: datetime
    format: str
    language: str
    media_type: str
    content: bytes
    sha256: str
    evaluations_included: tuple[str, ...]
    content_sha256: str = ""  # of the report's own content: the same for every copy made as of the moment
    signature: bytes | None = None  # JSON: the detached CMS signature (DER) over ``content``
    provenance: dict | None = None


def make_report(
    contexts: Contexts, case_id: UUID, *, as_of: datetime, format: str, language: str = "nl",
    proceeding: str | None = None, actor: str, clock: Callable[[], datetime] | None = None,
    role: str = "operator", issuer: Issuer = UNSIGNED,
) -> MadeReport:
    """Build, render, sign and record the court report of ``case_id`` as of ``as_of``; returns what to hand out.

    ``actor`` made it in ``role``; ``issuer`` names the practice and signs (default: unsigned).
    """
    now = (clock or _utc_now)()
    moment = check_request(as_of, format, proceeding, now)
    report = build_report(contexts, case_id, moment, language=language)
    made = MadeReport(uuid4(), case_id, moment, format, language, FORMATS[format][1], b"", "",
                      tuple(evaluations_in(report)), content_sha256=hashlib.sha256(json_format.render_json(report)).hexdigest())
    provenance = {
        "practice": issuer.practice.as_dict(), "made_by": {"name": _display_name(contexts, actor), "role": role},
        "proceeding": " ".join(proceeding.split()) or None if proceeding else None,
        "report_id": str(made.report_id), "made_at": now.astimezone(timezone.utc).isoformat(),
        "software": software(), "content_sha256": made.content_sha256,
        "checkpoints": relied_on_checkpoints(contexts, report, issuer, now),
        "signature": issuer.signer.describe() if issuer.signer else None,
    }
    content, signature = _rendered(report, provenance, format, issuer)
    made = replace(made, content=content, sha256=hashlib.sha256(content).hexdigest(), signature=signature,
                   provenance=provenance)
    for slot in made.evaluations_included:
        getattr(contexts, slot).record_report_made(case_id, report_id=made.report_id, at=now, actor=actor)
    contexts.shared.record_court_report(
        case_id, report_id=made.report_id, as_of=moment, format=format, language=language, proceeding=proceeding,
        sha256=made.sha256, evaluations_included=made.evaluations_included, actor=actor,
        software=provenance["software"], content_sha256=made.content_sha256,
    )
    return made


def _rendered(report: dict, provenance: dict, format: str, issuer: Issuer) -> tuple[bytes, bytes | None]:
    """The bytes handed out and, for JSON, the detached signature over them."""
    if format == "json":
        content = json_format.render_json({**report, "provenance": provenance})
        return content, issuer.signer.sign_detached(content) if issuer.signer else None
    return pdf_format.render_signed_pdf(report, provenance, issuer.signer), None


def _display_name(contexts: Contexts, user: str) -> str:
    """Staff are named as the directory registered them; anyone else (an operator) by their user name."""
    found = contexts.directory.staff(user)
    return found.display_name if found is not None else user


def check_request(as_of: datetime, format: str, proceeding: str | None, now: datetime) -> datetime:
    """The request's moment in UTC, or ``Invalid`` saying what is wrong with the request."""
    if format not in FORMATS:
        raise Invalid(f"a report is made as {' or '.join(FORMATS)}")
    if proceeding is not None and len(proceeding) > MAX_PROCEEDING:
        raise Invalid(f"the proceeding is at most {MAX_PROCEEDING} characters")
    moment = report_moment(as_of)
    if moment > now:
        raise Invalid("a report cannot be made as of a moment in the future")
    return moment


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)
