"""The shared-agreements application: the only entry point of this context.

Every method loads, calls one aggregate command, saves, and returns ids or frozen views
(``ContextApplication``'s idiom). Joint sessions, the contact schedule, court reports, school
holidays and Opnieuw Verbinden's year are parts of their own modules, built here with what they
need; the application offers their methods (``Offered``) under their own names.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Mapping, Sequence
from uuid import UUID

from services.platform.application import Clock, ContextApplication, NewId
from services.platform.errors import DomainError
from services.platform.parts import Offered
from services.platform.practice_day import practice_day
from services.shared_agreements.as_of import AgreementsAsOf
from services.shared_agreements.court_reports import CourtReportRegister
from services.shared_agreements.domain.case import TRAJECTORY_TYPES, Case, Child, Parent
from services.shared_agreements.domain.decisions import DecisionLog
from services.shared_agreements.domain.errors import (
    CaseAlreadyRegistered, CaseNotFound, ConcurrentChange, DisputeNotFound, InvalidCase, VersionNotFound,
)
from services.shared_agreements.domain.ground_rules import SIGNATURE_METHODS, RuleSet
from services.shared_agreements.domain.rules_text import CATEGORY_CODES
from services.shared_agreements.domain.reconnecting import ACTIVITIES, YearOverview
from services.shared_agreements.domain.school_holidays import SchoolHolidaysView
from services.shared_agreements.domain.transparency import SHAREABLE_CATEGORIES, TransparencyAgreements
from services.shared_agreements.domain.views import (
    CaseView, DisputeView, GroundRulesView, RuleVersionView, TransparencyView,
)
from services.shared_agreements.mediation_conversations import MediationConversations
from services.shared_agreements.reconnecting_year import ReconnectingYear
from services.shared_agreements.scheduling import JointSessionsAndSchedule
from services.shared_agreements.school_holiday_lists import SchoolHolidayLists
from services.platform.stores import Store

# What callers outside the context need: the inputs, the views, the accepted codes.
__all__ = ["SharedAgreements", "Parent", "Child", "CaseView", "GroundRulesView", "RuleVersionView", "DisputeView",
           "TransparencyView", "SchoolHolidaysView", "YearOverview", "ACTIVITIES", "TRAJECTORY_TYPES", "CATEGORY_CODES", "SIGNATURE_METHODS", "SHAREABLE_CATEGORIES"]


@dataclass(frozen=True)
class RegisteredCase:
    """A case in the register of cases: no names, no content."""

    case_id: UUID
    position: int
    registered_at: datetime


NO_CASE = "no such case"


class SharedAgreements(ContextApplication):
    """The case header, ground rules and their signatures, decisions, joint sessions, court reports made.

    ``clock``: what "now" and today are (planning, pauses, attendance, a signature's day); ``new_id``:
    a new case's id. Tests pass fixed ones.
    """

    name = Store.SHARED
    not_found = CaseNotFound
    conflict = ConcurrentChange
    conflict_message = "someone else changed this record at the same moment; nothing was saved, reload and try again"

    def __init__(self, store: Mapping[str, str], *, clock: Clock | None = None, new_id: NewId | None = None) -> None:
        super().__init__(store, clock=clock, new_id=new_id)
        self._court_register = CourtReportRegister(self, self.case)
        self._scheduling = JointSessionsAndSchedule(self, self.case, self.clock)
        self._holiday_lists = SchoolHolidayLists(self)
        self._reconnecting = ReconnectingYear(self, self.case, self.today)
        self._mediation = MediationConversations(self, self.case, self.today, self.school_holidays)

    # Offered by the parts -------------------------------------------------------------------

    record_court_report = Offered("_court_register", CourtReportRegister.record_court_report)
    court_reports = Offered("_court_register", CourtReportRegister.court_reports)

    plan_joint_session = Offered("_scheduling", JointSessionsAndSchedule.plan_joint_session)
    record_past_joint_session = Offered("_scheduling", JointSessionsAndSchedule.record_past_joint_session)
    record_pause_afterwards = Offered("_scheduling", JointSessionsAndSchedule.record_pause_afterwards)
    reschedule_joint_session = Offered("_scheduling", JointSessionsAndSchedule.reschedule_joint_session)
    pause_joint_session = Offered("_scheduling", JointSessionsAndSchedule.pause_joint_session)
    resume_joint_session = Offered("_scheduling", JointSessionsAndSchedule.resume_joint_session)
    record_attendance = Offered("_scheduling", JointSessionsAndSchedule.record_attendance)
    cancel_joint_session = Offered("_scheduling", JointSessionsAndSchedule.cancel_joint_session)
    joint_sessions = Offered("_scheduling", JointSessionsAndSchedule.joint_sessions)
    set_contact_schedule = Offered("_scheduling", JointSessionsAndSchedule.set_contact_schedule)
    contact_schedule = Offered("_scheduling", JointSessionsAndSchedule.contact_schedule)
    contact_schedule_ical = Offered("_scheduling", JointSessionsAndSchedule.contact_schedule_ical)
    joint_session_room = Offered("_scheduling", JointSessionsAndSchedule.joint_session_room)

    import_school_holidays = Offered("_holiday_lists", SchoolHolidayLists.import_school_holidays)
    school_holidays = Offered("_holiday_lists", SchoolHolidayLists.school_holidays)

    record_child_visit = Offered("_reconnecting", ReconnectingYear.record_child_visit)
    record_professional_hours = Offered("_reconnecting", ReconnectingYear.record_professional_hours)
    reconnecting_year = Offered("_reconnecting", ReconnectingYear.reconnecting_year)

    record_mediation_conversation = Offered("_mediation", MediationConversations.record_mediation_conversation)
    record_network_meeting = Offered("_mediation", MediationConversations.record_network_meeting)
    mediation = Offered("_mediation", MediationConversations.mediation)

    # The case header --------------------------------------------------------------------------

    def register_case(
        self, *, parent_a: Parent, parent_b: Parent, children: Sequence[Child], trajectory_type: str,
        actor: str, case_id: UUID | None = None,
    ) -> UUID:
        """Register a case: both parent slots (B may not take part), the children, the trajectory type.

        Give ``case_id`` only to load a known case again (demo data, imports); an id that
        is already registered is refused.
        """
        if case_id is not None and not isinstance(case_id, UUID):
            raise InvalidCase("a case id is a UUID")
        case_id = case_id or self.new_id()
        if case_id in self.repository:
            raise CaseAlreadyRegistered(f"case {case_id} is already registered")
        case = Case.register(case_id, parent_a, parent_b, children, trajectory_type, actor, today=self.today())
        self.save(case, conflict=CaseAlreadyRegistered(f"case {case_id} is already registered"))
        return case_id

    def today(self) -> date:
        """Today in the Netherlands, by this application's clock."""
        return practice_day(self.clock())

    def registered_cases(self) -> list[RegisteredCase]:
        """Every case registered, oldest first: its id, the position and the moment of its registration."""
        return [RegisteredCase(n.originator_id, n.id, self.mapper.to_domain_event(n).timestamp)
                for n in self.notifications_of([f"{Case.__module__}:Case.CaseRegistered"])]

    def case(self, case_id: UUID) -> CaseView:
        """The case header: trajectory type, parents (authority, enrolment) and children."""
        return _case(self, case_id).view()

    def as_of(self, moment: datetime) -> AgreementsAsOf:
        """The shared agreements as they stood at ``moment`` (what a court report reads)."""
        return AgreementsAsOf(self, moment)

    def record_parental_authority(self, case_id: UUID, parent: str, has_authority: bool, actor: str) -> None:
        """Record whether a parent ("parent_a"/"parent_b") has parental authority (ouderlijk gezag)."""
        self.change(case_id, Case, lambda case: case.record_parental_authority(parent, has_authority, actor),
                    missing=NO_CASE)

    def record_case_region(self, case_id: UUID, region: str, actor: str) -> CaseView:
        """Record the family's school-holiday region (noord, midden, zuid); returns the header."""
        return self.change(case_id, Case, lambda case: case.record_region(region, actor), missing=NO_CASE,
                           view=Case.view)

    def enrol_parent(self, case_id: UUID, parent: str, actor: str) -> None:
        """A parent who was absent from the trajectory joins it."""
        self.change(case_id, Case, lambda case: case.enrol_parent(parent, actor), missing=NO_CASE)

    def move_to_next_phase(self, case_id: UUID, *, trajectory_type: str, reason: str, actor: str) -> CaseView:
        """Move the case on to its next phase (a next trajectory type of the current one), with the reason.

        Ground rules, transparency agreements and staff stay with the case; each side opens the
        new phase's trajectory with its own intake once it has closed the previous one.
        """
        return self.change(case_id, Case, lambda case: case.move_to_phase(trajectory_type, reason, actor),
                           missing=NO_CASE, view=Case.view)

    def erase_private_text(self, case_id: UUID, actor: str, reason: str) -> CaseView:
        """Erase the case's private text in this context: record why, then destroy the case key.

        ``reason``: "retention period ended" or "erasure request". Dispute subjects, positions,
        decisions and their reasoning, every reason and why of joint sessions, phases, revocations
        and contact schedules read "[gewist]" from then on. Repeating it makes sure the key is gone.
        """
        case = _case(self, case_id)
        if case.erase_private_text(reason, actor):
            self.save(case)
        # The key goes after the event is stored: a crash in between leaves a record that a repeat completes.
        self.case_keys.destroy(case_id)
        return self.case(case_id)

    def draft_ground_rules(self, case_id: UUID, rules: Mapping[str, Sequence[str]], actor: str) -> int:
        """Draft a new version of the ground rules (the first, or an amendment); returns its number.

        ``rules`` maps a category (see ``CATEGORY_CODES``) to its rules in order. A version
        still offered for signature is withdrawn; the version in force stays in force.
        """
        rule_set = _of_case(self, case_id, RuleSet)
        if rule_set is None:
            rule_set, version = RuleSet.start(case_id, rules, actor), 1
        else:
            version = rule_set.draft_version(rules, actor)
        self.save(rule_set)
        return version

    def revise_ground_rules_draft(
        self, case_id: UUID, version: int, rules: Mapping[str, Sequence[str]], actor: str
    ) -> None:
        """Change the rules of a draft version; an offered version cannot change."""
        _change_existing(self, case_id, RuleSet, lambda rule_set: rule_set.revise_draft(version, rules, actor))

    def offer_ground_rules(self, case_id: UUID, version: int, actor: str) -> str:
        """Freeze a draft and offer it to every enrolled parent; returns the SHA-256 of its text."""
        signers = _case(self, case_id).enrolled_parents
        rule_set = _existing(self, case_id, RuleSet)
        text_hash = rule_set.offer(version, signers, actor)
        self.save(rule_set)
        return text_hash

    def sign_ground_rules(
        self, case_id: UUID, version: int, parent: str, text_hash: str, method: str, actor: str,
        signed_on: date | None = None,
    ) -> RuleVersionView:
        """Record a parent's signature on the offered text whose SHA-256 is ``text_hash``.

        ``method`` is one of ``SIGNATURE_METHODS``; ``actor`` is who records it; ``signed_on`` the
        day the parent signed when that was before today (a wet signature received later).
        Refused when the hash is not that of the offered text, or the day has not come. The
        version comes into force once every parent asked to sign has signed.
        """
        return _change_existing(
            self, case_id, RuleSet,
            lambda rule_set: rule_set.sign(version, parent, text_hash, method, actor, signed_on=signed_on,
                                           today=self.today()),
        ).view().versions[version - 1]

    def revoke_ground_rules(self, case_id: UUID, version: int, reason: str, actor: str) -> None:
        """Revoke the version in force, with the reason; afterwards no ground rules are in force."""
        _change_existing(self, case_id, RuleSet, lambda rule_set: rule_set.revoke(version, reason, actor))

    def ground_rules(self, case_id: UUID) -> GroundRulesView:
        """Every version of the case's ground rules: text, offer, signatures, period in force, revocation;
        and the parents enrolled after the version in force came into force, whose signature it lacks."""
        rule_set = _of_case(self, case_id, RuleSet)
        if rule_set is None:
            return GroundRulesView(case_id=case_id, versions=())
        view, enrolled = rule_set.view(), _case(self, case_id).enrolled_parents
        in_force = view.in_force
        awaiting = tuple(p for p in enrolled if in_force is not None and p not in in_force.signers)
        return replace(view, awaiting_signature_of=awaiting)

    def rules_in_force(self, case_id: UUID) -> RuleVersionView | None:
        """The version of the ground rules in force now, or None."""
        return self.ground_rules(case_id).in_force

    def raise_dispute(self, case_id: UUID, subject: str, raised_by: str, actor: str) -> int:
        """Record a dispute raised by one parent; returns its number within the case."""
        log = _of_case(self, case_id, DecisionLog) or DecisionLog.open(case_id, actor)
        number = log.raise_dispute(subject, raised_by, actor)
        self.save(log)
        return number

    def relay_position(self, case_id: UUID, dispute: int, parent: str, position: str, actor: str) -> None:
        """Record one parent's position in a dispute, as the coordinator relays it."""
        _change_existing(self, case_id, DecisionLog, lambda log: log.relay_position(dispute, parent, position, actor))

    def decide_dispute(
        self, case_id: UUID, dispute: int, decision: str, reasoning: str, actor: str,
        missing_positions: Mapping[str, str] | None = None,
    ) -> None:
        """Take the binding decision on a dispute, with its reasoning; it binds both parents.

        Both parents' positions are relayed first, or ``missing_positions`` says per parent why not.
        """
        _change_existing(self, case_id, DecisionLog,
                         lambda log: log.decide(dispute, decision, reasoning, actor, missing_positions))

    def decisions(self, case_id: UUID) -> tuple[DisputeView, ...]:
        """Every dispute of the case with the positions relayed and the binding decision."""
        log = _of_case(self, case_id, DecisionLog)
        return log.view() if log else ()

    def agree_transparency(
        self, case_id: UUID, parent: str, categories: Sequence[str], agreed_on: date, actor: str
    ) -> None:
        """Record which kinds of information (``SHAREABLE_CATEGORIES``) a parent lets the other side see."""
        agreements = _of_case(self, case_id, TransparencyAgreements) or TransparencyAgreements.open(case_id, actor)
        agreements.agree(parent, categories, agreed_on, actor)
        self.save(agreements)

    def transparency(self, case_id: UUID) -> TransparencyView:
        """Every transparency agreement of the case, oldest first."""
        agreements = _of_case(self, case_id, TransparencyAgreements)
        return agreements.view() if agreements else TransparencyView(case_id=case_id, history=())


def _case(app: SharedAgreements, case_id: UUID) -> Case:
    return app.load(case_id, Case, NO_CASE)


def _of_case(app: SharedAgreements, case_id: UUID, kind: type) -> Any:
    """The case's one aggregate of that kind, or None; the case itself must exist."""
    return app.find(kind.id_for(_case(app, case_id).id), kind)


_NOTHING_YET: dict[type, tuple[type[DomainError], str]] = {
    RuleSet: (VersionNotFound, "this case has no ground rules yet; draft them first"),
    DecisionLog: (DisputeNotFound, "this case has no disputes yet"),
}


def _existing(app: SharedAgreements, case_id: UUID, kind: type) -> Any:
    error, message = _NOTHING_YET[kind]
    return app.load(kind.id_for(_case(app, case_id).id), kind, error(message))


def _change_existing(app: SharedAgreements, case_id: UUID, kind: type, command: Any) -> Any:
    """The base idiom on the case's one aggregate of that kind, which must exist already."""
    error, message = _NOTHING_YET[kind]
    return app.change(kind.id_for(_case(app, case_id).id), kind, command, missing=error(message))
