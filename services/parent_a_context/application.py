from __future__ import annotations

from services.parent_side.application import ParentSide
from services.platform.stores import Store


class ParentAContext(ParentSide):
    """Parent A's side of every case; its name selects its tables and settings."""

    name = Store.PARENT_A
    side = "parent_a"
