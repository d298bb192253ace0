"""The court report as the coordinator's and the auditor's schemas hand it out, and the resolver they share.

A report reads all three contexts, so its export is recorded first in each context's own
access log (action "export"), then the report is made and recorded in the case's register
of reports (who, when, for which proceeding, the SHA-256 of the bytes returned).
"""

from __future__ import annotations

import base64
import functools
from datetime import datetime, timezone
from enum import Enum
from uuid import UUID

import strawberry
from strawberry.types import Info

from services.court_report.making import MadeReport, check_request, make_report
from gateway.schema.common import actor, identity, on_case, runtime
from services.platform.access_log import Action
from services.platform.stores import Store

SIDE_CONTEXTS = (Store.PARENT_A, Store.PARENT_B)
SHARED = Store.SHARED


@strawberry.enum(description="The file format of a court report.")
class ReportFormat(Enum):
    JSON = "json"
    PDF = "pdf"


@strawberry.enum(description="The language of a court report: Dutch (the court's language) or English.")
class ReportLanguage(Enum):
    NL = "nl"
    EN = "en"


@strawberry.enum(description="How `content` holds the report's bytes.")
class ReportEncoding(Enum):
    UTF_8 = "utf-8"
    BASE64 = "base64"


@strawberry.type(description="A court report as it was made, signed and recorded: its bytes and their SHA-256. "
                             "Its content (contentSha256) is the same for every report of the case as of the same "
                             "moment in the same language; each copy handed out has its own provenance and signature.")
class MadeCourtReport:
    report_id: UUID = strawberry.field(description="The report's entry in the case's register of reports.")
    case_id: UUID
    as_of: datetime = strawberry.field(description="The moment the report was made as of, in UTC.")
    format: ReportFormat
    language: ReportLanguage
    media_type: str
    sha256: str = strawberry.field(description="SHA-256 of the report's bytes (hex), as recorded in the register.")
    content_encoding: ReportEncoding
    content: str = strawberry.field(description="JSON: the UTF-8 text itself. PDF: the bytes in base64.")
    content_sha256: str = strawberry.field(description="SHA-256 of the report's reproducible content (hex): the "
                                                       "canonical JSON of the report without its provenance.")
    signature: str | None = strawberry.field(description="JSON only: the practice's detached CMS signature over "
                                                         "`content`'s bytes, DER in base64 (save it as a .p7s file). "
                                                         "A PDF carries its signature inside.")


def made_report(made: MadeReport) -> MadeCourtReport:
    is_pdf = made.format == "pdf"
    return MadeCourtReport(
        report_id=made.report_id, case_id=made.case_id, as_of=made.as_of, format=ReportFormat(made.format),
        language=ReportLanguage(made.language), media_type=made.media_type, sha256=made.sha256,
        content_encoding=ReportEncoding.BASE64 if is_pdf else ReportEncoding.UTF_8,
        content=base64.b64encode(made.content).decode("ascii") if is_pdf else made.content.decode("utf-8"),
        content_sha256=made.content_sha256,
        signature=base64.b64encode(made.signature).decode("ascii") if made.signature else None,
    )


async def export_report(info: Info, case_id: UUID, as_of: datetime, format: ReportFormat, language: ReportLanguage,
                        proceeding: str | None) -> MadeCourtReport:
    """Log the export in every context the report reads, then make and record the report."""
    # A malformed request is refused before anything is logged or read.
    check_request(as_of, format.value, proceeding, datetime.now(timezone.utc))
    for context in SIDE_CONTEXTS:
        await on_case(info, case_id, context, Action.EXPORT, _nothing)
    role = identity(info).role
    make = functools.partial(make_report, runtime(info).contexts, case_id, as_of=as_of, format=format.value,
                             language=language.value, proceeding=proceeding, actor=actor(info),
                             role=getattr(role, "value", str(role)), issuer=runtime(info).report_issuer)
    return made_report(await on_case(info, case_id, SHARED, Action.EXPORT, make))


def _nothing() -> None:
    """The side contexts' part of the report runs in the shared call; their logs are written first."""
