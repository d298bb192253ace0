"""Who is assigned to what, by user: a disposable read model of the directory's events.

It catches up from the directory's own notification log before every read, so several
gateway processes over one store all see every assignment without a subscription
(SQLite has none), and it can always be thrown away and rebuilt from position zero.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING
from uuid import UUID

from .roles import Role, Side
from .staffing import CaseStaffing

if TYPE_CHECKING:
    from .application import StaffDirectory

PAGE = 500


@dataclass(frozen=True)
class Assignment:
    role: Role
    side: Side | None = None


class AssignmentIndex:
    def __init__(self, directory: StaffDirectory) -> None:
        self._directory = directory
        self._lock = threading.Lock()
        self._position = 0
        self._by_staffing: dict[UUID, CaseStaffing] = {}
        self._cases: dict[UUID, CaseStaffing] = {}

    def of(self, user: str) -> dict[UUID, Assignment]:
        self.catch_up()
        found: dict[UUID, Assignment] = {}
        for case_id, staffing in self._cases.items():
            side = staffing.side_of(user)
            if side is not None:
                found[case_id] = Assignment(Role.COUNSELLOR, side)
            elif user in staffing.child_counsellors:
                found[case_id] = Assignment(Role.CHILD_COUNSELLOR)
            elif user in staffing.coordinators:
                found[case_id] = Assignment(Role.COORDINATOR)
        return found

    def catch_up(self) -> None:
        with self._lock:
            head = self._directory.recorder.max_notification_id() or 0
            while self._position < head:
                notifications = self._directory.recorder.select_notifications(
                    start=self._position + 1, limit=PAGE, stop=head, topics=_STAFFING_TOPICS
                )
                for notification in notifications:
                    event = self._directory.mapper.to_domain_event(notification)
                    staffing = event.mutate(self._by_staffing.get(notification.originator_id))
                    self._by_staffing[notification.originator_id] = staffing
                    self._cases[staffing.case_id] = staffing
                self._position = notifications[-1].id if len(notifications) == PAGE else head


_STAFFING_TOPICS = [
    f"{CaseStaffing.__module__}:CaseStaffing.{name}"
    for name in ("Opened", "CounsellorAssigned", "ChildCounsellorAssigned", "CoordinatorAssigned", "Unassigned")
]
