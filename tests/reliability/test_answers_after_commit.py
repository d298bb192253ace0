"""A write that committed answers with its result, even when the store fails right after the commit.

The answer used to come from reading the case again after the command: when that read failed, the
client heard UNAVAILABLE, "nothing was changed", for a change that was stored (seen under faults).
"""

from __future__ import annotations

from eventsourcing.persistence import OperationalError

from gateway.audiences import path
from services.staff_directory.api import Role
from tests.reliability.scene import CONSENT, COUNSELLOR, opened_case, trajectory_events


def test_a_committed_command_answers_its_result_though_every_read_after_the_commit_fails(gateway, monkeypatch):
    case = opened_case(gateway.contexts)
    recorder = gateway.contexts.parent_a.recorder
    insert, select = recorder.insert_events, recorder.select_events
    committed = []

    def insert_then_fail_reads(*args, **kwargs):
        result = insert(*args, **kwargs)
        committed.append(True)
        return result

    def select_unless_committed(*args, **kwargs):
        if committed:
            raise OperationalError("the server closed the connection unexpectedly")
        return select(*args, **kwargs)

    monkeypatch.setattr(recorder, "insert_events", insert_then_fail_reads)
    monkeypatch.setattr(recorder, "select_events", select_unless_committed)
    token = gateway.token(COUNSELLOR, Role.COUNSELLOR)
    query = CONSENT.replace("{ version }", "{ version consents { givenBy } }")
    answer = gateway.client.post(path(Role.COUNSELLOR), headers={"Authorization": f"Bearer {token}"},
                                 json={"query": query, "variables": {"case": str(case), "by": ["Sanne"]}}).json()
    monkeypatch.undo()

    assert committed and "errors" not in answer, answer
    assert answer["data"]["recordConsent"] == {"version": 2, "consents": [{"givenBy": ["Sanne"]}]}
    events = trajectory_events(gateway.contexts.parent_a, case)
    assert len(events) == 2 and type(events[-1]).__name__ == "ConsentRecorded"
