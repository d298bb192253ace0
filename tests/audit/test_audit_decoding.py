"""The auditor's replay decodes stored JSON straight to its records, and answers exactly as the domain path did.

The reference below is the replay's record as it was built before: the stored event decoded by
the auditor's mapper into a domain event object, every value made plain. Same records, same key
order, same bytes — for today's events, release 0.1's (older class versions, upcast by the
domain), redacted, shown and erased private text.
"""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import orjson
import pytest

from evenwijdig.bootstrap import bootstrap
from services.parent_a_context.application import ParentAContext
from services.parent_side.domain.records import ERASURE_REQUEST
from services.platform.audit_values import audit_mapper, plain
from services.platform.replay import Replay
from services.shared_agreements.application import SharedAgreements
from tests.audit.builders import closed_trajectory, open_trajectory, registered_case
from tests.support.release_store import install_release_store

ENVELOPE = {"originator_id", "originator_version", "timestamp", "originator_topic"}


def as_the_domain_path_recorded(app, show_private_text: bool) -> list[bytes]:  # noqa: ANN001
    """Every event of the store as the replay recorded it from domain event objects (the case column aside)."""
    mapper = audit_mapper(app, show_private_text)
    records = []
    for n in app.recorder.select_notifications(0, 100_000, inclusive_of_start=False):
        event = mapper.to_domain_event(n)
        records.append(orjson.dumps({
            "position": n.id, "time": event.timestamp.isoformat(), "actor": plain(getattr(event, "actor", None)),
            "aggregate_id": str(event.originator_id), "aggregate_version": event.originator_version,
            "payload": {k: plain(v) for k, v in vars(event).items() if k not in ENVELOPE},
        }))
    return records


def as_replayed(app, show_private_text: bool) -> list[bytes]:  # noqa: ANN001
    keep = ("position", "time", "actor", "aggregate_id", "aggregate_version", "payload")
    return [orjson.dumps({k: e[k] for k in keep}) for e in Replay(app, show_private_text=show_private_text).events()]


@pytest.mark.parametrize("show_private_text", [False, True], ids=["redacted", "shown"])
def test_release_0_1_histories_replay_to_the_same_records(settings, show_private_text):
    install_release_store(settings)
    contexts = bootstrap(settings)
    try:
        for name, app in contexts.by_name().items():
            expected = as_the_domain_path_recorded(app, show_private_text)
            assert expected, name
            assert as_replayed(app, show_private_text) == expected, name
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
