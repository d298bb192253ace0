"""The facts that cross contexts, one way (the design's section 7), wired by the composition root.

    shared agreements ──case header of X──▶ parent side X   (this parent's name, enrolment,
                                                             authority; the children; the type
                                                             and each next phase, without its reason)
    staff directory   ──counsellor of X───▶ parent side X   (who, from when, by whom, why)
    shared agreements ──case registered───▶ staff directory (the case exists; its registering
                                                             coordinator is assigned)

This module is the only code that knows both ends of a flow: it names the upstream topics
and translates an upstream event into the downstream context's own inbound facts
(``services.parent_side.api``, ``services.staff_directory.api``), for one side only. The
downstream's ``FlowFollower`` stores their effect with the upstream position it processed.
Parent A and parent B never follow each other.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Sequence

from eventsourcing.utils import get_topic

from services.parent_side import api as side_api
from services.parent_side.application import ParentSide
from services.platform.private_text import PrivateText
from services.shared_agreements.application import SharedAgreements
from services.shared_agreements import api as shared_api
from services.staff_directory import api as directory_api
from services.staff_directory.application import StaffDirectory

HEADER_EVENTS = (shared_api.CaseRegistered, shared_api.ParentalAuthorityRecorded, shared_api.ParentEnrolled,
                 shared_api.PhaseStarted, shared_api.RegionRecorded)
# Practice data, no case and no person: every side receives every list.
SCHOOL_HOLIDAY_EVENTS = (shared_api.SchoolHolidaysImported, shared_api.SchoolHolidaysReplaced)
STAFFING_EVENTS = (directory_api.CounsellorAssigned, directory_api.Unassigned)
# Release 0.1 stored the directory's events under its first module, gateway.directory.staffing.
OLD_STAFFING_MODULE = "gateway.directory.staffing"


def topics_of(classes: Sequence[type], *, old_module: str | None = None) -> tuple[str, ...]:
    topics = [get_topic(cls) for cls in classes]
    if old_module:
        topics += [f"{old_module}:{cls.__qualname__}" for cls in classes]
    return tuple(topics)


def header_for(side: str) -> Callable[[Any], Sequence[Any]]:
    """The case header's events as side ``side`` may know them: its own parent only."""

    def translate(event: Any) -> Sequence[Any]:
        case_id, at = event.originator_id, event.timestamp
        if isinstance(event, (shared_api.SchoolHolidaysImported, shared_api.SchoolHolidaysReplaced)):
            return (school_holidays(event),)
        if isinstance(event, shared_api.RegionRecorded):
            return (side_api.RegionRecorded(case_id, event.region, at, event.actor),)
        if isinstance(event, shared_api.CaseRegistered):
            parent = event.parents[side]
            children = tuple(side_api.Child(c["first_name"], date.fromisoformat(c["date_of_birth"]))
                             for c in event.children)
            return (side_api.HeaderRegistered(
                case_id=case_id, parent=parent["display_name"], enrolled=parent["enrolled"],
                parental_authority=parent["parental_authority"], children=children,
                trajectory_type=event.trajectory_type, at=at, actor=event.actor),)
        if isinstance(event, shared_api.PhaseStarted):
            # Both sides follow the case into its next phase; the reason stays in the shared context.
            return (side_api.PhaseStarted(case_id, event.trajectory_type, at, event.actor),)
        if getattr(event, "parent", None) != side:
            return ()
        if isinstance(event, shared_api.ParentalAuthorityRecorded):
            return (side_api.ParentalAuthorityRecorded(case_id, event.has_authority, at, event.actor),)
        return (side_api.ParentEnrolled(case_id, at, event.actor),)

    return translate


def school_holidays(event: Any) -> side_api.SchoolHolidaysPublished:
    holidays = tuple(side_api.HolidayPeriod.from_record(record, event.region) for record in event.holidays)
    return side_api.SchoolHolidaysPublished(event.region, event.school_year, holidays, event.timestamp, event.actor)


def staffing_for(side: str, directory: StaffDirectory) -> Callable[[Any], Sequence[Any]]:
    """The directory's assignments of side ``side``'s counsellor; nothing of the other side."""

    def translate(event: Any) -> Sequence[Any]:
        # The staffing as it stood before this event: its case, and which side a leaver counselled.
        before = directory.repository.get(event.originator_id, version=event.originator_version - 1)
        if isinstance(event, directory_api.CounsellorAssigned):
            if event.side != side:
                return ()
            return (side_api.CounsellorAssigned(before.case_id, event.user, event.timestamp, event.actor,
                                                _text(event.reason)),)
        leaving = before.side_of(event.user)
        if leaving is None or leaving.value != side:
            return ()
        return (side_api.CounsellorUnassigned(before.case_id, event.user, event.timestamp, event.actor,
                                              _text(event.reason)),)

    return translate


def _text(reason: PrivateText | str) -> str:
    """The directory's why as plain text for the side, which stores it as its own private text; an erased
    why (or one stored before it was private, or none) arrives as what it is: nothing, or the clear text."""
    if isinstance(reason, PrivateText):
        return reason.text or ""
    return reason


def registered_case(event: Any) -> Sequence[Any]:
    return (directory_api.CaseRegistered(event.originator_id, event.actor, event.timestamp),)


def connect(shared: SharedAgreements, directory: StaffDirectory, sides: Sequence[ParentSide]) -> None:
    """Wire every flow, and prompt each downstream right after its upstream saves in this process."""
    registered = topics_of((shared_api.CaseRegistered,))
    directory.follow_upstream(shared, registered, registered_case)
    shared.on_saved(registered, lambda: directory.catch_up(strict=False))
    header = topics_of(HEADER_EVENTS + SCHOOL_HOLIDAY_EVENTS)
    staffing = topics_of(STAFFING_EVENTS, old_module=OLD_STAFFING_MODULE)
    for side in sides:
        # The header first: a side learns of its counsellor only for a case it knows.
        side.follow_upstream(shared, header, header_for(side.side))
        side.follow_upstream(directory, staffing, staffing_for(side.side, directory))
        shared.on_saved(header, _prompt(side))
        directory.on_saved(staffing, _prompt(side))


def _prompt(side: ParentSide) -> Callable[[], None]:
    return lambda: side.catch_up(strict=False)
