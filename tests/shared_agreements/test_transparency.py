"""Transparency agreements: what each side agreed may be shared with the other."""

from __future__ import annotations

from datetime import date, datetime

from services.shared_agreements.domain.errors import (
    InvalidTransparencyAgreement, UnknownParent, UnknownTransparencyCategory,
)
from services.shared_agreements.domain.transparency import TransparencyAgreements
from tests.shared_agreements.builders import CASE, COORDINATOR
from tests.support.given_when_then import given

ON = date(2025, 3, 4)


def opened() -> list:
    return list(TransparencyAgreements.open(CASE, COORDINATOR).collect_events())


def agree(parent: str, categories, on=ON):
    return lambda agreements: agreements.agree(parent, categories, on, COORDINATOR)


def test_a_parents_agreement_is_recorded_with_its_date_and_actor_in_a_fixed_order():
    outcome = given(*opened()).when(agree("parent_a", ["evaluation", "attendance", "attendance"]))
    outcome.then((TransparencyAgreements.TransparencyAgreed, {
        "parent": "parent_a", "categories": ["attendance", "evaluation"], "agreed_on": ON, "actor": COORDINATOR,
    }))
    view = outcome.aggregate.view()
    assert view.may_share("parent_a", "attendance") and not view.may_share("parent_a", "session_themes")
    assert not view.may_share("parent_b", "attendance")


def test_a_later_agreement_replaces_the_earlier_one_and_both_stay_in_the_history():
    history = [*opened()]
    history += given(*history).when(agree("parent_b", ["attendance", "session_themes"])).then(
        TransparencyAgreements.TransparencyAgreed
    )
    outcome = given(*history).when(agree("parent_b", [], on=date(2025, 6, 1)))
    outcome.then((TransparencyAgreements.TransparencyAgreed, {"categories": []}))
    view = outcome.aggregate.view()
    assert len(view.history) == 2 and not view.may_share("parent_b", "attendance")


def test_sharing_private_notes_cannot_be_agreed():
    given(*opened()).when(agree("parent_a", ["session_notes"])).then_refused(
        UnknownTransparencyCategory, "session_notes"
    )


def test_an_agreement_without_its_date_is_refused():
    given(*opened()).when(agree("parent_a", ["attendance"], on=datetime(2025, 3, 4, 9))).then_refused(
        InvalidTransparencyAgreement, "date"
    )


def test_an_agreement_for_an_unknown_side_is_refused():
    given(*opened()).when(agree("coordinator", ["attendance"])).then_refused(UnknownParent, "coordinator")
