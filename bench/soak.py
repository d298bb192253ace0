"""Soak: minutes of mixed load against one gateway on loopback, watching its memory and every error.

    python -m bench.soak --minutes 10 [--store sqlite|postgres] [--clients 8] [--cases 400]
                         [--aggregate-cache-size N]

``evenwijdig serve`` runs in a subprocess on fresh stores (``bench.stores.fresh``), seeded with
cases for every audience. Client threads send a weighted mix: counsellors' writes and reads,
writes repeated with their idempotency key, a hot case all clients write to (conflicts expected
there), coordinators', auditors' and administrators' reads. The only acceptable error is CONFLICT;
the server's resident memory is sampled every few seconds and must stay flat after the first
minute (growth under 10 %). Exit status 1 otherwise. Not part of the test run. The gateway's aggregate
cache keeps up to ``EVENWIJDIG_AGGREGATE_CACHE_SIZE`` trajectories, and what they hold grows with every
write: with fewer cases than that, its growth is data, not a leak (``--aggregate-cache-size 0`` tells
them apart).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Callable

import httpx

from bench.servers import free_port, gateway_command
from bench.stores import ROOT, environ_for, fresh
from evenwijdig.bootstrap import bootstrap
from evenwijdig.settings import Settings
from gateway.auth import mint_development_token
from services.staff_directory.api import Role, Side
from services.shared_agreements.application import Child as SharedChild, Parent

CONSENT = ('mutation($c: UUID!, $by: [String!]!) { recordConsent(caseId: $c, scopes: [TRAJECTORY], givenBy: $by, '
           'givenOn: "2025-01-20") { version } }')


@dataclass(frozen=True)
class Op:
    """One kind of request in the mix; ``case`` picks the case: "any", "hot" (every client writes to the same
    one, a different one every 30 s so that no trajectory grows unlike a real one), or "own"."""

    name: str
    weight: int
    role: Role
    document: str
    variables: Callable[[str, str], dict[str, object]]
    case: str = "any"
    key: str | None = None  # "new" per request, "same" for a request its client keeps repeating


MIX = [
    Op("record consent", 25, Role.COUNSELLOR, CONSENT, lambda c, m: {"c": c, "by": [m]}, key="new"),
    Op("record consent again (same key)", 5, Role.COUNSELLOR, CONSENT, lambda c, m: {"c": c, "by": ["herhaald"]},
       case="own", key="same"),
    Op("record consent on the hot case", 3, Role.COUNSELLOR, CONSENT, lambda c, m: {"c": c, "by": [m]}, case="hot"),
    Op("read trajectory", 25, Role.COUNSELLOR,
       "query($c: UUID!) { trajectory(caseId: $c) { version status consents { givenBy } } }", lambda c, m: {"c": c}),
    Op("read progress", 10, Role.COUNSELLOR,
       'query($c: UUID!) { progress(caseId: $c, on: "2025-03-01") { sessionsHeld weeksElapsed } }', lambda c, m: {"c": c}),
    Op("coordinator reads case", 10, Role.COORDINATOR, "query($c: UUID!) { case(caseId: $c) { caseId trajectoryType } }",
       lambda c, m: {"c": c}),
    Op("coordinator raises dispute", 5, Role.COORDINATOR,
       "mutation($c: UUID!, $s: String!) { raiseDispute(caseId: $c, subject: $s, raisedBy: PARENT_A) }",
       lambda c, m: {"c": c, "s": f"Onderwerp {m}"}),
    Op("auditor reads history", 5, Role.AUDITOR,
       "query($c: UUID!) { history(context: PARENT_A_CONTEXT, caseId: $c, first: 20) { edges { cursor } } }",
       lambda c, m: {"c": c}),
    Op("admin reads staff", 5, Role.ADMIN, 'query { staffMember(user: "soak-counsellor-0") { user roles } }',
       lambda c, m: {}),
]
USERS = {Role.COUNSELLOR: "soak-counsellor-0", Role.COORDINATOR: "soak-coordinator", Role.AUDITOR: "soak-auditor",
         Role.ADMIN: "soak-admin"}


def seed(settings: Settings, cases: int) -> list[str]:
    """Staff for every audience, and ``cases`` cases with side A opened and the shared case registered."""
    contexts = bootstrap(settings)
    try:
        for role, user in USERS.items():
            contexts.directory.register_staff(user, user, [role], actor="soak")
        ids = [uuid.uuid4() for _ in range(cases)]
        for case in ids:
            contexts.shared.register_case(parent_a=Parent("A", True), parent_b=Parent("B", True),
                                          children=[SharedChild("Kind", date(2016, 5, 1))],
                                          trajectory_type="parallel_solo_ouderschap_loman", actor="soak", case_id=case)
            contexts.directory.assign_counsellor(case, Side.PARENT_A, USERS[Role.COUNSELLOR], "soak")
            contexts.directory.assign_coordinator(case, USERS[Role.COORDINATOR], "soak")
            contexts.parent_a.open_trajectory(case, on=date(2025, 1, 6), actor="soak")
        return [str(case) for case in ids]
    finally:
        contexts.close()


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.outcomes: Counter[tuple[str, str]] = Counter()
        self.examples: dict[str, str] = {}

    def add(self, name: str, seconds: float, outcome: str, text: str) -> None:
        with self.lock:
            self.latency[name].append(seconds)
            self.outcomes[(name, outcome)] += 1
            if outcome not in ("ok", "CONFLICT"):
                self.examples.setdefault(outcome, text[:300])


def client(number: int, base: str, tokens: dict[Role, str], cases: list[str], until: float, tally: Tally) -> None:
    rng = random.Random(number)
    own = cases[number % len(cases)]
    with httpx.Client(base_url=base, timeout=30) as http:
        while (now := time.monotonic()) < until:
            op = rng.choices(MIX, [o.weight for o in MIX])[0]
            marker = uuid.uuid4().hex[:12]
            hot = cases[int((until - now) // 30) % len(cases)]
            case = {"hot": hot, "own": own}.get(op.case) or rng.choice(cases)
            headers = {"Authorization": f"Bearer {tokens[op.role]}"}
            if op.key:
                headers["Idempotency-Key"] = marker if op.key == "new" else f"soak-{number}-same"
            started = time.monotonic()
            outcome, text = send(http, f"/graphql/{op.role.value.replace('_', '-')}", op, case, marker, headers)
            tally.add(op.name, time.monotonic() - started, outcome, text)


def send(http: httpx.Client, path: str, op: Op, case: str, marker: str, headers: dict[str, str]) -> tuple[str, str]:
    """"ok", or the error codes (or HTTP status, or exception) the request ended with."""
    try:
        response = http.post(path, json={"query": op.document, "variables": op.variables(case, marker)},
                             headers=headers)
        body = response.json()
    except (httpx.HTTPError, ValueError) as error:
        return type(error).__name__, str(error)
    codes = sorted({str((e.get("extensions") or {}).get("code")) for e in body.get("errors") or []})
    if response.status_code == 200 and not codes:
        return "ok", ""
    return "/".join(codes) or str(response.status_code), response.text


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def run(store: str, minutes: float, clients: int, cases: int, cache_size: int | None = None) -> int:
    workdir = Path(tempfile.mkdtemp(prefix="soak-"))
    with fresh(store, workdir) as settings:  # type: ignore[arg-type]
        if cache_size is not None:
            settings = replace(settings, aggregate_cache_size=cache_size)
        ids = seed(settings, cases)
        tokens = {role: mint_development_token(settings.data_dir, user, role, lifetime_seconds=24 * 3600)
                  for role, user in USERS.items()}
        port = free_port()
        log = open(workdir / "gateway.log", "wb")
        server = subprocess.Popen(gateway_command(port), env=environ_for(settings), cwd=ROOT, stdout=log,
                                  stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_alive(base, server)
            tally, samples = Tally(), []
            started = time.monotonic()
            until = started + minutes * 60
            threads = [threading.Thread(target=client, args=(n, base, tokens, ids, until, tally)) for n in range(clients)]
            for thread in threads:
                thread.start()
            while any(t.is_alive() for t in threads):
                samples.append((time.monotonic() - started, rss_kib(server.pid)))
                time.sleep(5)
            return report(store, minutes, clients, cases, tally, samples)
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()


def _wait_alive(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError("the gateway did not start")


def report(store: str, minutes: float, clients: int, cases: int, tally: Tally, samples: list[tuple[float, int]]) -> int:
    total = sum(tally.outcomes.values())
    unexpected = {k: v for k, v in tally.outcomes.items() if k[1] not in ("ok", "CONFLICT")}
    warm = [kib for at, kib in samples if at >= 60] or [kib for _, kib in samples]
    growth = (warm[-1] - warm[0]) / warm[0] * 100 if warm and warm[0] else 0.0
    print(f"### Soak: {store}, {minutes:g} min, {clients} clients, {cases} cases\n")
    print(f"{total} requests, {total / (minutes * 60):.0f}/s; conflicts "
          f"{sum(v for k, v in tally.outcomes.items() if k[1] == 'CONFLICT')}; unexpected errors {sum(unexpected.values())}")
    print(f"gateway RSS: {samples[0][1] / 1024:.0f} MiB at start, {warm[0] / 1024:.0f} MiB after 1 min, "
          f"{warm[-1] / 1024:.0f} MiB at the end, max {max(k for _, k in samples) / 1024:.0f} MiB "
          f"(growth after warm-up {growth:+.1f} %)")
    by_minute = [kib for at, kib in samples if int(at) % 60 < 5]
    print("RSS by minute (MiB): " + ", ".join(f"{kib / 1024:.0f}" for kib in by_minute) + "\n")
    print("| operation | requests | p50 ms | p95 ms | p99 ms | conflicts |\n|---|---:|---:|---:|---:|---:|")
    for name, seconds in sorted(tally.latency.items()):
        cuts = statistics.quantiles(seconds, n=100) if len(seconds) > 1 else seconds * 99
        print(f"| {name} | {len(seconds)} | {cuts[49] * 1000:.1f} | {cuts[94] * 1000:.1f} | {cuts[98] * 1000:.1f} "
              f"| {tally.outcomes[(name, 'CONFLICT')]} |")
    for outcome, text in tally.examples.items():
        print(f"\nunexpected {outcome}: {text}")
    return 0 if not unexpected and growth < 10 else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--store", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--cases", type=int, default=400)
    parser.add_argument("--aggregate-cache-size", type=int, help="EVENWIJDIG_AGGREGATE_CACHE_SIZE of the gateway")
    args = parser.parse_args(argv)
    return run(args.store, args.minutes, args.clients, args.cases, args.aggregate_cache_size)


if __name__ == "__main__":
    sys.exit(main())
