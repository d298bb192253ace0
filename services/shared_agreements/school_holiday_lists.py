"""The school-holiday lists: a part of the shared-agreements application.

The lists are practice data an administrator imports; the case's region, part of the case
header, says which list a family follows. Both reach the parent sides by the header's flow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventsourcing.utils import get_topic

from services.platform.errors import Invalid
from services.platform.holiday_import import read_holidays
from services.platform.school_years import first_year
from services.shared_agreements.domain.errors import ConcurrentChange
from services.shared_agreements.domain.school_holidays import (
    SchoolHolidays, SchoolHolidaysView, checked_region, school_holidays_id,
)

if TYPE_CHECKING:
    from services.platform.application import ContextApplication

MAX_SOURCE = 200


class SchoolHolidayLists:
    """Built by the shared-agreements application, which offers its methods; ``records`` is its idiom and history."""

    def __init__(self, records: ContextApplication) -> None:
        self.records = records

    def import_school_holidays(
        self, *, region: str, school_year: str, ics: bytes | str, source: str, actor: str,
    ) -> SchoolHolidaysView:
        """Import the government's school holidays of ``region`` for ``school_year`` ("2026-2027").

        ``ics`` is the iCalendar file as published; ``source`` says where it came from (a
        file name or address). A list imported again for the same region and year replaces
        the earlier one. Refused, with nothing stored, when the file cannot be read or
        holds a holiday outside that school year.
        """
        region, year, source = checked_region(region), first_year(school_year), _source(source)
        school_year = f"{year}-{year + 1}"
        periods = read_holidays(ics, region)
        aggregate_id = school_holidays_id(region, school_year)
        lists = self.records.find(aggregate_id, SchoolHolidays)
        if lists is None:
            lists = SchoolHolidays.import_list(region, school_year, periods, source, actor)
        else:
            lists.replace_list(periods, source, actor)
        self.records.save(lists, conflict=ConcurrentChange("this list was imported by someone else at the same moment; "
                                                           "nothing was saved, look at it and import again if needed"))
        return lists.view()

    def school_holidays(self) -> list[SchoolHolidaysView]:
        """Every imported list, by region and school year."""
        topic = get_topic(SchoolHolidays.Imported)
        ids = {n.originator_id for n in self.records.notifications_of([topic])}
        views = [self.records.repository.get(i).view() for i in ids]
        return sorted(views, key=lambda v: (v.region, v.school_year))


def _source(source: object) -> str:
    text = " ".join(source.split()) if isinstance(source, str) else ""
    if not text or len(text) > MAX_SOURCE:
        raise Invalid(f"say where the list comes from (a file name or address, at most {MAX_SOURCE} characters)")
    return text
