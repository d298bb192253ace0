"""An auditor replays a context's history in order, filtered, with private text redacted, page by page."""

from __future__ import annotations

import json
from datetime import datetime
from uuid import UUID, uuid4

import pytest

from services.parent_a_context.application import ParentAContext
from services.parent_side.domain.records import ERASURE_REQUEST
from services.platform.errors import Invalid
from services.platform.replay import CaseIndex, HistoryFilter, Replay
from services.shared_agreements.application import SharedAgreements
from tests.audit.builders import COUNSELLOR, EVALUATION, NOTE, closed_trajectory, open_trajectory, registered_case

# The side's case file first: the case header as the flow brought it, registered by the coordinator.
CLOSED_HISTORY = ["OpenedWithHeader", "IntakeHeld", "GoalsProposed", "ProposalAgreed", "ConsentRecorded", "TrajectoryStarted",
                  "SessionRecorded", "TrajectoryClosed"]


@pytest.fixture
def side_a(settings):
    app = ParentAContext(settings.context_store("parent_a_context"))
    yield app
    app.close()


@pytest.fixture
def shared(settings):
    app = SharedAgreements(settings.context_store("shared_agreements"))
    yield app
    app.close()


def test_the_history_replays_in_order_with_when_what_which_case_and_who(side_a):
    case = uuid4()
    closed_trajectory(side_a, case)
    events = list(Replay(side_a).events())
    assert [e["position"] for e in events] == list(range(1, 9))
    assert [e["event_type"] for e in events] == CLOSED_HISTORY
    assert {e["case_id"] for e in events} == {str(case)}
    assert [e["actor"] for e in events] == ["coordinator-setup"] + [COUNSELLOR] * 7
    assert [e["aggregate_version"] for e in events] == [1, *range(1, 8)]
    assert [e["time"] for e in events] == sorted(e["time"] for e in events)
    assert events[6]["payload"]["themes"] == ["own_ground"] and events[6]["payload"]["duration_minutes"] == 60
    json.dumps(events)  # plain data all the way down


def test_private_text_is_redacted_unless_the_deployment_allows_it(side_a):
    case = uuid4()
    closed_trajectory(side_a, case)
    redacted = list(Replay(side_a).events())
    assert redacted[6]["payload"]["note"] == "[redacted]" and redacted[7]["payload"]["evaluation"] == "[redacted]"
    assert NOTE not in json.dumps(redacted) and EVALUATION not in json.dumps(redacted)
    shown = list(Replay(side_a, show_private_text=True).events())
    assert shown[6]["payload"]["note"] == NOTE and shown[7]["payload"]["evaluation"] == EVALUATION


def test_erased_private_text_reads_as_erased_whatever_the_deployment_allows(side_a):
    case = uuid4()
    closed_trajectory(side_a, case)
    side_a.erase_private_text(case, actor="privacy-officer", reason=ERASURE_REQUEST)
    for show in (False, True):
        events = list(Replay(side_a, show_private_text=show).events())
        assert events[6]["payload"]["note"] == "[gewist]" and events[7]["payload"]["evaluation"] == "[gewist]"
        assert events[-1]["event_type"] == "PrivateTextErased"


def test_the_filters_select_by_case_time_range_and_event_type(side_a):
    mine, other = uuid4(), uuid4()
    open_trajectory(side_a, other)
    closed_trajectory(side_a, mine)
    replay = Replay(side_a)
    everything = list(replay.events())
    assert [e["position"] for e in replay.events(only=HistoryFilter(case_id=other))] == [1, 2]  # header, intake
    assert [e["position"] for e in replay.events(only=HistoryFilter(case_id=mine))] == list(range(3, 11))
    sessions = list(replay.events(only=HistoryFilter(event_type="SessionRecorded")))
    assert [e["position"] for e in sessions] == [9]
    since, until = (everything[i]["time"] for i in (2, 4))
    window = HistoryFilter(since=datetime.fromisoformat(since), until=datetime.fromisoformat(until))
    assert [e["position"] for e in replay.events(only=window)] == [3, 4, 5]


def test_a_moment_without_a_time_zone_is_refused():
    with pytest.raises(Invalid, match="time zone"):
        HistoryFilter(since=datetime(2025, 1, 1))


def test_events_without_a_case_id_of_their_own_belong_to_their_aggregates_case(shared):
    mine, other = uuid4(), uuid4()
    registered_case(shared, mine)
    registered_case(shared, other)
    replay = Replay(shared)
    replay.cases = CaseIndex(shared, replay.mapper, size=1)  # forget at once: every case is looked up again
    events = list(replay.events(only=HistoryFilter(case_id=mine)))
    assert events and {e["case_id"] for e in events} == {str(mine)}
    assert "CaseRegistered" in [e["event_type"] for e in events]
    assert len(events) + len(list(replay.events(only=HistoryFilter(case_id=other)))) == len(list(replay.events()))


def test_pages_continue_from_their_cursor_and_bound_the_scan(side_a):
    for _ in range(3):
        closed_trajectory(side_a, uuid4())
    replay, after, seen = Replay(side_a), 0, []
    while True:
        page = replay.page(after, first=3, only=HistoryFilter(event_type="SessionRecorded"), scan_limit=5)
        assert len(page.events) <= 3 and page.scanned_to - after <= 5
        seen += [e["position"] for e in page.events]
        after = page.scanned_to
        if not page.has_more:
            break
    assert seen == [7, 15, 23]  # each case's session, found five positions at most per page
    # One case's pages go through the case index (tests/audit/test_case_index.py): its events only.
    case_pages = Replay(side_a).page(0, first=3, only=HistoryFilter(case_id=UUID(replay_case(side_a, 17))))
    assert [e["position"] for e in case_pages.events] == [17, 18, 19] and case_pages.scanned_to == 19


def replay_case(app, position):
    return next(Replay(app).events(after=position - 1))["case_id"]


def test_the_replay_asks_the_store_for_one_page_at_a_time(side_a, monkeypatch):
    for _ in range(3):
        closed_trajectory(side_a, uuid4())
    asked = []
    select = side_a.recorder.select_notifications

    def spy(start, limit, *args, **kwargs):
        asked.append(limit)
        return select(start, limit, *args, **kwargs)

    monkeypatch.setattr(side_a.recorder, "select_notifications", spy)
    assert sum(1 for _ in Replay(side_a, page=4).events()) == 24
    assert set(asked) == {4} and len(asked) == 7  # 24 events in pages of 4, and the empty page that ends it
