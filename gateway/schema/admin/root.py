"""The administrator's schema: staff, roles, case assignments and the school-holiday lists. No case content."""

from __future__ import annotations

from enum import Enum
from typing import Any
from uuid import UUID

import strawberry
from strawberry.types import Info

from services.staff_directory.api import Role as RoleValue
from services.staff_directory.api import Side as SideValue
from services.staff_directory.api import ERASURE_REQUEST, RETENTION_ENDED
from gateway.schema.admin.holidays import HolidaysMutation, HolidaysQuery
from gateway.schema.base import build_schema
from gateway.schema.common import Done, actor, directory, off_loop
from services.platform.errors import Invalid

Role = strawberry.enum(RoleValue, description="What a member of staff may do.")
Side = strawberry.enum(SideValue, description="One parent's side of a case.")


@strawberry.enum(description="Why private text is erased: on a parent's request, or the retention term ended.")
class ErasureReason(Enum):
    ERASURE_REQUEST = ERASURE_REQUEST
    RETENTION_ENDED = RETENTION_ENDED


@strawberry.type(description="Someone who signs in.")
class StaffMember:
    user: str
    display_name: str
    roles: list[Role]
    active: bool


@strawberry.type(description="A side of a case and who counsels it.")
class SideCounsellor:
    side: Side
    user: str


@strawberry.type(description="Who works on one case.")
class CaseStaffing:
    case_id: UUID
    counsellors: list[SideCounsellor]
    child_counsellors: list[str]
    coordinators: list[str]
    mediators: list[str] = strawberry.field(description="The begeleiders of both parents (gezinsbemiddeling).")


def _member(view: Any) -> StaffMember:
    return StaffMember(user=view.user, display_name=view.display_name, roles=[RoleValue(r) for r in view.roles],
                       active=view.active)


def _staffing(view: Any) -> CaseStaffing:
    return CaseStaffing(
        case_id=view.case_id,
        counsellors=[SideCounsellor(side=SideValue(s), user=u) for s, u in sorted(view.counsellors.items())],
        child_counsellors=list(view.child_counsellors), coordinators=list(view.coordinators),
        mediators=list(view.mediators),
    )


@strawberry.type
class Query(HolidaysQuery):
    @strawberry.field(description="A member of staff by user id, or null.")
    async def staff_member(self, info: Info, user: str) -> StaffMember | None:
        view = await off_loop(directory(info).staff, user)
        return None if view is None else _member(view)

    @strawberry.field(description="Everyone registered, by user id (deactivated accounts included).")
    async def staff_members(self, info: Info) -> list[StaffMember]:
        return [_member(view) for view in await off_loop(directory(info).staff_members)]

    @strawberry.field(description="Every registered case with who works on it now: ids and staffing, no case content.")
    async def cases(self, info: Info) -> list[CaseStaffing]:
        return [_staffing(view) for view in await off_loop(directory(info).cases)]

    @strawberry.field(description="Who is assigned to a case, or null when nobody is yet.")
    async def case_staffing(self, info: Info, case_id: UUID) -> CaseStaffing | None:
        view = await off_loop(directory(info).staffing, case_id)
        return None if view is None else _staffing(view)


@strawberry.type
class Mutation(HolidaysMutation):
    @strawberry.mutation(description="Register a member of staff with their roles.")
    async def register_staff(self, info: Info, user: str, display_name: str, roles: list[Role]) -> Done:
        if len(roles) > len(RoleValue):
            raise Invalid(f"at most {len(RoleValue)} roles; each role is named once")
        await off_loop(directory(info).register_staff, user, display_name, roles, actor(info))
        return Done()

    @strawberry.mutation(description="Give a member of staff another role.")
    async def grant_role(self, info: Info, user: str, role: Role) -> Done:
        await off_loop(directory(info).grant_role, user, role, actor(info))
        return Done()

    @strawberry.mutation(description="Take a role away, saying why.")
    async def revoke_role(self, info: Info, user: str, role: Role, reason: str) -> Done:
        await off_loop(directory(info).revoke_role, user, role, actor(info), reason)
        return Done()

    @strawberry.mutation(description="Close an account; its tokens stop working at once.")
    async def deactivate_staff(self, info: Info, user: str, reason: str) -> Done:
        await off_loop(directory(info).deactivate, user, actor(info), reason)
        return Done()

    @strawberry.mutation(description="Make a counsellor the counsellor of one side of a case. "
                                     "Refused when they counsel the other side or hold its child conversations.")
    async def assign_counsellor(self, info: Info, case_id: UUID, side: Side, user: str, reason: str = "") -> Done:
        await off_loop(directory(info).assign_counsellor, case_id, side, user, actor(info), reason)
        return Done()

    @strawberry.mutation(description="Let a child counsellor hold the child conversations of a case. "
                                     "Refused when they counsel either side of it.")
    async def assign_child_counsellor(self, info: Info, case_id: UUID, user: str) -> Done:
        await off_loop(directory(info).assign_child_counsellor, case_id, user, actor(info))
        return Done()

    @strawberry.mutation(description="Make a coordinator a coordinator of a case.")
    async def assign_coordinator(self, info: Info, case_id: UUID, user: str) -> Done:
        await off_loop(directory(info).assign_coordinator, case_id, user, actor(info))
        return Done()

    @strawberry.mutation(description="Make a mediator the begeleider of both parents in a mediation phase "
                                     "(gezinsbemiddeling). Refused for anyone who counselled a side of the case or "
                                     "held its child conversations; a begeleider counsels no side until unassigned.")
    async def assign_mediator(self, info: Info, case_id: UUID, user: str) -> Done:
        await off_loop(directory(info).assign_mediator, case_id, user, actor(info))
        return Done()

    @strawberry.mutation(description="End someone's assignment to a case, saying why.")
    async def unassign(self, info: Info, case_id: UUID, user: str, reason: str) -> Done:
        await off_loop(directory(info).unassign, case_id, user, actor(info), reason)
        return Done()

    @strawberry.mutation(description=(
        "Erase the case's private text in the staff directory for good: why each assignment began or ended "
        "reads \"[gewist]\" from then on. The shared agreements and each parent's side erase their own."))
    async def erase_case_private_text(
        self, info: Info, case_id: UUID, reason: ErasureReason = ErasureReason.ERASURE_REQUEST,
    ) -> Done:
        await off_loop(directory(info).erase_private_text, case_id, actor(info), reason.value)
        return Done()


def schema(*, introspection: bool) -> strawberry.Schema:
    return build_schema(Query, Mutation, introspection=introspection)
