"""Application commands for the school-holiday lists (mixin of SharedAgreements).

The lists are practice data an administrator imports; the case's region, part of the case
header, says which list a family follows. Both reach the parent sides by the header's flow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError
from eventsourcing.utils import get_topic

from services.platform.errors import Invalid
from services.platform.holiday_import import read_holidays
from services.platform.school_years import first_year
from services.shared_agreements.domain.errors import ConcurrentChange
from services.shared_agreements.domain.school_holidays import (
    SchoolHolidays, SchoolHolidaysView, checked_region, school_holidays_id,
)

if TYPE_CHECKING:
    from eventsourcing.application import Repository

MAX_SOURCE = 200


class SchoolHolidayLists:
    """Mixed into the shared-agreements application: uses the host's repository, ``save`` and cases."""

    if TYPE_CHECKING:
        repository: Repository

        def save(self, *objs: Any) -> Any: ...
        def notifications_of(self, topics: Any) -> Any: ...

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
        try:
            lists = self.repository.get(aggregate_id)
            lists.replace_list(periods, source, actor)
        except AggregateNotFoundError:
            lists = SchoolHolidays.import_list(region, school_year, periods, source, actor)
        try:
            self.save(lists)
        except IntegrityError:
            raise ConcurrentChange("this list was imported by someone else at the same moment; "
                                   "nothing was saved, look at it and import again if needed") from None
        return lists.view()

    def school_holidays(self) -> list[SchoolHolidaysView]:
        """Every imported list, by region and school year."""
        topic = get_topic(SchoolHolidays.Imported)
        ids = {n.originator_id for n in self.notifications_of([topic])}
        views = [self.repository.get(i).view() for i in ids]
        return sorted(views, key=lambda v: (v.region, v.school_year))


def _source(source: object) -> str:
    text = " ".join(source.split()) if isinstance(source, str) else ""
    if not text or len(text) > MAX_SOURCE:
        raise Invalid(f"say where the list comes from (a file name or address, at most {MAX_SOURCE} characters)")
    return text
