"""The court report through the coordinator's mutation and the auditor's query, with their access-log entries."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import timedelta
from uuid import uuid4

from services.court_report import build_report, render_json
from services.staff_directory.api import Role
from services.platform.access_log import Action
from tests.report.builders import COORDINATOR, EVERYTHING, now, registered_case, running_side, share

REPORT = """query($case: UUID!, $asOf: DateTime!, $format: ReportFormat!, $language: ReportLanguage!) {
  courtReport(caseId: $case, asOf: $asOf, format: $format, language: $language, proceeding: "C/16/42") {
    reportId caseId asOf format language mediaType sha256 contentEncoding content contentSha256 signature } }"""
MAKE = REPORT.replace("query(", "mutation(", 1)
CONTEXTS = ("parent_a_context", "parent_b_context", "shared_agreements")


def a_case(gateway):  # noqa: ANN001, ANN201
    case_id = registered_case(gateway.contexts)
    running_side(gateway.contexts, case_id, "parent_a")
    share(gateway.contexts, case_id, "parent_a", EVERYTHING)
    return case_id


def variables(case_id, as_of, format="JSON", language="NL"):  # noqa: ANN001, ANN201
    return {"case": str(case_id), "asOf": as_of.isoformat(), "format": format, "language": language}


def exports(gateway, case_id):  # noqa: ANN001, ANN201
    apps = gateway.contexts.by_name()
    return {name: [(e.access.user, e.access.role, e.access.operation) for e in
                   apps[name].access_log.entries(case_id=case_id, limit=1000) if e.access.action is Action.EXPORT]
            for name in CONTEXTS}


def test_a_coordinator_makes_the_report_of_their_case_and_it_is_recorded_and_logged(gateway):
    case_id, as_of = a_case(gateway), now()
    answer = gateway.post(Role.COORDINATOR, MAKE, variables(case_id, as_of), user=COORDINATOR).json()
    made = answer["data"]["courtReport"]
    assert made["contentEncoding"] == "UTF_8" and made["mediaType"] == "application/json"
    assert hashlib.sha256(made["content"].encode("utf-8")).hexdigest() == made["sha256"]
    assert json.loads(made["content"])["case"]["case_id"] == str(case_id)
    [record] = gateway.contexts.shared.court_reports(case_id)
    assert (str(record.report_id), record.sha256, record.made_by, record.proceeding) == (
        made["reportId"], made["sha256"], COORDINATOR, "C/16/42")
    assert exports(gateway, case_id) == {name: [(COORDINATOR, "coordinator", "courtReport")] for name in CONTEXTS}


def test_the_pdf_comes_base64_and_is_the_report_of_that_moment(gateway):
    case_id, as_of = a_case(gateway), now()
    made = gateway.post(Role.COORDINATOR, MAKE, variables(case_id, as_of, "PDF", "EN"), user=COORDINATOR).json()
    made = made["data"]["courtReport"]
    content = base64.b64decode(made["content"])
    assert made["contentEncoding"] == "BASE64" and hashlib.sha256(content).hexdigest() == made["sha256"]
    assert content[:5] == b"%PDF-" and b"/ByteRange" in content  # signed
    assert made["contentSha256"] == hashlib.sha256(render_json(build_report(gateway.contexts, case_id, as_of,
                                                                            language="en"))).hexdigest()


def test_a_case_you_do_not_coordinate_answers_like_a_missing_case_and_nothing_is_logged(gateway):
    case_id, as_of = a_case(gateway), now()
    gateway.staff("coordinator-other", Role.COORDINATOR)
    positions = {name: app.position for name, app in gateway.contexts.by_name().items()}
    theirs = gateway.post(Role.COORDINATOR, MAKE, variables(case_id, as_of), user="coordinator-other").json()
    missing = gateway.post(Role.COORDINATOR, MAKE, variables(uuid4(), as_of), user="coordinator-other").json()
    assert theirs == missing and theirs["errors"][0]["extensions"] == {"code": "NOT_FOUND"}
    assert exports(gateway, case_id) == {name: [] for name in CONTEXTS}
    assert {name: app.position for name, app in gateway.contexts.by_name().items()} == positions


def test_an_auditor_asks_for_any_case_s_report_and_that_is_recorded_too(gateway):
    case_id, as_of = a_case(gateway), now()
    gateway.staff("auditor-ruud", Role.AUDITOR)
    made = gateway.post(Role.AUDITOR, REPORT, variables(case_id, as_of), user="auditor-ruud").json()
    made = made["data"]["courtReport"]
    assert [r.made_by for r in gateway.contexts.shared.court_reports(case_id)] == ["auditor-ruud"]
    assert exports(gateway, case_id) == {name: [("auditor-ruud", "auditor", "courtReport")] for name in CONTEXTS}
    coordinators = gateway.post(Role.COORDINATOR, MAKE, variables(case_id, as_of), user=COORDINATOR).json()
    assert coordinators["data"]["courtReport"]["contentSha256"] == made["contentSha256"]


def test_a_moment_in_the_future_or_without_a_zone_is_invalid_and_nothing_is_logged(gateway):
    case_id = a_case(gateway)
    future = gateway.post(Role.COORDINATOR, MAKE, variables(case_id, now() + timedelta(hours=1)), user=COORDINATOR)
    naive = gateway.post(Role.COORDINATOR, MAKE, {**variables(case_id, now()), "asOf": "2026-01-01T00:00:00"},
                         user=COORDINATOR)
    for answer, fragment in ((future, "future"), (naive, "time zone")):
        error = answer.json()["errors"][0]
        assert error["extensions"] == {"code": "INVALID"} and fragment in error["message"]
    assert gateway.contexts.shared.court_reports(case_id) == ()
    assert exports(gateway, case_id) == {name: [] for name in CONTEXTS}


REGISTER = """query($case: UUID!) { courtReportRegister(caseId: $case) {
  reportId asOf format language proceeding sha256 evaluationsIncluded madeBy madeAt } }"""


def test_an_auditor_reads_a_case_s_register_of_court_reports_and_the_read_is_recorded(gateway):
    case_id, as_of = a_case(gateway), now()
    gateway.staff("auditor-ruud", Role.AUDITOR)
    made = gateway.post(Role.COORDINATOR, MAKE, variables(case_id, as_of), user=COORDINATOR).json()["data"]["courtReport"]
    register = gateway.post(Role.AUDITOR, REGISTER, {"case": str(case_id)}, user="auditor-ruud").json()
    [entry] = register["data"]["courtReportRegister"]
    assert (entry["reportId"], entry["sha256"], entry["madeBy"], entry["proceeding"], entry["format"]) == (
        made["reportId"], made["sha256"], COORDINATOR, "C/16/42", "json")
    reads = [(e.access.user, e.access.action, e.access.operation) for e in
             gateway.contexts.shared.access_log.entries(case_id=case_id, limit=1000)]
    assert ("auditor-ruud", Action.READ, "courtReportRegister") in reads
    missing = gateway.post(Role.AUDITOR, REGISTER, {"case": str(uuid4())}, user="auditor-ruud").json()
    assert missing["errors"][0]["extensions"] == {"code": "NOT_FOUND"}
