"""The shared-agreements application on both stores: what it saves, returns and refuses."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

import pytest

from services.platform.errors import Conflict, Invalid, NotFound
from services.shared_agreements.application import Child, Parent, SharedAgreements
from services.shared_agreements.domain.errors import (
    CaseAlreadyRegistered, CaseNotFound, ParentalAuthorityMissing, TextMismatch, VersionNotFound,
)
from services.shared_agreements.domain.ground_rules import RuleSet
from services.shared_agreements.domain.rules_text import text_hash
from tests.shared_agreements.builders import AMENDED_RULES, COORDINATOR, RULES

CHILDREN = [Child("Noor", date(2014, 5, 3)), Child("Sem", date(2017, 11, 20))]


@pytest.fixture
def app(settings):
    application = SharedAgreements(settings.context_store("shared_agreements"))
    yield application
    application.close()


def register(app: SharedAgreements, b_enrolled: bool = True, case_id: UUID | None = None) -> UUID:
    return app.register_case(
        parent_a=Parent("Sanne", True), parent_b=Parent("Mark", True, enrolled=b_enrolled),
        children=CHILDREN, trajectory_type="parallel_solo_ouderschap_loman", actor=COORDINATOR, case_id=case_id,
    )


def stored(app: SharedAgreements) -> list:
    return [(n.id, n.topic, n.state) for n in app.recorder.select_notifications(start=1, limit=10**6)]


def in_force(app: SharedAgreements, case_id: UUID, rules=RULES) -> str:
    version = app.draft_ground_rules(case_id, rules, COORDINATOR)
    digest = app.offer_ground_rules(case_id, version, COORDINATOR)
    for slot in app.case(case_id).enrolled_parents:
        app.sign_ground_rules(case_id, version, slot, digest, "scanned_wet_signature", "coordinator-bert")
    return digest


def test_a_registered_case_reads_back_with_its_parents_and_children(app):
    case_id = register(app, b_enrolled=False)
    view = app.case(case_id)
    assert view.trajectory_type == "parallel_solo_ouderschap_loman" and view.enrolled_parents == ("parent_a",)
    assert [c.first_name for c in view.children] == ["Noor", "Sem"] and view.children[1].date_of_birth == date(2017, 11, 20)
    assert view.registered_by == COORDINATOR


def test_registering_an_existing_case_id_is_refused_and_changes_nothing(app):
    case_id = register(app, case_id=uuid4())
    before = stored(app)
    with pytest.raises(CaseAlreadyRegistered, match=str(case_id)) as refused:
        register(app, case_id=case_id)
    assert isinstance(refused.value, Conflict) and stored(app) == before


def test_a_refused_registration_leaves_the_store_as_it_was(app):
    before = stored(app)
    with pytest.raises(ParentalAuthorityMissing):
        app.register_case(
            parent_a=Parent("Sanne", False), parent_b=Parent("Mark", True), children=CHILDREN,
            trajectory_type="parallel_ouderschap", actor=COORDINATOR,
        )
    assert stored(app) == before


def test_an_unknown_case_is_not_found(app):
    for read in (app.case, app.ground_rules, app.decisions, app.transparency):
        with pytest.raises(CaseNotFound):
            read(uuid4())
    with pytest.raises(NotFound):
        app.draft_ground_rules(uuid4(), RULES, COORDINATOR)


def test_the_id_of_another_record_is_not_taken_for_a_case(app):
    case_id = register(app)
    app.draft_ground_rules(case_id, RULES, COORDINATOR)
    with pytest.raises(CaseNotFound):
        app.case(RuleSet.id_for(case_id))


def test_ground_rules_signed_by_both_parents_are_in_force_and_their_history_is_data(app):
    case_id = register(app)
    digest = in_force(app, case_id)
    current = app.rules_in_force(case_id)
    assert current.version == 1 and current.text_hash == digest == text_hash(current.text)
    assert {(s.parent, s.method, s.text_hash, s.recorded_by) for s in current.signatures} == {
        ("parent_a", "scanned_wet_signature", digest, "coordinator-bert"),
        ("parent_b", "scanned_wet_signature", digest, "coordinator-bert"),
    }
    assert current.offered_by == COORDINATOR and current.offered_at <= current.in_force_from


def test_an_amendment_waits_for_both_signatures_while_the_old_version_stays_in_force(app):
    case_id = register(app)
    in_force(app, case_id)
    version = app.draft_ground_rules(case_id, AMENDED_RULES, COORDINATOR)
    digest = app.offer_ground_rules(case_id, version, COORDINATOR)
    after_a = app.sign_ground_rules(case_id, version, "parent_a", digest, "electronic", COORDINATOR)
    assert after_a.status == "offered" and app.rules_in_force(case_id).version == 1
    app.sign_ground_rules(case_id, version, "parent_b", digest, "in_person", COORDINATOR)
    old, new = app.ground_rules(case_id).versions
    assert (old.status, new.status) == ("superseded", "in_force") and old.in_force_until == new.in_force_from
    assert [c.category for c in new.categories] == ["communication", "care_arrangement", "handovers"]


def test_a_single_enrolled_parent_signs_alone(app):
    case_id = register(app, b_enrolled=False)
    in_force(app, case_id)
    assert [s.parent for s in app.rules_in_force(case_id).signatures] == ["parent_a"]


def test_a_refused_signature_leaves_the_store_as_it_was(app):
    case_id = register(app)
    version = app.draft_ground_rules(case_id, RULES, COORDINATOR)
    app.offer_ground_rules(case_id, version, COORDINATOR)
    before = stored(app)
    with pytest.raises(TextMismatch):
        app.sign_ground_rules(case_id, version, "parent_a", text_hash("een andere tekst"), "in_person", COORDINATOR)
    assert stored(app) == before and app.ground_rules(case_id).versions[0].signatures == ()


def test_revocation_is_kept_with_its_reason(app):
    case_id = register(app)
    in_force(app, case_id)
    app.revoke_ground_rules(case_id, 1, "Nieuwe beschikking van de rechter.", COORDINATOR)
    version = app.ground_rules(case_id).versions[0]
    assert app.rules_in_force(case_id) is None and version.revocation.reason == "Nieuwe beschikking van de rechter."
    assert version.in_force_until == version.revocation.revoked_at


def test_ground_rules_of_a_case_without_a_draft_are_empty_and_cannot_be_offered(app):
    case_id = register(app)
    assert app.ground_rules(case_id).versions == () and app.rules_in_force(case_id) is None
    with pytest.raises(VersionNotFound):
        app.offer_ground_rules(case_id, 1, COORDINATOR)


def test_a_dispute_with_positions_and_a_binding_decision_reads_back(app):
    case_id = register(app)
    number = app.raise_dispute(case_id, "Paasvakantie", "parent_b", COORDINATOR)
    app.relay_position(case_id, number, "parent_b", "Hele vakantie bij mij.", COORDINATOR)
    app.relay_position(case_id, number, "parent_a", "Om de dag wisselen.", COORDINATOR)
    app.decide_dispute(case_id, number, "Eerste week A, tweede week B.", "Rust voor de kinderen.", COORDINATOR)
    (dispute,) = app.decisions(case_id)
    assert (dispute.number, dispute.raised_by) == (1, "parent_b")
    assert [p.parent for p in dispute.positions] == ["parent_a", "parent_b"]
    assert dispute.decision.decision == "Eerste week A, tweede week B." and dispute.decision.decided_by == COORDINATOR


def test_transparency_agreements_read_back_with_their_dates(app):
    case_id = register(app)
    app.agree_transparency(case_id, "parent_a", ["attendance", "evaluation"], date(2025, 3, 4), COORDINATOR)
    view = app.transparency(case_id)
    assert view.current("parent_a").agreed_on == date(2025, 3, 4)
    assert view.may_share("parent_a", "evaluation") and not view.may_share("parent_b", "evaluation")
    with pytest.raises(Invalid):
        app.agree_transparency(case_id, "parent_b", ["private_notes"], date(2025, 3, 4), COORDINATOR)
    assert len(app.transparency(case_id).history) == 1


def test_a_case_registered_without_an_id_gets_the_one_the_application_was_given_to_make(settings):
    given_ids = iter([UUID("00000000-0000-4000-8000-000000000019"), UUID("00000000-0000-4000-8000-000000000019")])
    application = SharedAgreements(settings.context_store("shared_agreements"), new_id=lambda: next(given_ids))
    try:
        case_id = register(application)
        assert case_id == UUID("00000000-0000-4000-8000-000000000019")
        assert application.case(case_id).trajectory_type == "parallel_solo_ouderschap_loman"
        before = stored(application)
        with pytest.raises(CaseAlreadyRegistered):  # the same id again is refused, nothing stored
            register(application)
        assert stored(application) == before
    finally:
        application.close()
