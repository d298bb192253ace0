from __future__ import annotations

from services.parent_side.application import ParentSide


class ParentAContext(ParentSide):
    """Parent A's side of every case; its name selects its tables and settings."""

    name = "parent_a_context"
    side = "parent_a"
