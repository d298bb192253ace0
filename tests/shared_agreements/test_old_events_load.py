"""Events stored before signatures had a day and decisions named missing positions still load (both stores).

A stored event of version 1 has neither field, and no class_version in its state; the
mapper upcasts it: a signature was given on the day it was recorded, and a decision named
no missing position.
"""

from __future__ import annotations

from dataclasses import replace


from services.shared_agreements.domain.decisions import DecisionLog
from services.shared_agreements.domain.ground_rules import RuleSet
from tests.shared_agreements.builders import COORDINATOR, RULES
from tests.support.cases import register_case
from tests.support.shared_store import Shared


def as_version_1(app, event, dropped: str):
    """The event as release 0.1 stored it: without ``dropped`` and without a class version."""
    stored = app.mapper.to_stored_event(event)
    decoded = app.mapper.transcoder.decode(_plain(app, stored.state))
    assert decoded.pop("class_version") == 2 and dropped in decoded
    del decoded[dropped]
    return replace(stored, state=_sealed(app, app.mapper.transcoder.encode(decoded)))


def stored_events(app, aggregate_id):
    return [app.mapper.to_domain_event(stored) for stored in app.recorder.select_events(aggregate_id)]


def _plain(app, state: bytes) -> bytes:
    state = app.mapper.cipher.decrypt(state) if app.mapper.cipher else state
    return app.mapper.compressor.decompress(state) if app.mapper.compressor else state


def _sealed(app, state: bytes) -> bytes:
    state = app.mapper.compressor.compress(state) if app.mapper.compressor else state
    return app.mapper.cipher.encrypt(state) if app.mapper.cipher else state


def test_a_signature_stored_without_its_day_loads_as_signed_when_recorded(app):
    case = register_case(Shared(app), actor=COORDINATOR)
    app.draft_ground_rules(case, RULES, COORDINATOR)
    text_hash = app.offer_ground_rules(case, 1, COORDINATOR)
    app.sign_ground_rules(case, 1, "parent_a", text_hash, "in_person", COORDINATOR)
    signed = next(e for e in stored_events(app, RuleSet.id_for(case)) if isinstance(e, RuleSet.GroundRulesSigned))
    old = app.mapper.to_domain_event(as_version_1(app, signed, "signed_on"))
    assert isinstance(old, RuleSet.GroundRulesSigned) and old.signed_on is None


def test_a_decision_stored_without_missing_positions_loads_with_none(app):
    case = register_case(Shared(app), actor=COORDINATOR)
    app.raise_dispute(case, "Zomer", "parent_a", COORDINATOR)
    for parent in ("parent_a", "parent_b"):
        app.relay_position(case, 1, parent, "Standpunt.", COORDINATOR)
    app.decide_dispute(case, 1, "Twee weken.", "Rust.", COORDINATOR)
    decided = next(e for e in stored_events(app, DecisionLog.id_for(case))
                   if isinstance(e, DecisionLog.BindingDecisionTaken))
    old = app.mapper.to_domain_event(as_version_1(app, decided, "missing_positions"))
    assert isinstance(old, DecisionLog.BindingDecisionTaken) and old.missing_positions == {}
