"""Ground rules (spelregels): versions, frozen offers, signatures on a hash, force, amendment."""

from __future__ import annotations

from services.platform.private_text import PrivateText
from services.shared_agreements.domain.errors import (
    AlreadySigned, DraftPending, InvalidRules, NotASigner, NotInForce, NotOpenForSignature, ReasonRequired,
    TextMismatch, UnknownSignatureMethod, VersionNotEditable,
)
from services.shared_agreements.domain.ground_rules import RuleSet
from services.shared_agreements.domain.rules_text import canonical_text, normalised_rules, text_hash
from tests.support.given_when_then import given, replay
from tests.shared_agreements.builders import (
    AMENDED_RULES, CASE, COORDINATOR, RULES, amend, hash_of, in_force_version_1, offer, rule_set_history, sign,
)


def test_offering_a_draft_freezes_its_canonical_text_and_hash():
    expected_text = canonical_text(CASE, 1, normalised_rules(RULES))
    given(*rule_set_history()).when(lambda rs: rs.offer(1, ("parent_a", "parent_b"), COORDINATOR)).then(
        (RuleSet.GroundRulesOffered, {
            "version": 1, "text": expected_text, "text_hash": text_hash(expected_text),
            "signers": ["parent_a", "parent_b"], "actor": COORDINATOR,
        })
    )


def test_signing_a_version_whose_text_changed_after_it_was_offered_is_refused():
    changed = canonical_text(CASE, 1, normalised_rules(RULES)).replace("48 uur", "72 uur")
    given(*rule_set_history(offer(1))).when(
        lambda rs: rs.sign(1, "parent_a", text_hash(changed), "scanned_wet_signature", COORDINATOR)
    ).then_refused(TextMismatch, "not the text that was offered")


def test_a_signature_on_another_versions_text_is_refused():
    history = rule_set_history(offer(1), amend(), offer(2))
    given(*history).when(
        lambda rs: rs.sign(2, "parent_a", hash_of(1), "electronic", COORDINATOR)
    ).then_refused(TextMismatch, "not the text that was offered")


def test_one_signature_records_who_recorded_it_how_and_on_which_hash_and_leaves_the_version_offered():
    outcome = given(*rule_set_history(offer(1))).when(
        lambda rs: rs.sign(1, "parent_b", hash_of(1).upper(), "electronic", "coordinator-bert")
    )
    outcome.then((RuleSet.GroundRulesSigned, {
        "version": 1, "parent": "parent_b", "text_hash": hash_of(1), "method": "electronic",
        "actor": "coordinator-bert",
    }))
    assert outcome.aggregate.view().versions[0].status == "offered"


def test_both_signatures_on_the_same_hash_put_a_version_in_force():
    outcome = given(*rule_set_history(offer(1), sign(1, "parent_a"))).when(sign(1, "parent_b"))
    outcome.then(
        (RuleSet.GroundRulesSigned, {"parent": "parent_b"}),
        (RuleSet.GroundRulesCameIntoForce, {"version": 1, "supersedes": None}),
    )
    version = outcome.aggregate.view().in_force
    assert version.version == 1 and version.in_force_from == outcome.events[-1].timestamp
    assert {s.parent for s in version.signatures} == {"parent_a", "parent_b"}


def test_the_single_enrolled_parents_signature_puts_a_version_in_force():
    given(*rule_set_history(offer(1, signers=("parent_a",)))).when(sign(1, "parent_a")).then(
        RuleSet.GroundRulesSigned, (RuleSet.GroundRulesCameIntoForce, {"version": 1})
    )


def test_a_second_signature_by_the_same_parent_is_refused():
    given(*rule_set_history(offer(1), sign(1, "parent_a"))).when(sign(1, "parent_a")).then_refused(
        AlreadySigned, "already recorded"
    )


