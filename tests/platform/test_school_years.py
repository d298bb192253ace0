"""What imported school years make known: a year from its first holiday to its summer's end, consecutive years joined."""

from __future__ import annotations

from datetime import date

from services.platform.holidays import HolidayCalendar, HolidayPeriod, KnownSpan
from services.platform.school_years import known_spans


def year(first: int, herfst: date, zomer_end: date) -> tuple[HolidayPeriod, ...]:
    return (HolidayPeriod(herfst, herfst.replace(day=herfst.day + 8), f"Herfstvakantie {first}", "midden"),
            HolidayPeriod(date(first + 1, 7, 17), zomer_end, f"Zomervakantie {first + 1}", "midden"))


Y2025 = year(2025, date(2025, 10, 18), date(2026, 8, 30))
Y2026 = year(2026, date(2026, 10, 17), date(2027, 8, 29))
Y2028 = year(2028, date(2028, 10, 14), date(2029, 8, 26))


def test_one_school_year_is_known_from_its_first_holiday_to_the_end_of_its_summer():
    assert known_spans("midden", {"2026-2027": Y2026}) == (KnownSpan("midden", date(2026, 10, 17), date(2027, 8, 29)),)


def test_consecutive_school_years_join_so_the_weeks_after_a_summer_are_known_school_weeks():
    spans = known_spans("midden", {"2026-2027": Y2026, "2025-2026": Y2025})
    assert spans == (KnownSpan("midden", date(2025, 10, 18), date(2027, 8, 29)),)
    calendar = HolidayCalendar(Y2025 + Y2026, spans)
    september = date(2026, 9, 14)
    assert calendar.knows_week_of(september, "midden") and not calendar.is_holiday_week_of(september, "midden")


def test_a_gap_between_imported_years_stays_unknown():
    spans = known_spans("midden", {"2026-2027": Y2026, "2028-2029": Y2028})
    calendar = HolidayCalendar(Y2026 + Y2028, spans)
    assert len(spans) == 2
    assert not calendar.knows_week_of(date(2028, 3, 6), "midden"), "no list of 2027-2028 was imported"
    assert calendar.knows_week_of(date(2027, 3, 8), "midden") and calendar.knows_week_of(date(2029, 3, 5), "midden")


def test_before_the_first_holiday_of_the_only_year_imported_nothing_is_known():
    calendar = HolidayCalendar(Y2026, known_spans("midden", {"2026-2027": Y2026}))
    assert not calendar.knows_week_of(date(2026, 9, 14), "midden"), "the end of the summer before is not in this list"
