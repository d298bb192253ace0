"""Import a region's or school's holidays from an iCalendar (RFC 5545) file.

Outside the domain: it reads the file with the ``icalendar`` library and hands the
domain plain ``HolidayPeriod`` values. Every VEVENT is one holiday: SUMMARY is its name,
DTSTART (a DATE) its first day, and DTEND the day *after* its last, as RFC 5545 defines
it for all-day events. Without DTEND an event lasts one day, or as many whole days as its
DURATION says. A DATE-TIME at midnight counts as that day (some calendar programs export
all-day events that way); any other time of day is refused, as are repeating events.
Cancelled events are left out.

The file is the complete list for its region or school: importing it replaces that
scope's holidays in the calendar. A malformed file gets an error naming the holiday
and what is wrong with it, and nothing is imported.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from icalendar import Calendar, Component

from services.platform.holidays import HolidayCalendar, HolidayPeriod, scope_key
from services.platform.errors import Invalid

MAX_FILE_BYTES = 1_000_000
# Dutch summer holidays last six weeks and two weekends; anything much longer is a typo
# (usually a wrong year in DTEND) that would silently swallow a whole school term.
MAX_HOLIDAY_DAYS = 70


class HolidayImportError(Invalid):
    """The file is not a holiday list that can be read; nothing was imported."""


def read_holidays(ics: bytes | str, scope: str) -> tuple[HolidayPeriod, ...]:
    """The holidays in an iCalendar file, as periods of ``scope`` (a region or school)."""
    scope_key(scope)  # refuse a missing region or school before reading anything
    events = [e for e in _calendar(ics).walk("VEVENT") if str(e.get("STATUS", "")).upper() != "CANCELLED"]
    if not events:
        raise HolidayImportError("the file holds no holidays (no VEVENT in the calendar)")
    return tuple(_period(event, number, scope) for number, event in enumerate(events, start=1))


def import_holidays(ics: bytes | str, scope: str, into: HolidayCalendar | None = None) -> HolidayCalendar:
    """``into`` (or an empty calendar) with the holidays of ``scope`` replaced by the file's."""
    periods = read_holidays(ics, scope)
    return (into or HolidayCalendar()).replacing(scope, periods)


def _calendar(ics: bytes | str) -> Component:
    if not isinstance(ics, (bytes, str)):
        raise HolidayImportError("give the contents of an iCalendar (.ics) file")
    if len(ics) > MAX_FILE_BYTES:
        raise HolidayImportError(f"the file is larger than {MAX_FILE_BYTES // 1000} kB; a holiday list is far smaller")
    try:
        calendar = Calendar.from_ical(ics)
    # The parser reports malformed input with several exception types (and a library
    # bug as AttributeError); all of them mean the same thing to the practice.
    except (ValueError, AttributeError, TypeError, KeyError, IndexError, UnicodeError):
        raise HolidayImportError(
            "this is not a readable iCalendar file: it must run from BEGIN:VCALENDAR to END:VCALENDAR"
        ) from None
    if calendar.name != "VCALENDAR":
        raise HolidayImportError("this is not an iCalendar file: it must start with BEGIN:VCALENDAR")
    return calendar


def _period(event: Component, number: int, scope: str) -> HolidayPeriod:
    name = str(event.get("SUMMARY", "")).strip()
    which = f"holiday {number}" + (f" ({name!r})" if name else "")
    if event.errors:
        broken = ", ".join(sorted({prop for prop, _ in event.errors}))
        raise HolidayImportError(f"{which} has a malformed {broken}")
    if not name:
        raise HolidayImportError(f"{which} has no name (SUMMARY)")
    if "RRULE" in event or "RDATE" in event:
        raise HolidayImportError(f"{which} repeats (RRULE/RDATE); list every holiday as its own event")
    if "DTSTART" not in event:
        raise HolidayImportError(f"{which} has no first day (DTSTART)")
    first = _day(event["DTSTART"].dt, which, "starts")
    last = _last_day(event, first, which)
    if (last - first).days + 1 > MAX_HOLIDAY_DAYS:
        raise HolidayImportError(f"{which} lasts {(last - first).days + 1} days; check the year of its end date")
    return HolidayPeriod(first_day=first, last_day=last, name=name, scope=scope)


def _last_day(event: Component, first: date, which: str) -> date:
    if "DTEND" in event:
        end = _day(event["DTEND"].dt, which, "ends")
        if end <= first:
            raise HolidayImportError(
                f"{which} ends ({end.isoformat()}) on or before it starts ({first.isoformat()}); "
                "DTEND is the day after the last day of the holiday"
            )
        return end - timedelta(days=1)
    if "DURATION" in event:
        length = event["DURATION"].dt
        if not isinstance(length, timedelta) or length.days < 1 or length % timedelta(days=1):
            raise HolidayImportError(f"{which} must last a whole number of days (DURATION)")
        return first + length - timedelta(days=1)
    return first  # RFC 5545: an all-day event without DTEND lasts that one day


def _day(value: Any, which: str, verb: str) -> date:
    if isinstance(value, datetime):
        if value.time() != time(0, 0):
            raise HolidayImportError(f"{which} {verb} at a time of day; holidays are whole days (VALUE=DATE)")
        return value.date()
    if isinstance(value, date):
        return value
    raise HolidayImportError(f"{which} {verb} without a date")
