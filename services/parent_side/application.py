"""The parent-side application: one parent's trajectory, in whichever store it is given.

Parent A and parent B are this same code with a different name, so a different store
and credential. Every command loads this side's trajectory of the case, runs one
command on it, saves, and returns the trajectory as saved: the caller's answer needs no second read,
which could fail after the commit and tell the client nothing was done when it was. A refused
command raises a ``DomainError`` and saves nothing.

The side follows the case header and the staff directory (``FlowFollower``, wired by the
composition root): before a command or read it catches up, so the trajectory opens from
the case as registered and names the counsellor of each moment.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Callable, Iterable, Mapping
from uuid import UUID

from eventsourcing.application import ProcessingEvent

from services.parent_side import inbound
from services.parent_side.as_of import SideAsOf
from services.parent_side.domain.case_file import CaseFile, case_file_id
from services.parent_side.domain.catalogue import template
from services.parent_side.domain.child_room import ChildConversationRoom, room_of
from services.parent_side.domain.errors import (
    ConcurrentChange, InvalidRecord, NotEnrolled, PreviousPhaseOpen, TrajectoryAlreadyOpened, TrajectoryNotFound,
)
from services.parent_side.domain.progress import Progress, progress_with
from services.parent_side.domain.school_calendar import SCHOOL_CALENDAR_ID, SchoolCalendar
from services.parent_side.domain.records import RETENTION_ENDED
from services.parent_side.domain.templates import TrajectoryRules
from services.parent_side.domain.term import FamilyHolidays
from services.parent_side.domain.trajectory import Trajectory, phase_trajectory_id, phase_trajectory_ids
from services.parent_side.domain.view import TrajectoryView, view_of
from services.platform.application import Clock, ContextApplication
from services.platform.flow import FlowFollower
from services.platform.practice_day import practice_day
from services.platform.private_text import PrivateText

# Jeugdwet art. 7.3.8: a youth-care file is kept twenty years (here: from the closing).
JEUGDWET_RETENTION_YEARS = 20
NO_TRAJECTORY = "there is no trajectory for this case"


class ParentSide(ContextApplication, FlowFollower):
    """The application of one parent's side; A and B subclass it only to get a name and their slot.

    ``retention_years``: how long private text is kept after the closing (Jeugdwet: 20).
    ``clock``: says which day an erasure on request is recorded for; tests pass a fixed one.
    """

    not_found = TrajectoryNotFound
    conflict = ConcurrentChange
    conflict_message = "someone else changed this trajectory in the meantime; reload it and try again"

    def __init__(
        self, store: Mapping[str, str], *, retention_years: int = JEUGDWET_RETENTION_YEARS, clock: Clock | None = None,
    ) -> None:
        if not isinstance(retention_years, int) or retention_years < 1:
            raise ValueError(f"{self.name}: the retention period must be at least one year")
        self.retention_years = retention_years
        super().__init__(store, clock=clock)

    #: This side's slot in the case header ("parent_a" or "parent_b"), set by the subclass.
    side: str = ""

    # Facts from the other contexts ---------------------------------------------------------

    def policy(self, facts: Any, processing_event: ProcessingEvent[Any]) -> None:  # type: ignore[override]
        for fact in facts:
            inbound.apply(inbound.loader(self.repository), fact, processing_event)

    # Steps 1-3 --------------------------------------------------------------------------

    def open_trajectory(
        self, case_id: UUID, *, on: date, actor: str, trajectory_type: str | None = None,
        tailor: Callable[[TrajectoryRules], TrajectoryRules] | None = None,
    ) -> TrajectoryView:
        """Step 1, the intake: open this parent's trajectory of the case; returns it as opened.

        The parent, the children, parental authority and the trajectory type come from the case
        header; ``tailor`` tailors the type's rules. ``trajectory_type``, when given, must be
        the case's. Refused for a parent the case does not enrol. One trajectory per phase of
        the case per side: a second intake is refused with ``TrajectoryAlreadyOpened``; the
        next phase's intake waits until this side closed the previous phase (``PreviousPhaseOpen``).
        """
        self.catch_up()
        case = self.case_file(case_id)
        if not case.enrolled:
            raise NotEnrolled("this parent does not take part in the case; the coordinator enrols them first")
        if trajectory_type is not None and trajectory_type != case.trajectory_type:
            raise InvalidRecord(f"this case follows {case.trajectory_type!r}; a trajectory of it has that type")
        rules = template(case.trajectory_type or "")
        rules = tailor(rules) if tailor else rules
        if rules.template != case.trajectory_type:
            raise InvalidRecord("tailoring keeps the case's trajectory type")
        self._check_phase_is_new(case_id, case.phase)
        trajectory = Trajectory.open(
            case_id=case_id, parent=case.parent, children=case.children, rules=rules,
            counsellor=case.counsellor or actor, parental_authority=case.parental_authority, on=on, actor=actor,
            phase=case.phase,
        )
        self.save(trajectory, conflict=TrajectoryAlreadyOpened("this parent already has a trajectory in this case"))
        return view_of(trajectory)

    def propose_goals(
        self, case_id: UUID, *, goals: Iterable[str], themes: Iterable[str], on: date, actor: str,
        rules: TrajectoryRules | None = None,
    ) -> TrajectoryView:
        """Step 2: propose tailored goals and themes (standard theme codes or free text).

        ``rules`` tailors the type's rules as part of the proposal. A new proposal replaces
        the previous one and needs the parent's agreement again.
        """
        return self._change(case_id, lambda t: t.propose_goals(goals, themes, on, actor, rules))

    def record_consent(
        self, case_id: UUID, *, scopes: Iterable[str], given_by: Iterable[str], given_on: date, actor: str,
    ) -> TrajectoryView:
        """Record parental consent: ``scopes`` "trajectory" and/or "child_conversations", who gave it, when."""
        return self._change(case_id, lambda t: t.record_consent(scopes, given_by, given_on, actor))

    def withdraw_consent(
        self, case_id: UUID, *, scopes: Iterable[str], withdrawn_by: Iterable[str], on: date, actor: str,
    ) -> TrajectoryView:
        """Record that consent was withdrawn; from that day, what needed it is refused."""
        return self._change(case_id, lambda t: t.withdraw_consent(scopes, withdrawn_by, on, actor))

    def confirm_parental_authority(self, case_id: UUID, *, on: date, actor: str) -> TrajectoryView:
        """Record that the parent has parental authority (required by most trajectory types).

        Parental authority is recorded in the case header and reaches the trajectory by the
        flow; when it already stands there is nothing to record, and nothing is.
        """
        return self._change(
            case_id, lambda t: None if t.parental_authority else t.confirm_parental_authority(on, actor))

    def record_agreement(self, case_id: UUID, *, on: date, actor: str) -> TrajectoryView:
        """Record the parent's agreement to the current proposal."""
        return self._change(case_id, lambda t: t.record_agreement(on, actor))

    def start(self, case_id: UUID, *, on: date, actor: str) -> TrajectoryView:
        """Step 3: start the trajectory; needs the agreement and, for a child under 16, consent."""
        return self._change(case_id, lambda t: t.start(on, actor))

    # The running trajectory ------------------------------------------------------------

    def plan_session(self, case_id: UUID, *, on: date, actor: str) -> TrajectoryView:
        """Plan an individual session on a day; refused off the cadence, past the term or the limit."""
        return self._change(case_id, lambda t: t.plan_session(on, actor, self._holidays(case_id)))

    def cancel_planned_session(self, case_id: UUID, *, on: date, reason: str, actor: str) -> TrajectoryView:
        """Take the session planned on that day out of the plan, with the reason."""
        return self._change(case_id, lambda t: t.cancel_planned_session(on, reason, actor))

    def record_session(
        self, case_id: UUID, *, on: date, duration_minutes: int, themes: Iterable[str],
        note: PrivateText | None, attended: bool, actor: str, missed_reason: str | None = None,
    ) -> TrajectoryView:
        """Record an individual session: attended (duration, themes, private note) or missed (and why)."""
        return self._change(case_id, lambda t: t.record_session(
            on, duration_minutes, themes, note, attended, actor, missed_reason=missed_reason,
            holidays=self._holidays(case_id), today=self.today(),
        ))

    def record_child_conversation(
        self, case_id: UUID, *, child: str, held_by: str, on: date, summary: PrivateText, actor: str,
    ) -> TrajectoryView:
        """Record a child conversation, held by ``held_by``: never this parent's own counsellor."""
        return self._change(case_id, lambda t: t.record_child_conversation(
            child, held_by, on, summary, actor, self._holidays(case_id), self.today()))

    def reassign_counsellor(
        self, case_id: UUID, *, counsellor: str, reason: str, on: date, actor: str,
    ) -> TrajectoryView:
        """Assign another counsellor to this parent, with the reason."""
        return self._change(case_id, lambda t: t.reassign_counsellor(counsellor, reason, on, actor))

    # The end -----------------------------------------------------------------------------

    def close_trajectory(self, case_id: UUID, *, on: date, evaluation: PrivateText, actor: str) -> TrajectoryView:
        """Close the trajectory with its closing evaluation; private text is kept for the retention term."""
        closed = self._change(case_id, lambda t: t.close(on, evaluation, self.retention_years, actor))
        self.case_keys.set_retention(case_id, closed.retain_until)
        return closed

    def release_evaluation_for_court(self, case_id: UUID, *, on: date, actor: str) -> TrajectoryView:
        """Record the parent's decision to release the closing evaluation for a court report."""
        return self._change(case_id, lambda t: t.release_evaluation_for_court(on, actor))

    def withdraw_release(self, case_id: UUID, *, on: date, actor: str, reason: str | None = None) -> TrajectoryView:
        """Record the parent's withdrawal of the release; refused once a report was made with it."""
        return self._change(case_id, lambda t: t.withdraw_release(on, actor, reason))

    def record_report_made(self, case_id: UUID, *, report_id: UUID, at: datetime, actor: str) -> TrajectoryView:
        """Record that court report ``report_id`` included the released evaluations (locks the releases).

        A report shows every phase of the case, so each phase whose evaluation is released records it.
        """
        self.catch_up(strict=False)
        phases = self._phases(case_id)
        released = [t for t in phases if t.is_released] or phases[:1]
        for trajectory in released:
            trajectory.record_report_made(report_id, at, actor)
        self.save(*released)
        return view_of(phases[0])

    def erase_private_text(self, case_id: UUID, actor: str, reason: str) -> TrajectoryView:
        """Erase the private text of a closed trajectory: record why, then destroy the case key.

        ``reason``: "retention period ended" (only once the term has passed) or "erasure request".
        Repeating it is harmless and makes sure the key is gone.
        """
        return view_of(self._erase(case_id, actor, reason, self.clock().date()))

    def erase_expired(self, on: date, actor: str) -> list[UUID]:
        """Erase the private text of every case whose retention term has ended by ``on``."""
        due = self.case_keys.due_for_erasure(on)
        for case_id in due:
            self._erase(case_id, actor, RETENTION_ENDED, on)
        return due

    def today(self) -> date:
        """Today where the practice works (the Netherlands), by this application's clock."""
        return practice_day(self.clock())

    # Reading -----------------------------------------------------------------------------

    def trajectory(self, case_id: UUID) -> TrajectoryView:
        """This parent's trajectory of the case, as a counsellor of this side sees it."""
        self.catch_up(strict=False)
        return view_of(self._get(case_id))

    def as_of(self, moment: datetime) -> SideAsOf:
        """This side as it stood at ``moment`` (what a court report reads), private text redacted."""
        return SideAsOf(self, moment)

    def case_file(self, case_id: UUID) -> CaseFile:
        """What this side knows of the case header and its counsellors; NotFound before the case is registered."""
        case = self.find(case_file_id(case_id), CaseFile) if isinstance(case_id, UUID) else None
        if case is None or not case.header_received:
            raise TrajectoryNotFound("there is no such case")
        return case

    def progress(self, case_id: UUID, *, on: date) -> Progress:
        """The plan against what happened on ``on``: sessions, weeks, child conversations.

        A type that excludes school holidays counts its weeks with the case's region and the
        practice's school-holiday lists; where they do not cover the term, the progress says
        so and claims no end date.
        """
        trajectory = self._get(case_id)
        return progress_with(trajectory, on, self.family_holidays(case_id))

    def child_conversation_room(self, case_id: UUID, *, on: date) -> ChildConversationRoom:
        """Whether consent for child conversations is in force on ``on``, and the conversations left.

        What a child counsellor checks before recording one; never who gave the consent.
        """
        self.catch_up(strict=False)
        return room_of(self._get(case_id), on, self._holidays(case_id))

    def family_holidays(self, case_id: UUID) -> FamilyHolidays:
        """The case's school-holiday region and the practice's lists for it, as this side received them."""
        self.catch_up(strict=False)
        return self._holidays(case_id)

    def _holidays(self, case_id: UUID) -> FamilyHolidays:
        try:
            region = self.case_file(case_id).region
        except TrajectoryNotFound:
            return FamilyHolidays()
        if region is None:
            return FamilyHolidays()
        calendar = self.find(SCHOOL_CALENDAR_ID, SchoolCalendar)
        return FamilyHolidays(region, calendar.calendar_for(region)) if calendar else FamilyHolidays(region)

    # ---------------------------------------------------------------------------------------

    def _get(self, case_id: UUID) -> Trajectory:
        """The trajectory of the latest phase this side opened."""
        return self.load(self._latest_id(case_id), Trajectory, NO_TRAJECTORY)

    def _latest_id(self, case_id: UUID) -> UUID | None:
        """The id of the latest phase's trajectory this side opened (None: none), without loading it."""
        *later, first = phase_trajectory_ids(case_id, self._phase(case_id))
        # Phase 1 needs no look: loading it says whether it exists.
        return next((t for t in later if self.recorder.select_events(t, limit=1)), first)

    def _latest(self, case_id: UUID, phase: int) -> Trajectory | None:
        return next((t for t in map(self._find, phase_trajectory_ids(case_id, phase)) if t is not None), None)

    def _phase(self, case_id: UUID) -> int:
        case = self.find(case_file_id(case_id), CaseFile) if isinstance(case_id, UUID) else None
        return case.phase if case else 1

    def _check_phase_is_new(self, case_id: UUID, phase: int) -> None:
        if self.recorder.select_events(phase_trajectory_id(case_id, phase), limit=1):
            raise TrajectoryAlreadyOpened("this parent already has a trajectory in this phase of the case")
        earlier = self._latest(case_id, phase - 1) if phase > 1 else None
        if earlier is not None and earlier.closed_on is None:
            raise PreviousPhaseOpen(
                f"phase {earlier.phase} of this case is still open on this side; close it with its evaluation "
                "before the intake of the next phase"
            )

    def _find(self, aggregate_id: UUID) -> Trajectory | None:
        return self.find(aggregate_id, Trajectory)

    def _change(self, case_id: UUID, command: Callable[[Trajectory], None]) -> TrajectoryView:
        """The base idiom on the latest phase's trajectory, once this side caught up with the other contexts."""
        # The counsellor of this moment and the case header as it stands, before the rules look.
        self.catch_up(strict=False)
        return self.change(self._latest_id(case_id), Trajectory, command, missing=NO_TRAJECTORY, view=view_of)

    def _phases(self, case_id: UUID) -> list[Trajectory]:
        """Every phase's trajectory this side opened, the latest first; NotFound when there is none."""
        phases = [t for t in map(self._find, phase_trajectory_ids(case_id, self._phase(case_id))) if t is not None]
        if not phases:
            raise TrajectoryNotFound(NO_TRAJECTORY)
        return phases

    def _erase(self, case_id: UUID, actor: str, reason: str, on: date) -> Trajectory:
        # The case key encrypts every phase's text, so every phase records its erasure, or none does.
        phases = self._phases(case_id)
        pending = [t for t in phases if t.erased_on is None]
        for trajectory in pending:
            trajectory.erase_private_text(reason, on, actor)
        if pending:
            self.save(*pending)
        # The key goes after the events are stored: a crash in between leaves a record that a repeat completes.
        self.case_keys.destroy(case_id)
        return phases[0]
