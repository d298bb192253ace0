"""The counsellor's commands on their own side of a case, from intake to erasure.

The caller is always the actor, and at the intake also the parent's counsellor. Each
command answers with the trajectory as it stands after it. Left out on purpose:
reassigning the counsellor (an administrator's act in the staff directory) and child
conversations (recorded by the child counsellor).
"""

from __future__ import annotations

from datetime import date
from typing import Callable
from uuid import UUID

import strawberry
from strawberry.types import Info

from gateway.schema.common import actor
from gateway.schema.counsellor_inputs import (
    ChildInput, ConsentScope, ErasureReason, TailoringInput, children_of, scopes_of, tailored,
)
from gateway.schema.counsellor_support import MAX_LONG_TEXT, minutes, on_my_side, optional_text, text, texts
from gateway.schema.counsellor_types import Trajectory, trajectory_of
from services.parent_side.application import ParentSide
from services.parent_side.domain.view import TrajectoryView
from services.parent_side.domain.catalogue import template
from services.platform.access_log import Action
from services.platform.private_text import PrivateText

Command = Callable[[ParentSide, str], TrajectoryView]


async def _change(info: Info, case_id: UUID, command: Command) -> Trajectory:
    """Run one command on the caller's side as the caller; answer with the trajectory it saved.

    Not read again after the commit: a read that failed then would answer UNAVAILABLE ("nothing was
    changed") for a change that was made, and could show another client's change made in between.
    """
    who = actor(info)
    return trajectory_of(await on_my_side(info, case_id, Action.CHANGE, lambda app: command(app, who)))


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Step 1, the intake: open this side's trajectory with the parent, the children, "
                                     "a trajectory type (see trajectoryTypes) and its tailoring. The caller "
                                     "becomes the parent's counsellor.")
    async def open_trajectory(
        self, info: Info, case_id: UUID, parent: str, children: list[ChildInput], trajectory_type: str, on: date,
        parental_authority: bool = False, tailoring: TailoringInput | None = None,
    ) -> Trajectory:
        rules = tailored(template(text(trajectory_type, "the trajectory type", 100)), tailoring)
        parent, kids = text(parent, "the parent's name"), children_of(children)
        return await _change(info, case_id, lambda app, who: app.open_trajectory(
            case_id, parent=parent, children=kids, rules=rules, counsellor=who, on=on, actor=who,
            parental_authority=parental_authority))

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
