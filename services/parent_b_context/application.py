from __future__ import annotations

from services.parent_side.application import ParentSide


class ParentBContext(ParentSide):
    """Parent B's side of every case; its name selects its tables and settings."""

    name = "parent_b_context"
    side = "parent_b"
