"""School holidays over GraphQL: the administrator imports a region's list, the coordinator records the
family's region, and the counsellor's progress says what it counts with (both stores)."""

from __future__ import annotations

import pytest

from services.staff_directory.api import Role
from tests.support.school_holidays import MIDDEN, started_kind_en_ik_case

IMPORT = """
mutation($ics: String!, $year: String!) {
  importSchoolHolidays(region: MIDDEN, schoolYear: $year, ics: $ics, source: "rijksoverheid midden.ics") {
    region schoolYear source importedBy holidays { name firstDay lastDay }
  }
}"""
LISTS = "{ schoolHolidays { region schoolYear holidays { name } } }"
RECORD_REGION = "mutation($case: UUID!) { recordCaseRegion(caseId: $case, region: MIDDEN) { region } }"
PROGRESS = """
query($case: UUID!) {
  progress(caseId: $case, on: "2027-01-11") {
    weeksElapsed lastAllowedDay holidayWeeksCounted holidayRegion holidayCalendarMissing
  }
}"""


@pytest.fixture
def practice(gateway):
    gateway.staff("admin-1", Role.ADMIN)
    gateway.staff("coordinator-1", Role.COORDINATOR)
    gateway.staff("a1", Role.COUNSELLOR)
    return gateway


def test_an_administrator_imports_a_regions_school_holidays_and_reads_them_back(practice):
    answer = practice.post(Role.ADMIN, IMPORT, {"ics": MIDDEN.decode(), "year": "2026-2027"}, user="admin-1").json()
    imported = answer["data"]["importSchoolHolidays"]
    assert (imported["region"], imported["schoolYear"], imported["importedBy"]) == ("MIDDEN", "2026-2027", "admin-1")
    assert imported["holidays"][1] == {"name": "Kerstvakantie 2026-2027", "firstDay": "2026-12-19",
                                       "lastDay": "2027-01-03"}
    lists = practice.post(Role.ADMIN, LISTS, user="admin-1").json()["data"]["schoolHolidays"]
    assert [(v["region"], v["schoolYear"], len(v["holidays"])) for v in lists] == [("MIDDEN", "2026-2027", 5)]


def test_a_list_of_another_school_year_is_refused_with_a_clear_error_and_nothing_stored(practice):
    before = practice.contexts.shared.position
    answer = practice.post(Role.ADMIN, IMPORT, {"ics": MIDDEN.decode(), "year": "2027-2028"}, user="admin-1").json()
    assert answer["errors"][0]["extensions"]["code"] == "INVALID"
    assert "another school year" in answer["errors"][0]["message"]
    assert practice.contexts.shared.position == before


def test_only_the_administrator_imports_school_holidays(practice):
    answer = practice.post(Role.COORDINATOR, IMPORT, {"ics": MIDDEN.decode(), "year": "2026-2027"},
                           user="coordinator-1").json()
    assert answer.get("errors") and not answer.get("data")
    assert practice.contexts.shared.school_holidays() == []


def test_the_coordinator_records_the_region_and_the_counsellor_sees_the_term_counted_with_it(practice):
    case = started_kind_en_ik_case(practice.contexts)  # registered by coordinator-1, who coordinates it
    before = practice.post(Role.COUNSELLOR, PROGRESS, {"case": str(case)}, user="a1").json()["data"]["progress"]
    assert before == {"weeksElapsed": 11, "lastAllowedDay": None, "holidayWeeksCounted": True,
                      "holidayRegion": None, "holidayCalendarMissing": True}
    practice.post(Role.ADMIN, IMPORT, {"ics": MIDDEN.decode(), "year": "2026-2027"}, user="admin-1")
    recorded = practice.post(Role.COORDINATOR, RECORD_REGION, {"case": str(case)}, user="coordinator-1").json()
    assert recorded["data"]["recordCaseRegion"]["region"] == "MIDDEN"
    after = practice.post(Role.COUNSELLOR, PROGRESS, {"case": str(case)}, user="a1").json()["data"]["progress"]
    assert after == {"weeksElapsed": 9, "lastAllowedDay": "2027-03-14", "holidayWeeksCounted": False,
                     "holidayRegion": "midden", "holidayCalendarMissing": False}
