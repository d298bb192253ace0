"""Application commands for Opnieuw Verbinden's year: child visits and professional hours (mixin of SharedAgreements)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Callable, Sequence
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from services.shared_agreements.domain.errors import ConcurrentChange
from services.shared_agreements.domain.reconnecting import (
    InvalidReconnectingRecord, ReconnectingRecord, YearFrame, YearOverview, reconnecting_id,
)

if TYPE_CHECKING:
    from eventsourcing.application import Repository

    from services.shared_agreements.domain.views import CaseView


class ReconnectingYear:
    """Mixed into the shared-agreements application: uses the host's repository, ``save``, ``case`` and ``today``."""

    if TYPE_CHECKING:
        repository: Repository

        def save(self, *objs: Any) -> Any: ...
        def case(self, case_id: UUID) -> CaseView: ...
        def today(self) -> date: ...

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
        try:
            record = self.repository.get(reconnecting_id(case_id))
        except AggregateNotFoundError:
            record = ReconnectingRecord.open(case_id, "nobody")  # an empty year, never saved
        return record.year(year, frame)

    def _reconnecting_case(self, case_id: UUID) -> CaseView:
        case = self.case(case_id)
        YearFrame.of(case.trajectory_type)  # refused for a type whose data keeps no such year
        return case

    def _change_record(self, case_id: UUID, actor: str, command: Callable[[ReconnectingRecord], None]) -> None:
        try:
            record = self.repository.get(reconnecting_id(case_id))
        except AggregateNotFoundError:
            record = ReconnectingRecord.open(case_id, actor)
        command(record)
        try:
            self.save(record)
        except IntegrityError:
            raise ConcurrentChange("someone else recorded for this case at the same moment; nothing was saved, "
                                   "reload and try again") from None
