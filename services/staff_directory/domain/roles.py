"""The roles of the design's section 4, and the sides of a case."""

from __future__ import annotations

from enum import Enum


class Role(str, Enum):
    COUNSELLOR = "counsellor"
    CHILD_COUNSELLOR = "child_counsellor"
    COORDINATOR = "coordinator"
    #: Begeleider of a mediation phase (gezinsbemiddeling): works with both parents, in joint and
    #: individual conversations, as a role of the shared context, never as a side's counsellor.
    MEDIATOR = "mediator"
    AUDITOR = "auditor"
    ADMIN = "admin"


class Side(str, Enum):
    PARENT_A = "parent_a"
    PARENT_B = "parent_b"


#: Roles whose access is per case; the others reach every case (auditor) or none (admin).
CASE_ROLES = frozenset({Role.COUNSELLOR, Role.CHILD_COUNSELLOR, Role.COORDINATOR, Role.MEDIATOR})
