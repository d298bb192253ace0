"""The four stores by name: one member per context's store, never a string spelled out again.

A ``StrEnum``, so a member *is* its name wherever a string was stored or configured before
(access-log rows, settings variables, table prefixes): nothing stored changes.
"""

from __future__ import annotations

from enum import StrEnum


class Store(StrEnum):
    PARENT_A = "parent_a_context"
    PARENT_B = "parent_b_context"
    SHARED = "shared_agreements"
    #: The staff directory keeps the name it had when it lived in the gateway.
    DIRECTORY = "gateway"


#: Each parent's side, by its slot in the case header.
SIDE_STORES: dict[str, Store] = {"parent_a": Store.PARENT_A, "parent_b": Store.PARENT_B}
