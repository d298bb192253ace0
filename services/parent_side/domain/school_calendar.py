"""This side's copy of the practice's school-holiday lists, as the flow brings them (one per side store).

The shared-agreements context owns the lists (an administrator imports them per region and
school year); they name no person and no case, so every side receives them all. A list
received again for the same region and year replaces the earlier one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.platform.holidays import HolidayCalendar, HolidayPeriod
from services.platform.school_years import known_spans

# Never change: the id of every side's stored copy is derived from it.
SCHOOL_CALENDAR_ID = uuid5(UUID("8e1d2b7c-3a4f-4c5e-b6d7-9f0a1b2c3d4e"), "school-calendar")


class SchoolCalendar(Aggregate):
    """Every school year's holidays of every region, as this side received them."""

    @staticmethod
    def create_id(**_: Any) -> UUID:
        return SCHOOL_CALENDAR_ID

    @classmethod
    def started(cls, actor: str) -> SchoolCalendar:
        return cls._create(cls.Started, id=SCHOOL_CALENDAR_ID, actor=actor)

    class Started(Aggregate.Created):
        actor: str

    @event(Started)
    def __init__(self, actor: str) -> None:
        self.lists: dict[str, dict[str, list[dict[str, str]]]] = {}

    @event("SchoolYearReceived")
    def receive(
        self, region: str, school_year: str, holidays: list[dict[str, str]], at: datetime, actor: str,
    ) -> None:
        """Schoolvakanties van een regio en schooljaar ontvangen (``actor``: who imported them)."""
        self.lists = {**self.lists, region: {**self.lists.get(region, {}), school_year: list(holidays)}}

    def calendar_for(self, region: str) -> HolidayCalendar:
        """The holidays of ``region`` with the spans they are known for (empty: nothing imported)."""
        years = {year: tuple(HolidayPeriod.from_record(record, region) for record in records)
                 for year, records in self.lists.get(region, {}).items()}
        periods = tuple(p for year in years.values() for p in year)
        return HolidayCalendar(periods, known_spans(region, years)) if periods else HolidayCalendar()