def test_an_amendment_leaves_the_old_version_in_force_until_the_new_one_is_signed_by_both():
    history = rule_set_history(*in_force_version_1(), amend(), offer(2), sign(2, "parent_a", AMENDED_RULES))
    assert replay(history).view().in_force.version == 1
    outcome = given(*history).when(sign(2, "parent_b", AMENDED_RULES))
    outcome.then(RuleSet.GroundRulesSigned, (RuleSet.GroundRulesCameIntoForce, {"version": 2, "supersedes": 1}))
    old, new = outcome.aggregate.view().versions
    assert (old.status, new.status) == ("superseded", "in_force")
    assert old.in_force_until == new.in_force_from == outcome.events[-1].timestamp


def test_editing_an_offered_version_is_refused():
    given(*rule_set_history(offer(1))).when(
        lambda rs: rs.revise_draft(1, AMENDED_RULES, COORDINATOR)
    ).then_refused(VersionNotEditable, "draft a new version")


def test_a_draft_can_be_revised_until_it_is_offered():
    given(*rule_set_history()).when(lambda rs: rs.revise_draft(1, AMENDED_RULES, COORDINATOR)).then(
        (RuleSet.GroundRulesDraftRevised, {"version": 1, "rules": normalised_rules(AMENDED_RULES)})
    )


def test_a_new_draft_while_one_is_pending_is_refused():
    given(*rule_set_history()).when(amend()).then_refused(DraftPending, "revise that draft")


def test_drafting_over_a_pending_offer_withdraws_that_offer():
    given(*rule_set_history(offer(1), sign(1, "parent_a"))).when(amend()).then(
        (RuleSet.GroundRulesOfferWithdrawn, {"version": 1}), (RuleSet.GroundRulesDrafted, {"version": 2})
    )


def test_a_withdrawn_offer_can_no_longer_be_signed():
    given(*rule_set_history(offer(1), sign(1, "parent_a"), amend())).when(sign(1, "parent_b")).then_refused(
        NotOpenForSignature, "withdrawn"
    )


def test_a_draft_cannot_be_signed_before_it_is_offered():
    given(*rule_set_history()).when(sign(1, "parent_a")).then_refused(NotOpenForSignature, "draft")


def test_a_parent_who_was_not_asked_to_sign_cannot_sign():
    given(*rule_set_history(offer(1, signers=("parent_a",)))).when(sign(1, "parent_b")).then_refused(
        NotASigner, "parent_b"
    )


def test_a_signature_method_outside_the_three_is_refused():
    given(*rule_set_history(offer(1))).when(
        lambda rs: rs.sign(1, "parent_a", hash_of(1), "whatsapp", COORDINATOR)
    ).then_refused(UnknownSignatureMethod, "whatsapp")


def test_revoking_the_version_in_force_records_the_reason_and_ends_its_period():
    outcome = given(*rule_set_history(*in_force_version_1())).when(
        lambda rs: rs.revoke(1, "  Rechter heeft een nieuwe zorgregeling vastgesteld. ", COORDINATOR)
    )
    outcome.then((RuleSet.GroundRulesRevoked, {"reason": PrivateText(CASE, "Rechter heeft een nieuwe zorgregeling vastgesteld.")}))
    version = outcome.aggregate.view().versions[0]
    assert version.status == "revoked" and version.revocation.revoked_by == COORDINATOR
    assert outcome.aggregate.view().in_force is None


def test_a_revocation_without_a_reason_is_refused():
    given(*rule_set_history(*in_force_version_1())).when(lambda rs: rs.revoke(1, " ", COORDINATOR)).then_refused(
        ReasonRequired, "reason"
    )


def test_only_the_version_in_force_can_be_revoked():
    given(*rule_set_history(offer(1))).when(lambda rs: rs.revoke(1, "te laat", COORDINATOR)).then_refused(
        NotInForce, "not in force"
    )


def test_a_rule_in_an_unknown_category_is_refused():
    given(*rule_set_history()).when(
        lambda rs: rs.revise_draft(1, {"pets": ["De hond gaat mee."]}, COORDINATOR)
    ).then_refused(InvalidRules, "pets")
