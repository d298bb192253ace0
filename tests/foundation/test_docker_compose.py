"""docker-compose.yml, proven without a Docker engine.

The compose file's PostgreSQL service runs deploy/postgres/init.sql with its environment;
its gateway service is configured purely by environment. Here the same script runs with
the same environment against the local cluster, and the gateway's environment, with only
the host name of the database service replaced, opens all three stores and reports ready.
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import yaml
from fastapi.testclient import TestClient

from evenwijdig.settings import STORES, Settings
from evenwijdig.bootstrap import bootstrap
from evenwijdig.store_cli import set_up
from gateway.app import create_app
from tests.support import postgres as pg

COMPOSE = Path(__file__).resolve().parents[2] / "docker-compose.yml"


def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def with_local_secrets(environment: dict) -> dict[str, str]:
    """A service's environment with each /run/secrets/NAME replaced by the file compose mounts there."""
    files = {f"/run/secrets/{name}": str(COMPOSE.parent / spec["file"]) for name, spec in compose()["secrets"].items()}
    return {k: files.get(str(v), str(v)) for k, v in environment.items()}


def test_the_compose_database_service_runs_the_init_script_with_a_health_check():
    service = compose()["services"]["postgres"]
    assert "./deploy/postgres/init-from-secrets.sh:/docker-entrypoint-initdb.d/10-evenwijdig.sh:ro" in service["volumes"]
    assert "./deploy/postgres/init.sql:/evenwijdig/init.sql:ro" in service["volumes"]
    assert "pg_isready" in " ".join(service["healthcheck"]["test"])


def test_compose_restarts_its_services_keeps_secrets_in_files_and_publishes_only_on_loopback():
    services = compose()["services"]
    assert {name: service["restart"] for name, service in services.items()} == {
        "postgres": "unless-stopped", "store-init": "no", "gateway": "unless-stopped"}
    for service in services.values():
        assert all(not name.endswith("PASSWORD") for name in service["environment"]), "a literal password"
        assert all(str(port).startswith("127.0.0.1:") for port in service.get("ports", []))
    assert "gateway-data:/data" in services["gateway"]["volumes"]


def test_the_compose_gateway_waits_for_a_healthy_database_and_checks_its_own_readiness():
    gateway = compose()["services"]["gateway"]
    assert gateway["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert gateway["depends_on"]["store-init"]["condition"] == "service_completed_successfully"
    assert "/readyz" in " ".join(gateway["healthcheck"]["test"])


def test_only_the_store_init_service_holds_the_owners_passwords():
    services = compose()["services"]
    owners = {f"{context}_owner_password" for context in STORES}
    assert owners <= set(services["store-init"]["secrets"])
    assert not owners & set(services["gateway"]["secrets"])
    assert not any("OWNER" in name for name in services["gateway"]["environment"])
    assert services["store-init"]["command"] == ["store", "init"]


def test_the_init_script_with_the_compose_environment_sets_up_what_the_gateway_settings_need(postgres_cluster):
    database_env = with_local_secrets(compose()["services"]["postgres"]["environment"])
    pg.run_init_from_secrets(database_env)
    logins = [*STORES, *(f"{context}_owner" for context in STORES)]
    with pg.admin_connect() as conn:
        with_password = {
            name for (name,) in conn.execute(
                "SELECT rolname FROM pg_authid WHERE rolpassword IS NOT NULL AND rolname = ANY(%s)", (logins,)
            )
        }
    assert with_password == set(logins)

    # The store-init service, as compose runs it before the gateway: the owners make the tables.
    init_env = with_local_secrets(compose()["services"]["store-init"]["environment"])
    init_env["EVENWIJDIG_POSTGRES_HOST"] = pg.HOST
    set_up(Settings.from_environ(init_env))

    gateway_env = with_local_secrets(compose()["services"]["gateway"]["environment"])
    gateway_env["EVENWIJDIG_POSTGRES_HOST"] = pg.HOST  # the compose service name resolves only inside compose
    settings = Settings.from_environ(gateway_env)
    assert settings.store == "postgres"
    for context in STORES:
        credential = settings.postgres.credential(context)
        with psycopg.connect(host=pg.HOST, port=pg.PORT, dbname=credential.dbname, user=credential.user,
                             password=credential.password, connect_timeout=3) as conn:
            assert conn.execute("SELECT current_user").fetchone() == (context,)

    with TestClient(create_app(settings, open_contexts=bootstrap)) as client:
        response = client.get("/readyz")
    assert response.status_code == 200, response.text
    assert response.json()["stores"] == {context: True for context in STORES}


def test_running_the_init_script_twice_changes_nothing(postgres_cluster):
    def state():
        with pg.admin_connect() as conn:
            return conn.execute(
                "SELECT datname, pg_get_userbyid(datdba), datacl::text FROM pg_database WHERE datname = ANY(%s) ORDER BY 1",
                (list(STORES),),
            ).fetchall()

    pg.apply_init_script()
    before = state()
    pg.apply_init_script()
    assert state() == before and len(before) == len(STORES)
