"""The two parent slots of a case.

A case names its parents by slot, never by counsellor: which counsellor helps which
side lives in the gateway's staff directory and must never be stored here.
"""

from __future__ import annotations

from services.shared_agreements.domain.errors import UnknownParent

PARENT_A = "parent_a"
PARENT_B = "parent_b"
PARENTS: tuple[str, ...] = (PARENT_A, PARENT_B)


def checked_parent(parent: str) -> str:
    """The slot itself, or a clear refusal when it is not one of the two."""
    if parent not in PARENTS:
        raise UnknownParent(f"a parent is named 'parent_a' or 'parent_b', not {parent!r}")
    return parent

