"""One parent's trajectory (traject) in a case, from intake to closing evaluation.

Every public method is a command: the rules (``steps``, ``conduct``, ``closing``) check
it and return the event's attributes, and only then is the event triggered, so a
refused command leaves nothing behind. The ``@event`` methods are the events' effect
on the state; they also run when history is replayed, so they never check anything.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Iterable
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.parent_side.domain import closing, conduct, steps
from services.parent_side.domain.entries import required_text
from services.parent_side.domain.records import (
    Assignment, Child, ChildConversation, Consent, CourtReport, PlannedSession, ReleaseDecision, Session, erased,
)
from services.parent_side.domain.state import TrajectoryState
from services.parent_side.domain.templates import TrajectoryRules
from services.parent_side.domain.term import NO_HOLIDAYS_KNOWN, FamilyHolidays
from services.platform.private_text import PrivateText

# Never change: the ids of stored trajectories are derived from it.
TRAJECTORY_NAMESPACE = UUID("d0c558d6-e754-4122-8d5b-10784b9ad39d")


def trajectory_id(case_id: UUID) -> UUID:
    """This side's trajectory of a case: one per case per side, found without an index."""
    return uuid5(TRAJECTORY_NAMESPACE, f"trajectory:{case_id}")


def phase_trajectory_id(case_id: UUID, phase: int) -> UUID:
    """This side's trajectory of the case's ``phase``: the first phase keeps the case's trajectory id."""
    return trajectory_id(case_id) if phase <= 1 else uuid5(TRAJECTORY_NAMESPACE, f"trajectory:{case_id}:phase:{phase}")


def phase_trajectory_ids(case_id: UUID, phase: int) -> list[UUID]:
    """The trajectory ids of phases ``phase`` down to 1: the latest phase first."""
    return [phase_trajectory_id(case_id, n) for n in range(max(phase, 1), 0, -1)]


def _actor(actor: str) -> str:
    return required_text(actor, "who acted")


