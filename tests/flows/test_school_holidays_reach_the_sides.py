"""School holidays as practice data (both stores): imported once in the shared context, they reach every side.

Given a Kind en Ik case (gezinsbemiddeling fase 1: "16 weken, exclusief schoolvakantieweken"),
when the administrator imports the region's list and the coordinator records the family's
region, then the side counts its weeks without the holiday weeks, names the exact end and
refuses a session after it; before that, it says the calendar is missing and claims no end.
"""

from __future__ import annotations

from datetime import date

import pytest

from evenwijdig.bootstrap import bootstrap
from services.parent_side.domain.errors import OutsideDuration
from services.parent_side.domain.records import CONSENT_TRAJECTORY
from services.platform.holiday_import import HolidayImportError
from services.staff_directory.api import Role, Side
from tests.support.cases import register_case
from tests.support.school_holidays import KIND_EN_IK, MIDDEN, started_kind_en_ik_case


@pytest.fixture
def contexts(settings):
    contexts = bootstrap(settings)
    contexts.directory.register_staff("coordinator-1", "Co", [Role.COORDINATOR], actor="admin-0")
    contexts.directory.register_staff("a1", "A", [Role.COUNSELLOR], actor="admin-0")
    yield contexts
    contexts.close()


# 16 school weeks from 2 November 2026 in regio midden: Christmas (2 weeks) and spring (1) left out.
END_WITH_HOLIDAYS = date(2027, 3, 14)
END_WITHOUT = date(2027, 2, 21)


def test_without_the_familys_region_and_list_the_side_says_so_and_claims_no_end(contexts):
    case = started_kind_en_ik_case(contexts)
    progress = contexts.parent_a.progress(case, on=date(2027, 1, 11))
    assert progress.holiday_region is None and progress.holiday_calendar_missing
    assert progress.last_allowed_day is None, "no guessed end date"
    assert progress.holiday_weeks_counted and progress.weeks_elapsed == 11, "every calendar week counted, and said so"


def test_the_imported_list_and_the_cases_region_set_the_weeks_and_the_exact_end(contexts):
    case = started_kind_en_ik_case(contexts)
    contexts.shared.import_school_holidays(region="midden", school_year="2026-2027", ics=MIDDEN, source="midden.ics",
                                           actor="admin-1")
    contexts.shared.record_case_region(case, "midden", "coordinator-1")
    progress = contexts.parent_a.progress(case, on=date(2027, 1, 11))
    assert (progress.holiday_region, progress.holiday_calendar_missing, progress.holiday_weeks_counted) == (
        "midden", False, False)
    assert progress.weeks_elapsed == 9, "the two Christmas weeks are left out"
    assert progress.last_allowed_day == END_WITH_HOLIDAYS
    assert contexts.parent_b.family_holidays(case).calendar.periods, "the list is practice data: every side has it"


def test_a_session_after_the_term_counted_without_holidays_is_refused_and_one_inside_it_is_recorded(contexts):
    case = started_kind_en_ik_case(contexts)
    side = contexts.parent_a
    # Without the calendar only what is certainly too late is refused: the 16 weeks plus a year's holidays.
    side.plan_session(case, on=date(2027, 3, 22), actor="a1")
    contexts.shared.import_school_holidays(region="midden", school_year="2026-2027", ics=MIDDEN, source="midden.ics",
                                           actor="admin-1")
    contexts.shared.record_case_region(case, "midden", "coordinator-1")
    before = side.position
    with pytest.raises(OutsideDuration, match="ended 2027-03-14"):
        side.plan_session(case, on=date(2027, 3, 15), actor="a1")
    assert side.position == before
    side.plan_session(case, on=date(2027, 3, 8), actor="a1")  # after the 16 weeks counted with holidays in
    assert date(2027, 3, 8) > END_WITHOUT


def test_a_week_no_imported_list_covers_makes_the_end_unknown_again(contexts):
    case = register_case(contexts, trajectory_type=KIND_EN_IK, actor="coordinator-1")
    contexts.shared.import_school_holidays(region="midden", school_year="2026-2027", ics=MIDDEN, source="midden.ics",
                                           actor="admin-1")
    contexts.shared.record_case_region(case, "midden", "coordinator-1")
    contexts.directory.assign_counsellor(case, Side.PARENT_A, "a1", "admin-1", "intake")
    side = contexts.parent_a
    side.open_trajectory(case, on=date(2027, 4, 5), actor="a1")
    side.propose_goals(case, goals=["Rust"], themes=["parallel_parenting"], on=date(2027, 4, 6), actor="a1")
    side.record_agreement(case, on=date(2027, 4, 7), actor="a1")
    side.record_consent(case, scopes=[CONSENT_TRAJECTORY], given_by=["Sanne Jansen"], given_on=date(2027, 4, 7),
                        actor="a1")
    side.start(case, on=date(2027, 4, 12), actor="a1")
    progress = side.progress(case, on=date(2027, 5, 10))
    assert progress.holiday_calendar_missing and progress.last_allowed_day is None, "2027-2028 is not imported"
    assert not progress.holiday_weeks_counted, "every week until today is covered by the list"
    assert progress.weeks_elapsed == 4, "the May holiday week is left out"


def test_a_file_that_is_not_a_holiday_list_is_refused_and_nothing_is_stored(contexts):
    before = contexts.shared.position
    with pytest.raises(HolidayImportError):
        contexts.shared.import_school_holidays(region="midden", school_year="2026-2027", ics=b"Hallo",
                                               source="notes.txt", actor="admin-1")
    assert contexts.shared.position == before and contexts.shared.school_holidays() == []


def test_importing_a_years_list_again_replaces_it_on_every_side(contexts):
    case = started_kind_en_ik_case(contexts)
    contexts.shared.record_case_region(case, "midden", "coordinator-1")
    contexts.shared.import_school_holidays(region="midden", school_year="2026-2027", ics=MIDDEN, source="v1.ics",
                                           actor="admin-1")
    without_spring = MIDDEN.replace(b"DTSTART;VALUE=DATE:20270220", b"DTSTART;VALUE=DATE:20270227")
    contexts.shared.import_school_holidays(region="midden", school_year="2026-2027", ics=without_spring,
                                           source="v2.ics", actor="admin-1")
    lists = contexts.shared.school_holidays()
    assert [(v.region, v.school_year, v.source) for v in lists] == [("midden", "2026-2027", "v2.ics")]
    assert contexts.parent_a.progress(case, on=date(2027, 1, 11)).last_allowed_day == date(2027, 3, 7), (
        "the spring holiday now starts on Saturday 27 February: the week of 22 February counts again")
