"""Binding decisions (knopen doorhakken): a dispute, each side's relayed position, the decision."""

from __future__ import annotations

from typing import Any, Callable

from services.shared_agreements.domain.decisions import DecisionLog
from services.shared_agreements.domain.errors import (
    DisputeAlreadyDecided, DisputeNotFound, PositionAlreadyRelayed, ReasonRequired, UnknownParent,
)
from tests.shared_agreements.builders import CASE, COORDINATOR
from tests.support.given_when_then import given


def log_history(*steps: Callable[[DecisionLog], Any]) -> list:
    log = DecisionLog.open(CASE, COORDINATOR)
    for step in steps:
        step(log)
    return list(log.collect_events())


def dispute(subject: str = "Zomervakantie 2025", raised_by: str = "parent_a"):
    return lambda log: log.raise_dispute(subject, raised_by, COORDINATOR)


def position(parent: str, text: str = "Drie weken aaneen."):
    return lambda log: log.relay_position(1, parent, text, COORDINATOR)


def decide(decision: str = "Twee weken bij elk.", reasoning: str = "Gelijke tijd, rust voor Noor."):
    return lambda log: log.decide(1, decision, reasoning, COORDINATOR)


def test_a_dispute_is_numbered_in_the_order_it_was_raised():
    given(*log_history(dispute())).when(dispute("School", raised_by="parent_b")).then(
        (DecisionLog.DisputeRaised, {"number": 2, "subject": "School", "raised_by": "parent_b", "actor": COORDINATOR})
    )


def test_a_dispute_raised_by_someone_other_than_a_parent_is_refused():
    given(*log_history()).when(dispute(raised_by="grandmother")).then_refused(UnknownParent, "grandmother")


def test_each_sides_position_is_recorded_as_relayed():
    outcome = given(*log_history(dispute(), position("parent_a"))).when(position("parent_b", "Vier weken."))
    outcome.then((DecisionLog.PositionRelayed, {"dispute": 1, "parent": "parent_b", "position": "Vier weken."}))
    assert [p.parent for p in outcome.aggregate.view()[0].positions] == ["parent_a", "parent_b"]


def test_a_sides_position_is_relayed_once():
    given(*log_history(dispute(), position("parent_a"))).when(position("parent_a", "Anders.")).then_refused(
        PositionAlreadyRelayed, "parent_a"
    )


def test_a_binding_decision_with_reasoning_binds_both_parents():
    outcome = given(*log_history(dispute(), position("parent_a"))).when(decide())
    outcome.then((DecisionLog.BindingDecisionTaken, {
        "dispute": 1, "decision": "Twee weken bij elk.", "reasoning": "Gelijke tijd, rust voor Noor.",
        "binds": ["parent_a", "parent_b"], "actor": COORDINATOR,
    }))
    decision = outcome.aggregate.view()[0].decision
    assert decision.binds == ("parent_a", "parent_b") and decision.decided_at == outcome.events[0].timestamp


def test_a_decision_without_reasoning_is_refused():
    given(*log_history(dispute())).when(decide(reasoning="  ")).then_refused(ReasonRequired, "reasoning")


def test_a_decided_dispute_cannot_be_decided_again_or_reopened_by_a_position():
    history = log_history(dispute(), decide())
    given(*history).when(decide("Anders.")).then_refused(DisputeAlreadyDecided, "stands")
    given(*history).when(position("parent_b")).then_refused(DisputeAlreadyDecided, "stands")


def test_deciding_a_dispute_that_was_never_raised_is_refused():
    given(*log_history(dispute())).when(lambda log: log.decide(2, "x", "y", COORDINATOR)).then_refused(
        DisputeNotFound, "dispute 2"
    )
