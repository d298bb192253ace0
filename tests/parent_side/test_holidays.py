"""The school-holiday calendar, and reading it from the iCalendar files schools publish."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import vobject

from services.platform.holidays import (
    HolidayCalendar, HolidayPeriod, InvalidHolidayPeriod, OutsideHolidayCalendar, UnknownHolidayScope,
)
from services.platform.holiday_import import MAX_FILE_BYTES, HolidayImportError, import_holidays, read_holidays

DATA = Path(__file__).resolve().parents[1] / "data" / "holidays"
SCHOOL = "Kindcentrum De Wilgenhof"


def ics(name: str) -> bytes:
    return (DATA / name).read_bytes()


def calendar(*periods: tuple[str, date, date], scope: str = "midden") -> HolidayCalendar:
    # Summer holidays on either side give the calendar a span to answer within.
    frame = [("Zomer", date(2025, 7, 19), date(2025, 8, 31)), ("Zomer", date(2026, 7, 18), date(2026, 8, 30))]
    return HolidayCalendar(tuple(HolidayPeriod(first, last, name, scope) for name, first, last in [*frame, *periods]))


# The rule: a Monday-Friday week is a holiday week when 3 or more of its school days are off.

def test_a_week_of_herfstvakantie_from_saturday_to_sunday_is_a_holiday_week():
    herfst = calendar(("Herfstvakantie", date(2025, 10, 18), date(2025, 10, 26)))
    assert herfst.is_holiday_week(2025, 43, "midden")
    assert not herfst.is_holiday_week(2025, 42, "midden") and not herfst.is_holiday_week(2025, 44, "midden")


def test_hemelvaart_on_thursday_and_friday_does_not_make_a_holiday_week():
    hemelvaart = calendar(("Hemelvaart", date(2026, 5, 14), date(2026, 5, 15)))
    assert hemelvaart.holiday_school_days(date(2026, 5, 11), "midden") == 2
    assert not hemelvaart.is_holiday_week_of(date(2026, 5, 14), "midden")


def test_a_holiday_straddling_two_weeks_makes_only_the_week_with_most_days_off_a_holiday_week():
    # Thursday 12 to Wednesday 18 February 2026: two days off in week 7, three in week 8.
    carnaval = calendar(("Carnavalsvakantie", date(2026, 2, 12), date(2026, 2, 18)))
    assert carnaval.holiday_school_days(date(2026, 2, 9), "midden") == 2
    assert not carnaval.is_holiday_week(2026, 7, "midden")
    assert carnaval.holiday_school_days(date(2026, 2, 16), "midden") == 3
    assert carnaval.is_holiday_week(2026, 8, "midden")


def test_back_to_back_holidays_count_together_within_one_week():
    days_off = calendar(
        ("Studiedagen", date(2026, 3, 9), date(2026, 3, 10)), ("Margedag", date(2026, 3, 11), date(2026, 3, 11)),
    )
    assert days_off.is_holiday_week(2026, 11, "midden")


def test_weekend_days_inside_a_holiday_are_not_school_days():
    long_weekend = calendar(("Lang weekend", date(2026, 3, 14), date(2026, 3, 16)))
    assert long_weekend.holiday_school_days(date(2026, 3, 9), "midden") == 0
    assert long_weekend.holiday_school_days(date(2026, 3, 16), "midden") == 1


def test_each_region_and_school_has_its_own_holidays():
    both = calendar(("Herfstvakantie", date(2025, 10, 18), date(2025, 10, 26))).with_periods(
        calendar(("Herfstvakantie", date(2025, 10, 11), date(2025, 10, 19)), scope="zuid").periods
    )
    assert both.scopes() == ("midden", "zuid")
    assert both.is_holiday_week(2025, 42, "zuid") and not both.is_holiday_week(2025, 42, "midden")


def test_a_school_is_found_whatever_the_case_and_spacing_of_its_name():
    school = calendar(("Herfstvakantie", date(2025, 10, 18), date(2025, 10, 26)), scope=SCHOOL)
    assert school.is_holiday_week(2025, 43, "  kindcentrum   de WILGENHOF ")


def test_an_unknown_region_or_school_is_refused_and_the_known_ones_are_named():
    with pytest.raises(UnknownHolidayScope, match="'oost'.*known: midden"):
        calendar().is_holiday_week(2025, 43, "oost")


@pytest.mark.parametrize("day", [date(2025, 7, 14), date(2026, 8, 31)])
def test_a_week_the_calendar_holds_no_holidays_for_is_refused_not_guessed(day):
    with pytest.raises(OutsideHolidayCalendar, match="import the school holidays"):
        calendar().is_holiday_week_of(day, "midden")


@pytest.mark.parametrize(
    ("period", "fragment"),
    [
        (lambda: HolidayPeriod(date(2026, 1, 4), date(2025, 12, 20), "Kerst", "noord"), "ends (2025-12-20) before"),
        (lambda: HolidayPeriod(date(2025, 12, 20), date(2026, 1, 4), " ", "noord"), "needs a name"),
        (lambda: HolidayPeriod(date(2025, 12, 20), date(2026, 1, 4), "Kerstvakantie", ""), "name a region"),
        (lambda: HolidayPeriod(datetime(2025, 12, 20, 9), date(2026, 1, 4), "Kerst", "noord"), "a first and a last"),
        (lambda: HolidayCalendar(("Kerstvakantie",)), "holiday periods only"),  # type: ignore[arg-type]
        (lambda: calendar().is_holiday_week(2025, 53, "midden"), "2025 has no ISO week 53"),
    ],
)
def test_a_malformed_holiday_is_refused(period, fragment):
    with pytest.raises(InvalidHolidayPeriod) as refused:
        period()
    assert fragment in str(refused.value)


def test_the_same_holiday_added_twice_is_kept_once():
    herfst = calendar(("Herfstvakantie", date(2025, 10, 18), date(2025, 10, 26)))
    assert herfst.with_periods(herfst.periods) == herfst


# Importing iCalendar files (tests/data/holidays, written by hand after the schools' lists).

def test_a_regions_file_becomes_that_regions_holidays_with_the_exclusive_end_day_left_out():
    noord = import_holidays(ics("noord.ics"), "noord")
    herfst = next(p for p in noord.periods if p.name == "Herfstvakantie 2025")
    assert (herfst.first_day, herfst.last_day, herfst.scope) == (date(2025, 10, 18), date(2025, 10, 26), "noord")
    assert len(noord.periods) == ics("noord.ics").count(b"BEGIN:VEVENT")


def test_a_schools_file_reads_every_way_calendars_write_a_whole_day():
    periods = {p.name: (p.first_day, p.last_day) for p in read_holidays(ics("kindcentrum-de-wilgenhof.ics"), SCHOOL)}
    assert periods["Studiedag team"] == (date(2025, 9, 10), date(2025, 9, 10))  # no DTEND: one day
    assert periods["Hemelvaart"] == (date(2026, 5, 14), date(2026, 5, 15))  # DURATION:P2D
    assert periods["Tweede Pinksterdag"] == (date(2026, 5, 25), date(2026, 5, 25))  # midnight DATE-TIMEs
    assert periods["Carnavalsvakantie"] == (date(2026, 2, 12), date(2026, 2, 18))
    assert not any("verplaatst" in name for name in periods)  # STATUS:CANCELLED


def test_the_three_regions_import_into_one_calendar_and_differ():
    practice = HolidayCalendar()
    for region in ("noord", "midden", "zuid"):
        practice = import_holidays(ics(f"{region}.ics"), region, into=practice)
    assert practice.scopes() == ("midden", "noord", "zuid")
    # Voorjaarsvakantie 2026: week 8 in midden and zuid, week 9 in noord.
    assert [practice.is_holiday_week(2026, 8, r) for r in ("noord", "midden", "zuid")] == [False, True, True]


def test_importing_a_schools_list_again_replaces_its_old_holidays_and_keeps_the_regions():
    practice = import_holidays(ics("zuid.ics"), "zuid")
    practice = import_holidays(ics("kindcentrum-de-wilgenhof.ics"), SCHOOL, into=practice)
    corrected = ics("kindcentrum-de-wilgenhof.ics").replace(b"Carnavalsvakantie", b"Carnaval")
    practice = import_holidays(corrected, SCHOOL, into=practice)
    names = {p.name for p in practice.periods_for(SCHOOL)}
    assert "Carnaval" in names and "Carnavalsvakantie" not in names
    assert practice.periods_for("zuid") == import_holidays(ics("zuid.ics"), "zuid").periods


MALFORMED = [
    ("not-a-calendar.ics", "not a readable iCalendar file"),
    ("unterminated.ics", "not a readable iCalendar file"),
    ("no-holidays.ics", "holds no holidays"),
    ("end-before-start.ics", "holiday 2 ('Kerstvakantie 2025-2026') ends (2025-12-20) on or before it starts"),
    ("timed-event.ics", "'Ouderavond') starts at a time of day"),
    ("broken-date.ics", "'Voorjaarsvakantie 2026') has a malformed DTSTART"),
    ("missing-start.ics", "has no first day (DTSTART)"),
    ("repeating.ics", "repeats (RRULE/RDATE)"),
    ("wrong-year.ics", "lasts 374 days; check the year"),
]


@pytest.mark.parametrize(("name", "fragment"), MALFORMED)
def test_a_malformed_file_is_refused_with_a_clear_error_and_imports_nothing(name, fragment):
    before = import_holidays(ics("midden.ics"), "midden")
    kept = before.periods
    with pytest.raises(HolidayImportError) as refused:
        import_holidays(ics(f"malformed/{name}"), "midden", into=before)
    assert fragment in str(refused.value)
    assert "Traceback" not in str(refused.value) and "icalendar" not in str(refused.value)
    assert before.periods == kept


@pytest.mark.parametrize("contents", [b"BEGIN:VCALENDAR\n" + b"X" * MAX_FILE_BYTES, 42, None])
def test_a_file_too_large_or_not_a_file_is_refused(contents):
    with pytest.raises(HolidayImportError):
        read_holidays(contents, "noord")  # type: ignore[arg-type]


def test_a_file_for_no_region_or_school_is_refused_before_it_is_read():
    with pytest.raises(InvalidHolidayPeriod, match="name a region"):
        read_holidays(ics("noord.ics"), "  ")


def test_text_and_bytes_of_a_file_import_alike():
    assert read_holidays(ics("zuid.ics").decode("utf-8"), "zuid") == read_holidays(ics("zuid.ics"), "zuid")


@pytest.mark.parametrize("name", ["noord.ics", "midden.ics", "zuid.ics", "kindcentrum-de-wilgenhof.ics"])
def test_the_test_files_are_valid_icalendar_for_a_second_parser_too(name):
    # vobject is stricter about structure than the importer's library: the data is not bent to one parser.
    parsed = vobject.readOne(ics(name).decode("utf-8"))
    assert len(parsed.vevent_list) == ics(name).count(b"BEGIN:VEVENT")
