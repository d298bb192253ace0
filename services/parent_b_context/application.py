from __future__ import annotations

from services.parent_side.application import ParentSide
from services.platform.stores import Store


class ParentBContext(ParentSide):
    """Parent B's side of every case; its name selects its tables and settings."""

    name = Store.PARENT_B
    side = "parent_b"
