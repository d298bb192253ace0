"""School holidays as practice data: a region's list per school year, and the family's region on the case."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from services.platform.holiday_import import read_holidays
from services.platform.holidays import HolidayPeriod, InvalidHolidayPeriod
from services.platform.school_years import InvalidSchoolYear
from services.shared_agreements.domain.case import Case
from services.shared_agreements.domain.errors import InvalidCase
from services.shared_agreements.domain.school_holidays import SchoolHolidays
from tests.shared_agreements.builders import COORDINATOR, registered_case
from tests.support.given_when_then import given

ADMIN = "admin-1"
DEMO_FILE = Path(__file__).resolve().parents[2] / "evenwijdig" / "data" / "schoolvakanties-midden-2026-2027.ics"
MIDDEN_2026_2027 = read_holidays(DEMO_FILE.read_bytes(), "midden")


def imported(region="midden", school_year="2026-2027", periods=MIDDEN_2026_2027, source="midden.ics"):
    return lambda _: SchoolHolidays.import_list(region, school_year, periods, source, ADMIN)


def test_an_administrator_imports_a_regions_holidays_for_a_school_year():
    outcome = given().when(imported())
    event, = outcome.then((SchoolHolidays.Imported, {"region": "midden", "school_year": "2026-2027", "actor": ADMIN}))
    assert event.holidays[0] == {"name": "Herfstvakantie 2026", "first_day": "2026-10-17", "last_day": "2026-10-25"}
    assert outcome.aggregate.view().holidays == MIDDEN_2026_2027


def test_a_list_with_a_holiday_outside_its_school_year_is_refused_as_another_years_list():
    given().when(imported(school_year="2025-2026")).then_refused(InvalidSchoolYear, "another school year")


@pytest.mark.parametrize("school_year", ["2026", "2026-2028", "26-27", "2026/2027", None])
def test_a_school_year_is_two_consecutive_years(school_year):
    given().when(imported(school_year=school_year)).then_refused(InvalidSchoolYear, "e.g. 2026-2027")


@pytest.mark.parametrize("region", ["oost", "", None, "Kindcentrum De Wilgenhof"])
def test_a_region_is_noord_midden_or_zuid(region):
    given().when(imported(region=region)).then_refused(InvalidHolidayPeriod, "noord, midden, zuid")


def test_importing_a_years_list_again_replaces_it():
    first = given().when(imported()).then(SchoolHolidays.Imported)
    corrected = MIDDEN_2026_2027[:-1] + (HolidayPeriod(date(2027, 7, 10), date(2027, 8, 22), "Zomervakantie 2027",
                                                       "midden"),)
    outcome = given(*first).when(lambda lists: lists.replace_list(corrected, "midden-v2.ics", ADMIN))
    outcome.then((SchoolHolidays.Replaced, {"region": "midden", "school_year": "2026-2027", "source": "midden-v2.ics"}))
    assert outcome.aggregate.view().holidays[-1].first_day == date(2027, 7, 10)


def test_the_case_records_the_familys_school_holiday_region():
    outcome = given(*registered_case()).when(lambda case: case.record_region(" Midden ", COORDINATOR))
    outcome.then((Case.RegionRecorded, {"region": "midden", "actor": COORDINATOR}))
    assert outcome.aggregate.view().region == "midden"


def test_an_unknown_region_for_a_case_is_refused():
    given(*registered_case()).when(lambda case: case.record_region("oost", COORDINATOR)).then_refused(
        InvalidHolidayPeriod, "noord, midden, zuid")


def test_recording_the_same_region_again_is_refused_as_nothing_to_record():
    history = given(*registered_case()).when(lambda case: case.record_region("zuid", COORDINATOR)).then(
        Case.RegionRecorded)
    given(*registered_case(), *history).when(lambda case: case.record_region("zuid", COORDINATOR)).then_refused(
        InvalidCase, "already zuid")
