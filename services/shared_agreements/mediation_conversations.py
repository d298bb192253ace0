"""Application commands for the begeleider's conversations in gezinsbemiddeling (a part of the shared-agreements application).

The case header says which phase a day falls in and the family's region; the practice's
school-holiday lists of that region give the phase's 16 school weeks. One write, in this store.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Callable, Sequence
from uuid import UUID

from services.platform.holidays import HolidayCalendar
from services.platform.private_text import PrivateText
from services.shared_agreements.domain.errors import ConcurrentChange
from services.shared_agreements.domain.mediation import MediationPhase, MediationRecord, mediation_id
from services.shared_agreements.domain.mediation_phases import enrolled, phase_on, phases_of
from services.shared_agreements.domain.mediation_term import Term, calendar_of, phase_term
from services.shared_agreements.domain.mediation_views import MediationView, phase_view

if TYPE_CHECKING:
    from services.platform.application import ContextApplication

    from services.shared_agreements.domain.school_holidays import SchoolHolidaysView
    from services.shared_agreements.domain.views import CaseView


class MediationConversations:
    """Built by the shared-agreements application, which offers its methods: ``records`` is the application's
    idiom (find, save), ``case`` reads a case header (NOT_FOUND when none), ``today`` the practice's day,
    ``school_holidays`` the lists the practice imported."""

    def __init__(self, records: ContextApplication, case: Callable[[UUID], CaseView], today: Callable[[], date],
                 school_holidays: Callable[[], list[SchoolHolidaysView]]) -> None:
        self.records, self.case, self.today, self.school_holidays = records, case, today, school_holidays

    def record_mediation_conversation(
        self, case_id: UUID, *, kind: str, on: date, minutes: int, note: PrivateText, actor: str,
        parents: Sequence[str] = (), attended: Sequence[str] = (),
    ) -> MediationView:
        """Record a conversation the begeleider held: ``kind`` is intake, joint or individual; ``parents``
        names the one parent of an intake or individual conversation (a joint one is with both); ``attended``
        who came. Refused outside a gezinsbemiddeling phase or its 16 school weeks, on a day to come, and
        beyond the type's counts. Returns the mediation as it stands."""
        case = self.case(case_id)
        record = self._record(case_id) or MediationRecord.open(case_id, actor)
        phase = phase_on(case, on) if isinstance(on, date) else phases_of(case)[-1]
        record.record(phase=phase, kind=kind, on=on, minutes=minutes, parents=parents, attended=attended, note=note,
                      enrolled=enrolled(case), term=self._term(case, record, phase), today=self.today(),
                      actor=actor)
        self.records.save(record, conflict=ConcurrentChange(
            "someone else recorded a conversation of this case at the same moment; nothing was saved, reload and "
            "try again"))
        return self.mediation(case_id)

    def record_network_meeting(
        self, case_id: UUID, *, with_whom: str, on: date, minutes: int, note: PrivateText, actor: str,
    ) -> MediationView:
        """Record a meeting with the Sociaal Team or Jeugdbescherming (``with_whom``: sociaal_team or
        jeugdbescherming) the begeleider attended; at most the type's number in a phase. Returns the mediation."""
        case = self.case(case_id)
        record = self._record(case_id) or MediationRecord.open(case_id, actor)
        phase = phase_on(case, on) if isinstance(on, date) else phases_of(case)[-1]
        record.record_network_meeting(phase=phase, with_whom=with_whom, on=on, minutes=minutes, note=note,
                                      term=self._term(case, record, phase), today=self.today(), actor=actor)
        self.records.save(record, conflict=ConcurrentChange(
            "someone else recorded for this case at the same moment; nothing was saved, reload and try again"))
        return self.mediation(case_id)

    def mediation(self, case_id: UUID) -> MediationView:
        """Every gezinsbemiddeling phase of the case: its term, its conversations and the counts left."""
        case = self.case(case_id)
        record = self._record(case_id)
        return MediationView(case_id=case_id, phases=tuple(
            phase_view(record, phase, self._term(case, record, phase), enrolled(case))
            for phase in phases_of(case) if phase.mediated))

    def _record(self, case_id: UUID) -> MediationRecord | None:
        return self.records.find(mediation_id(case_id), MediationRecord)

    def _term(self, case: CaseView, record: MediationRecord | None, phase: MediationPhase) -> Term | None:
        calendar = HolidayCalendar()
        if case.region:
            calendar = calendar_of(case.region, {v.school_year: v.holidays for v in self.school_holidays()
                                                 if v.region == case.region})
        return phase_term(phase.trajectory_type, record.intake_day(phase.number) if record else None, calendar,
                          case.region)
