"""The annual contact schedule (jaarplanning van de omgang): ranges, overlaps, versions."""

from __future__ import annotations

from datetime import date, time
from typing import Any, Callable
from uuid import UUID

from services.platform.private_text import PrivateText
from services.shared_agreements.domain.contact_schedule import (
    ContactRange, ContactSchedule, InvalidContactSchedule, OverlappingCareDays, ScheduleUnchanged,
    contact_schedule_id,
)
from services.shared_agreements.domain.errors import UnknownParent
from tests.support.given_when_then import given

CASE = UUID("3a9e5c71-2b4d-4f80-8c16-7e5d4b3a2f02")
COORDINATOR = "coordinator-anna"
CHILDREN = ("Sem", "Lotte")

SPRING_AT_A = ContactRange(date(2026, 1, 1), date(2026, 7, 3), "parent_a")
SUMMER_AT_B = ContactRange(date(2026, 7, 4), date(2026, 8, 16), "parent_b", kind="holiday", holiday="zomervakantie",
                           handover_time=time(18, 0), handover_place="school")
AUTUMN_AT_A = ContactRange(date(2026, 8, 17), date(2026, 12, 31), "parent_a")
YEAR = [SPRING_AT_A, SUMMER_AT_B, AUTUMN_AT_A]


def lay_down(ranges: list[ContactRange], year: int = 2026) -> Callable[[Any], ContactSchedule]:
    return lambda _: ContactSchedule.lay_down(case_id=CASE, year=year, ranges=ranges, children=CHILDREN,
                                              actor=COORDINATOR)


def replace_with(ranges: list[ContactRange], reason: str = "nieuwe afspraak") -> Callable[[ContactSchedule], Any]:
    return lambda schedule: schedule.replace_schedule(ranges=ranges, children=CHILDREN, reason=reason,
                                                      actor="coordinator-bert")


def history(*steps: Callable[[ContactSchedule], Any]) -> list:
    schedule = lay_down(YEAR)(None)
    for step in steps:
        step(schedule)
    return list(schedule.collect_events())


def test_a_year_of_regular_weeks_and_a_summer_holiday_is_laid_down_for_all_children():
    outcome = given().when(lay_down(YEAR))
    outcome.then((ContactSchedule.ContactScheduleLaidDown, {"year": 2026, "actor": COORDINATOR}))
    view = outcome.aggregate.view()
    assert outcome.aggregate.id == contact_schedule_id(CASE, 2026) != contact_schedule_id(CASE, 2027)
    assert (view.version, view.recorded_by, view.recorded_at) == (1, COORDINATOR, outcome.events[0].timestamp)
    assert [(r.first_day, r.parent, r.children) for r in view.ranges] == [
        (date(2026, 1, 1), "parent_a", CHILDREN), (date(2026, 7, 4), "parent_b", CHILDREN),
        (date(2026, 8, 17), "parent_a", CHILDREN),
    ]
    assert view.ranges[1].handover_time == time(18, 0) and view.ranges[1].holiday == "zomervakantie"


def test_a_schedule_with_overlapping_care_days_is_refused():
    at_b_too_early = ContactRange(date(2026, 7, 1), date(2026, 8, 16), "parent_b", kind="holiday",
                                  holiday="zomervakantie")
    given().when(lay_down([SPRING_AT_A, at_b_too_early, AUTUMN_AT_A])).then_refused(
        OverlappingCareDays, "would be with both parents on 2026-07-01")


def test_one_child_scheduled_twice_with_the_same_parent_is_refused():
    twice = ContactRange(date(2026, 3, 1), date(2026, 3, 8), "parent_a", children=("Lotte",))
    given().when(lay_down([*YEAR, twice])).then_refused(OverlappingCareDays, "Lotte is scheduled twice")


