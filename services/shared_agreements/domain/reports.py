"""The register of court reports made of one case (rapportages voor de rechter).

A court report is computed from the history as of a moment and never stored itself; what
is stored is the fact that it was made: by whom and when (the event's actor and
timestamp), for which proceeding, as of which moment, in which format and language, the
SHA-256 of the exact bytes handed out, and which parents' released closing evaluations
it contained. Anyone holding a report can compare its hash with this register.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.platform.errors import Conflict, Invalid
from services.shared_agreements.domain.parents import checked_parent

REPORT_FORMATS: tuple[str, ...] = ("json", "pdf")
REPORT_LANGUAGES: tuple[str, ...] = ("nl", "en")
MAX_PROCEEDING = 500
_SHA256 = re.compile(r"[0-9a-f]{64}")


class InvalidCourtReportRecord(Invalid):
    """The record of a court report is incomplete or malformed."""


class CourtReportAlreadyRecorded(Conflict):
    """A court report with that id is in the register already."""


@dataclass(frozen=True)
class CourtReportRecordView:
    """One court report as the register holds it; ``proceeding`` is None when none was named."""

    report_id: UUID
    as_of: datetime
    format: str
    language: str
    proceeding: str | None
    sha256: str
    evaluations_included: tuple[str, ...]
    made_by: str
    made_at: datetime
    # Which software made it (version, SHA-256 of the dependency lock file) and the SHA-256 of its
    # reproducible content; None for reports recorded before these were kept.
    software_version: str | None = None
    lock_sha256: str | None = None
    content_sha256: str | None = None


class ReportRegister(Aggregate):
    """Register van rapportages voor de rechter van één zaak."""

    @staticmethod
    def id_for(case_id: UUID) -> UUID:
        return uuid5(case_id, "rapportages-voor-de-rechter")

    @classmethod
    def open(cls, case_id: UUID, actor: str) -> ReportRegister:
        return cls._create(cls.ReportRegisterOpened, id=cls.id_for(case_id), case_id=case_id, actor=actor)

    class ReportRegisterOpened(Aggregate.Created):
        """Register van rapportages aangelegd voor de zaak."""

        case_id: UUID
        actor: str

    @event(ReportRegisterOpened)
    def __init__(self, case_id: UUID, actor: str) -> None:
        self.case_id = case_id
        self.reports: list[CourtReportRecordView] = []

    def record(
        self, *, report_id: UUID, as_of: datetime, format: str, language: str, proceeding: str | None,
        sha256: str, evaluations_included: list[str], actor: str, software: dict[str, str] | None = None,
        content_sha256: str | None = None,
    ) -> None:
        """Record that a court report was made and handed out (``software``: its version and lock file's hash)."""
        if not isinstance(report_id, UUID):
            raise InvalidCourtReportRecord("a court report needs its id")
        if any(r.report_id == report_id for r in self.reports):
            raise CourtReportAlreadyRecorded(f"court report {report_id} is in the register already")
        if not isinstance(as_of, datetime) or as_of.tzinfo is None:
            raise InvalidCourtReportRecord("the moment a report is made as of needs a date, a time and a time zone")
        if format not in REPORT_FORMATS or language not in REPORT_LANGUAGES:
            raise InvalidCourtReportRecord(f"a report is made as {' or '.join(REPORT_FORMATS)}, "
                                           f"in {' or '.join(REPORT_LANGUAGES)}")
        if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
            raise InvalidCourtReportRecord("the report's SHA-256 is 64 lowercase hexadecimal digits")
        if not isinstance(actor, str) or not actor.strip():
            raise InvalidCourtReportRecord("who made the report is required")
        if content_sha256 is not None and not (isinstance(content_sha256, str) and _SHA256.fullmatch(content_sha256)):
            raise InvalidCourtReportRecord("the content's SHA-256 is 64 lowercase hexadecimal digits")
        software = software or {}
        self._recorded(
            report_id=report_id, as_of=as_of, format=format, language=language,
            proceeding=_proceeding(proceeding), sha256=sha256,
            evaluations_included=sorted({checked_parent(p) for p in evaluations_included}), actor=actor,
            software_version=_short_text(software.get("version")), lock_sha256=_short_text(software.get("lock_sha256")),
            content_sha256=content_sha256,
        )

    @event("CourtReportRecorded")
    def _recorded(
        self, report_id: UUID, as_of: datetime, format: str, language: str, proceeding: str | None, sha256: str,
        evaluations_included: list[str], actor: str, timestamp: datetime | None = None,
        software_version: str | None = None, lock_sha256: str | None = None, content_sha256: str | None = None,
    ) -> None:
        """Rapportage voor de rechter opgemaakt en uitgegeven (wie, wanneer, voor welke procedure, welke hash)."""
        self.reports.append(CourtReportRecordView(
            report_id=report_id, as_of=as_of, format=format, language=language, proceeding=proceeding,
            sha256=sha256, evaluations_included=tuple(evaluations_included), made_by=actor,
            made_at=timestamp,  # type: ignore[arg-type]
            software_version=software_version, lock_sha256=lock_sha256, content_sha256=content_sha256,
        ))

    def view(self) -> tuple[CourtReportRecordView, ...]:
        return tuple(self.reports)


def _proceeding(proceeding: str | None) -> str | None:
    if proceeding is None:
        return None
    if not isinstance(proceeding, str):
        raise InvalidCourtReportRecord("the proceeding is text, e.g. the court's case number")
    text = " ".join(proceeding.split())
    if len(text) > MAX_PROCEEDING:
        raise InvalidCourtReportRecord(f"the proceeding is at most {MAX_PROCEEDING} characters")
    return text or None


def _short_text(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
        raise InvalidCourtReportRecord("the software version and lock file hash are short text")
    return value
