"""The ``evenwijdig`` command as an operator runs it: in a subprocess, configured by environment."""

from __future__ import annotations

import httpx

from evenwijdig.settings import STORES, Settings
from tests.support.processes import environ_for, run_cli, serving

STATUS_QUERY = "{ status { service environment contexts { name ready } } }"


def test_serve_answers_a_graphql_query_over_http(settings: Settings):
    with serving(environ_for(settings)) as base:
        response = httpx.post(f"{base}/graphql/status", json={"query": STATUS_QUERY}, timeout=10)
    assert response.status_code == 200, response.text
    status = response.json()["data"]["status"]
    assert status["service"] == "evenwijdig"
    assert {c["name"]: c["ready"] for c in status["contexts"]} == {c: True for c in STORES}


def test_serve_refuses_graphql_queries_over_get(settings: Settings):
    with serving(environ_for(settings)) as base:
        response = httpx.get(f"{base}/graphql/status", params={"query": STATUS_QUERY}, headers={"accept": "application/json"}, timeout=10)
    assert response.status_code in (400, 405), response.text
    assert "data" not in response.text


def test_a_bad_setting_stops_the_command_with_a_clear_message(settings: Settings):
    env = environ_for(settings) | {"EVENWIJDIG_POSTGRES_PORT": "not-a-port", "EVENWIJDIG_STORE": "postgres",
                                    "EVENWIJDIG_POSTGRES_HOST": "127.0.0.1"}
    result = run_cli("demo", env=env)
    assert result.returncode == 2
    assert "EVENWIJDIG_POSTGRES_PORT" in result.stderr
    assert "Traceback" not in result.stderr


def demo_line(result) -> dict:
    import json

    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    return json.loads(lines[-1])


def test_demo_loads_a_case_once_and_running_it_again_changes_nothing(settings: Settings):
    env = environ_for(settings)
    first = demo_line(run_cli("demo", "--json", env=env))
    second = demo_line(run_cli("demo", "--json", env=env))
    assert first["case_id"] == second["case_id"]
    assert first["positions"] == second["positions"]
    assert all(first["positions"][name] > 0 for name in STORES)
    assert set(second["tokens"]) == {"counsellor_a", "counsellor_b", "coordinator", "child_counsellor", "auditor", "admin"}


def test_the_demo_tokens_open_their_own_audience_on_a_running_gateway(settings: Settings):
    env = environ_for(settings)
    tokens = demo_line(run_cli("demo", "--json", env=env))["tokens"]
    query = '{ staffMember(user: "demo-counsellor-a") { displayName roles } }'
    with serving(env) as base:
        allowed = httpx.post(f"{base}/graphql/admin", json={"query": query},
                             headers={"Authorization": f"Bearer {tokens['admin']}"}, timeout=10)
        refused = httpx.post(f"{base}/graphql/admin", json={"query": query},
                             headers={"Authorization": f"Bearer {tokens['counsellor_a']}"}, timeout=10)
    assert allowed.json()["data"]["staffMember"] == {"displayName": "Ineke Bos", "roles": ["COUNSELLOR"]}
    assert refused.status_code == 403
