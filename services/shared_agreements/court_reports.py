"""The register of court reports: a part of the shared-agreements application."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Callable, Iterable
from uuid import UUID

from services.shared_agreements.domain.errors import ConcurrentChange
from services.shared_agreements.domain.reports import CourtReportRecordView, ReportRegister

if TYPE_CHECKING:
    from services.platform.application import ContextApplication
    from services.shared_agreements.domain.views import CaseView


REGISTER_ATTEMPTS = 5


class CourtReportRegister:
    """Records each court report made of a case; built by the shared-agreements application, which offers its methods.

    ``records`` is the application's idiom (find, save); ``case`` reads a case header (NOT_FOUND when none).
    """

    def __init__(self, records: ContextApplication, case: Callable[[UUID], CaseView]) -> None:
        self.records, self.case = records, case

    def record_court_report(
        self, case_id: UUID, *, report_id: UUID, as_of: datetime, format: str, language: str,
        proceeding: str | None, sha256: str, evaluations_included: Iterable[str], actor: str,
        software: dict[str, str] | None = None, content_sha256: str | None = None,
    ) -> None:
        """Record that court report ``report_id`` was made and handed out.

        ``as_of``: the moment it was made as of; ``format`` "json" or "pdf"; ``language``
        "nl" or "en"; ``proceeding``: for which proceeding (free text, e.g. the court's case
        number; None when not named); ``sha256``: of the exact bytes handed out;
        ``evaluations_included``: the parents ("parent_a"/"parent_b") whose released closing
        evaluation it contains. Who made it is ``actor``; when is the event's time. ``software``: the
        version that made it and the SHA-256 of its dependency lock file (``version``, ``lock_sha256``);
        ``content_sha256``: of the report's reproducible content.
        """
        self.case(case_id)
        included = list(evaluations_included)
        # Entries of the register are independent: one recorded by another report at the same moment
        # is no reason to refuse this one. Load again and append after it (a few times at most).
        for attempt in range(REGISTER_ATTEMPTS):
            register = (self.records.find(ReportRegister.id_for(case_id), ReportRegister)
                        or ReportRegister.open(case_id, actor))
            register.record(report_id=report_id, as_of=as_of, format=format, language=language,
                            proceeding=proceeding, sha256=sha256, evaluations_included=included, actor=actor,
                            software=software, content_sha256=content_sha256)
            try:
                self.records.save(register, conflict=ConcurrentChange(
                    "another report of this case was recorded at the same moment; nothing was saved, try again"))
                return
            except ConcurrentChange:
                if attempt == REGISTER_ATTEMPTS - 1:
                    raise

    def court_reports(self, case_id: UUID) -> tuple[CourtReportRecordView, ...]:
        """Every court report made of the case, oldest first."""
        self.case(case_id)
        register = self.records.find(ReportRegister.id_for(case_id), ReportRegister)
        return register.view() if register else ()
