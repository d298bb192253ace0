"""The auditor's replay decodes stored JSON straight to its records, and answers exactly as the domain path did.

The reference below is the replay's record as it was built before: the stored event decoded by
the auditor's mapper into a domain event object, every value made plain. Same records, same key
order, same bytes — for today's events, release 0.1's (older class versions, upcast by the
domain), redacted, shown and erased private text.
"""

from __future__ import annotations

from uuid import UUID, uuid4

import orjson
import pytest

from evenwijdig.bootstrap import bootstrap
from services.parent_a_context.application import ParentAContext
from services.parent_side.domain.records import ERASURE_REQUEST
from services.platform.audit_values import audit_mapper, plain
from services.platform.replay import HistoryFilter, Replay, case_of_created
from services.shared_agreements.application import SharedAgreements
from tests.audit.builders import closed_trajectory, open_trajectory, registered_case
from tests.support.release_store import install_release_store

ENVELOPE = {"originator_id", "originator_version", "timestamp", "originator_topic"}


def as_the_domain_path_recorded(app, show_private_text: bool) -> list[bytes]:  # noqa: ANN001
    """Every event of the store as the replay recorded it from domain event objects."""
    mapper = audit_mapper(app, show_private_text)
    records = []
    for n in app.recorder.select_notifications(0, 100_000, inclusive_of_start=False):
        event = mapper.to_domain_event(n)
        own = getattr(event, "case_id", None)
        if not (isinstance(own, UUID) and event.originator_version != 1):
            own = case_of_created(mapper.to_domain_event(app.recorder.select_events(n.originator_id, limit=1)[0]))
        records.append(orjson.dumps({
            "position": n.id, "time": event.timestamp.isoformat(), "case_id": str(own) if own else None,
            "actor": plain(getattr(event, "actor", None)),
            "aggregate_id": str(event.originator_id), "aggregate_version": event.originator_version,
            "payload": {k: plain(v) for k, v in vars(event).items() if k not in ENVELOPE},
        }))
    return records


def as_replayed(app, show_private_text: bool) -> list[bytes]:  # noqa: ANN001
    keep = ("position", "time", "case_id", "actor", "aggregate_id", "aggregate_version", "payload")
    return [orjson.dumps({k: e[k] for k in keep}) for e in Replay(app, show_private_text=show_private_text).events()]


def as_replayed_case_by_case(app, cases: set[str]) -> list[bytes]:  # noqa: ANN001
    """The records of these cases read case by case through the case index (built from zero), in order of position."""
    replay = Replay(app)  # remembers no aggregate yet: the index finds every case by itself
    records = [e for case in cases for e in replay.events(only=HistoryFilter(case_id=UUID(case)))]
    keep = ("position", "time", "case_id", "actor", "aggregate_id", "aggregate_version", "payload")
    return [orjson.dumps({k: e[k] for k in keep}) for e in sorted(records, key=lambda e: e["position"])]


@pytest.mark.parametrize("show_private_text", [False, True], ids=["redacted", "shown"])
def test_release_0_1_histories_replay_to_the_same_records(settings, show_private_text):
    install_release_store(settings)
    contexts = bootstrap(settings)
    try:
        for name, app in contexts.by_name().items():
            expected = as_the_domain_path_recorded(app, show_private_text)
            assert expected, name
            assert as_replayed(app, show_private_text) == expected, name
            if not show_private_text:
                of_a_case = [r for r in expected if orjson.loads(r)["case_id"]]
                cases = {orjson.loads(r)["case_id"] for r in of_a_case}
                assert as_replayed_case_by_case(app, cases) == of_a_case, name
    finally:
        contexts.close()


@pytest.mark.parametrize("show_private_text", [False, True], ids=["redacted", "shown"])
def test_todays_histories_with_erased_text_replay_to_the_same_records(settings, show_private_text):
    side_a = ParentAContext(settings.context_store("parent_a_context"))
    shared = SharedAgreements(settings.context_store("shared_agreements"))
    try:
        erased, kept, opened = uuid4(), uuid4(), uuid4()
        closed_trajectory(side_a, erased)
        closed_trajectory(side_a, kept)
        open_trajectory(side_a, opened)
        side_a.erase_private_text(erased, actor="privacy-officer", reason=ERASURE_REQUEST)
        registered_case(shared, uuid4())
        for app in (side_a, shared):
            expected = as_the_domain_path_recorded(app, show_private_text)
            assert as_replayed(app, show_private_text) == expected
        texts = [e["payload"].get("note") for e in Replay(side_a, show_private_text=show_private_text).events()]
        shown = "Vader sliep in de auto." if show_private_text else "[redacted]"
        assert [t for t in texts if t is not None] == ["[gewist]", shown]
    finally:
        side_a.close()
        shared.close()
