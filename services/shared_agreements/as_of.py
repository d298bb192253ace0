"""The shared agreements of a case as they stood at a moment: what the court report reads of them."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING
from uuid import UUID

from services.platform.as_of import AsOfReader, Source
from services.shared_agreements.domain.case import Case
from services.shared_agreements.domain.decisions import DecisionLog
from services.shared_agreements.domain.ground_rules import RuleSet
from services.shared_agreements.domain.joint_session_rules import JointSessionView
from services.shared_agreements.domain.joint_sessions import JointSessions, joint_sessions_id
from services.shared_agreements.domain.mediation import MediationRecord, mediation_id
from services.shared_agreements.domain.mediation_phases import enrolled, phases_of
from services.shared_agreements.domain.mediation_term import calendar_of, phase_term
from services.shared_agreements.domain.mediation_views import MediationView, phase_view
from services.shared_agreements.domain.school_holidays import SchoolHolidays, school_holidays_id
from services.shared_agreements.domain.transparency import TransparencyAgreements
from services.shared_agreements.domain.views import CaseView, DisputeView, GroundRulesView, TransparencyView

if TYPE_CHECKING:
    from services.platform.application import ContextApplication


class AgreementsAsOf:
    """Reads the shared context as of ``moment`` and names the point of its history it read (``source``).

    The shared context's private text (a decision and its reasoning, the reason of a move to the next
    phase, of a pause, of a revocation) is what a court report shows of it: this reader decrypts it,
    and it reads "[gewist]" once the case's private text was erased. What a report leaves out (the
    positions relayed, the reasons of an absence or a cancellation) services.court_report.shared leaves out.
    """

    def __init__(self, app: ContextApplication, moment: datetime) -> None:
        self._reader = AsOfReader(app, moment, decrypting=True)

    def case(self, case_id: UUID) -> CaseView | None:
        """The case header, or None when the case was not registered by then."""
        case = self._reader.load(case_id)
        return case.view() if isinstance(case, Case) else None

    def transparency(self, case_id: UUID) -> TransparencyView:
        agreements = self._reader.load(TransparencyAgreements.id_for(case_id))
        if isinstance(agreements, TransparencyAgreements):
            return agreements.view()
        return TransparencyView(case_id=case_id, history=())

    def ground_rules(self, case_id: UUID) -> GroundRulesView | None:
        rules = self._reader.load(RuleSet.id_for(case_id))
        return rules.view() if isinstance(rules, RuleSet) else None

    def decisions(self, case_id: UUID) -> tuple[DisputeView, ...]:
        log = self._reader.load(DecisionLog.id_for(case_id))
        return tuple(log.view()) if isinstance(log, DecisionLog) else ()

    def joint_sessions(self, case_id: UUID) -> list[JointSessionView]:
        sessions = self._reader.load(joint_sessions_id(case_id))
        return sessions.views() if isinstance(sessions, JointSessions) else []

    def mediation(self, case_id: UUID) -> MediationView | None:
        """The gezinsbemiddeling phases with their conversations (notes redacted), or None without a case."""
        case = self.case(case_id)
        if case is None:
            return None
        record = self._reader.load(mediation_id(case_id))
        record = record if isinstance(record, MediationRecord) else None
        views = []
        for phase in (p for p in phases_of(case) if p.mediated):
            began = record.intake_day(phase.number) if record else None
            calendar = calendar_of(case.region, self._school_years(case.region, began)) if case.region and began \
                else calendar_of("", {})
            term = phase_term(phase.trajectory_type, began, calendar, case.region)
            views.append(phase_view(record, phase, term, enrolled(case)))
        return MediationView(case_id=case_id, phases=tuple(views))

    def _school_years(self, region: str, began: date) -> dict[str, tuple]:
        # A phase of 16 school weeks spans at most the school year it began in and the next one.
        found = {}
        for year in range(began.year - 1, began.year + 2):
            lists = self._reader.load(school_holidays_id(region, f"{year}-{year + 1}"))
            if isinstance(lists, SchoolHolidays):
                found[lists.school_year] = lists.view().holidays
        return found

    def source(self) -> Source:
        return self._reader.source()
