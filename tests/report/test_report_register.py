"""The register of court reports: each report made is recorded, and a bad record changes nothing."""

from __future__ import annotations

from datetime import datetime, timezone
from uuid import UUID, uuid4

import pytest

from services.platform.errors import Invalid
from services.shared_agreements.domain.errors import CaseNotFound
from services.shared_agreements.domain.reports import (
    CourtReportAlreadyRecorded, InvalidCourtReportRecord, ReportRegister,
)
from tests.report.builders import COORDINATOR, registered_case
from tests.support.given_when_then import given

CASE = UUID("0b7f8f3e-2d7c-4c61-9f0e-3b8a1f2c4d5e")
REPORT = UUID("9a0c3d4e-5f60-4718-8293-a4b5c6d7e8f9")
AS_OF = datetime(2026, 7, 31, 12, 0, tzinfo=timezone.utc)
SHA = "ab" * 32


def record(report_id=REPORT, **changes):  # noqa: ANN001, ANN003, ANN201
    fields = dict(report_id=report_id, as_of=AS_OF, format="pdf", language="nl", proceeding="C/16/1234",
                  sha256=SHA, evaluations_included=["parent_b", "parent_a", "parent_a"], actor=COORDINATOR)
    fields.update(changes)
    return lambda register: register.record(**fields)


def opened(*steps):  # noqa: ANN002, ANN201
    register = ReportRegister.open(CASE, COORDINATOR)
    for step in steps:
        step(register)
    return list(register.collect_events())


def test_a_report_made_is_recorded_with_its_hash_moment_format_and_proceeding():
    given(*opened()).when(record()).then((ReportRegister.CourtReportRecorded, {
        "report_id": REPORT, "as_of": AS_OF, "format": "pdf", "language": "nl", "proceeding": "C/16/1234",
        "sha256": SHA, "evaluations_included": ["parent_a", "parent_b"], "actor": COORDINATOR,
    }))


def test_a_proceeding_that_is_blank_is_recorded_as_none_named():
    given(*opened()).when(record(proceeding="   ")).then((ReportRegister.CourtReportRecorded, {"proceeding": None}))


def test_the_same_report_is_recorded_once():
    given(*opened(record())).when(record()).then_refused(CourtReportAlreadyRecorded, str(REPORT))


@pytest.mark.parametrize(("change", "fragment"), [
    ({"sha256": "AB" * 32}, "sha-256"), ({"sha256": "ab" * 31}, "sha-256"), ({"format": "docx"}, "json or pdf"),
    ({"language": "de"}, "nl or en"), ({"as_of": datetime(2026, 7, 31, 12)}, "time zone"),
    ({"proceeding": "x" * 501}, "500"), ({"actor": " "}, "who made"),
    ({"evaluations_included": ["grandma"]}, "grandma"),
])
def test_a_malformed_record_is_refused(change, fragment):
    given(*opened()).when(record(report_id=uuid4(), **change)).then_refused(Invalid, fragment)


def test_the_application_records_reports_in_order_and_a_refused_record_changes_nothing(contexts):
    case_id = registered_case(contexts)
    shared = contexts.shared
    first, second = uuid4(), uuid4()
    for report_id in (first, second):
        shared.record_court_report(case_id, report_id=report_id, as_of=AS_OF, format="json", language="en",
                                   proceeding=None, sha256=SHA, evaluations_included=[], actor=COORDINATOR)
    assert [r.report_id for r in shared.court_reports(case_id)] == [first, second]
    stored = shared.recorder.select_notifications(start=1, limit=10**6)
    with pytest.raises(InvalidCourtReportRecord):
        shared.record_court_report(case_id, report_id=uuid4(), as_of=AS_OF, format="json", language="en",
                                   proceeding=None, sha256="bad", evaluations_included=[], actor=COORDINATOR)
    with pytest.raises(CaseNotFound):
        shared.record_court_report(uuid4(), report_id=uuid4(), as_of=AS_OF, format="json", language="en",
                                   proceeding=None, sha256=SHA, evaluations_included=[], actor=COORDINATOR)
    assert shared.recorder.select_notifications(start=1, limit=10**6) == stored
