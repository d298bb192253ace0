"""The school holidays (schoolvakanties) of one region and school year: practice data, not case content.

An administrator imports the government's list for a region (noord, midden, zuid) and a
school year; the practice's trajectory types that last "16 weken, exclusief
schoolvakantieweken" count their weeks with it. A list imported again for the same
region and year replaces the earlier one (a corrected publication); both stay in the
history, with who imported them and from which file.

The list reaches the parent sides by a flow (``evenwijdig.flows``): it names no person and
no case, so both sides receive the same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Sequence
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.platform.holidays import REGIONS, HolidayPeriod, InvalidHolidayPeriod
from services.platform.school_years import checked_school_year

# Never change: the ids of stored holiday lists are derived from it.
SCHOOL_HOLIDAYS_NAMESPACE = UUID("0f3c1a52-8d7e-4f61-9a2b-5e4c3d2b1a09")


def checked_region(region: object) -> str:
    key = " ".join(region.split()).casefold() if isinstance(region, str) else ""
    if key not in REGIONS:
        raise InvalidHolidayPeriod(f"a school-holiday region is one of {', '.join(REGIONS)}, not {region!r}")
    return key


def school_holidays_id(region: str, school_year: str) -> UUID:
    return uuid5(SCHOOL_HOLIDAYS_NAMESPACE, f"school-holidays:{region}:{school_year}")


@dataclass(frozen=True)
class SchoolHolidaysView:
    region: str
    school_year: str
    holidays: tuple[HolidayPeriod, ...]
    source: str
    imported_by: str
    imported_at: datetime


def _records(periods: Sequence[HolidayPeriod]) -> list[dict[str, str]]:
    return [p.as_record() for p in sorted(periods)]


class SchoolHolidays(Aggregate):
    """Schoolvakanties of one region in one school year, as last imported."""

    @staticmethod
    def create_id(region: str, school_year: str, **_: Any) -> UUID:
        return school_holidays_id(region, school_year)

    class Imported(Aggregate.Created):
        """Schoolvakanties ingelezen: the list of a region and school year, from ``source``."""

        region: str
        school_year: str
        holidays: list[dict[str, str]]
        source: str
        actor: str

    @classmethod
    def import_list(
        cls, region: object, school_year: object, periods: Sequence[HolidayPeriod], source: str, actor: str,
    ) -> SchoolHolidays:
        region = checked_region(region)
        school_year = checked_school_year(school_year, periods)
        return cls._create(cls.Imported, region=region, school_year=school_year, holidays=_records(periods),
                           source=source, actor=actor)

    @event(Imported)
    def __init__(self, region: str, school_year: str, holidays: list[dict[str, str]], source: str, actor: str) -> None:
        self.region, self.school_year = region, school_year
        self._list(holidays, source, actor)

    def replace_list(self, periods: Sequence[HolidayPeriod], source: str, actor: str) -> None:
        """The list imported again (a corrected publication): it replaces the earlier one."""
        checked_school_year(self.school_year, periods)
        self._replaced(region=self.region, school_year=self.school_year, holidays=_records(periods), source=source,
                       actor=actor)

    @event("Replaced")
    def _replaced(self, region: str, school_year: str, holidays: list[dict[str, str]], source: str, actor: str) -> None:
        """Schoolvakanties opnieuw ingelezen: this list replaces the earlier one (region and year repeated,
        so the event alone says which list it is)."""
        self._list(holidays, source, actor)

    def _list(self, holidays: list[dict[str, str]], source: str, actor: str) -> None:
        self.holidays, self.source, self.imported_by = list(holidays), source, actor

    def view(self) -> SchoolHolidaysView:
        # Only an import changes the list, so the last change is the last import.
        periods = tuple(HolidayPeriod.from_record(record, self.region) for record in self.holidays)
        return SchoolHolidaysView(self.region, self.school_year, periods,
                                  self.source, self.imported_by, self.modified_on)
