"""Trajectory templates as data: the rules each kind of trajectory states.

A practice works "maatwerk": a trajectory starts from a template and may be tailored.
The tailored rules are copied into the trajectory's opening event, so what was agreed
for this family stays fixed even if the practice edits its templates later.
The templates themselves live in ``services.platform.trajectory_types``, one entry per type.

This is pure data shared by every context (a shared kernel): it imports the standard
library and the platform's errors only, and an import contract keeps it that way.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from services.platform.errors import Invalid


class UnknownTemplate(Invalid):
    """No trajectory template has that code."""


class InvalidTailoring(Invalid):
    """The tailored rules contradict themselves (e.g. a minimum above the maximum)."""


@dataclass(frozen=True)
class TrajectoryRules:
    """What a template states and a (tailored) trajectory enforces. ``None`` means: no limit.

    ``planned_sessions`` / ``max_sessions`` / ``session_interval_days`` are about the
    individual sessions (gesprekken) of one parent with their own counsellor; the joint
    sessions (gezamenlijke gesprekken) are planned in the shared context and counted by
    the ``joint_*`` fields. ``max_child_conversations`` 0 means none unless tailored;
    ``child_conversations_optional`` says the seed offers them without a number, so the
    tailored plan sets one when the parents agree to involve the child.
    ``min_child_visits_per_year`` counts the visits at each parent's home. Weekdays follow
    ``date.weekday()`` (0 is Monday); months are 1–12.
    """

    template: str
    title: str
    min_weeks: int | None = None
    max_weeks: int | None = None
    planned_sessions: int | None = None
    max_sessions: int | None = None
    session_interval_days: int | None = None
    max_child_conversations: int = 0
    consent_below_age: int = 16
    requires_parental_authority: bool = True
    skips_school_holidays: bool = False
    source: str = ""
    description: str = ""
    components: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()
    joint_sessions: int | None = None
    max_joint_sessions: int | None = None
    joint_meeting_months: tuple[int, ...] = ()
    joint_meeting_weekdays: tuple[int, ...] = ()
    joint_meetings_before_noon: bool = False
    joint_meetings_in_person: bool = False
    joint_meetings_movable: bool = True
    joint_meeting_paused_on_aggression: bool = False
    #: The professionals who lead each joint meeting, named when it is recorded as held
    #: (Opnieuw Verbinden: "Vier-jaarlijks overleg begeleid door drie professionals").
    joint_meeting_professionals: int | None = None
    #: How often the begeleider may join a meeting with the Sociaal Team or Jeugdbescherming in a phase
    #: ("Optioneel is dat de begeleider 1-2 x aanwezig is"); None: the type does not offer it.
    max_network_meetings: int | None = None
    child_conversations_optional: bool = False
    child_conversations_by_other_counsellor: bool = True
    min_child_visits_per_year: int | None = None
    supervised_contact_possible: bool = False
    min_professional_hours_per_year: int | None = None
    max_professional_hours_per_year: int | None = None

    def __post_init__(self) -> None:
        # Stored events come back from JSON with lists; the rules stay hashable tuples.
        for spec in fields(self):
            value = getattr(self, spec.name)
            if spec.type.startswith("tuple") and isinstance(value, list):
                object.__setattr__(self, spec.name, tuple(value))

    def tailored(self, **changes: Any) -> TrajectoryRules:
        unknown = set(changes) - {f.name for f in fields(self)} - {"template"}
        if unknown or "template" in changes:
            raise InvalidTailoring(f"cannot tailor {', '.join(sorted(unknown | ({'template'} & set(changes))))}")
        rules = replace(self, **changes)
        rules.check()
        return rules

    def check(self) -> None:
        for spec in fields(self):
            _check_type(spec.name, spec.type, getattr(self, spec.name))
        for name in _POSITIVE:
            value = getattr(self, name)
            if value is not None and value <= 0:
                raise InvalidTailoring(f"{name} must be positive")
        for name in ("max_child_conversations", "consent_below_age"):
            if getattr(self, name) < 0:
                raise InvalidTailoring(f"{name} cannot be negative")
        self._check_ranges()
        self._check_joint_meeting_days()

    def _check_ranges(self) -> None:
        if self.min_weeks and self.max_weeks and self.min_weeks > self.max_weeks:
            raise InvalidTailoring("the minimum duration is longer than the maximum")
        if self.planned_sessions and self.max_sessions and self.planned_sessions > self.max_sessions:
            raise InvalidTailoring("more sessions planned than allowed")
        if self.joint_sessions and self.max_joint_sessions and self.joint_sessions > self.max_joint_sessions:
            raise InvalidTailoring("more joint sessions planned than allowed")
        low, high = self.min_professional_hours_per_year, self.max_professional_hours_per_year
        if low and high and low > high:
            raise InvalidTailoring("the minimum professional hours exceed the maximum")

    def _check_joint_meeting_days(self) -> None:
        if any(not 1 <= month <= 12 for month in self.joint_meeting_months):
            raise InvalidTailoring("joint meeting months run from 1 (January) to 12 (December)")
        if any(not 0 <= day <= 6 for day in self.joint_meeting_weekdays):
            raise InvalidTailoring("joint meeting weekdays run from 0 (Monday) to 6 (Sunday)")

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrajectoryRules:
        return cls(**data)


_POSITIVE = (
    "min_weeks", "max_weeks", "planned_sessions", "max_sessions", "session_interval_days",
    "joint_sessions", "max_joint_sessions", "joint_meeting_professionals", "max_network_meetings",
    "min_child_visits_per_year",
    "min_professional_hours_per_year", "max_professional_hours_per_year",
)


def _check_type(name: str, annotation: str, value: Any) -> None:
    """Tailoring comes from a form: a wrong type gets a clear error, not a TypeError later."""
    if annotation.endswith("| None") and value is None:
        return
    kind = annotation.removesuffix(" | None")
    if kind.startswith("tuple"):
        item = int if "int" in kind else str
        ok = isinstance(value, tuple) and all(_is(item, v) for v in value)
    else:
        ok = _is({"int": int, "str": str, "bool": bool}[kind], value)
    if not ok:
        raise InvalidTailoring(f"{name} must be {_WORDS[kind]}")


def _is(kind: type, value: Any) -> bool:
    # bool is an int in Python; a tick box is never a number of weeks.
    return isinstance(value, kind) and (kind is bool or not isinstance(value, bool))


_WORDS = {
    "int": "a whole number", "str": "text", "bool": "yes or no",
    "tuple[str, ...]": "a list of texts", "tuple[int, ...]": "a list of whole numbers",
}
