"""What operators see of the gateway: one JSON log line per request and Prometheus metrics.

Logs carry the request id, audience, outcome and the reason of a refusal, never a token or a name.
"""

from __future__ import annotations

import io
import json
import logging

import pytest

from evenwijdig.logs import configure_logging
from evenwijdig.settings import Settings
from gateway.app import create_app
from services.staff_directory.api import Role
from tests.support.audit_keys import PRODUCTION, RAW

QUERY = '{ staffMember(user: "admin-1") { user displayName } }'


@pytest.fixture
def json_logs():
    root = logging.getLogger()
    kept = (root.handlers[:], root.level)
    stream = io.StringIO()
    configure_logging(stream=stream)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.handlers[:], root.level = kept[0], kept[1]


@pytest.fixture
def admin(gateway):
    gateway.staff("admin-1", Role.ADMIN)
    return gateway


def requests_logged(lines):  # noqa: ANN001, ANN201
    return [line for line in lines if line["event"] == "request"]


def test_a_refused_token_is_logged_at_warning_with_its_reason_and_without_the_token(admin, json_logs):
    token = admin.token("admin-1", Role.COUNSELLOR)
    response = admin.post(Role.ADMIN, QUERY, token=token)
    assert response.status_code == 403
    lines = json_logs()
    [request] = requests_logged(lines)
    assert request["level"] == "warning" and request["outcome"] == "refused"
    assert request["reasons"] == ["wrong_role"] and request["audience"] == "admin" and request["status"] == 403
    assert request["request_id"] == response.headers["x-request-id"]
    assert "time" in request
    refusal = next(line for line in lines if line.get("reason") == "wrong_role")
    assert refusal["level"] == "warning" and refusal["request_id"] == request["request_id"]
    assert token not in json.dumps(lines) and "admin-1" not in json.dumps(lines)


def test_an_answered_query_is_logged_at_info_without_its_data(admin, json_logs):
    response = admin.post(Role.ADMIN, QUERY, user="admin-1")
    assert response.json()["data"]["staffMember"]["displayName"] == "Admin 1"
    [request] = requests_logged(json_logs())
    assert request["level"] == "info" and request["outcome"] == "ok" and request["status"] == 200
    assert "Admin 1" not in json.dumps(json_logs())


def test_a_refusal_inside_graphql_is_logged_with_its_code(admin, json_logs):
    admin.post(Role.ADMIN, '{ caseStaffing(caseId: "not-a-uuid") { caseId } }', user="admin-1")
    [request] = requests_logged(json_logs())
    assert request["level"] == "warning" and request["outcome"] == "refused" and request["reasons"] == ["invalid"]


def metric(text: str, name: str, **labels: str) -> float:
    for line in text.splitlines():
        if line.startswith(f"{name}{{") and all(f'{k}="{v}"' in line for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_count_requests_latency_and_refusals_by_reason(admin):
    before = admin.client.get("/metrics").text
    admin.post(Role.ADMIN, QUERY, user="admin-1")
    admin.post(Role.ADMIN, QUERY, token="not-a-token")
    after = admin.client.get("/metrics")
    assert after.status_code == 200 and after.headers["content-type"].startswith("text/plain")
    text = after.text
    for name, labels in (("evenwijdig_requests_total", {"audience": "admin", "outcome": "ok"}),
                         ("evenwijdig_requests_total", {"audience": "admin", "outcome": "refused"}),
                         ("evenwijdig_refusals_total", {"reason": "invalid_token"}),
                         ("evenwijdig_request_seconds_count", {"audience": "admin"})):
        assert metric(text, name, **labels) >= metric(before, name, **labels) + 1, (name, labels)


def test_metrics_are_on_in_development_and_served_in_production_only_when_set():
    assert Settings.from_environ({}).metrics_enabled
    assert not Settings.from_environ({"EVENWIJDIG_METRICS": "false"}).metrics_enabled
    production = {**PRODUCTION, "EVENWIJDIG_AUDIT_SIGNING_KEY": RAW}
    assert not Settings.from_environ(production).metrics_enabled
    assert Settings.from_environ({**production, "EVENWIJDIG_METRICS": "true"}).metrics_enabled
    paths = lambda settings: {getattr(route, "path", None) for route in create_app(settings).routes}  # noqa: E731
    assert "/metrics" not in paths(Settings(environment="production", metrics_enabled=False))
    assert "/metrics" in paths(Settings(environment="production", metrics_enabled=True))


def test_metrics_show_how_far_each_flow_is_and_what_waits(admin):
    from tests.support.cases import register_case

    case = register_case(admin.contexts)
    text = admin.client.get("/metrics").text
    shared_position = admin.contexts.shared.recorder.max_notification_id()
    for flow in ("shared_agreements -> gateway", "shared_agreements -> parent_a_context",
                 "shared_agreements -> parent_b_context"):
        assert metric(text, "evenwijdig_flow_processed_position", flow=flow) == shared_position, flow
        assert metric(text, "evenwijdig_flow_waiting", flow=flow) == 0, flow
    assert admin.contexts.directory.staffing(case) is not None
