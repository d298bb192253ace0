"""The plan of a trajectory: the rules its type states (tailored), and the plan against the facts."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from enum import Enum
from typing import Any

import strawberry

from gateway.schema.follow import follows, followed_values
from services.parent_side.api import TEMPLATES, Progress as ProgressView, TrajectoryRules as RulesView

_OLD_CODE = "Use trajectoryType: the same code as an enum."

# From the data (services/platform/trajectory_types.py, through the parent side's templates): a new type
# is a new value here. This schema's own enum class: strawberry.enum marks the class it wraps.
TrajectoryType = strawberry.enum(Enum("TrajectoryType", {code.upper(): code for code in TEMPLATES}),
                                 description="The kind of trajectory the practice offers.")


@strawberry.enum(description="Where a trajectory stands: intake (step 1), proposed and agreed (step 2), "
                             "started (step 3), closed.")
class TrajectoryStatus(Enum):
    INTAKE = "intake"
    PROPOSED = "proposed"
    AGREED = "agreed"
    STARTED = "started"
    CLOSED = "closed"


@strawberry.type(description="A trajectory type's rules as this family's trajectory enforces them; "
                             "null numbers mean: no limit. Weekdays count from 0 (Monday), months from 1.")
@follows(RulesView)
class TrajectoryRules:
    template: str = strawberry.field(deprecation_reason=_OLD_CODE)
    title: str
    description: str
    source: str
    components: list[str]
    goals: list[str]
    min_weeks: int | None
    max_weeks: int | None
    planned_sessions: int | None
    max_sessions: int | None
    session_interval_days: int | None
    max_child_conversations: int
    consent_below_age: int
    requires_parental_authority: bool
    skips_school_holidays: bool
    joint_sessions: int | None
    max_joint_sessions: int | None
    joint_meeting_months: list[int]
    joint_meeting_weekdays: list[int]
    joint_meetings_before_noon: bool
    joint_meetings_in_person: bool
    joint_meetings_movable: bool
    joint_meeting_paused_on_aggression: bool
    joint_meeting_professionals: int | None = strawberry.field(
        description="How many professionals lead each joint meeting (Opnieuw Verbinden: three); null: not counted.")
    max_network_meetings: int | None = strawberry.field(
        description="How often the begeleider may join a meeting with the Sociaal Team or Jeugdbescherming in a "
                    "phase; null: the type does not offer it.")
    child_conversations_optional: bool
    child_conversations_by_other_counsellor: bool
    min_child_visits_per_year: int | None
    supervised_contact_possible: bool
    min_professional_hours_per_year: int | None
    max_professional_hours_per_year: int | None
    trajectory_type: TrajectoryType = strawberry.field(description="The type this trajectory follows.")


@strawberry.type(description="The plan against what happened, on one day. Null where the rules state no number.")
@follows(ProgressView)
class Progress:
    on: date
    status: TrajectoryStatus
    template: str = strawberry.field(deprecation_reason=_OLD_CODE)
    started_on: date | None
    closed_on: date | None
    weeks_elapsed: int
    min_weeks: int | None
    max_weeks: int | None
    last_allowed_day: date | None = strawberry.field(description=(
        "The last day of the term. Null when the rules set no maximum, or when the type leaves out school "
        "holidays and the school-holiday lists do not cover the term (see holidayCalendarMissing)."))
    holiday_weeks_counted: bool = strawberry.field(description=(
        "True when weeks that may be school holidays were counted: the type leaves holiday weeks out, and no "
        "school-holiday list of the case's region covers those weeks."))
    holiday_region: str | None = strawberry.field(
        description="The case's school-holiday region (noord, midden, zuid); null until the coordinator records it.")
    holiday_calendar_missing: bool = strawberry.field(description=(
        "True when the type leaves out school-holiday weeks and the case's region, or the school-holiday list "
        "of a school year the trajectory runs in, is missing: the weeks and the end cannot be known yet."))
    over_time: bool
    before_minimum: bool
    sessions_expected: int | None
    max_sessions: int | None
    sessions_held: int
    sessions_missed: int
    sessions_planned_ahead: list[date]
    sessions_planned_not_recorded: list[date]
    sessions_cancelled: int
    session_interval_days: int | None
    next_session_due: date | None
    child_conversations_held: int
    max_child_conversations: int
    trajectory_type: TrajectoryType = strawberry.field(description="The type this trajectory follows.")


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def rules_of(rules: RulesView) -> TrajectoryRules:
    return TrajectoryRules(**{f.name: _plain(getattr(rules, f.name)) for f in fields(rules)},
                           **followed_values(TrajectoryRules, rules), trajectory_type=TrajectoryType(rules.template))


def progress_of(view: ProgressView) -> Progress:
    values = {f.name: _plain(getattr(view, f.name)) for f in fields(view)}
    return Progress(**{**values, "status": TrajectoryStatus(view.status)}, **followed_values(Progress, view),
                    trajectory_type=TrajectoryType(view.template))
