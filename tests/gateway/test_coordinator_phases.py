"""A coordinator moves a Kind en Ik case on to its next phase over GraphQL: one write, logged, with the reason."""

from __future__ import annotations

from tests.support.coordinator_gateway import CASE, call, error_of, register
from services.platform.access_log import Action
from services.staff_directory.api import Role

MOVE = """mutation($case: UUID!, $type: TrajectoryType!, $reason: String!) {
  moveCaseToNextPhase(caseId: $case, trajectoryType: $type, reason: $reason) {
    trajectoryType phases { number trajectoryType startedBy reason } } }"""
REASON = "De samenwerking verbetert niet."


def mediation_case(gateway) -> str:
    return register(gateway, trajectoryType="GEZINSBEMIDDELING_FASE_1",
                    parentB={"displayName": "Bram", "parentalAuthority": True})


def test_the_coordinator_moves_the_case_on_and_the_header_lists_its_phases(coordinator):
    case = mediation_case(coordinator)
    moved = call(coordinator, MOVE, {"case": case, "type": "PARALLEL_OUDERSCHAP_FASE_1", "reason": REASON},
                 action=Action.CHANGE)["moveCaseToNextPhase"]
    assert moved["trajectoryType"] == "PARALLEL_OUDERSCHAP_FASE_1"
    assert moved["phases"] == [
        {"number": 1, "trajectoryType": "GEZINSBEMIDDELING_FASE_1", "startedBy": "coordinator-1", "reason": None},
        {"number": 2, "trajectoryType": "PARALLEL_OUDERSCHAP_FASE_1", "startedBy": "coordinator-1", "reason": REASON},
    ]
    assert call(coordinator, CASE, {"case": case})["case"]["trajectoryType"] == "PARALLEL_OUDERSCHAP_FASE_1"


def test_a_move_the_type_does_not_allow_is_refused_with_the_next_phases_and_changes_nothing(coordinator):
    case = mediation_case(coordinator)
    response = coordinator.post(Role.COORDINATOR, MOVE, {"case": case, "type": "PARALLEL_OUDERSCHAP_FASE_2",
                                                         "reason": REASON})
    error = error_of(response)
    assert error["extensions"]["code"] == "INVALID" and "parallel_ouderschap_fase_1" in error["message"]
    assert call(coordinator, CASE, {"case": case})["case"]["trajectoryType"] == "GEZINSBEMIDDELING_FASE_1"


ERASE = """mutation($case: UUID!) { eraseCasePrivateText(caseId: $case, reason: ERASURE_REQUEST) {
  privateTextErasedAt phases { number reason } } }"""


def test_the_coordinator_erases_the_case_s_private_text_and_the_reason_for_the_move_reads_erased(coordinator):
    case = mediation_case(coordinator)
    call(coordinator, MOVE, {"case": case, "type": "PARALLEL_OUDERSCHAP_FASE_1", "reason": REASON},
         action=Action.CHANGE)
    erased = call(coordinator, ERASE, {"case": case}, action=Action.CHANGE)["eraseCasePrivateText"]
    assert erased["privateTextErasedAt"] and [p["reason"] for p in erased["phases"]] == [None, "[gewist]"]
    again = coordinator.post(Role.COORDINATOR, MOVE,
                             {"case": case, "type": "PARALLEL_OUDERSCHAP_FASE_2", "reason": REASON})
    error = error_of(again)
    assert error["extensions"]["code"] == "INVALID" and "erased" in error["message"]
