"""Where the time of one command and one gateway read goes: ``python -m bench.breakdown [--store KIND]``.

Not a metric with a goal: a diagnostic behind docs/benchmarks.md. A "record session"
command is split into what ``ParentSide._change`` does (load the trajectory, run the
command, encode the event with its encrypted note, store it), and a counsellor's case
query into the store calls its resolvers make and the GraphQL execution around them
(in process, without HTTP). Milliseconds per operation, median of the repetitions.
``--cprofile`` profiles the case query's GraphQL execution instead and prints where it goes.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import pstats
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any, Callable
from uuid import uuid4

from evenwijdig.bootstrap import bootstrap
from gateway.audiences import SCHEMAS
from gateway.auth import Identity, TokenVerifier
from services.staff_directory.api import Role
from gateway.runtime import Runtime
from services.parent_a_context.application import ParentAContext
from services.parent_side.domain.trajectory import trajectory_id
from services.platform.access_log import Access, Action

from bench import seed
from bench.gateway import USER, open_counsellor_case, request
from bench.stores import fresh
from bench.tuning import PROFILES

REPEAT = 200


def _ms(action: Callable[[], Any], repeat: int = REPEAT) -> float:
    action()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def command_phases(settings: Any, profile: str) -> dict[str, float]:
    """One record_session, phase by phase, on a case holding about 25 sessions."""
    chosen = PROFILES[profile]
    app = ParentAContext(chosen.mapping(settings.context_store("parent_a_context")))
    case_id, numbers = uuid4(), iter(range(10_000))
    seed.start_case(app, case_id, "c")
    for _ in range(20):
        seed.record_session(app, case_id, next(numbers), "c")
    phases = {"load": 0.0, "command": 0.0, "encode (key, encrypt, JSON)": 0.0, "store (lock, chain, commit)": 0.0}
    for _ in range(REPEAT // 4):
        _one_command(app, case_id, next(numbers), phases)
    app.close()
    return {name: total / (REPEAT // 4) * 1000 for name, total in phases.items()}


def _one_command(app: ParentAContext, case_id: Any, number: int, phases: dict[str, float]) -> None:
    marks = [time.perf_counter()]
    trajectory = app.repository.get(trajectory_id(case_id))
    marks.append(time.perf_counter())
    trajectory.record_session(seed.session_day(number), 60, seed.THEMES, seed.note(case_id, number), True, "c")
    marks.append(time.perf_counter())
    stored = [app.mapper.to_stored_event(e) for e in trajectory.collect_events()]
    marks.append(time.perf_counter())
    app.recorder.insert_events(stored)
    marks.append(time.perf_counter())
    for name, start, end in zip(phases, marks, marks[1:]):
        phases[name] += end - start


def read_phases(settings: Any) -> dict[str, float]:
    """The counsellor's case query (a trajectory of 35 events) in process, with production's mappings."""
    case_id = open_counsellor_case(settings, 30)
    body, headers = request(settings, case_id)
    contexts = bootstrap(settings)  # production mappings, as the gateway builds them
    verifier = TokenVerifier(settings.auth, settings.data_dir, development=True)
    access = Access(user=USER, role="counsellor", action=Action.READ, context="parent_a_context", case_id=case_id,
                    operation="trajectory", responsible_user=USER)
    schema, query = SCHEMAS[Role.COUNSELLOR](introspection=False), json.loads(body)
    context = {"runtime": Runtime(settings, contexts, verifier), "identity": Identity(USER, Role.COUNSELLOR)}
    execute = lambda: asyncio.run(schema.execute(query["query"], variable_values=query["variables"],  # noqa: E731
                                                 context_value=context))
    phases = {
        "token (JWT)": _ms(lambda: verifier.verify(headers["Authorization"].split()[1])),
        "directory: holds role": _ms(lambda: contexts.directory.holds(USER, Role.COUNSELLOR)),
        "directory: assignment": _ms(lambda: contexts.directory.assignment(USER, case_id)),
        "access log: record (commit)": _ms(lambda: contexts.parent_a.access_log.record(access)),
        "trajectory: load and view": _ms(lambda: contexts.parent_a.trajectory(case_id)),
        "GraphQL execute (all but token and role)": _ms(execute, REPEAT // 2),
    }
    contexts.close()
    return phases


def read_profile(settings: Any, lines: int = 30) -> None:
    """cProfile of the counsellor's case query, executed in process as the gateway executes it: where it goes.

    Coroutines count a call per resumption, so read the cumulative times, not the call counts.
    """
    case_id = open_counsellor_case(settings, 30)
    body, headers = request(settings, case_id)
    contexts = bootstrap(settings)
    verifier = TokenVerifier(settings.auth, settings.data_dir, development=True)
    schema, query = SCHEMAS[Role.COUNSELLOR](introspection=False), json.loads(body)
    context = {"runtime": Runtime(settings, contexts, verifier), "identity": Identity(USER, Role.COUNSELLOR)}
    loop = asyncio.new_event_loop()
    execute = lambda: loop.run_until_complete(schema.execute(  # noqa: E731
        query["query"], variable_values=query["variables"], context_value=context))
    print(f"one execution: {_ms(execute, REPEAT // 2):.2f} ms (median)", flush=True)
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(REPEAT):
        execute()
    profile.disable()
    pstats.Stats(profile).sort_stats("cumulative").print_stats(lines)
    loop.close()
    contexts.close()


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.breakdown")
    parser.add_argument("--store", choices=("sqlite", "postgres"), action="append")
    parser.add_argument("--profile", choices=list(PROFILES), action="append")
    parser.add_argument("--cprofile", action="store_true", help="profile the counsellor's case query instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        if args.cprofile:
            for store in args.store or ("sqlite", "postgres"):
                with fresh(store, Path(workdir)) as settings:
                    print(f"{store}: the counsellor's case query, {REPEAT} executions profiled", flush=True)
                    read_profile(settings)
            return 0
        for store in args.store or ("sqlite", "postgres"):
            for profile in args.profile or ("production", "uncached"):
                with fresh(store, Path(workdir)) as settings:
                    _print(store, profile, "record_session", command_phases(settings, profile))
            with fresh(store, Path(workdir)) as settings:
                _print(store, "production", "counsellor case query", read_phases(settings))
    return 0


def _print(store: str, profile: str, what: str, phases: dict[str, float]) -> None:
    parts = ", ".join(f"{name} {ms:.2f}" for name, ms in phases.items())
    print(f"{store} {profile} {what} (ms): {parts}", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
