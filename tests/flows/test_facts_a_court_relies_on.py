"""Dates and facts a court relies on are plausible and complete (both stores, the applications' own clocks).

Nothing is held on a day that has not come and no child is born after today; a signature says
when the parent signed besides when it was recorded; a binding decision names both positions
or why one is missing; a parent enrolled after the rules came into force is flagged as not
having signed them; a loss of parental authority is recorded and flagged, not refused.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from evenwijdig.bootstrap import bootstrap
from services.parent_side.domain.errors import InvalidRecord
from services.parent_side.domain.records import CONSENT_CHILD_CONVERSATIONS, CONSENT_TRAJECTORY
from services.platform.practice_day import practice_day
from services.platform.stores import Store
from services.shared_agreements.application import Child, Parent
from services.shared_agreements.domain.errors import InvalidCase, ReasonRequired
from services.staff_directory.api import Role, Side
from tests.support.cases import register_case

# The applications' clock stands still at the start of the test run: events are stamped by the real clock, so
# the applications' today is never before the day an offer was stamped.
NOW = datetime.now(timezone.utc)
TODAY = practice_day(NOW)
TOMORROW = TODAY + timedelta(days=1)
COORDINATOR = "coordinator-1"


@pytest.fixture
def contexts(settings):
    contexts = bootstrap(settings, clocks={Store.SHARED: lambda: NOW, Store.PARENT_A: lambda: NOW})
    contexts.directory.register_staff(COORDINATOR, "Co", [Role.COORDINATOR], actor="admin-0")
    contexts.directory.register_staff("a1", "A", [Role.COUNSELLOR], actor="admin-0")
    yield contexts
    contexts.close()


def signed_rules(contexts, case, parents=("parent_a", "parent_b")) -> str:
    shared = contexts.shared
    shared.draft_ground_rules(case, {"communication": ["Alleen per e-mail."]}, COORDINATOR)
    text_hash = shared.offer_ground_rules(case, 1, COORDINATOR)
    for parent in parents:
        shared.sign_ground_rules(case, 1, parent, text_hash, "in_person", COORDINATOR)
    return text_hash


def test_a_child_born_after_today_is_refused_and_no_case_is_registered(contexts):
    before = contexts.shared.position
    with pytest.raises(InvalidCase, match="has not come yet"):
        contexts.shared.register_case(
            parent_a=Parent("Sanne", True), parent_b=Parent("Mark", True), children=[Child("Noor", TOMORROW)],
            trajectory_type="parallel_ouderschap", actor=COORDINATOR)
    assert contexts.shared.position == before
    register_case(contexts, children=(("Noor", TODAY),), actor=COORDINATOR)  # born today: fine


def test_a_session_recorded_on_a_day_that_has_not_come_is_refused_and_nothing_is_stored(contexts):
    case = register_case(contexts, actor=COORDINATOR)
    contexts.directory.assign_counsellor(case, Side.PARENT_A, "a1", "admin-1", "intake")
    side = contexts.parent_a
    weeks_ago = TODAY - timedelta(weeks=5)
    side.open_trajectory(case, on=weeks_ago, actor="a1")
    side.propose_goals(case, goals=["Rust"], themes=["parallel_parenting"], on=weeks_ago, actor="a1")
    side.record_agreement(case, on=weeks_ago, actor="a1")
    side.record_consent(case, scopes=[CONSENT_TRAJECTORY, CONSENT_CHILD_CONVERSATIONS], given_by=["Sanne Jansen"],
                        given_on=weeks_ago, actor="a1")
    side.start(case, on=weeks_ago, actor="a1")
    before = side.position
    with pytest.raises(InvalidRecord, match="has not come yet"):
        side.record_session(case, on=TOMORROW, duration_minutes=60, themes=["own_ground"], note=None,
                            attended=True, actor="a1")
    assert side.position == before
    side.record_session(case, on=TODAY, duration_minutes=0, themes=[], note=None, attended=False,
                        actor="a1", missed_reason="ziek gemeld")


def test_a_wet_signature_received_later_records_the_day_the_parent_signed(contexts):
    case = register_case(contexts, actor=COORDINATOR)
    shared = contexts.shared
    shared.draft_ground_rules(case, {"communication": ["Alleen per e-mail."]}, COORDINATOR)
    text_hash = shared.offer_ground_rules(case, 1, COORDINATOR)
    offered_on = shared.ground_rules(case).versions[0].offered_at.date()
    version = shared.sign_ground_rules(case, 1, "parent_a", text_hash, "scanned_wet_signature", COORDINATOR,
                                       signed_on=offered_on)
    assert version.signatures[0].signed_on == offered_on
    version = shared.sign_ground_rules(case, 1, "parent_b", text_hash, "in_person", COORDINATOR)
    assert version.signatures[1].signed_on == version.signatures[1].recorded_at.date(), "signed as recorded"


def test_a_signature_dated_after_today_or_before_the_offer_is_refused_and_nothing_is_stored(contexts):
    case = register_case(contexts, actor=COORDINATOR)
    shared = contexts.shared
    shared.draft_ground_rules(case, {"communication": ["Alleen per e-mail."]}, COORDINATOR)
    text_hash = shared.offer_ground_rules(case, 1, COORDINATOR)
    before = shared.position
    with pytest.raises(InvalidCase, match="has not come yet"):
        shared.sign_ground_rules(case, 1, "parent_a", text_hash, "scanned_wet_signature", COORDINATOR,
                                 signed_on=TOMORROW)
    with pytest.raises(InvalidCase, match="before this text was offered"):
        shared.sign_ground_rules(case, 1, "parent_a", text_hash, "scanned_wet_signature", COORDINATOR,
                                 signed_on=date(2000, 1, 1))
    assert shared.position == before


def test_a_binding_decision_without_one_parents_position_needs_the_reason_why(contexts):
    case = register_case(contexts, actor=COORDINATOR)
    shared = contexts.shared
    shared.raise_dispute(case, "Hockey op woensdag", "parent_b", COORDINATOR)
    shared.relay_position(case, 1, "parent_b", "Vader brengt.", COORDINATOR)
    before = shared.position
    with pytest.raises(ReasonRequired, match="parent_a was not relayed"):
        shared.decide_dispute(case, 1, "Carpool.", "Rust voor Noor.", COORDINATOR)
    assert shared.position == before
    shared.decide_dispute(case, 1, "Carpool.", "Rust voor Noor.", COORDINATOR,
                          {"parent_a": "Moeder reageerde niet binnen de termijn van twee weken."})
    [dispute] = shared.decisions(case)
    assert dispute.decision.missing_positions == {"parent_a": "Moeder reageerde niet binnen de termijn van twee weken."}


def test_a_parent_enrolled_after_the_rules_came_into_force_is_flagged_as_not_having_signed_them(contexts):
    case = register_case(contexts, enrolled_b=False, actor=COORDINATOR)
    shared = contexts.shared
    signed_rules(contexts, case, parents=("parent_a",))
    assert shared.ground_rules(case).awaiting_signature_of == ()
    shared.enrol_parent(case, "parent_b", COORDINATOR)
    rules = shared.ground_rules(case)
    assert rules.in_force is not None and rules.awaiting_signature_of == ("parent_b",)
    text_hash = shared.offer_ground_rules(case, shared.draft_ground_rules(case, {"communication": ["Per e-mail."]},
                                                                          COORDINATOR), COORDINATOR)
    for parent in ("parent_a", "parent_b"):
        shared.sign_ground_rules(case, 2, parent, text_hash, "in_person", COORDINATOR)
    assert shared.ground_rules(case).awaiting_signature_of == (), "a version both signed is in force"


def test_the_loss_of_parental_authority_is_recorded_flagged_and_reaches_the_side(contexts):
    case = register_case(contexts, trajectory_type="parallel_ouderschap", actor=COORDINATOR)
    contexts.shared.record_parental_authority(case, "parent_a", False, COORDINATOR)
    assert contexts.shared.case(case).authority_missing == ("parent_a",)
    contexts.parent_a.catch_up()
    assert contexts.parent_a.case_file(case).parental_authority is False


def test_the_court_report_shows_the_flags(contexts):
    from services.court_report.model import build_report  # noqa: PLC0415 - only this test makes a report
    case = register_case(contexts, trajectory_type="parallel_ouderschap", enrolled_b=False, actor=COORDINATOR)
    signed_rules(contexts, case, parents=("parent_a",))
    contexts.shared.enrol_parent(case, "parent_b", COORDINATOR)
    contexts.shared.record_parental_authority(case, "parent_a", False, COORDINATOR)
    report = build_report(contexts, case, as_of=datetime.now(timezone.utc), language="nl")
    assert report["case"]["authority_missing"] == ["parent_a"]
    assert report["case"]["rules_awaiting_signature_of"] == ["parent_b"]
