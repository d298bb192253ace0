"""The coordinator's cases: registering one, its header, parental authority and enrolment."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from uuid import UUID, uuid4

import strawberry
from strawberry.types import Info

from services.staff_directory.api import Role
from gateway.schema.bounds import MAX_NAME, MAX_REASON
from gateway.schema.common import Done, HolidayRegion, actor, directory, on_case
from gateway.schema.coordinator.common import (
    SHARED, Parent, TrajectoryType, bounded_list, bounded_text, coordinate, member, shared_app, value,
)
from services.platform.access_log import Action
from services.shared_agreements.api import (
    ERASURE_REQUEST, RETENTION_ENDED, CaseView, Child as ChildRecord, Parent as ParentRecord, ParentView,
)
from services.platform.stores import Store


@strawberry.enum(name="ErasureReason",
                 description="Why private text is erased: on a parent's request, or the retention term ended.")
class CaseErasureReason(Enum):
    ERASURE_REQUEST = ERASURE_REQUEST
    RETENTION_ENDED = RETENTION_ENDED


@strawberry.type(description="A parent as the case registers them: name, parental authority, enrolment.")
class CaseParent:
    slot: Parent
    display_name: str
    parental_authority: bool = strawberry.field(description="Ouderlijk gezag is recorded for this parent.")
    enrolled: bool = strawberry.field(description="The parent follows the trajectory.")


@strawberry.type(description="A child of the case.")
class CaseChild:
    first_name: str
    date_of_birth: date


@strawberry.type(description="A phase of the case: the trajectory type it followed from a moment on.")
class CasePhase:
    number: int = strawberry.field(description="1 for the trajectory type the case was registered with.")
    trajectory_type: TrajectoryType
    since: datetime
    started_by: str
    reason: str | None = strawberry.field(description="Why the case moved on to this phase; none for the first.")


@strawberry.type(description="The case header (zaak): trajectory type, both parents, the children.")
class Case:
    case_id: UUID
    trajectory_type: TrajectoryType = strawberry.field(description="The type of the case's current phase.")
    parent_a: CaseParent
    parent_b: CaseParent
    children: list[CaseChild]
    registered_by: str
    registered_at: datetime
    phases: list[CasePhase] = strawberry.field(description="Every phase of the case in order, the current one last.")
    region: HolidayRegion | None = strawberry.field(
        description="The family's school-holiday region; null until recorded.")
    authority_missing: list[Parent] = strawberry.field(description=(
        "Enrolled parents without the parental authority this trajectory type requires: a loss recorded after "
        "the start is recorded, not refused, and flagged here and in the court report."))
    private_text_erased_at: datetime | None = strawberry.field(description=(
        "When the case's private text in the shared agreements was erased (its texts read \"[gewist]\"); "
        "null while it is kept."))


@strawberry.input(description="A parent to register; a parent who does not take part still has a name.")
class ParentInput:
    display_name: str
    parental_authority: bool
    enrolled: bool = True


@strawberry.input(description="A child to register.")
class ChildInput:
    first_name: str
    date_of_birth: date


@strawberry.input(description="A new case: both parents, the children, the trajectory type.")
class RegisterCaseInput:
    parent_a: ParentInput
    parent_b: ParentInput
    children: list[ChildInput]
    trajectory_type: TrajectoryType


def _parent(view: ParentView) -> CaseParent:
    return CaseParent(slot=member(Parent, view.slot), display_name=view.display_name,
                      parental_authority=view.parental_authority, enrolled=view.enrolled)


def case_of(view: CaseView) -> Case:
    return Case(
        case_id=view.case_id, trajectory_type=member(TrajectoryType, view.trajectory_type),
        parent_a=_parent(view.parent_a), parent_b=_parent(view.parent_b),
        children=[CaseChild(first_name=c.first_name, date_of_birth=c.date_of_birth) for c in view.children],
        registered_by=view.registered_by, registered_at=view.registered_at,
        phases=[CasePhase(number=p.number, trajectory_type=member(TrajectoryType, p.trajectory_type), since=p.since,
                          started_by=p.started_by, reason=p.reason) for p in view.phases],
        region=None if view.region is None else HolidayRegion(view.region),
        authority_missing=[member(Parent, p) for p in view.authority_missing],
        private_text_erased_at=view.erasure.erased_at if view.erasure else None,
    )


def _parent_record(given: ParentInput) -> ParentRecord:
    return ParentRecord(display_name=bounded_text(given.display_name, "a parent's name", limit=MAX_NAME),
                        parental_authority=given.parental_authority, enrolled=given.enrolled)


def _children(given: list[ChildInput]) -> list[ChildRecord]:
    return [ChildRecord(first_name=bounded_text(c.first_name, "a child's first name", limit=MAX_NAME),
                        date_of_birth=c.date_of_birth) for c in bounded_list(given, "children")]


@strawberry.type
class CaseQuery:
    @strawberry.field(description="The cases you coordinate.")
    async def my_cases(self, info: Info) -> list[UUID]:
        # The directory's own store holds the assignments: the look-up is logged there.
        assigned = await on_case(info, None, Store.DIRECTORY, Action.SEARCH, directory(info).cases_of, actor(info))
        return sorted((case_id for case_id, a in assigned.items() if a.role is Role.COORDINATOR), key=str)

    @strawberry.field(description="The header of a case you coordinate.")
    async def case(self, info: Info, case_id: UUID) -> Case:
        return case_of(await coordinate(info, case_id, Action.READ, lambda app: app.case(case_id)))


@strawberry.type
class CaseMutation:
    @strawberry.mutation(description="Register a new case; you become its coordinator. Returns the case id.")
    async def register_case(self, info: Info, case: RegisterCaseInput) -> UUID:
        parent_a, parent_b = _parent_record(case.parent_a), _parent_record(case.parent_b)
        children, who, case_id = _children(case.children), actor(info), uuid4()
        # One write, in the shared-agreements store; the flow to the staff directory assigns the
        # registering coordinator (at once in this process, or at the directory's next catch-up).
        await on_case(info, case_id, SHARED, Action.CHANGE, lambda app: app.register_case(
            parent_a=parent_a, parent_b=parent_b, children=children, trajectory_type=value(case.trajectory_type),
            actor=who, case_id=case_id), shared_app(info))
        return case_id

    @strawberry.mutation(description="Record whether a parent has parental authority (ouderlijk gezag). A loss "
                                     "is recorded, never refused; the case flags it (authorityMissing).")
    async def record_parental_authority(self, info: Info, case_id: UUID, parent: Parent, has_authority: bool) -> Done:
        who = actor(info)
        await coordinate(info, case_id, Action.CHANGE,
                         lambda app: app.record_parental_authority(case_id, value(parent), has_authority, who))
        return Done()

    @strawberry.mutation(description="Move the case on to its next phase (e.g. gezinsbemiddeling fase 1 to parallel "
                                     "ouderschap fase 1), with the reason. Ground rules, transparency agreements "
                                     "and staff stay with the case; each side opens the new phase with an intake.")
    async def move_case_to_next_phase(
        self, info: Info, case_id: UUID, trajectory_type: TrajectoryType, reason: str,
    ) -> Case:
        who, why = actor(info), bounded_text(reason, "the reason", limit=MAX_REASON)
        return case_of(await coordinate(info, case_id, Action.CHANGE, lambda app: app.move_to_next_phase(
            case_id, trajectory_type=value(trajectory_type), reason=why, actor=who)))

    @strawberry.mutation(description=(
        "Record the family's school-holiday region: trajectory types that leave out school-holiday weeks "
        "count their weeks with the school-holiday list of this region."))
    async def record_case_region(self, info: Info, case_id: UUID, region: HolidayRegion) -> Case:
        who = actor(info)
        return case_of(await coordinate(info, case_id, Action.CHANGE,
                                        lambda app: app.record_case_region(case_id, region.value, who)))

    @strawberry.mutation(description=(
        "Erase the case's private text in the shared agreements for good: dispute subjects, positions, decisions "
        "and their reasoning, and every reason of joint sessions, phases, revocations and contact schedules read "
        "\"[gewist]\" from then on. Each parent's side and the staff directory erase their own."))
    async def erase_case_private_text(
        self, info: Info, case_id: UUID, reason: CaseErasureReason = CaseErasureReason.ERASURE_REQUEST,
    ) -> Case:
        who, why = actor(info), reason.value
        return case_of(await coordinate(info, case_id, Action.CHANGE,
                                        lambda app: app.erase_private_text(case_id, who, why)))

    @strawberry.mutation(description="A parent who was absent from the trajectory joins it.")
    async def enrol_parent(self, info: Info, case_id: UUID, parent: Parent) -> Done:
        who = actor(info)
        await coordinate(info, case_id, Action.CHANGE, lambda app: app.enrol_parent(case_id, value(parent), who))
        return Done()
