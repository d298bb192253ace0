"""PostgreSQL stops in the middle of a write load, and comes back.

The test runs a PostgreSQL server of its own (``pg_server.OwnServer``), never the machine's
shared cluster. While PostgreSQL is down every request fails within two seconds with
UNAVAILABLE; nothing half-written is ever visible; once PostgreSQL is back the same gateway
process serves again, every acknowledged write is in the store, and retrying a failed write
with its idempotency key records it exactly once.
"""

from __future__ import annotations

import time
from collections import Counter

import httpx
import psycopg

from evenwijdig.bootstrap import Contexts
from gateway.app import create_app
from gateway.auth import mint_development_token
from services.staff_directory.api import Role
from tests.reliability.outage import WriteLoad, send
from tests.reliability.scene import COUNSELLOR, opened_case, trajectory_events
from tests.reliability.serving import served
from tests.support.outage import wait_for, case_of, consents_of

#: The promise under test (docs/reliability.md): a request against a store that is down fails this fast.
FAILS_WITHIN_SECONDS = 2.0


def test_a_write_load_survives_postgres_stopping_and_coming_back(server, own_stores):
    settings, contexts = own_stores
    cases = [opened_case(contexts) for _ in range(4)]
    token = mint_development_token(settings.data_dir, COUNSELLOR, Role.COUNSELLOR)
    with served(create_app(settings, contexts)) as base:
        load = WriteLoad(base, token, cases)
        stopped, back = ride_out_an_outage(server, base, load)
        outcomes = list(load.outcomes)
        failed = [o for o in outcomes if not o.acknowledged]
        # OUTCOME_UNKNOWN: the connection died after the write was sent (it may have been stored).
        assert all(o.unavailable or o.codes == {"OUTCOME_UNKNOWN"} for o in failed), {(o.status, *o.codes) for o in failed}
        assert not {o.marker for o in failed if o.unavailable} & set(consents_of_all(contexts, cases))
        assert any(o.finished_at > stopped for o in failed), "the outage was never seen"
        assert max(o.seconds for o in failed) <= FAILS_WITHIN_SECONDS, sorted(o.seconds for o in failed)[-3:]
        assert load.acknowledged_since(back) >= 3 * len(cases), "service did not resume"
        assert_every_acknowledged_write_is_stored_whole(contexts, cases, outcomes)

        with httpx.Client(base_url=base, timeout=10) as http:
            retried = [send(http, token, case_of(o.marker, cases), o.marker) for o in failed]
    # CONFLICT: a key its interrupted request still holds (until the lease ends); ALREADY_DONE: stored the first time.
    assert all(r.acknowledged or r.codes in ({"CONFLICT"}, {"ALREADY_DONE"}) for r in retried), {
        (r.status, *r.codes) for r in retried}
    stored = sum((consents_of(contexts, case) for case in cases), Counter())
    assert max(stored.values()) == 1, "a retried write was recorded twice"
    assert {r.marker for r in retried if r.acknowledged} <= set(stored)
    assert all(app.chain.verify().ok for app in contexts.by_name().values())


def consents_of_all(contexts: Contexts, cases) -> Counter[str]:  # noqa: ANN001
    return sum((consents_of(contexts, case) for case in cases), Counter())


def ride_out_an_outage(server, base: str, load: WriteLoad) -> tuple[float, float]:  # noqa: ANN001
    """Stop PostgreSQL a second into the load, start it 2.5 s later, run on until writes succeed again;
    readiness must say so on the way. Returns when it stopped and when it was back."""
    load.start()
    try:
        time.sleep(1.0)
        server.stop("fast")
        stopped = time.monotonic()
        time.sleep(1.0)
        assert httpx.get(f"{base}/readyz", timeout=10).status_code == 503
        time.sleep(1.5)
        server.start()
        back = time.monotonic()
        wait_for(lambda: load.acknowledged_since(back) >= 3 * len(load.cases), seconds=30)
    finally:
        load.stop()
    wait_for(lambda: httpx.get(f"{base}/readyz", timeout=10).status_code == 200, seconds=15)
    return stopped, back


def assert_every_acknowledged_write_is_stored_whole(contexts: Contexts, cases, outcomes) -> None:  # noqa: ANN001
    stored = sum((consents_of(contexts, case) for case in cases), Counter())
    acknowledged = {o.marker for o in outcomes if o.acknowledged}
    assert acknowledged <= set(stored), "an acknowledged write is missing"
    assert set(stored) - acknowledged <= {o.marker for o in outcomes if not o.acknowledged}
    for case in cases:  # each stored event is whole: it decodes, and is one consent
        assert len(trajectory_events(contexts.parent_a, case)) == 1 + sum(consents_of(contexts, case).values())


def test_a_write_that_waits_for_a_held_table_lock_gives_up_within_the_lock_timeout(server, own_stores):
    settings, contexts = own_stores
    case = opened_case(contexts)
    token = mint_development_token(settings.data_dir, COUNSELLOR, Role.COUNSELLOR)
    events = len(trajectory_events(contexts.parent_a, case))
    with served(create_app(settings, contexts)) as base, httpx.Client(base_url=base, timeout=10) as http:
        with psycopg.connect(host=server.host, port=server.port, user="postgres", dbname="parent_a_context") as lock:
            lock.execute("LOCK TABLE public.parent_a_context_events IN EXCLUSIVE MODE")
            blocked = send(http, token, case, "while-the-table-is-locked")
            lock.rollback()
        assert blocked.unavailable and blocked.seconds <= FAILS_WITHIN_SECONDS, blocked
        assert len(trajectory_events(contexts.parent_a, case)) == events
        assert send(http, token, case, "after-the-lock").acknowledged


def test_readiness_says_503_while_postgres_is_down_and_200_once_it_is_back(server, own_stores):
    settings, contexts = own_stores
    with served(create_app(settings, contexts)) as base:
        ready = httpx.get(f"{base}/readyz", timeout=10).json()
        assert (ready["status"], ready["stores"]) == ("ready", {name: True for name in contexts.by_name()})
        assert all(flow["waiting"] == 0 for flow in ready["flows"].values()), ready["flows"]
        server.stop("immediate")
        try:
            down = httpx.get(f"{base}/readyz", timeout=10)
            assert httpx.get(f"{base}/healthz", timeout=10).status_code == 200, "alive, though not ready"
        finally:
            server.start()
        assert (down.status_code, down.json()["status"]) == (503, "unavailable")
        assert not any(down.json()["stores"].values())
        wait_for(lambda: httpx.get(f"{base}/readyz", timeout=10).status_code == 200, seconds=15)


