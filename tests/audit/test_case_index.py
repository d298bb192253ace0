"""The history of one case is read through the context's case index: only that case's rows, the same answers.

The index (services.platform.case_positions) is a tracked projection of the context's own
history: caught up before it is read, rebuilt from position zero when it is lost.
"""

from __future__ import annotations

from uuid import uuid4

import pytest

from services.parent_a_context.application import ParentAContext
from services.platform.replay import HistoryFilter, Replay
from tests.audit.builders import closed_trajectory, open_trajectory, session, started_trajectory
from tests.support import postgres as pg


@pytest.fixture
def side_a(settings):
    app = ParentAContext(settings.context_store("parent_a_context"))
    yield app
    app.close()


def histories(app, cases):
    """Every case's history as the auditor's pages give it, with the cursors."""
    answers = {}
    for case in cases:
        replay, after, pages = Replay(app), 0, []
        while True:
            page = replay.page(after, first=3, only=HistoryFilter(case_id=case))
            pages.append(([e for e in page.events], page.scanned_to, page.has_more))
            after = page.scanned_to
            if not page.has_more:
                break
        answers[case] = pages
    return answers


def scan(app, case):
    """The same case's events the old way: every event of the store, kept when it is the case's."""
    return [e for e in Replay(app).events() if e["case_id"] == str(case)]


def reads_of_the_events(app, monkeypatch):
    """How many notifications the store's full-history reads hand out."""
    handed = []
    select = app.recorder.select_notifications

    def spy(*args, **kwargs):
        found = select(*args, **kwargs)
        handed.extend(found)
        return found

    monkeypatch.setattr(app.recorder, "select_notifications", spy)
    return handed


def test_a_cases_history_through_the_index_is_the_case_of_a_full_scan(side_a):
    cases = [uuid4() for _ in range(3)]
    for case in cases:
        closed_trajectory(side_a, case)
    open_trajectory(side_a, uuid4())
    answers = histories(side_a, cases)
    for case in cases:
        events = [e for page in answers[case] for e in page[0]]
        assert events == scan(side_a, case) and len(events) == 8
    # The last page's cursor is the head of the history, as a scan's is: a client resumes from there.
    assert all(answers[case][-1][1:] == (side_a.position, False) for case in cases)


def test_once_indexed_a_cases_history_reads_none_of_the_other_cases_events(side_a, monkeypatch):
    mine = uuid4()
    for _ in range(4):
        closed_trajectory(side_a, uuid4())
    closed_trajectory(side_a, mine)
    Replay(side_a).index_up_to_date()
    handed = reads_of_the_events(side_a, monkeypatch)
    page = Replay(side_a).page(0, first=100, only=HistoryFilter(case_id=mine))
    assert [e["position"] for e in page.events] == list(range(33, 41))
    assert handed == []  # nothing new to index, and the case's rows came through the index alone


def test_events_stored_after_a_read_are_in_the_next_read(side_a):
    case = uuid4()
    started_trajectory(side_a, case)
    before = [e["event_type"] for e in Replay(side_a).events(only=HistoryFilter(case_id=case))]
    open_trajectory(side_a, uuid4())
    session(side_a, case)
    after = [e["event_type"] for e in Replay(side_a).events(only=HistoryFilter(case_id=case))]
    assert after == before + ["SessionRecorded"] and len(before) == 6
    assert side_a.case_positions.processed() == side_a.position


def test_a_lost_index_is_rebuilt_from_position_zero_with_the_same_answers(side_a, settings):
    cases = [uuid4() for _ in range(3)]
    for case in cases:
        closed_trajectory(side_a, case)
    first = histories(side_a, cases)
    tables = ("parent_a_context_case_positions", "parent_a_context_case_positions_head")
    if settings.store == "postgres":
        # The runtime login may not drop or empty tables (least privilege): the operator loses the index.
        with pg.admin_connect(side_a.name) as conn:
            conn.execute("TRUNCATE " + ", ".join(_qualified(side_a, table) for table in tables))
    else:
        with side_a.factory.datastore.transaction(commit=True) as c:
            for table in tables:
                c.execute(f"DROP TABLE {_qualified(side_a, table)}")
    side_a.case_positions = side_a.storage.case_positions(side_a.name, side_a.recorder)
    assert side_a.case_positions.processed() == 0
    assert histories(side_a, cases) == first
    assert side_a.case_positions.processed() == side_a.position


def test_two_processes_indexing_the_same_positions_store_each_row_once(side_a, monkeypatch):
    cases = [uuid4() for _ in range(2)]
    for case in cases:
        closed_trajectory(side_a, case)
    Replay(side_a).index_up_to_date()
    rows = _count(side_a, "parent_a_context_case_positions")
    # Another process read the processed position before this one stored: it indexes the same positions again.
    other = side_a.storage.case_positions(side_a.name, side_a.recorder)
    monkeypatch.setattr(other, "processed", lambda: 0)
    side_a.case_positions = other
    assert Replay(side_a).index_up_to_date() == side_a.position
    assert _count(side_a, "parent_a_context_case_positions") == rows == 16
    other._store([], 3)  # a slower process storing an older position never moves the index back
    monkeypatch.undo()
    assert side_a.case_positions.processed() == side_a.position
    assert [e["position"] for e in Replay(side_a).events(only=HistoryFilter(case_id=cases[1]))] == list(range(9, 17))


def _qualified(app, table):
    return app.storage.dialect.table(table)


def _count(app, table):
    with app.factory.datastore.transaction(commit=False) as c:
        c.execute(f"SELECT COUNT(*) AS n FROM {_qualified(app, table)}")
        return int(c.fetchone()["n"])
