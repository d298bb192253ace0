"""The auditor's court reports: make one (a query, because the auditor's schema has no mutations), and
read a case's register of the reports made.

Asking for a report is not side-effect free, and says so: like every report it is recorded in
the case's register of reports (who, when, for which proceeding, its SHA-256), and the
export is written to the access log of every context it reads. Those records are later
than the report's moment, so they never change the report itself. Reading the register is
recorded as a read in the shared-agreements context, whose store holds it.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry
from strawberry.types import Info

from gateway.schema.common import context_app, on_case
from gateway.schema.court_report import MadeCourtReport, ReportFormat, ReportLanguage, export_report
from services.platform.access_log import Action

REGISTER_CONTEXT = "shared_agreements"


@strawberry.type(description="One court report as the case's register holds it.")
class RegisteredCourtReport:
    report_id: UUID
    as_of: datetime = strawberry.field(description="The moment the report was made as of.")
    format: str
    language: str
    proceeding: str | None = strawberry.field(description="For which proceeding, when one was named.")
    sha256: str = strawberry.field(description="SHA-256 (hex) of the report's bytes: a copy shown later can be "
                                               "checked against it.")
    evaluations_included: list[str] = strawberry.field(description="The sides whose released closing "
                                                                   "evaluation the report included.")
    made_by: str
    made_at: datetime


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

    @strawberry.field(description="The case's register of court reports, oldest first: who made each, when, as "
                                  "of which moment, for which proceeding, and its SHA-256 (empty when none was made).")
    async def court_report_register(self, info: Info, case_id: UUID) -> list[RegisteredCourtReport]:
        register = context_app(info, REGISTER_CONTEXT).court_reports
        records = await on_case(info, case_id, REGISTER_CONTEXT, Action.READ, register, case_id)
        return [RegisteredCourtReport(
            report_id=r.report_id, as_of=r.as_of, format=r.format, language=r.language, proceeding=r.proceeding,
            sha256=r.sha256, evaluations_included=list(r.evaluations_included), made_by=r.made_by,
            made_at=r.made_at) for r in records]
