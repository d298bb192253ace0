"""Opnieuw Verbinden's year, child visits and professional hours: a part of the shared-agreements application."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Callable, Sequence
from uuid import UUID

from services.shared_agreements.domain.errors import ConcurrentChange
from services.shared_agreements.domain.reconnecting import (
    InvalidReconnectingRecord, ReconnectingRecord, YearFrame, YearOverview, reconnecting_id,
)

if TYPE_CHECKING:
    from services.platform.application import ContextApplication
    from services.shared_agreements.domain.views import CaseView


class ReconnectingYear:
    """Built by the shared-agreements application, which offers its methods: ``records`` is the application's
    idiom (find, save), ``case`` reads a case header (NOT_FOUND when none), ``today`` the practice's day."""

    def __init__(self, records: ContextApplication, case: Callable[[UUID], CaseView], today: Callable[[], date]) -> None:
        self.records, self.case, self.today = records, case, today

    def record_child_visit(
        self, case_id: UUID, *, on: date, parent: str, visited_by: str, actor: str, children: Sequence[str] = (),
    ) -> YearOverview:
        """Record a visit to the children at ``parent``'s home (none named: all children); returns the year."""
        case = self._reconnecting_case(case_id)
        kids = [c.first_name for c in case.children]
        self._change_record(case_id, actor, lambda r: r.record_visit(
            on=on, parent=parent, children=children, visited_by=visited_by, today=self.today(), actor=actor,
            case_children=kids))
        return self.reconnecting_year(case_id, on.year)

    def record_professional_hours(
        self, case_id: UUID, *, on: date, professional: str, activity: str, minutes: int, actor: str,
    ) -> YearOverview:
        """Record time a professional spent on the case; returns the year against the type's hour budget."""
        self._reconnecting_case(case_id)
        self._change_record(case_id, actor, lambda r: r.record_hours(
            on=on, professional=professional, activity=activity, minutes=minutes, today=self.today(), actor=actor))
        return self.reconnecting_year(case_id, on.year)

    def reconnecting_year(self, case_id: UUID, year: int) -> YearOverview:
        """Visits at each parent's home against the minimum, and the hours against the budget, in ``year``."""
        frame = YearFrame.of(self._reconnecting_case(case_id).trajectory_type)
        if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
            raise InvalidReconnectingRecord("a year is written in four digits, e.g. 2027")
        # An empty year when nothing was recorded: opened here, never saved.
        record = self.records.find(reconnecting_id(case_id), ReconnectingRecord) or ReconnectingRecord.open(case_id, "nobody")
        return record.year(year, frame)

    def _reconnecting_case(self, case_id: UUID) -> CaseView:
        case = self.case(case_id)
        YearFrame.of(case.trajectory_type)  # refused for a type whose data keeps no such year
        return case

    def _change_record(self, case_id: UUID, actor: str, command: Callable[[ReconnectingRecord], None]) -> None:
        record = self.records.find(reconnecting_id(case_id), ReconnectingRecord) or ReconnectingRecord.open(case_id, actor)
        command(record)
        self.records.save(record, conflict=ConcurrentChange("someone else recorded for this case at the same moment; "
                                                            "nothing was saved, reload and try again"))
