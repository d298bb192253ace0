"""Who works on one case: each side's counsellor, the child counsellors, the coordinators.

The lines of the design are kept here, where the assignments are made, over the whole
history of the case, not only who is assigned now: a person who ever counselled one side
never counsels the other side nor holds the case's child conversations, and a child
counsellor was never either side's counsellor.

Mediation (gezinsbemiddeling): the begeleider (``mediator``) works with both parents as a
role of the shared context. At the switch to parallel parenting each side gets its own
counsellor; the former begeleider may become the counsellor of at most one side, once
their begeleider assignment has ended (the rule above then keeps them off the other side),
and never holds the child conversations. Nobody who counselled a side or held the child
conversations becomes the begeleider of both parents. See docs/practices.md.

A case's staffing is opened by the flow from the shared-agreements context when the case
is registered (``CaseStaffing.Opened``, by the registering coordinator), so assignments
are only ever made to cases that exist.
"""

from __future__ import annotations

from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.platform.errors import Invalid
from services.platform.private_text import PrivateText

from services.staff_directory.domain.roles import Side


STAFFING_NAMESPACE = uuid5(NAMESPACE_URL, "https://evenwijdig.nl/case-staffing")
# Why a case's private text is erased (the same words as in the other contexts).
RETENTION_ENDED, ERASURE_REQUEST = "retention period ended", "erasure request"
ERASURE_REASONS = (RETENTION_ENDED, ERASURE_REQUEST)


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
        # Everyone who ever held the role on this case, kept from the events, never unassigned.
        self.ever_counselled: dict[str, list[str]] = {}
        self.ever_child_counsellors: list[str] = []
        self.mediators: list[str] = []
        self.ever_mediators: list[str] = []

    def side_of(self, user: str) -> Side | None:
        for side, counsellor in self.counsellors.items():
            if counsellor == user:
                return Side(side)
        return None

    def counselled(self, user: str) -> tuple[str, ...]:
        """The sides ``user`` counsels or ever counselled in this case."""
        return tuple(side for side, users in sorted(self.ever_counselled.items()) if user in users)

    def assign_counsellor(self, side: Side, user: str, actor: str, reason: str) -> None:
        other = Side.PARENT_B if side is Side.PARENT_A else Side.PARENT_A
        if other.value in self.counselled(user):
            raise AssignmentRefused("a person who counselled one side of a case can never counsel the other side")
        if user in self.ever_child_counsellors:
            raise AssignmentRefused("this person holds or held the child conversations of this case")
        if user in self.coordinators:
            raise AssignmentRefused("the coordinator of a case cannot also counsel in it")
        if user in self.mediators:
            raise AssignmentRefused("the begeleider of both parents counsels no side; end that assignment first, "
                                    "at the switch to parallel parenting")
        if self.counsellors.get(side.value) == user:
            raise AssignmentRefused("this counsellor is already assigned to that side")
        self._counsellor_assigned(side=side.value, user=user, actor=actor, reason=_private(self.case_id, reason))

    @event("CounsellorAssigned")
    def _counsellor_assigned(self, side: str, user: str, actor: str, reason: PrivateText | str) -> None:
        self.counsellors[side] = user
        self.ever_counselled = {**self.ever_counselled, side: [*self.ever_counselled.get(side, []), user]}

    def assign_child_counsellor(self, user: str, actor: str) -> None:
        if self.counselled(user):
            raise AssignmentRefused("a person who counselled a side of a case can never hold its child conversations")
        if user in self.ever_mediators:
            raise AssignmentRefused("the begeleider of the parents can never hold the child conversations of the case")
        if user in self.coordinators:
            raise AssignmentRefused("the coordinator of a case cannot also counsel in it")
        if user in self.child_counsellors:
            raise AssignmentRefused("this child counsellor is already assigned")
        self._child_counsellor_assigned(user=user, actor=actor)

    @event("ChildCounsellorAssigned")
    def _child_counsellor_assigned(self, user: str, actor: str) -> None:
        self.child_counsellors = [*self.child_counsellors, user]
        self.ever_child_counsellors = [*self.ever_child_counsellors, user]

    def assign_coordinator(self, user: str, actor: str) -> None:
        if self.counselled(user) or user in self.ever_child_counsellors:
            raise AssignmentRefused("the coordinator of a case cannot be someone who counselled in it")
        if user in self.coordinators:
            raise AssignmentRefused("this coordinator is already assigned")
        self._coordinator_assigned(user=user, actor=actor)

    @event("CoordinatorAssigned")
    def _coordinator_assigned(self, user: str, actor: str) -> None:
        self.coordinators = [*self.coordinators, user]

    def assign_mediator(self, user: str, actor: str) -> None:
        """Make ``user`` the begeleider of both parents (gezinsbemiddeling)."""
        if self.counselled(user):
            raise AssignmentRefused("a person who counselled one side of a case can never be the begeleider of both")
        if user in self.ever_child_counsellors:
            raise AssignmentRefused("this person holds or held the child conversations of this case")
        if user in self.mediators:
            raise AssignmentRefused("this begeleider is already assigned")
        self._mediator_assigned(user=user, actor=actor)

    @event("MediatorAssigned")
    def _mediator_assigned(self, user: str, actor: str) -> None:
        self.mediators = [*self.mediators, user]
        self.ever_mediators = [*self.ever_mediators, user]

    def unassign(self, user: str, actor: str, reason: str) -> None:
        if (self.side_of(user) is None and user not in self.child_counsellors and user not in self.coordinators
                and user not in self.mediators):
            raise AssignmentRefused("this person is not assigned to the case")
        if not reason.strip():
            raise AssignmentRefused("say why the assignment ends")
        self._unassigned(user=user, actor=actor, reason=_private(self.case_id, reason))

    @event("Unassigned")
    def _unassigned(self, user: str, actor: str, reason: PrivateText | str) -> None:
        self.counsellors = {side: u for side, u in self.counsellors.items() if u != user}
        self.child_counsellors = [u for u in self.child_counsellors if u != user]
        self.coordinators = [u for u in self.coordinators if u != user]
        self.mediators = [u for u in self.mediators if u != user]


    def erase_private_text(self, reason: str, actor: str) -> bool:
        """Record that the case's private text is erased here (the key is destroyed next); False when it was."""
        if reason not in ERASURE_REASONS:
            raise AssignmentRefused(
                f"private text is erased only for one of these reasons: {', '.join(ERASURE_REASONS)}")
        if getattr(self, "erased_because", None) is not None:
            return False
        self._private_text_erased(reason=reason, actor=actor)
        return True

    @event("PrivateTextErased")
    def _private_text_erased(self, reason: str, actor: str) -> None:
        """Vrije tekst van de zaak gewist in de personeelsadministratie: de sleutel wordt vernietigd."""
        self.erased_because = reason


def _private(case_id: UUID, reason: str) -> PrivateText | str:
    """Why an assignment began or ended can name a person ("ouder dreigde de begeleider"): private text of the
    case; none given stays "" (events stored before hold clear text)."""
    text = reason.strip()
    return PrivateText(case_id, text) if text else ""
