"""The annual contact schedule as an iCalendar file (RFC 5545), for the parents' own calendars.

The export is reproducible: the same schedule version gives the same bytes, whenever it
is made. So DTSTAMP is the moment the version was recorded (never the clock), and each
event's UID is derived from the case, the year, the children and the range's first day;
SEQUENCE follows the schedule version, so a calendar that imported an earlier version
updates its events. Nothing in the file names a counsellor or any other member of staff.
"""

from __future__ import annotations

from datetime import timedelta, timezone
from uuid import UUID, uuid5

from icalendar import Calendar, Event

from services.shared_agreements.domain.contact_schedule import HOLIDAY, ContactRange, ScheduleView
from services.shared_agreements.domain.parents import PARENT_A

PRODID = "-//Evenwijdig//Jaarplanning van de omgang//NL"
_UID_NAMESPACE = UUID("c6a1f0d2-7b3e-4e59-a1d8-3f95b2c7e604")
_UID_DOMAIN = "evenwijdig"


def schedule_to_ical(view: ScheduleView) -> bytes:
    """One VCALENDAR with one all-day VEVENT per range of the schedule version."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Jaarplanning van de omgang {view.year}")
    for contact_range in view.ranges:
        calendar.add_component(_event(view, contact_range))
    return calendar.to_ical()


def range_uid(view: ScheduleView, contact_range: ContactRange) -> str:
    """Stable per range: children and first day identify a range, as no child's ranges overlap."""
    key = f"{view.case_id}/{view.year}/{'+'.join(sorted(contact_range.children))}/{contact_range.first_day}"
    return f"{uuid5(_UID_NAMESPACE, key)}@{_UID_DOMAIN}"


def range_summary(view: ScheduleView, contact_range: ContactRange) -> str:
    """E.g. "Kinderen bij ouder A", "Zomervakantie: kinderen bij ouder B", "Sem bij ouder A"."""
    who = _who(view.children, contact_range.children)
    where = f"bij {'ouder A' if contact_range.parent == PARENT_A else 'ouder B'}"
    if contact_range.kind == HOLIDAY and contact_range.holiday:
        holiday = contact_range.holiday[:1].upper() + contact_range.holiday[1:]
        return f"{holiday}: {'kinderen' if who == 'Kinderen' else who} {where}"
    return f"{who} {where}"


def _event(view: ScheduleView, contact_range: ContactRange) -> Event:
    event = Event()
    event.add("uid", range_uid(view, contact_range))
    # iCalendar stamps whole seconds; truncate here rather than leave it to the library.
    event.add("dtstamp", view.recorded_at.astimezone(timezone.utc).replace(microsecond=0))
    event.add("sequence", view.version - 1)
    event.add("dtstart", contact_range.first_day)
    # All-day events end on the day after the last day (RFC 5545: DTEND is exclusive).
    event.add("dtend", contact_range.last_day + timedelta(days=1))
    event.add("summary", range_summary(view, contact_range))
    event.add("transp", "TRANSPARENT")
    if contact_range.kind == HOLIDAY:
        event.add("categories", ["Vakantie"])
    handover = _handover(contact_range)
    if handover:
        event.add("description", handover)
    return event


def _who(everyone: tuple[str, ...], children: tuple[str, ...]) -> str:
    if len(everyone) > 1 and set(children) == set(everyone):
        return "Kinderen"
    names = [c for c in everyone if c in children]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}"


def _handover(contact_range: ContactRange) -> str:
    parts = []
    if contact_range.handover_time is not None:
        parts.append(f"om {contact_range.handover_time.isoformat(timespec='minutes')}")
    if contact_range.handover_place:
        parts.append(f"bij {contact_range.handover_place}")
    return f"Overdracht {' '.join(parts)}" if parts else ""
