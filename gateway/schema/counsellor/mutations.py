"""The counsellor's commands on their own side of a case, from intake to erasure.

The caller is always the actor, and at the intake also the parent's counsellor. Each
command answers with the trajectory as it stands after it. Left out on purpose:
reassigning the counsellor (an administrator's act in the staff directory) and child
conversations (recorded by the child counsellor).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Callable
from uuid import UUID

import strawberry
from strawberry.types import Info

from gateway.schema.common import actor
from gateway.schema.counsellor.inputs import (
    ChildInput, ConsentScope, ErasureReason, TailoringInput, children_of, scopes_of, tailored,
)
from gateway.schema.bounds import MAX_LONG_TEXT, minutes, optional_text, text, texts
from gateway.schema.counsellor.support import on_my_side
from gateway.schema.counsellor.types import Trajectory, trajectory_of
from services.parent_side.application import ParentSide
from services.parent_side.api import TrajectoryView
from services.platform.access_log import Action
from services.platform.errors import Invalid
from services.platform.private_text import PrivateText

Command = Callable[[ParentSide, str], TrajectoryView]


class _Retyped:
    """What an older client still sends at the intake: it must say what the case header says."""

    def __init__(self, parent: str | None, children: list[Any] | None, authority: bool | None) -> None:
        self.parent, self.children, self.authority = parent, children, authority

    def check(self, case: Any) -> None:
        if self.parent is not None and self.parent.strip() != case.parent:
            raise Invalid("the parent's name differs from the case header; leave it out, the header is used")
        if self.children is not None and tuple(self.children) != tuple(case.children):
            raise Invalid("the children differ from the case header; leave them out, the header is used")
        if self.authority is not None and self.authority != case.parental_authority:
            raise Invalid("parental authority differs from the case header; the coordinator records it there")


async def _change(info: Info, case_id: UUID, command: Command) -> Trajectory:
    """Run one command on the caller's side as the caller; answer with the trajectory it saved.

    Not read again after the commit: a read that failed then would answer UNAVAILABLE ("nothing was
    changed") for a change that was made, and could show another client's change made in between.
    """
    who = actor(info)
    return trajectory_of(await on_my_side(info, case_id, Action.CHANGE, lambda app: command(app, who)))


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Step 1, the intake: open this side's trajectory of the case. The parent, the "
                                     "children, parental authority and the trajectory type come from the case header "
                                     "the coordinator registered; refused for a parent the case does not enrol. "
                                     "The parent's counsellor is the one the staff directory assigned.")
    async def open_trajectory(
        self, info: Info, case_id: UUID, on: date, tailoring: TailoringInput | None = None,
        trajectory_type: Annotated[str | None, strawberry.argument(
            description="Optional; when given, it must be the case's trajectory type.")] = None,
        parent: Annotated[str | None, strawberry.argument(
            deprecation_reason="Taken from the case header; when given, it must match it.")] = None,
        children: Annotated[list[ChildInput] | None, strawberry.argument(
            deprecation_reason="Taken from the case header; when given, they must match it.")] = None,
        parental_authority: Annotated[bool | None, strawberry.argument(
            deprecation_reason="Taken from the case header; when given, it must match it.")] = None,
    ) -> Trajectory:
        kind = None if trajectory_type is None else text(trajectory_type, "the trajectory type", 100)
        given = _Retyped(None if parent is None else text(parent, "the parent's name"),
                         None if children is None else children_of(children), parental_authority)

        def open_it(app: ParentSide, who: str) -> TrajectoryView:
            app.catch_up()
            given.check(app.case_file(case_id))
            return app.open_trajectory(case_id, on=on, actor=who, trajectory_type=kind,
                                       tailor=lambda rules: tailored(rules, tailoring))

        return await _change(info, case_id, open_it)

    @strawberry.mutation(description="Step 2: propose tailored goals and themes (standard theme codes or free "
                                     "text), optionally tailoring the rules again; the parent agrees anew.")
    async def propose_goals(
        self, info: Info, case_id: UUID, goals: list[str], themes: list[str], on: date,
        tailoring: TailoringInput | None = None,
    ) -> Trajectory:
        goals, themes = texts(goals, "the goals"), texts(themes, "the themes")

        def propose(app: ParentSide, who: str) -> TrajectoryView:
            rules = None if tailoring is None else tailored(app.trajectory(case_id).rules, tailoring)
            return app.propose_goals(case_id, goals=goals, themes=themes, on=on, actor=who, rules=rules)

        return await _change(info, case_id, propose)

    @strawberry.mutation(description="Record parental consent: for what, given by whom, on which day.")
    async def record_consent(
        self, info: Info, case_id: UUID, scopes: list[ConsentScope], given_by: list[str], given_on: date,
    ) -> Trajectory:
        given_by, scope_values = texts(given_by, "who gave consent"), scopes_of(scopes)
        return await _change(info, case_id, lambda app, who: app.record_consent(
            case_id, scopes=scope_values, given_by=given_by, given_on=given_on, actor=who))

    @strawberry.mutation(description="Record that consent was withdrawn; from that day what needed it is refused.")
    async def withdraw_consent(
        self, info: Info, case_id: UUID, scopes: list[ConsentScope], withdrawn_by: list[str], on: date,
    ) -> Trajectory:
        withdrawn_by, scope_values = texts(withdrawn_by, "who withdrew consent"), scopes_of(scopes)
        return await _change(info, case_id, lambda app, who: app.withdraw_consent(
            case_id, scopes=scope_values, withdrawn_by=withdrawn_by, on=on, actor=who))

    @strawberry.mutation(description="Record that the parent has parental authority (ouderlijk gezag).")
    async def confirm_parental_authority(self, info: Info, case_id: UUID, on: date) -> Trajectory:
        return await _change(info, case_id, lambda app, who: app.confirm_parental_authority(case_id, on=on, actor=who))

    @strawberry.mutation(description="Record the parent's agreement to the current proposal.")
    async def record_agreement(self, info: Info, case_id: UUID, on: date) -> Trajectory:
        return await _change(info, case_id, lambda app, who: app.record_agreement(case_id, on=on, actor=who))

    @strawberry.mutation(description="Step 3: start the trajectory; needs the agreement and, for a child under the "
                                     "consent age, the parents' consent.")
    async def start_trajectory(self, info: Info, case_id: UUID, on: date) -> Trajectory:
        return await _change(info, case_id, lambda app, who: app.start(case_id, on=on, actor=who))

    @strawberry.mutation(description="Plan an individual session; refused off the cadence, past the term or the limit.")
    async def plan_session(self, info: Info, case_id: UUID, on: date) -> Trajectory:
        return await _change(info, case_id, lambda app, who: app.plan_session(case_id, on=on, actor=who))

    @strawberry.mutation(description="Take the session planned on that day out of the plan, saying why.")
    async def cancel_planned_session(self, info: Info, case_id: UUID, on: date, reason: str) -> Trajectory:
        reason = text(reason, "the reason")
        return await _change(info, case_id, lambda app, who: app.cancel_planned_session(
            case_id, on=on, reason=reason, actor=who))

    @strawberry.mutation(description="Record an individual session: attended (duration, themes, private note) "
                                     "or missed (and why).")
    async def record_session(
        self, info: Info, case_id: UUID, on: date, attended: bool, duration_minutes: int = 0,
        themes: list[str] | None = None, note: str | None = None, missed_reason: str | None = None,
    ) -> Trajectory:
        themes, duration = texts(themes or [], "the themes"), minutes(duration_minutes)
        note, missed_reason = optional_text(note, "the note", MAX_LONG_TEXT), optional_text(missed_reason, "the reason")
        private = None if note is None else PrivateText(case_id, note)
        return await _change(info, case_id, lambda app, who: app.record_session(
            case_id, on=on, duration_minutes=duration, themes=themes, note=private, attended=attended, actor=who,
            missed_reason=missed_reason))

    @strawberry.mutation(description="Close the trajectory with its closing evaluation (private text).")
    async def close_trajectory(self, info: Info, case_id: UUID, on: date, evaluation: str) -> Trajectory:
        evaluation = PrivateText(case_id, text(evaluation, "the closing evaluation", MAX_LONG_TEXT))
        return await _change(info, case_id, lambda app, who: app.close_trajectory(
            case_id, on=on, evaluation=evaluation, actor=who))

    @strawberry.mutation(description="Record the parent's decision to release the closing evaluation "
                                     "for a court report.")
    async def release_evaluation_for_court(self, info: Info, case_id: UUID, on: date) -> Trajectory:
        return await _change(info, case_id, lambda app, who: app.release_evaluation_for_court(
            case_id, on=on, actor=who))

    @strawberry.mutation(description="Record the parent's withdrawal of the release; refused once a report used it.")
    async def withdraw_release(self, info: Info, case_id: UUID, on: date, reason: str | None = None) -> Trajectory:
        reason = optional_text(reason, "the reason")
        return await _change(info, case_id, lambda app, who: app.withdraw_release(
            case_id, on=on, actor=who, reason=reason))

    @strawberry.mutation(description="Erase the private text of a closed trajectory (notes, summaries, evaluation) "
                                     "for good. Refused while the trajectory is open.")
    async def erase_private_text(
        self, info: Info, case_id: UUID, reason: ErasureReason = ErasureReason.ERASURE_REQUEST,
    ) -> Trajectory:
        return await _change(info, case_id, lambda app, who: app.erase_private_text(case_id, who, reason.value))
