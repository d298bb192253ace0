"""Accesses recorded together share one commit, and no request goes on before its entry is stored."""

from __future__ import annotations

import threading
import time
import uuid

import pytest

from evenwijdig.bootstrap import bootstrap
from services.platform.access_log import Access, Action

CLIENTS = 6


def access(case_id, user="auditor-1"):
    return Access(user=user, role="auditor", action=Action.READ, context="parent_a_context", case_id=case_id,
                  operation="history", responsible_user=user)


@pytest.fixture
def log(settings):
    opened = bootstrap(settings)
    yield opened.parent_a.access_log
    opened.close()


def held_first_commit(log, monkeypatch, fail_second=False):
    """The first commit waits until every other client is queued behind it; the second may fail in the store."""
    commit = log._table.append_many
    calls = []
    log.first_commit_under_way = threading.Event()

    def append_many(accesses, at):
        calls.append(len(accesses))
        log.first_commit_under_way.set()
        if len(calls) == 1:
            deadline = time.monotonic() + 30
            while log.group.waiting() < CLIENTS - 1 and time.monotonic() < deadline:
                time.sleep(0.005)
        if fail_second and len(calls) == 2:
            # A real failure inside the transaction: the store refuses a row, after the others were inserted.
            accesses = accesses + [access(uuid.uuid4(), user=None)]
        return commit(accesses, at)

    monkeypatch.setattr(log._table, "append_many", append_many)
    return calls


def clients(log, cases):
    """Each client records its access, then serves its read; returns what was served and what failed."""
    served, failed = {}, {}

    def client(case):
        try:
            position = log.record(access(case))
        except Exception as error:  # noqa: BLE001 - the test looks at what each client was told
            failed[case] = error
            return
        served[case] = position  # the read happens only now

    threads = [threading.Thread(target=client, args=(case,)) for case in cases]
    threads[0].start()
    assert log.first_commit_under_way.wait(30)  # the first client leads the first commit
    for thread in threads[1:]:
        thread.start()
    for thread in threads:
        thread.join()
    return served, failed


def test_accesses_arriving_during_a_commit_share_the_next_one(log, monkeypatch):
    calls = held_first_commit(log, monkeypatch)
    cases = [uuid.uuid4() for _ in range(CLIENTS)]
    served, failed = clients(log, cases)
    assert failed == {} and calls == [1, CLIENTS - 1]
    for case in cases:
        (entry,) = log.entries(case_id=case)
        assert entry.position == served[case] and entry.access.user == "auditor-1"


def test_a_failed_commit_fails_every_access_of_its_batch_and_none_is_served_or_stored(log, monkeypatch):
    calls = held_first_commit(log, monkeypatch, fail_second=True)
    cases = [uuid.uuid4() for _ in range(CLIENTS)]
    served, failed = clients(log, cases)
    assert calls == [1, CLIENTS - 1]
    assert list(served) == [cases[0]] and set(failed) == set(cases[1:])
    assert all(log.entries(case_id=case) == [] for case in cases[1:])
    # The log goes on: the next access is recorded in a commit of its own.
    monkeypatch.undo()
    assert log.entries(case_id=cases[1]) == [] and log.record(access(cases[1])) > served[cases[0]]


def test_a_single_client_commits_at_once_in_a_batch_of_one(log):
    for _ in range(3):
        log.record(access(uuid.uuid4()))
    assert log.group.batches == [1, 1, 1]
