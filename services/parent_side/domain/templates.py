"""Trajectory templates as data: the rules each kind of trajectory states.

A practice works "maatwerk": a trajectory starts from a template and may be tailored.
The tailored rules are copied into the trajectory's opening event, so what was agreed
for this family stays fixed even if the practice edits its templates later.
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
    """What a template states and a (tailored) trajectory enforces. ``None`` means: no limit."""

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

    def tailored(self, **changes: Any) -> TrajectoryRules:
        unknown = set(changes) - {f.name for f in fields(self)} - {"template"}
        if unknown or "template" in changes:
            raise InvalidTailoring(f"cannot tailor {', '.join(sorted(unknown | ({'template'} & set(changes))))}")
        rules = replace(self, **changes)
        rules.check()
        return rules

    def check(self) -> None:
        for name in ("min_weeks", "max_weeks", "planned_sessions", "max_sessions", "session_interval_days"):
            value = getattr(self, name)
            if value is not None and value <= 0:
                raise InvalidTailoring(f"{name} must be positive")
        if self.max_child_conversations < 0:
            raise InvalidTailoring("max_child_conversations cannot be negative")
        if self.min_weeks and self.max_weeks and self.min_weeks > self.max_weeks:
            raise InvalidTailoring("the minimum duration is longer than the maximum")
        if self.planned_sessions and self.max_sessions and self.planned_sessions > self.max_sessions:
            raise InvalidTailoring("more sessions planned than allowed")

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrajectoryRules:
        return cls(**data)
