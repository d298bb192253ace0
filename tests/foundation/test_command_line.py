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
