"""Who works on one case: each side's counsellor, the child counsellors, the coordinators.

The lines of the design are kept here, where the assignments are made: a counsellor never
counsels both sides of one case, and a child counsellor is never either side's counsellor.
"""

from __future__ import annotations

from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.platform.errors import Invalid

from .roles import Side

STAFFING_NAMESPACE = uuid5(NAMESPACE_URL, "https://evenwijdig.nl/case-staffing")


class AssignmentRefused(Invalid):
    pass


def staffing_id(case_id: UUID) -> UUID:
    return uuid5(STAFFING_NAMESPACE, str(case_id))


class CaseStaffing(Aggregate):
    @staticmethod
    def create_id(case_id: UUID, **_: object) -> UUID:
        return staffing_id(case_id)

    @event("Opened")
    def __init__(self, case_id: UUID, actor: str) -> None:
        self.case_id = case_id
        self.counsellors: dict[str, str] = {}
        self.child_counsellors: list[str] = []
        self.coordinators: list[str] = []

    def side_of(self, user: str) -> Side | None:
        for side, counsellor in self.counsellors.items():
            if counsellor == user:
                return Side(side)
        return None

    def assign_counsellor(self, side: Side, user: str, actor: str, reason: str) -> None:
        other = Side.PARENT_B if side is Side.PARENT_A else Side.PARENT_A
        if self.counsellors.get(other.value) == user:
            raise AssignmentRefused("a counsellor cannot counsel both sides of one case")
        if user in self.child_counsellors:
            raise AssignmentRefused("this person holds the child conversations of this case")
        if self.counsellors.get(side.value) == user:
            raise AssignmentRefused("this counsellor is already assigned to that side")
        self._counsellor_assigned(side=side.value, user=user, actor=actor, reason=reason.strip())

    @event("CounsellorAssigned")
    def _counsellor_assigned(self, side: str, user: str, actor: str, reason: str) -> None:
        self.counsellors[side] = user

    def assign_child_counsellor(self, user: str, actor: str) -> None:
        if self.side_of(user) is not None:
            raise AssignmentRefused("a side's counsellor cannot hold the child conversations of the same case")
        if user in self.child_counsellors:
            raise AssignmentRefused("this child counsellor is already assigned")
        self._child_counsellor_assigned(user=user, actor=actor)

    @event("ChildCounsellorAssigned")
    def _child_counsellor_assigned(self, user: str, actor: str) -> None:
        self.child_counsellors = [*self.child_counsellors, user]

    def assign_coordinator(self, user: str, actor: str) -> None:
        if self.side_of(user) is not None or user in self.child_counsellors:
            raise AssignmentRefused("the coordinator of a case cannot also counsel in it")
        if user in self.coordinators:
            raise AssignmentRefused("this coordinator is already assigned")
        self._coordinator_assigned(user=user, actor=actor)

    @event("CoordinatorAssigned")
    def _coordinator_assigned(self, user: str, actor: str) -> None:
        self.coordinators = [*self.coordinators, user]

    def unassign(self, user: str, actor: str, reason: str) -> None:
        if self.side_of(user) is None and user not in self.child_counsellors and user not in self.coordinators:
            raise AssignmentRefused("this person is not assigned to the case")
        if not reason.strip():
            raise AssignmentRefused("say why the assignment ends")
        self._unassigned(user=user, actor=actor, reason=reason.strip())

    @event("Unassigned")
    def _unassigned(self, user: str, actor: str, reason: str) -> None:
        self.counsellors = {side: u for side, u in self.counsellors.items() if u != user}
        self.child_counsellors = [u for u in self.child_counsellors if u != user]
        self.coordinators = [u for u in self.coordinators if u != user]
