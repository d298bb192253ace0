"""What a counsellor enters: children at the intake, tailoring of a trajectory type, consent scopes.

Sizes are checked here (a clear INVALID before any store is touched); what the entries
mean is checked by the parent-side domain.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry

from gateway.schema.bounds import MAX_CHILDREN, text
from services.parent_side.api import (
    CONSENT_CHILD_CONVERSATIONS, CONSENT_TRAJECTORY, ERASURE_REQUEST, RETENTION_ENDED, Child as ChildRecord,
    TrajectoryRules,
)
from services.platform.errors import Invalid


@strawberry.input(description="A child of the family, as registered at the intake.")
class ChildInput:
    first_name: str
    date_of_birth: date


@strawberry.input(description="Tailoring (maatwerk) of a trajectory type's rules. Leave a field out to keep the "
                              "type's value; null for a number means: no limit.")
class TailoringInput:
    min_weeks: int | None = strawberry.UNSET
    max_weeks: int | None = strawberry.UNSET
    planned_sessions: int | None = strawberry.UNSET
    max_sessions: int | None = strawberry.UNSET
    session_interval_days: int | None = strawberry.UNSET
    max_child_conversations: int | None = strawberry.UNSET
    consent_below_age: int | None = strawberry.UNSET
    requires_parental_authority: bool | None = strawberry.UNSET
    skips_school_holidays: bool | None = strawberry.UNSET
    supervised_contact_possible: bool | None = strawberry.UNSET


_TAILORABLE = tuple(TailoringInput.__annotations__)


@strawberry.enum(description="What parental consent (toestemming) is given for.")
class ConsentScope(Enum):
    TRAJECTORY = CONSENT_TRAJECTORY
    CHILD_CONVERSATIONS = CONSENT_CHILD_CONVERSATIONS


@strawberry.enum(description="Why private text is erased: on the parent's request, or the retention term ended.")
class ErasureReason(Enum):
    ERASURE_REQUEST = ERASURE_REQUEST
    RETENTION_ENDED = RETENTION_ENDED


def children_of(children: list[ChildInput]) -> list[ChildRecord]:
    if len(children) > MAX_CHILDREN:
        raise Invalid(f"at most {MAX_CHILDREN} children")
    return [ChildRecord(first_name=text(c.first_name, "a child's first name"), date_of_birth=c.date_of_birth)
            for c in children]


def tailored(rules: TrajectoryRules, tailoring: TailoringInput | None) -> TrajectoryRules:
    """The rules with the fields the counsellor filled in; the domain says whether they hold together."""
    if tailoring is None:
        return rules
    changes = {name: getattr(tailoring, name) for name in _TAILORABLE
               if getattr(tailoring, name) is not strawberry.UNSET}
    return rules.tailored(**changes) if changes else rules


def scopes_of(scopes: list[ConsentScope]) -> list[str]:
    if len(scopes) > len(ConsentScope):
        raise Invalid(f"at most {len(ConsentScope)} consent scopes; each scope is named once")
    return [scope.value for scope in scopes]
