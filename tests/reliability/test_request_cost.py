"""A request that asks for too much at once (aliases, fragments) is refused before any work starts."""

from __future__ import annotations

import time
from datetime import datetime, timezone

import pytest

from services.staff_directory.api import Role
from gateway.schema.cost import COSTS, MAX_COST
from tests.reliability.hostile import SENDERS, HostileScene
from tests.reliability.scene import access_logs, error_codes, positions

REPORT = "r{n}: courtReport(caseId: $case, asOf: $at, format: PDF) {{ sha256 }}"
HISTORY = "h{n}: history(context: PARENT_A_CONTEXT, first: 500) {{ edges {{ cursor }} }}"


@pytest.fixture
def scene(gateway) -> HostileScene:
    return HostileScene.set_up(gateway.contexts)


def reports(gateway, scene: HostileScene, count: int, *, via_fragment: bool = False):
    fields = " ".join(REPORT.format(n=n) for n in range(count))
    query = (f"query($case: UUID!, $at: DateTime!) {{ ...R }} fragment R on Query {{ {fields} }}" if via_fragment
             else f"query($case: UUID!, $at: DateTime!) {{ {fields} }}")
    at = datetime.now(timezone.utc).isoformat()
    return gateway.post(Role.AUDITOR, query, {"case": str(scene.case), "at": at}, user=SENDERS[Role.AUDITOR])


@pytest.mark.parametrize("via_fragment", [False, True], ids=["aliases", "fragment"])
def test_fifteen_pdf_court_reports_in_one_request_are_refused_before_any_is_made(gateway, scene, via_fragment):
    before = positions(gateway.contexts), access_logs(gateway.contexts)
    started = time.monotonic()
    response = reports(gateway, scene, 15, via_fragment=via_fragment)
    took = time.monotonic() - started
    body = response.json()
    assert error_codes(body) == {"INVALID"} and body.get("data") is None, response.text
    assert f"costs {15 * COSTS['courtReport']}; at most {MAX_COST}" in body["errors"][0]["message"]
    # Nothing was made, recorded or even looked at: no access-log entry, no report in the register.
    assert (positions(gateway.contexts), access_logs(gateway.contexts)) == before
    assert took < 1.0, took


def test_a_request_within_the_budget_runs(gateway, scene):
    response = reports(gateway, scene, MAX_COST // COSTS["courtReport"])
    assert "errors" not in response.json(), response.text[:500]


def test_many_history_pages_at_once_are_refused_but_a_few_are_served(gateway, scene):
    def pages(count: int):
        query = "{ " + " ".join(HISTORY.format(n=n) for n in range(count)) + " }"
        return gateway.post(Role.AUDITOR, query, user=SENDERS[Role.AUDITOR])

    assert "errors" not in pages(MAX_COST // COSTS["history"]).json()
    before = positions(gateway.contexts), access_logs(gateway.contexts)
    refused = pages(MAX_COST // COSTS["history"] + 1).json()
    assert error_codes(refused) == {"INVALID"} and "costs" in refused["errors"][0]["message"]
    assert (positions(gateway.contexts), access_logs(gateway.contexts)) == before