def test_two_children_with_different_parents_on_the_same_days_is_accepted():
    sem_at_a = ContactRange(date(2026, 7, 4), date(2026, 8, 16), "parent_a", children=("Sem",))
    lotte_at_b = ContactRange(date(2026, 7, 4), date(2026, 8, 16), "parent_b", children=("Lotte",))
    outcome = given().when(lay_down([SPRING_AT_A, sem_at_a, lotte_at_b, AUTUMN_AT_A]))
    outcome.then(ContactSchedule.ContactScheduleLaidDown)
    assert len(outcome.aggregate.view().ranges) == 4


def test_a_range_naming_a_child_the_case_does_not_have_is_refused():
    stranger = ContactRange(date(2026, 7, 4), date(2026, 8, 16), "parent_b", children=("Daan",))
    given().when(lay_down([stranger])).then_refused(InvalidContactSchedule, "children of the case")


def test_a_holiday_without_its_name_is_refused():
    nameless = ContactRange(date(2026, 7, 4), date(2026, 8, 16), "parent_b", kind="holiday")
    given().when(lay_down([nameless])).then_refused(InvalidContactSchedule, "holiday's name")


def test_a_range_ending_before_it_starts_is_refused():
    backwards = ContactRange(date(2026, 8, 16), date(2026, 7, 4), "parent_b")
    given().when(lay_down([backwards])).then_refused(InvalidContactSchedule, "ends on or after")


def test_a_range_of_another_year_is_refused():
    given().when(lay_down(YEAR, year=2027)).then_refused(InvalidContactSchedule, "starts in 2027")


def test_the_christmas_holiday_may_run_into_the_next_year():
    christmas = ContactRange(date(2026, 12, 19), date(2027, 1, 3), "parent_b", kind="holiday",
                             holiday="kerstvakantie")
    autumn = ContactRange(date(2026, 8, 17), date(2026, 12, 18), "parent_a")
    given().when(lay_down([SPRING_AT_A, SUMMER_AT_B, autumn, christmas])).then(ContactSchedule.ContactScheduleLaidDown)


def test_a_range_with_someone_who_is_not_a_parent_is_refused():
    given().when(lay_down([ContactRange(date(2026, 1, 1), date(2026, 1, 9), "grandmother")])).then_refused(
        UnknownParent, "parent_a")


def test_an_empty_schedule_is_refused():
    given().when(lay_down([])).then_refused(InvalidContactSchedule, "at least one range")


def test_replacing_the_schedule_records_a_new_version_and_keeps_the_reason():
    shorter_summer = [SPRING_AT_A, ContactRange(date(2026, 7, 4), date(2026, 8, 2), "parent_b", kind="holiday",
                                                holiday="zomervakantie"),
                      ContactRange(date(2026, 8, 3), date(2026, 12, 31), "parent_a")]
    outcome = given(*history()).when(replace_with(shorter_summer, "rechter heeft beslist"))
    outcome.then((ContactSchedule.ContactScheduleReplaced, {"reason": PrivateText(CASE, "rechter heeft beslist"),
                                                            "actor": "coordinator-bert"}))
    view = outcome.aggregate.view()
    assert (view.version, view.reason, view.recorded_by) == (2, "rechter heeft beslist", "coordinator-bert")
    assert view.ranges[1].last_day == date(2026, 8, 2)


def test_replacing_the_schedule_without_a_reason_is_refused():
    given(*history()).when(replace_with([SPRING_AT_A], " ")).then_refused(InvalidContactSchedule, "reason")


def test_replacing_the_schedule_by_the_same_ranges_is_refused():
    given(*history()).when(replace_with(list(reversed(YEAR)))).then_refused(ScheduleUnchanged, "same")


def test_an_overlapping_replacement_is_refused_and_the_schedule_in_force_stays():
    overlapping = [SPRING_AT_A, ContactRange(date(2026, 7, 3), date(2026, 7, 10), "parent_b")]
    outcome = given(*history()).when(replace_with(overlapping))
    outcome.then_refused(OverlappingCareDays, "both parents")
    view = outcome.aggregate.view()
    assert view.version == 1
    assert [(r.last_day, r.parent) for r in view.ranges] == [
        (date(2026, 7, 3), "parent_a"), (date(2026, 8, 16), "parent_b"), (date(2026, 12, 31), "parent_a")]
