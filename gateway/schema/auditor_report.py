"""The auditor's court report of any case: a query, because the auditor's schema has no mutations.

Asking for it is not side-effect free, and says so: like every report it is recorded in
the case's register of reports (who, when, for which proceeding, its SHA-256), and the
export is written to the access log of every context it reads. Those records are later
than the report's moment, so they never change the report itself.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry
from strawberry.types import Info

from gateway.schema.court_report import MadeCourtReport, ReportFormat, ReportLanguage, export_report


@strawberry.type
class ReportQuery:
    @strawberry.field(description=(
        "The court report of a case as of a moment (not in the future), as JSON or PDF/A, in Dutch (default) or "
        "English. Not free of effects: each report is recorded in the case's register (you, now, `proceeding`, "
        "its SHA-256) and logged as an export in every context it reads."))
    async def court_report(self, info: Info, case_id: UUID, as_of: datetime, format: ReportFormat,
                           language: ReportLanguage = ReportLanguage.NL,
                           proceeding: str | None = None) -> MadeCourtReport:
        return await export_report(info, case_id, as_of, format, language, proceeding)
