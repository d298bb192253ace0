"""How this side acts on the facts the flows bring: the case file first, then the trajectory if any.

Each fact is one upstream notification's effect on this side; the application stores what
is collected here with the tracking record of that notification, in one transaction.
Nothing here refuses: the owning context decided, this side records it.
"""

from __future__ import annotations

from typing import Any, Callable
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, ProcessingEvent

from services.parent_side.api import (
    CounsellorAssigned, CounsellorUnassigned, HeaderRegistered, ParentalAuthorityRecorded, ParentEnrolled,
    PhaseStarted, RegionRecorded, SchoolHolidaysPublished,
)
from services.parent_side.domain.case_file import CaseFile, case_file_id
from services.parent_side.domain.school_calendar import SCHOOL_CALENDAR_ID, SchoolCalendar
from services.parent_side.domain.trajectory import phase_trajectory_ids
from services.platform.private_text import PrivateText

#: Said on the trajectory when the staff directory gave no reason for a change of counsellor.
NO_REASON_GIVEN = "toegewezen in de personeelsadministratie"

Load = Callable[[Any], Any]


def apply(load: Load, fact: Any, processing_event: ProcessingEvent[Any]) -> None:
    """Apply one inbound fact; ``load`` gets an aggregate by id, or None."""
    if isinstance(fact, SchoolHolidaysPublished):
        _receive_holidays(load, fact, processing_event)
        return
    case_file = load(case_file_id(fact.case_id))
    # The trajectory of the latest phase this side opened follows the header and the directory.
    phase = case_file.phase if case_file is not None else 1
    trajectory = next(filter(None, map(load, phase_trajectory_ids(fact.case_id, phase))), None)
    on = fact.at.date()
    if isinstance(fact, HeaderRegistered):
        header = dict(parent=fact.parent, enrolled=fact.enrolled, parental_authority=fact.parental_authority,
                      children=[child.as_dict() for child in fact.children], trajectory_type=fact.trajectory_type,
                      registered_at=fact.at, actor=fact.actor)
        if case_file is None:
            case_file = CaseFile.with_header(fact.case_id, **header)
        else:
            case_file.receive_header(**header)
        processing_event.collect_events(case_file)
        return
    case_file = case_file or CaseFile.opened(fact.case_id, fact.actor)
    if isinstance(fact, ParentalAuthorityRecorded):
        case_file.change_parental_authority(has_authority=fact.has_authority, at=fact.at, actor=fact.actor)
        if trajectory is not None:
            trajectory.follow_parental_authority(fact.has_authority, on, fact.actor)
    elif isinstance(fact, ParentEnrolled):
        case_file.enrol(at=fact.at, actor=fact.actor)
    elif isinstance(fact, PhaseStarted):
        case_file.start_phase(trajectory_type=fact.trajectory_type, at=fact.at, actor=fact.actor)
        if trajectory is not None and trajectory.phase < case_file.phase:
            trajectory.follow_phase_end(on, fact.actor)
    elif isinstance(fact, RegionRecorded):
        case_file.receive_region(region=fact.region, at=fact.at, actor=fact.actor)
    elif isinstance(fact, CounsellorAssigned):
        # The directory's why can name a person: it is stored here only as this side's private text.
        reason = _private(fact.case_id, fact.reason)
        case_file.assign_counsellor(counsellor=fact.counsellor, at=fact.at, actor=fact.actor, reason=reason)
        if trajectory is not None:
            trajectory.follow_counsellor(fact.counsellor, reason or NO_REASON_GIVEN, on, fact.actor)
    elif isinstance(fact, CounsellorUnassigned):
        case_file.end_assignment(counsellor=fact.counsellor, at=fact.at, actor=fact.actor,
                                 reason=_private(fact.case_id, fact.reason))
    else:
        raise TypeError(f"not a fact this side receives: {type(fact).__name__}")
    processing_event.collect_events(case_file, *([trajectory] if trajectory is not None else []))


def _receive_holidays(load: Load, fact: SchoolHolidaysPublished, processing_event: ProcessingEvent[Any]) -> None:
    calendar = load(SCHOOL_CALENDAR_ID) or SchoolCalendar.started(fact.actor)
    holidays = [period.as_record() for period in fact.holidays]
    calendar.receive(region=fact.region, school_year=fact.school_year, holidays=holidays, at=fact.at,
                     actor=fact.actor)
    processing_event.collect_events(calendar)


def _private(case_id: UUID, reason: str) -> PrivateText | str:
    return PrivateText(case_id, reason) if reason else ""


def loader(repository: Any) -> Load:
    def load(aggregate_id: Any) -> Any:
        try:
            return repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None

    return load

