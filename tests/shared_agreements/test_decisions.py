"""Binding decisions (knopen doorhakken): a dispute, each side's relayed position, the decision."""

from __future__ import annotations

from typing import Any, Callable

from services.platform.private_text import PrivateText
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


def decide(decision: str = "Twee weken bij elk.", reasoning: str = "Gelijke tijd, rust voor Noor.", missing=None):
    return lambda log: log.decide(1, decision, reasoning, COORDINATOR, missing)


BOTH = (position("parent_a"), position("parent_b", "Vier weken."))


def test_a_dispute_is_numbered_in_the_order_it_was_raised():
    given(*log_history(dispute())).when(dispute("School", raised_by="parent_b")).then(
        (DecisionLog.DisputeRaised, {"number": 2, "subject": PrivateText(CASE, "School"), "raised_by": "parent_b", "actor": COORDINATOR})
    )


def test_a_dispute_raised_by_someone_other_than_a_parent_is_refused():
    given(*log_history()).when(dispute(raised_by="grandmother")).then_refused(UnknownParent, "grandmother")


def test_each_sides_position_is_recorded_as_relayed():
    outcome = given(*log_history(dispute(), position("parent_a"))).when(position("parent_b", "Vier weken."))
    outcome.then((DecisionLog.PositionRelayed, {"dispute": 1, "parent": "parent_b", "position": PrivateText(CASE, "Vier weken.")}))
    assert [p.parent for p in outcome.aggregate.view()[0].positions] == ["parent_a", "parent_b"]


def test_a_sides_position_is_relayed_once():
    given(*log_history(dispute(), position("parent_a"))).when(position("parent_a", "Anders.")).then_refused(
        PositionAlreadyRelayed, "parent_a"
    )


def test_a_binding_decision_with_reasoning_binds_both_parents():
    outcome = given(*log_history(dispute(), *BOTH)).when(decide())
    outcome.then((DecisionLog.BindingDecisionTaken, {
        "dispute": 1, "decision": PrivateText(CASE, "Twee weken bij elk."),
        "reasoning": PrivateText(CASE, "Gelijke tijd, rust voor Noor."),
        "binds": ["parent_a", "parent_b"], "missing_positions": {}, "actor": COORDINATOR,
    }))
    decision = outcome.aggregate.view()[0].decision
    assert decision.binds == ("parent_a", "parent_b") and decision.decided_at == outcome.events[0].timestamp


def test_a_decision_without_reasoning_is_refused():
    given(*log_history(dispute(), *BOTH)).when(decide(reasoning="  ")).then_refused(ReasonRequired, "reasoning")


def test_a_decision_with_one_parents_position_and_no_reason_for_the_other_is_refused():
    given(*log_history(dispute(), position("parent_a"))).when(decide()).then_refused(
        ReasonRequired, "the position of parent_b was not relayed")


def test_a_decision_names_why_a_parents_position_is_missing():
    outcome = given(*log_history(dispute(), position("parent_a"))).when(
        decide(missing={"parent_b": "Vader reageerde niet op drie verzoeken."}))
    outcome.then((DecisionLog.BindingDecisionTaken, {
        "missing_positions": {"parent_b": PrivateText(CASE, "Vader reageerde niet op drie verzoeken.")}}))
    assert outcome.aggregate.view()[0].decision.missing_positions == {
        "parent_b": "Vader reageerde niet op drie verzoeken."}


def test_a_reason_for_a_position_that_was_relayed_is_refused():
    given(*log_history(dispute(), *BOTH)).when(decide(missing={"parent_a": "Onbereikbaar."})).then_refused(
        ReasonRequired, "it is not missing")


def test_a_decision_taken_before_reasons_were_asked_for_loads_with_none():
    log = DecisionLog.open(CASE, COORDINATOR)
    log.raise_dispute("Zomer", "parent_a", COORDINATOR)
    log._decided(dispute=1, decision="Twee weken.", reasoning="Rust.", binds=["parent_a", "parent_b"],
                 missing_positions={}, actor=COORDINATOR)
    stored = log.collect_events()[-1]
    state = {k: v for k, v in stored.__dict__.items() if k != "missing_positions"}
    DecisionLog.BindingDecisionTaken.upcast_v1_v2(state)
    assert state["missing_positions"] == {}


def test_a_decided_dispute_cannot_be_decided_again_or_reopened_by_a_position():
    history = log_history(dispute(), *BOTH, decide())
    given(*history).when(decide("Anders.")).then_refused(DisputeAlreadyDecided, "stands")
    given(*history).when(position("parent_b")).then_refused(DisputeAlreadyDecided, "stands")


def test_deciding_a_dispute_that_was_never_raised_is_refused():
    given(*log_history(dispute())).when(lambda log: log.decide(2, "x", "y", COORDINATOR)).then_refused(
        DisputeNotFound, "dispute 2"
    )
