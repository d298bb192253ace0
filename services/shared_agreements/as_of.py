"""The shared agreements of a case as they stood at a moment: what the court report reads of them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from services.platform.as_of import AsOfReader, Source
from services.shared_agreements.domain.case import Case
from services.shared_agreements.domain.decisions import DecisionLog
from services.shared_agreements.domain.ground_rules import RuleSet
from services.shared_agreements.domain.joint_session_rules import JointSessionView
from services.shared_agreements.domain.joint_sessions import JointSessions, joint_sessions_id
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

    def source(self) -> Source:
        return self._reader.source()
