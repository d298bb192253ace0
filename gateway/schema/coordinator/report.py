"""The coordinator's court report: made of a case they coordinate, as of a moment, and recorded."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry
from strawberry.types import Info

from services.staff_directory.api import Role
from gateway.schema.common import assignment_to
from gateway.schema.court_report import MadeCourtReport, ReportFormat, ReportLanguage, export_report


@strawberry.type
class ReportMutation:
    @strawberry.mutation(description=(
        "Make the court report of a case you coordinate as of a moment (not in the future), as JSON or PDF/A, "
        "in Dutch (default) or English. It holds what the parents agreed to share and nothing private; the "
        "report is recorded in the case's register with you, now, `proceeding` (e.g. the court's case number) "
        "and its SHA-256."))
    async def court_report(self, info: Info, case_id: UUID, as_of: datetime, format: ReportFormat,
                           language: ReportLanguage = ReportLanguage.NL,
                           proceeding: str | None = None) -> MadeCourtReport:
        await assignment_to(info, case_id, Role.COORDINATOR)
        return await export_report(info, case_id, as_of, format, language, proceeding)
