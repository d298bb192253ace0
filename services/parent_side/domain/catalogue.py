"""The templates this side plans trajectories from: the shared trajectory types' rules.

Each type is one data entry in ``services.platform.trajectory_types``; this module only
gives the parent side its view of them (code → ``TrajectoryRules``).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

from services.platform.trajectory_rules import TrajectoryRules
from services.platform.trajectory_types import TYPES, trajectory_type

TEMPLATES: Mapping[str, TrajectoryRules] = MappingProxyType({code: t.template for code, t in TYPES.items()})


def template(code: str) -> TrajectoryRules:
    """The template with this code; an unknown code names the valid ones."""
    return trajectory_type(code).template
