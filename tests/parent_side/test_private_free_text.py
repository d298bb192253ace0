"""Every free text that can describe a person is private text (both stores, raw bytes).

Goals, free themes, the reason a session was missed or cancelled ("opname ziekenhuis"), why the
counsellor changed and the reason a release was withdrawn are encrypted with the case key like notes and
evaluations: no plaintext byte reaches the store, and once the private text is erased the
key is gone from every table, so nothing can bring them back. Events stored before they
were private hold clear text and still load.
"""

from __future__ import annotations

from uuid import uuid4

import pytest

from services.parent_a_context.application import ParentAContext
from services.parent_side.domain.records import CONSENT_TRAJECTORY, ERASURE_REQUEST
from services.platform.private_text import ERASED_MARK
from tests.support.side_cases import LOMAN, private
from tests.support.trajectories import (
    AGREED, COUNSELLOR, INTAKE, NEXT_COUNSELLOR, PARENTS, PROPOSED, SARA, START, fortnight, history,
)
from tests.platform.raw_pages import raw_store_bytes, wrapped_keys
from tests.support.cases import open_trajectory
from tests.support.given_when_then import replay


@pytest.fixture
def side_a(settings):
    app = ParentAContext(settings.context_store("parent_a_context"))
    yield app
    app.close()


def canary(what: str) -> str:
    return f"{what}-{uuid4().hex}"


def test_goals_themes_and_reasons_never_reach_the_store_in_clear_and_are_destroyed_by_erasure(settings, side_a):
    case = uuid4()
    goal, theme, missed, cancelled, withdrawn, reassigned = (canary(w) for w in (
        "Moeder-leert-haar-woede-te-reguleren", "opname-psychiatrie", "opname-ziekenhuis", "vader-in-detentie",
        "eerst-advocaat-spreken", "moeder-dreigde-de-begeleider"))
    open_trajectory(side_a, case, parent=PARENTS[0], children=(SARA,), rules=LOMAN, counsellor=COUNSELLOR,
                    on=INTAKE, actor=COUNSELLOR, parental_authority=True)
    side_a.propose_goals(case, goals=[goal], themes=["own_ground", theme], on=PROPOSED, actor=COUNSELLOR)
    side_a.record_agreement(case, on=AGREED, actor=COUNSELLOR)
    side_a.record_consent(case, scopes=[CONSENT_TRAJECTORY], given_by=list(PARENTS), given_on=AGREED, actor=COUNSELLOR)
    side_a.start(case, on=START, actor=COUNSELLOR)
    side_a.record_session(case, on=START, duration_minutes=0, themes=[], note=None, attended=False,
                          actor=COUNSELLOR, missed_reason=missed)
    side_a.plan_session(case, on=fortnight(2), actor=COUNSELLOR)
    side_a.cancel_planned_session(case, on=fortnight(2), reason=cancelled, actor=COUNSELLOR)
    side_a.reassign_counsellor(case, counsellor=NEXT_COUNSELLOR, reason=reassigned, on=fortnight(3), actor=COUNSELLOR)
    side_a.close_trajectory(case, on=fortnight(5), evaluation=private(case, "Doelen bereikt."), actor=COUNSELLOR)
    side_a.release_evaluation_for_court(case, on=fortnight(5), actor=COUNSELLOR)
    side_a.withdraw_release(case, on=fortnight(5), actor=COUNSELLOR, reason=withdrawn)

    view = side_a.trajectory(case)
    assert (view.goals, view.themes) == ((goal,), ("own_ground", theme))
    assert view.sessions[0].missed_reason == missed and view.planned_sessions[0].cancelled_reason == cancelled
    assert view.assignments[-1].reason == reassigned
    secrets = [text.encode() for text in (goal, theme, missed, cancelled, withdrawn, reassigned)]
    key = wrapped_keys(settings, "parent_a_context")[case]
    before = raw_store_bytes(settings, "parent_a_context")
    assert key in before, "the raw search must find what is there"
    assert not [s for s in secrets if s in before], "private free text reached the store in clear"

    side_a.erase_private_text(case, actor=COUNSELLOR, reason=ERASURE_REQUEST)

    assert key not in raw_store_bytes(settings, "parent_a_context"), "the case key survives the erasure"
    fresh = ParentAContext(settings.context_store("parent_a_context"))  # no cache: only what the store holds
    try:
        erased = fresh.trajectory(case)
    finally:
        fresh.close()
    assert erased.goals == (ERASED_MARK,) and erased.themes == ("own_ground", ERASED_MARK)
    assert erased.sessions[0].missed_reason == ERASED_MARK
    assert erased.planned_sessions[0].cancelled_reason == ERASED_MARK
    assert erased.release_decisions[-1].reason == ERASED_MARK
    assert [a.reason for a in erased.assignments] == ["intake", ERASED_MARK]


def test_a_proposal_stored_before_goals_were_private_still_loads_with_its_clear_text():
    trajectory = replay(history())
    # As release 0.1 stored it: goals and themes as plain strings.
    trajectory._goals_proposed(goals=["Rust bij het wisselen"], themes=["own_ground", "eigen rouw"], on=PROPOSED,
                               rules=None, actor=COUNSELLOR)
    old = replay([*history(), *trajectory.collect_events()])
    assert (old.goals, old.themes) == (("Rust bij het wisselen",), ("own_ground", "eigen rouw"))
    old._private_text_erased(reason=ERASURE_REQUEST, on=START, actor=COUNSELLOR)
    assert old.goals == ("Rust bij het wisselen",), "clear text of an old event is what it is; erasure keeps it"
