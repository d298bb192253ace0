"""A Kind en Ik case started on both sides with the demo's school-holiday list (region midden, 2026-2027)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from services.parent_side.domain.records import CONSENT_CHILD_CONVERSATIONS, CONSENT_TRAJECTORY
from services.staff_directory.api import Side
from tests.support.cases import register_case


KIND_EN_IK = "gezinsbemiddeling_fase_1"
DATA = Path(__file__).resolve().parents[2]
MIDDEN = (DATA / "evenwijdig" / "data" / "schoolvakanties-midden-2026-2027.ics").read_bytes()
START = date(2026, 11, 2)  # a Monday, after the autumn holiday of 2026


def started_kind_en_ik_case(contexts):
    case = register_case(contexts, trajectory_type=KIND_EN_IK, actor="coordinator-1")
    contexts.directory.assign_counsellor(case, Side.PARENT_A, "a1", "admin-1", "intake")
    side = contexts.parent_a
    side.open_trajectory(case, on=date(2026, 10, 5), actor="a1")
    side.propose_goals(case, goals=["Samenwerking verbeteren"], themes=["parallel_parenting"], on=date(2026, 10, 12),
                       actor="a1")
    side.record_agreement(case, on=date(2026, 10, 14), actor="a1")
    side.record_consent(case, scopes=[CONSENT_TRAJECTORY, CONSENT_CHILD_CONVERSATIONS],
                        given_by=["Sanne Jansen", "Mark de Boer"], given_on=date(2026, 10, 14), actor="a1")
    side.start(case, on=START, actor="a1")
    return case
