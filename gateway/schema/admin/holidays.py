"""The administrator's school-holiday lists: practice data, no case content.

The lists live in the shared-agreements context (which owns the case header and its
region); the parent sides receive them by the header's flow.
"""

from __future__ import annotations

from datetime import date, datetime

import strawberry
from strawberry.types import Info

from gateway.schema.common import HolidayRegion, actor, context_app, on_case
from services.platform.access_log import Action
from services.platform.errors import Invalid
from services.shared_agreements.application import SchoolHolidaysView
from gateway.schema.bounds import MAX_ICS_CHARACTERS

SHARED = "shared_agreements"
# A government list is a few kB; the request limit bounds it anyway.


@strawberry.type(description="One school holiday, from its first to its last day (both included).")
class SchoolHoliday:
    name: str
    first_day: date
    last_day: date


@strawberry.type(description="The school holidays of a region in one school year, as last imported.")
class SchoolHolidayList:
    region: HolidayRegion
    school_year: str = strawberry.field(description='Two consecutive years, e.g. "2026-2027".')
    holidays: list[SchoolHoliday]
    source: str = strawberry.field(description="Where the imported file came from.")
    imported_by: str
    imported_at: datetime


def _list(view: SchoolHolidaysView) -> SchoolHolidayList:
    return SchoolHolidayList(
        region=HolidayRegion(view.region), school_year=view.school_year,
        holidays=[SchoolHoliday(name=p.name, first_day=p.first_day, last_day=p.last_day) for p in view.holidays],
        source=view.source, imported_by=view.imported_by, imported_at=view.imported_at,
    )


@strawberry.type
class HolidaysQuery:
    @strawberry.field(description="Every school-holiday list imported, by region and school year.")
    async def school_holidays(self, info: Info) -> list[SchoolHolidayList]:
        views = await on_case(info, None, SHARED, Action.READ, context_app(info, SHARED).school_holidays)
        return [_list(view) for view in views]


@strawberry.type
class HolidaysMutation:
    @strawberry.mutation(description=(
        "Import the school holidays of a region for a school year from the iCalendar (.ics) file the government "
        "publishes. A list imported again for the same region and year replaces the earlier one. Refused, with "
        "nothing stored, when the file cannot be read or holds a holiday outside that school year."))
    async def import_school_holidays(
        self, info: Info, region: HolidayRegion, school_year: str, ics: str, source: str,
    ) -> SchoolHolidayList:
        if len(ics) > MAX_ICS_CHARACTERS:
            raise Invalid(f"the file is longer than {MAX_ICS_CHARACTERS} characters; a holiday list is far smaller")
        who, app = actor(info), context_app(info, SHARED)
        view = await on_case(info, None, SHARED, Action.CHANGE, lambda: app.import_school_holidays(
            region=region.value, school_year=school_year, ics=ics, source=source, actor=who))
        return _list(view)
