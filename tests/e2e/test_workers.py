"""``evenwijdig serve --workers 2``: what one worker process writes, the other reads, and no cache of either is stale.

Each keep-alive connection stays with the worker process that accepted it; the test finds
which process holds each connection (``/proc``) and keeps one connection per worker, so every
step below is known to run in the worker it names (both stores).
"""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest

from gateway.auth import mint_development_token
from services.staff_directory.api import Role
from tests.support.http import ADMIN, install_first_administrator
from tests.support.processes import environ_for, serving

NEWCOMER, DEPUTY = "w-newcomer", "w-deputy-admin"
STAFF = "query($u: String!) { staffMember(user: $u) { user roles active } }"
REGISTER = ("mutation($u: String!, $r: [Role!]!) { registerStaff(user: $u, displayName: $u, roles: $r) { ok } }")
REVOKE = "mutation($u: String!) { revokeRole(user: $u, role: ADMIN, reason: \"test\") { ok } }"


def post(client: httpx.Client, token: str, query: str, status: int = 200, **variables) -> dict:
    answer = client.post("/graphql/admin", json={"query": query, "variables": variables},
                         headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == status, answer.text
    return answer.json()


def worker_of(answer: httpx.Response, server_port: int) -> int:
    """The process holding the server's end of the connection that carried ``answer``."""
    client_port = answer.extensions["network_stream"].get_extra_info("client_addr")[1]
    inode = None
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, remote = int(fields[1].rsplit(":", 1)[1], 16), int(fields[2].rsplit(":", 1)[1], 16)
            if (local, remote) == (server_port, client_port):
                inode = fields[9]
    assert inode is not None, "the server's end of the connection was not found"
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if any(os.readlink(f"/proc/{pid}/fd/{fd}") == f"socket:[{inode}]" for fd in os.listdir(f"/proc/{pid}/fd")):
                return int(pid)
        except OSError:
            continue  # a process that ended meanwhile, or one not ours to look at
    raise AssertionError("no process holds the connection")


def one_connection_per_worker(base: str, token: str) -> list[httpx.Client]:
    port = int(base.rsplit(":", 1)[1])
    pinned: dict[int, httpx.Client] = {}
    for _ in range(60):
        client = httpx.Client(base_url=base, timeout=30)
        answer = client.post("/graphql/admin", json={"query": STAFF, "variables": {"u": ADMIN}},
                             headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 200, answer.text
        pid = worker_of(answer, port)
        if pid in pinned:
            client.close()
        else:
            pinned[pid] = client
        if len(pinned) == 2:
            return list(pinned.values())
    pytest.fail(f"60 connections reached {len(pinned)} worker process(es), not 2")


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="finds each connection's worker through /proc")
def test_two_workers_read_each_others_writes_and_serve_no_stale_cache(settings):
    install_first_administrator(settings)
    admin = mint_development_token(settings.data_dir, ADMIN, Role.ADMIN)
    deputy = mint_development_token(settings.data_dir, DEPUTY, Role.ADMIN)
    with serving(environ_for(settings), startup_timeout=90, args=("--workers", "2")) as base:
        first, second = one_connection_per_worker(base, admin)
        try:
            # The second worker has looked the newcomer up (and found no one) before the first registers them.
            assert post(second, admin, STAFF, u=NEWCOMER)["data"]["staffMember"] is None
            assert post(first, admin, REGISTER, u=NEWCOMER, r=["COUNSELLOR"])["data"]["registerStaff"]["ok"]
            assert post(second, admin, STAFF, u=NEWCOMER)["data"]["staffMember"]["roles"] == ["COUNSELLOR"]
            # A deputy administrator, registered in the first, is authorised by the second (which remembers it) ...
            assert post(first, admin, REGISTER, u=DEPUTY, r=["ADMIN"])["data"]["registerStaff"]["ok"]
            assert post(second, deputy, STAFF, u=NEWCOMER)["data"]["staffMember"]["user"] == NEWCOMER
            # ... until the first revokes the role: the second must not serve its remembered authorisation.
            assert post(first, admin, REVOKE, u=DEPUTY)["data"]["revokeRole"]["ok"]
            refused = post(second, deputy, STAFF, status=403, u=NEWCOMER)
            assert refused.get("data") is None and refused["errors"][0]["extensions"]["code"] == "FORBIDDEN", refused
        finally:
            first.close()
            second.close()
