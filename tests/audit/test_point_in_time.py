"""The state of a case as of a past moment is exactly the state that was observed at that moment."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from uuid import uuid4

import pytest

from services.parent_a_context.application import ParentAContext
from services.platform.as_of import case_state_as_of
from services.platform.errors import Invalid
from services.platform.private_text import PrivateText
from services.shared_agreements.application import SharedAgreements
from tests.audit.builders import (
    CLOSED, COUNSELLOR, EVALUATION, NOTE, START, registered_case, session, started_trajectory,
)


@pytest.fixture
def side_a(settings):
    app = ParentAContext(settings.context_store("parent_a_context"))
    yield app
    app.close()


def test_the_state_as_of_a_past_time_or_position_equals_what_was_observed_then(side_a):
    case, other = uuid4(), uuid4()
    started_trajectory(side_a, case)
    session(side_a, case)
    observed = case_state_as_of(side_a, case, show_private_text=True)
    observed_at, observed_position = datetime.now(timezone.utc), side_a.position
    started_trajectory(side_a, other)
    session(side_a, case, note="Tweede gesprek.", on=START + timedelta(days=14))
    side_a.close_trajectory(case, on=CLOSED, evaluation=PrivateText(case, EVALUATION), actor=COUNSELLOR)

    by_time = case_state_as_of(side_a, case, at=observed_at, show_private_text=True)
    by_position = case_state_as_of(side_a, case, position=observed_position, show_private_text=True)
    now = case_state_as_of(side_a, case, show_private_text=True)
    assert by_time.aggregates == observed.aggregates
    assert by_position.aggregates == observed.aggregates
    assert now.aggregates != observed.aggregates, "the case changed afterwards, or the test proves nothing"
    assert trajectory_in(now)["state"]["closed_on"] == CLOSED.isoformat()
    assert trajectory_in(observed)["state"]["sessions"][0]["note"] == NOTE
    assert [a["aggregate_id"] for a in now.aggregates] == [a["aggregate_id"] for a in observed.aggregates]


def trajectory_in(state):
    """The side's trajectory among the case's aggregates (beside its case file)."""
    return next(a for a in state.aggregates if a["aggregate_type"] == "Trajectory")


def test_private_text_in_a_past_state_is_redacted_unless_allowed(side_a):
    case = uuid4()
    started_trajectory(side_a, case)
    session(side_a, case)
    state = case_state_as_of(side_a, case, position=side_a.position)
    assert trajectory_in(state)["state"]["sessions"][0]["note"] == "[redacted]"


def test_before_the_case_existed_it_has_no_state(side_a):
    before = datetime.now(timezone.utc)
    started_trajectory(side_a, uuid4())
    position = side_a.position
    case = uuid4()
    started_trajectory(side_a, case)
    assert case_state_as_of(side_a, case, position=position).aggregates == ()
    assert case_state_as_of(side_a, case, at=before).aggregates == ()
    assert [a["aggregate_type"] for a in case_state_as_of(side_a, case).aggregates] == ["CaseFile", "Trajectory"]


def test_every_aggregate_of_a_case_in_the_shared_context_is_part_of_its_state(settings):
    shared = SharedAgreements(settings.context_store("shared_agreements"))
    case = uuid4()
    registered_case(shared, case)
    registered_case(shared, uuid4())
    state = case_state_as_of(shared, case)
    assert [a["aggregate_type"] for a in state.aggregates] == ["Case", "RuleSet"]
    assert state.aggregates[0]["aggregate_id"] == str(case)
    shared.close()


def test_a_moment_is_a_time_or_a_position_not_both(side_a):
    with pytest.raises(Invalid, match="not both"):
        case_state_as_of(side_a, uuid4(), at=datetime.now(timezone.utc), position=1)
    with pytest.raises(Invalid, match="time zone"):
        case_state_as_of(side_a, uuid4(), at=datetime.now())
