"""The counsellor's schema: their own side of the cases they counsel, in full, and what both parents agreed.

Which side is the caller's comes from their assignment in the staff directory, never from
an argument; a case they do not counsel is answered like a case that does not exist. Of
the shared context they see the ground rules in force and offered with their signing
state, the joint-session schedule, the decisions and the contact schedule: never who
acted there, so never who counsels the other side. Every case access is logged, in the
store it touches, before it happens.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

import strawberry
from strawberry.types import Info

from services.staff_directory.api import Role
from gateway.schema.base import build_schema
from gateway.schema.common import actor, directory, off_loop
from gateway.schema.counsellor.mutations import Mutation
from gateway.schema.counsellor.plan import Progress, TrajectoryRules, progress_of, rules_of
from gateway.schema.counsellor.shared import (
    ContactSchedule, Decision, GroundRules, JointSession, JointSessionRoom, contact_schedule_of, decisions_of,
    ground_rules_of, joint_session_of, joint_session_room_of,
)
from gateway.schema.counsellor.support import on_my_side, on_shared
from gateway.schema.counsellor.types import MyCase, Side, Trajectory, summary_of, trajectory_of
from services.parent_side.application import ParentSide
from services.parent_side.api import TEMPLATES, TrajectoryNotFound, TrajectoryView
from services.platform.access_log import Action
from services.shared_agreements.api import ContactScheduleNotFound


def _trajectory_if_opened(case_id: UUID):  # noqa: ANN202
    def read(app: ParentSide) -> TrajectoryView | None:
        try:
            return app.trajectory(case_id)
        except TrajectoryNotFound:
            return None
    return read


def _schedule_if_laid_down(case_id: UUID, year: int):  # noqa: ANN202
    def read(app):  # noqa: ANN001, ANN202
        try:
            return app.contact_schedule(case_id, year)
        except ContactScheduleNotFound:
            return None
    return read


@strawberry.type
class Query:
    @strawberry.field(description="The cases the caller counsels a side of, and where that side's trajectory stands.")
    async def my_cases(self, info: Info) -> list[MyCase]:
        assigned = await off_loop(directory(info).cases_of, actor(info))
        mine = sorted((str(case_id), case_id, a.side) for case_id, a in assigned.items() if a.role is Role.COUNSELLOR)
        return [
            MyCase(case_id=case_id, side=Side(side.value),
                   trajectory=summary_of(await on_my_side(info, case_id, Action.READ, _trajectory_if_opened(case_id))))
            for _, case_id, side in mine
        ]

    @strawberry.field(description="The caller's side of the case: the parent's whole trajectory, "
                                  "private notes included.")
    async def trajectory(self, info: Info, case_id: UUID) -> Trajectory:
        return trajectory_of(await on_my_side(info, case_id, Action.READ, lambda app: app.trajectory(case_id)))

    @strawberry.field(description="The plan of the caller's side against what happened, on the day given.")
    async def progress(self, info: Info, case_id: UUID, on: date) -> Progress:
        return progress_of(await on_my_side(info, case_id, Action.READ, lambda app: app.progress(case_id, on=on)))

    @strawberry.field(description="The ground rules in force and the version offered for signing, "
                                  "with which parents signed, when, how, and on which text.")
    async def ground_rules(self, info: Info, case_id: UUID) -> GroundRules:
        return ground_rules_of(await on_shared(info, case_id, lambda app: app.ground_rules(case_id)))

    @strawberry.field(description="The case's joint sessions in calendar order.")
    async def joint_sessions(self, info: Info, case_id: UUID) -> list[JointSession]:
        sessions = await on_shared(info, case_id, lambda app: app.joint_sessions(case_id))
        return [joint_session_of(s) for s in sessions]

    @strawberry.field(description="The joint sessions the case's type still allows on the day given: in this "
                                  "phase, or in that calendar year when the type counts per year.")
    async def joint_session_room(self, info: Info, case_id: UUID, on: date) -> JointSessionRoom:
        return joint_session_room_of(await on_shared(info, case_id, lambda app: app.joint_session_room(case_id, on=on)))

    @strawberry.field(description="The binding decisions taken in the case, oldest first.")
    async def decisions(self, info: Info, case_id: UUID) -> list[Decision]:
        return decisions_of(await on_shared(info, case_id, lambda app: app.decisions(case_id)))

    @strawberry.field(description="The year's contact schedule in force, or null when none was laid down.")
    async def contact_schedule(self, info: Info, case_id: UUID, year: int) -> ContactSchedule | None:
        view = await on_shared(info, case_id, _schedule_if_laid_down(case_id, year))
        return None if view is None else contact_schedule_of(view)

    @strawberry.field(description="The practice's trajectory types: the codes an intake chooses from, "
                                  "with their rules.")
    def trajectory_types(self) -> list[TrajectoryRules]:
        return [rules_of(rules) for rules in TEMPLATES.values()]


def schema(*, introspection: bool) -> strawberry.Schema:
    return build_schema(Query, Mutation, introspection=introspection)
