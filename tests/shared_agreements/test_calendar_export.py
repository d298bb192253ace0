"""The contact schedule as iCalendar: read back by an independent parser (vobject), it is the schedule."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from uuid import UUID

import vobject

from services.shared_agreements.calendar_export import schedule_to_ical
from services.shared_agreements.domain.contact_schedule import ContactRange, ContactSchedule, ScheduleView

CASE = UUID("7c2d9e14-5a3b-4f61-8e27-1b0c9d8e7f03")
COORDINATOR = "coordinator-anna-de-vries"
CHILDREN = ("Sem", "Lotte")
RANGES = [
    ContactRange(date(2026, 1, 1), date(2026, 7, 3), "parent_a"),
    ContactRange(date(2026, 7, 4), date(2026, 8, 16), "parent_b", children=("Sem",), kind="holiday",
                 holiday="zomervakantie", handover_time=time(18, 0), handover_place="school"),
    ContactRange(date(2026, 7, 4), date(2026, 8, 16), "parent_a", children=("Lotte",)),
    ContactRange(date(2026, 8, 17), date(2026, 12, 31), "parent_b"),
]


def laid_down(ranges: list[ContactRange] = RANGES) -> ContactSchedule:
    return ContactSchedule.lay_down(case_id=CASE, year=2026, ranges=ranges, children=CHILDREN, actor=COORDINATOR)


def parsed(ical: bytes) -> list:
    calendar = vobject.readOne(ical.decode("utf-8"))
    assert calendar.version.value == "2.0" and "Evenwijdig" in calendar.prodid.value
    return sorted(calendar.vevent_list, key=lambda e: (e.dtstart.value, e.summary.value))


def test_every_range_reads_back_as_an_all_day_event_with_an_exclusive_end():
    view = laid_down().view()
    events = parsed(schedule_to_ical(view))
    read_back = [(e.dtstart.value, e.dtend.value - timedelta(days=1)) for e in events]
    assert read_back == sorted((r.first_day, r.last_day) for r in view.ranges)
    assert all(type(e.dtstart.value) is date and type(e.dtend.value) is date for e in events)


def test_each_child_reads_back_with_the_parent_of_the_schedule_on_every_day():
    view = laid_down().view()
    from_calendar = {}
    for event in parsed(schedule_to_ical(view)):
        summary = event.summary.value
        parent = "parent_a" if summary.endswith("bij ouder A") else "parent_b"
        children = CHILDREN if "inderen" in summary else tuple(c for c in CHILDREN if c in summary)
        day = event.dtstart.value
        while day < event.dtend.value:
            for child in children:
                assert (child, day) not in from_calendar
                from_calendar[(child, day)] = parent
            day += timedelta(days=1)
    expected = {(child, r.first_day + timedelta(days=n)): r.parent for r in view.ranges for child in r.children
                for n in range((r.last_day - r.first_day).days + 1)}
    assert from_calendar == expected


def test_summaries_are_dutch_and_name_holidays_and_handovers():
    events = parsed(schedule_to_ical(laid_down().view()))
    assert [e.summary.value for e in events] == [
        "Kinderen bij ouder A", "Lotte bij ouder A", "Zomervakantie: Sem bij ouder B", "Kinderen bij ouder B",
    ]
    assert events[2].description.value == "Overdracht om 18:00 bij school"
    assert events[2].categories.value == ["Vakantie"]


def test_the_export_names_no_member_of_staff():
    ical = schedule_to_ical(laid_down().view())
    assert COORDINATOR.encode() not in ical and b"anna" not in ical.lower()


def test_dtstamp_is_the_moment_the_version_was_recorded_so_the_export_is_reproducible():
    view = laid_down().view()
    first, second = schedule_to_ical(view), schedule_to_ical(view)
    assert first == second
    assert {e.dtstamp.value for e in parsed(first)} == {view.recorded_at.replace(microsecond=0)}


def by_first_day(ical: bytes) -> dict:
    return {e.dtstart.value: (e.uid.value, int(e.sequence.value), e.summary.value) for e in parsed(ical)
            if e.summary.value.startswith("Kinderen")}


def test_a_changed_range_keeps_its_uid_and_its_sequence_follows_the_version():
    schedule = laid_down()
    before = by_first_day(schedule_to_ical(schedule.view()))
    autumn_at_a = ContactRange(date(2026, 8, 17), date(2026, 12, 31), "parent_a")
    schedule.replace_schedule(ranges=[*RANGES[:3], autumn_at_a], children=CHILDREN, reason="nieuwe afspraak",
                              actor=COORDINATOR)
    after = by_first_day(schedule_to_ical(schedule.view()))
    autumn = date(2026, 8, 17)
    assert before[autumn] == (after[autumn][0], 0, "Kinderen bij ouder B")
    assert after[autumn][1:] == (1, "Kinderen bij ouder A")
    assert len({e.uid.value for e in parsed(schedule_to_ical(schedule.view()))}) == 4


def test_uids_differ_between_cases_and_years():
    view = laid_down().view()
    other_case = ScheduleView(UUID(int=1), view.year, view.version, view.ranges, view.recorded_by,
                              view.recorded_at, view.reason)
    uids = {e.uid.value for e in parsed(schedule_to_ical(view))}
    assert uids.isdisjoint(e.uid.value for e in parsed(schedule_to_ical(other_case)))


def test_a_recorded_time_in_another_zone_is_stamped_in_utc():
    view = laid_down().view()
    amsterdam = timezone(timedelta(hours=2))
    moved = ScheduleView(view.case_id, view.year, view.version, view.ranges, view.recorded_by,
                         datetime(2026, 5, 1, 12, 0, tzinfo=amsterdam), view.reason)
    assert b"DTSTAMP:20260501T100000Z" in schedule_to_ical(moved)
