"""Who is assigned to what, by user: a disposable read model of the directory's events.

It catches up from the directory's own notification log before every read, so several
gateway processes over one store all see every assignment without a subscription
(SQLite has none), and it can always be thrown away and rebuilt from position zero.
It is kept by user because every request asks "what is this user on this case": the
answer must not cost more with ten thousand cases stored than with a hundred.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING
from uuid import UUID

from eventsourcing.persistence import Notification

from services.staff_directory.api import Assignment
from services.staff_directory.domain.roles import Role
from services.staff_directory.domain.staffing import CaseStaffing

if TYPE_CHECKING:
    from services.staff_directory.application import StaffDirectory

PAGE = 500


def assignment_in(staffing: CaseStaffing, user: str) -> Assignment | None:
    """What ``user`` is on this staffing: a side first, then child counsellor, coordinator, begeleider."""
    side = staffing.side_of(user)
    if side is not None:
        return Assignment(Role.COUNSELLOR, side)
    if user in staffing.child_counsellors:
        return Assignment(Role.CHILD_COUNSELLOR)
    if user in staffing.coordinators:
        return Assignment(Role.COORDINATOR)
    if user in staffing.mediators:
        return Assignment(Role.MEDIATOR)
    return None


def _members(staffing: CaseStaffing | None) -> set[str]:
    if staffing is None:
        return set()
    return {*staffing.counsellors.values(), *staffing.child_counsellors, *staffing.coordinators, *staffing.mediators}


class AssignmentIndex:
    def __init__(self, directory: StaffDirectory) -> None:
        self._directory = directory
        self._lock = threading.Lock()
        self._position = 0
        self._by_staffing: dict[UUID, CaseStaffing] = {}
        self._by_user: dict[str, dict[UUID, Assignment]] = {}

    def of(self, user: str) -> dict[UUID, Assignment]:
        self.catch_up()
        with self._lock:
            return dict(self._by_user.get(user, {}))

    def on_case(self, user: str, case_id: UUID) -> Assignment | None:
        self.catch_up()
        with self._lock:
            return self._by_user.get(user, {}).get(case_id)

    def catch_up(self) -> None:
        with self._lock:
            head = self._directory.recorder.max_notification_id() or 0
            while self._position < head:
                notifications = self._directory.recorder.select_notifications(
                    start=self._position + 1, limit=PAGE, stop=head, topics=_STAFFING_TOPICS
                )
                for notification in notifications:
                    self._apply(notification)
                self._position = notifications[-1].id if len(notifications) == PAGE else head

    def _apply(self, notification: Notification) -> None:
        previous = self._by_staffing.get(notification.originator_id)
        # Staffing mutates in place: who was on the case must be read before the event applies.
        before = _members(previous)
        staffing = self._directory.mapper.to_domain_event(notification).mutate(previous)
        self._by_staffing[staffing.id] = staffing
        for user in before | _members(staffing):
            found = assignment_in(staffing, user)
            cases = self._by_user.setdefault(user, {})
            if found is None:
                cases.pop(staffing.case_id, None)
            else:
                cases[staffing.case_id] = found


# Release 0.1 stored these events under the module's first home, gateway.directory.staffing.
_STAFFING_TOPICS = [
    f"{module}:CaseStaffing.{name}"
    for module in (CaseStaffing.__module__, "gateway.directory.staffing")
    for name in ("Opened", "CounsellorAssigned", "ChildCounsellorAssigned", "CoordinatorAssigned", "MediatorAssigned",
                 "Unassigned")
]
