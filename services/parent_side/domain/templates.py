"""The parent side's name for trajectory rules; they live in the shared kernel.

Both contexts read the same trajectory types (``services.platform.trajectory_types``),
so the rules a template states are defined once, in ``services.platform.trajectory_rules``.
"""

from services.platform.trajectory_rules import InvalidTailoring, TrajectoryRules, UnknownTemplate

__all__ = ["InvalidTailoring", "TrajectoryRules", "UnknownTemplate"]
