"""Two coordinators change the same rule set at the same moment: one wins, the other hears so.

Both requests load the rule set before either saves (a barrier in ``save`` makes sure),
so the race is real on every run, not a matter of luck.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any, Callable

import pytest

from services.platform.errors import Conflict
from services.shared_agreements.application import Child, Parent, SharedAgreements
from tests.shared_agreements.builders import AMENDED_RULES, COORDINATOR, OTHER_COORDINATOR, RULES


class RacingSharedAgreements(SharedAgreements):
    """Holds every save until two requests have reached it."""

    name = SharedAgreements.name  # the same store (eventsourcing names a subclass after itself otherwise)
    barrier: threading.Barrier | None = None

    def save(self, *objs: Any, **kwargs: Any) -> Any:
        if self.barrier is not None:
            self.barrier.wait()
        return super().save(*objs, **kwargs)


@pytest.fixture
def app(settings):
    application = RacingSharedAgreements(settings.context_store("shared_agreements"))
    yield application
    application.close()


@pytest.fixture
def offered_case(app):
    case_id = app.register_case(
        parent_a=Parent("Sanne", True), parent_b=Parent("Mark", True), children=[Child("Noor", date(2014, 5, 3))],
        trajectory_type="parallel_ouderschap", actor=COORDINATOR,
    )
    app.draft_ground_rules(case_id, RULES, COORDINATOR)
    return case_id, app.offer_ground_rules(case_id, 1, COORDINATOR)


def topics(app: SharedAgreements, after: int = 0) -> list[str]:
    return [n.topic.rsplit(".", 1)[-1] for n in app.recorder.select_notifications(start=after + 1, limit=10**6)]


def race(app: RacingSharedAgreements, *requests: Callable[[], Any]) -> list[tuple[str, Any]]:
    app.barrier = threading.Barrier(len(requests), timeout=20)

    def attempt(request: Callable[[], Any]) -> tuple[str, Any]:
        try:
            return "ok", request()
        except Conflict as error:
            return "conflict", error

    try:
        with ThreadPoolExecutor(max_workers=len(requests)) as pool:
            return list(pool.map(attempt, requests))
    finally:
        app.barrier = None


def test_signing_while_another_coordinator_amends_lets_one_win_and_loses_no_event(app, offered_case):
    case_id, digest = offered_case
    position = app.position
    outcomes = race(
        app,
        lambda: app.sign_ground_rules(case_id, 1, "parent_a", digest, "in_person", COORDINATOR),
        lambda: app.draft_ground_rules(case_id, AMENDED_RULES, OTHER_COORDINATOR),
    )
    assert sorted(kind for kind, _ in outcomes) == ["conflict", "ok"]
    loser = next(result for kind, result in outcomes if kind == "conflict")
    assert "someone else changed" in str(loser) and loser.code == "CONFLICT"
    signed_won = outcomes[0][0] == "ok"
    expected = ["GroundRulesSigned"] if signed_won else ["GroundRulesOfferWithdrawn", "GroundRulesDrafted"]
    assert topics(app, after=position) == expected
    versions = app.ground_rules(case_id).versions
    assert len(versions) == (1 if signed_won else 2)
    assert [s.parent for s in versions[0].signatures] == (["parent_a"] if signed_won else [])


def test_two_signatures_at_the_same_moment_one_conflicts_and_its_retry_puts_the_rules_in_force(app, offered_case):
    case_id, digest = offered_case
    position = app.position

    def signing(parent: str, coordinator: str) -> Callable[[], Any]:
        return lambda: app.sign_ground_rules(case_id, 1, parent, digest, "electronic", coordinator)

    outcomes = race(app, signing("parent_a", COORDINATOR), signing("parent_b", OTHER_COORDINATOR))
    assert sorted(kind for kind, _ in outcomes) == ["conflict", "ok"]
    assert topics(app, after=position) == ["GroundRulesSigned"]
    retry = ("parent_b", OTHER_COORDINATOR) if outcomes[0][0] == "ok" else ("parent_a", COORDINATOR)
    signing(*retry)()
    assert topics(app, after=position) == ["GroundRulesSigned", "GroundRulesSigned", "GroundRulesCameIntoForce"]
    assert app.rules_in_force(case_id).version == 1