class Trajectory(TrajectoryState, Aggregate):
    """The trajectory of one parent; every event records who acted (``actor``)."""

    @staticmethod
    def create_id(case_id: UUID, phase: int = 1) -> UUID:
        return phase_trajectory_id(case_id, phase)

    @classmethod
    def open(
        cls, *, case_id: UUID, parent: str, children: Iterable[Child], rules: TrajectoryRules,
        counsellor: str, parental_authority: bool, on: date, actor: str, phase: int = 1,
    ) -> Trajectory:
        """Step 1: record the intake and open the parent's trajectory (of the case's ``phase``)."""
        attributes = steps.intake(case_id, parent, children, rules, counsellor, parental_authority, on)
        # Intakes stored before phases existed carry no ``phase``: they replay as phase 1.
        return cls(**attributes, actor=_actor(actor), phase=phase)

    @event("IntakeHeld")
    def __init__(
        self, case_id: UUID, parent: str, children: list[dict[str, Any]], rules: dict[str, Any],
        counsellor: str, parental_authority: bool, on: date, actor: str, phase: int = 1,
    ) -> None:
        """Intakegesprek gevoerd: the trajectory (of ``phase``) is opened (stap 1) with its tailored rules."""
        self.phase = phase
        self.case_id, self.parent, self.opened_on, self.last_on = case_id, parent, on, on
        self.children = tuple(Child.from_dict(child) for child in children)
        self.rules = TrajectoryRules.from_dict(rules)
        self.parental_authority = parental_authority
        self.assignments = (Assignment(counsellor, on, "intake", actor),)
        self.goals = self.themes = self.consents = self.planned = self.sessions = self.child_conversations = ()
        self.releases = self.reports = ()
        self.phase_ended_on = None
        self.proposed_on = self.agreed_on = self.started_on = self.closed_on = None
        self.evaluation = self.retain_until = self.erased_on = self.erasure_reason = None

    def propose_goals(
        self, goals: Iterable[str], themes: Iterable[str], on: date, actor: str, rules: TrajectoryRules | None = None,
    ) -> None:
        """Step 2: propose tailored goals and themes, and (optionally) the type's rules tailored.

        A new proposal replaces the previous one and needs the parent's agreement anew.
        """
        self._goals_proposed(**steps.proposal(self, goals, themes, on, rules), actor=_actor(actor))

    @event("GoalsProposed")
    def _goals_proposed(
        self, goals: list[PrivateText | str], themes: list[PrivateText | str], on: date,
        rules: dict[str, Any] | None, actor: str,
    ) -> None:
        """Voorstel met doelstellingen op maat (stap 2); ``rules`` when it tailors the type's rules.

        Goals and free themes are private text; events stored before they were hold clear text, read as is."""
        self.goals, self.themes, self.proposed_on, self.agreed_on = tuple(goals), tuple(themes), on, None
        self.rules = self.rules if rules is None else TrajectoryRules.from_dict(rules)
        self.last_on = max(self.last_on, on)

    def record_agreement(self, on: date, actor: str) -> None:
        """Record the parent's agreement to the current proposal."""
        self._proposal_agreed(**steps.agreement(self, on), actor=_actor(actor))

    @event("ProposalAgreed")
    def _proposal_agreed(self, on: date, actor: str) -> None:
        """Akkoord van de ouder op het voorstel."""
        self.agreed_on, self.last_on = on, max(self.last_on, on)

    def confirm_parental_authority(self, on: date, actor: str) -> None:
        """Record that the parent has parental authority."""
        self._parental_authority_confirmed(**steps.parental_authority(self, on), actor=_actor(actor))

    @event("ParentalAuthorityConfirmed")
    def _parental_authority_confirmed(self, on: date, actor: str) -> None:
        """Ouderlijk gezag vastgesteld."""
        self.parental_authority = True

    def record_consent(self, scopes: Iterable[str], given_by: Iterable[str], given_on: date, actor: str) -> None:
        """Record parental consent: for what (trajectory, child conversations), by whom, when."""
        self._consent_recorded(**steps.consent(self, scopes, given_by, given_on), actor=_actor(actor))

    @event("ConsentRecorded")
    def _consent_recorded(self, scopes: list[str], given_by: list[str], given_on: date, actor: str) -> None:
        """Toestemming van de ouder(s) vastgelegd."""
        self.consents += tuple(Consent(scope, tuple(given_by), given_on, actor) for scope in scopes)

    def withdraw_consent(self, scopes: Iterable[str], withdrawn_by: Iterable[str], on: date, actor: str) -> None:
        """Record that consent was withdrawn; from that day what needed it is refused."""
        self._consent_withdrawn(**steps.consent_withdrawal(self, scopes, withdrawn_by, on), actor=_actor(actor))

    @event("ConsentWithdrawn")
    def _consent_withdrawn(self, scopes: list[str], withdrawn_by: list[str], on: date, actor: str) -> None:
        """Toestemming ingetrokken."""
        self.consents = tuple(c.withdrawn(on, tuple(withdrawn_by)) if c.scope in scopes else c for c in self.consents)
        self.last_on = max(self.last_on, on)

    def start(self, on: date, actor: str) -> None:
        """Step 3: start, after the parent's agreement and, for a child under 16, consent."""
        self._started(**steps.start(self, on), actor=_actor(actor))

    @event("TrajectoryStarted")
    def _started(self, on: date, actor: str) -> None:
        """Traject gestart (stap 3)."""
        self.started_on, self.last_on = on, max(self.last_on, on)

    def plan_session(self, on: date, actor: str, holidays: FamilyHolidays = NO_HOLIDAYS_KNOWN) -> None:
        """Plan an individual session, against the trajectory's cadence and limits (``holidays``: the family's)."""
        self._session_planned(**conduct.planning(self, on, holidays), actor=_actor(actor))

    @event("SessionPlanned")
    def _session_planned(self, on: date, actor: str) -> None:
        """Individueel gesprek ingepland."""
        self.planned += (PlannedSession(on, actor),)

    def cancel_planned_session(self, on: date, reason: str, actor: str) -> None:
        """Take a planned session out of the agenda, with the reason."""
        self._planned_session_cancelled(**conduct.cancellation(self, on, reason), actor=_actor(actor))

    @event("PlannedSessionCancelled")
    def _planned_session_cancelled(self, on: date, reason: str, actor: str) -> None:
        """Gepland gesprek geannuleerd."""
        self.planned = tuple(p.cancelled(reason) if p.on == on and p.is_pending else p for p in self.planned)

    def record_session(
        self, on: date, duration_minutes: int, themes: Iterable[str], note: PrivateText | None,
        attended: bool, actor: str, missed_reason: str | None = None, holidays: FamilyHolidays = NO_HOLIDAYS_KNOWN,
        today: date | None = None,
    ) -> None:
        """Record an individual session: held (themes, private note) or missed (and why); ``today``: never after it."""
        attributes = conduct.session(self, on, duration_minutes, themes, note, attended, missed_reason, holidays, today)
        self._session_recorded(**attributes, actor=_actor(actor))

    @event("SessionRecorded")
    def _session_recorded(
        self, on: date, duration_minutes: int, themes: list[str], note: PrivateText | None,
        attended: bool, missed_reason: str | None, actor: str,
    ) -> None:
        """Individueel gesprek vastgelegd: gevoerd, of gemist en waarom."""
        self.sessions += (Session(on, duration_minutes, tuple(themes), note, attended, missed_reason, actor),)
        self.last_on = max(self.last_on, on)

    def record_child_conversation(
        self, child: str, held_by: str, on: date, summary: PrivateText, actor: str,
        holidays: FamilyHolidays = NO_HOLIDAYS_KNOWN, today: date | None = None,
    ) -> None:
        """Record a child conversation held by a counsellor other than the parent's own; never after ``today``."""
        attributes = conduct.child_conversation(self, child, held_by, on, summary, holidays, today)
        self._child_conversation_recorded(**attributes, actor=_actor(actor))

    @event("ChildConversationRecorded")
    def _child_conversation_recorded(self, child: str, held_by: str, on: date, summary: PrivateText, actor: str) -> None:
        """Kindgesprek vastgelegd."""
        self.child_conversations += (ChildConversation(on, child, held_by, summary, actor),)
        self.last_on = max(self.last_on, on)

    def reassign_counsellor(self, counsellor: str, reason: str, on: date, actor: str) -> None:
        """Assign another counsellor to the parent, with the reason."""
        self._counsellor_reassigned(**conduct.reassignment(self, counsellor, reason, on), actor=_actor(actor))

    @event("CounsellorReassigned")
    def _counsellor_reassigned(self, counsellor: str, reason: PrivateText | str, on: date, actor: str) -> None:
        """Andere ouderbegeleider toegewezen."""
        self.assignments += (Assignment(counsellor, on, reason, actor),)
        self.last_on = max(self.last_on, on)

    def follow_counsellor(self, counsellor: str, reason: PrivateText | str, on: date, actor: str) -> None:
        """The staff directory assigned another counsellor to this side: recorded as it was decided there
        (``reason``: the directory's why as private text of this side's case, or a fixed phrase when none)."""
        if counsellor != self.counsellor:
            self._counsellor_reassigned(counsellor=counsellor, reason=reason, on=on, actor=actor)

    def follow_phase_end(self, on: date, actor: str) -> None:
        """The case moved on to its next phase (shared context): this phase takes nothing dated later."""
        if self.closed_on is None and self.phase_ended_on is None:
            self._phase_ended(on=on, actor=actor)

    @event("PhaseEnded")
    def _phase_ended(self, on: date, actor: str) -> None:
        """Fase beëindigd: de zaak ging verder met de volgende fase."""
        self.phase_ended_on = on

    def follow_parental_authority(self, has_authority: bool, on: date, actor: str) -> None:
        """The case header now records (or no longer records) this parent's parental authority."""
        if has_authority != self.parental_authority:
            self._parental_authority_recorded(has_authority=has_authority, on=on, actor=actor)

    @event("ParentalAuthorityRecorded")
    def _parental_authority_recorded(self, has_authority: bool, on: date, actor: str) -> None:
        """Ouderlijk gezag vastgelegd in de zaak (of het verlies ervan)."""
        self.parental_authority = has_authority

    def close(self, on: date, evaluation: PrivateText, retention_years: int, actor: str) -> None:
        """Close the trajectory with a closing evaluation; its private text is kept that many years."""
        self._closed(**closing.closing(self, on, evaluation, retention_years), actor=_actor(actor))

    @event("TrajectoryClosed")
    def _closed(self, on: date, evaluation: PrivateText, retain_until: date, actor: str) -> None:
        """Traject afgesloten met eindevaluatie; bewaard tot ``retain_until``."""
        self.closed_on, self.evaluation, self.retain_until, self.last_on = on, evaluation, retain_until, on

    def release_evaluation_for_court(self, on: date, actor: str) -> None:
        """Record the parent's decision to release the closing evaluation for a court report."""
        self._evaluation_released(**closing.release(self, on), actor=_actor(actor))

    @event("EvaluationReleasedForCourt")
    def _evaluation_released(self, on: date, actor: str) -> None:
        """Eindevaluatie vrijgegeven voor rapportage aan de rechter."""
        self.releases += (ReleaseDecision("released", on, actor),)

    def withdraw_release(self, on: date, actor: str, reason: str | None = None) -> None:
        """Record the parent's withdrawal of the release (refused once a report was made with it)."""
        self._release_withdrawn(**closing.release_withdrawal(self, on, reason), actor=_actor(actor))

    @event("EvaluationReleaseWithdrawn")
    def _release_withdrawn(self, on: date, reason: str, actor: str) -> None:
        """Vrijgave van de eindevaluatie ingetrokken."""
        self.releases += (ReleaseDecision("withdrawn", on, actor, reason),)

    def record_report_made(self, report_id: UUID, at: datetime, actor: str) -> None:
        """Record that a court report was made with the released closing evaluation."""
        self._court_report_made(**closing.report(self, report_id, at), actor=_actor(actor))

    @event("CourtReportMade")
    def _court_report_made(self, report_id: UUID, at: datetime, actor: str) -> None:
        """Rapportage voor de rechter opgemaakt met de vrijgegeven eindevaluatie."""
        self.reports += (CourtReport(report_id, at, actor),)

    def erase_private_text(self, reason: str, on: date, actor: str) -> None:
        """Record that the private text of this trajectory is erased (its case key destroyed)."""
        self._private_text_erased(**closing.erasure(self, reason, on), actor=_actor(actor))

    @event("PrivateTextErased")
    def _private_text_erased(self, reason: str, on: date, actor: str) -> None:
        """Privétekst gewist (bewaartermijn verstreken of verzoek tot vernietiging)."""
        self.erasure_reason, self.erased_on = reason, on
        # A replay after the key is destroyed cannot decrypt the texts anyway; clearing them
        # here makes a trajectory kept in memory (the aggregate cache) read the same.
        self.sessions = tuple(session.erased() for session in self.sessions)
        self.goals, self.themes = tuple(erased(g) for g in self.goals), tuple(erased(t) for t in self.themes)
        self.planned = tuple(planned.erased() for planned in self.planned)
        self.releases = tuple(release.erased() for release in self.releases)
        self.assignments = tuple(assignment.erased() for assignment in self.assignments)
        self.child_conversations = tuple(conversation.erased() for conversation in self.child_conversations)
        self.evaluation = self.evaluation.erased() if self.evaluation is not None else None

    def __deepcopy__(self, memo: dict[int, Any]) -> Trajectory:
        # The aggregate cache hands out a deep copy on every load. Every attribute is an
        # immutable value (tuples of frozen records, dates, text, UUIDs), so sharing them is
        # a deep copy, at a fraction of the cost; only the pending events belong to one copy.
        # tests/parent_side/test_trajectory_copies.py fails if a mutable attribute appears.
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        copy._pending_events = list(self._pending_events)
        memo[id(self)] = copy
        return copy
