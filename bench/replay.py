"""Replay and replay memory: an auditor's replay of one context's history (``services.platform.replay``).

The replay decodes every stored event into the plain dict an auditor sees (private text
redacted); the baseline reads the same rows with a plain keyset-paged SELECT of the same
page size and decodes nothing. The two take turns three times, and the best of each counts.
The memory figure is the peak resident set of a separate process that replays the whole
history (``bench.replay_child``).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from services.parent_a_context.application import ParentAContext
from services.platform.replay import PAGE, Replay

from bench import raw, seed
from bench.harness import Goal, Result, Run, result
from bench.stores import ROOT, settle

REPLAY, MEMORY = "replay", "replay memory"
REPLAY_GOAL, MEMORY_GOAL = Goal(">=", 0.5), Goal("<", 200, on="value", unit="MB")
CONTEXT = "parent_a_context"
#: Page sizes measured beside the replay's own (``services.platform.replay.PAGE``).
PAGES = (2000,)
LIBRARY_SECTION = 10
ROUNDS = 3


def seeded(run: Run, settings, events: int) -> ParentAContext:  # noqa: ANN001
    """The parent-A context holding ``events`` events in started trajectories with session notes."""
    app = ParentAContext(settings.context_store(CONTEXT))
    per_case = run.sizes.events_per_case
    started = time.perf_counter()
    seed.bulk_cases(app, max(1, events // per_case), per_case, ["bench-counsellor-1", "bench-counsellor-2"])
    settle(settings)
    run.log(f"seeded {app.position} events on {run.store} in {time.perf_counter() - started:.1f} s")
    return app


def run_replay(run: Run) -> list[Result]:
    with run.stores() as settings:
        app = seeded(run, settings, run.sizes.replay_events)
        try:
            table = app.recorder.events_table_name
            # Raw scan and replay take turns, best of each: load on a shared machine drifts over minutes.
            turns = [(raw.keyset_scan(settings, CONTEXT, table, PAGE), _replayed(Replay(app))) for _ in range(ROUNDS)]
            rows, baseline = max((scan for scan, _ in turns), key=lambda scan: scan[1])
            _, parsed = raw.keyset_scan(settings, CONTEXT, table, PAGE, json.loads)
            measured = [("production", f"Replay.events(), pages of {PAGE}, best of {ROUNDS} turns with the raw scan",
                         max(rate for _, rate in turns))]
            measured += [(f"page {p}", f"pages of {p}", _replayed(Replay(app, page=p))) for p in PAGES]
            measured.append(("library sections", f"notification_log.select, sections of {LIBRARY_SECTION}, "
                             "app.mapper.to_domain_event", _library_sections(app)))
        finally:
            app.close()
    return [result(REPLAY, run.store, rate, "events/s", REPLAY_GOAL, baseline=baseline, baseline_unit="rows/s",
                   config=name, note=f"{rows:,} events; {what}; baseline: keyset SELECT, pages of {PAGE} "
                                     f"(with json.loads of each state: {parsed:,.0f} rows/s)",
                   detail={"events": rows, "raw_with_json_loads_per_s": round(parsed)})
            for name, what, rate in measured]


def _replayed(replay: Replay) -> float:
    started, count = time.perf_counter(), 0
    for _ in replay.events():
        count += 1
    return count / (time.perf_counter() - started)


def _library_sections(app: ParentAContext) -> float:
    """The library's own way: the notification log in sections of ten, each event decoded."""
    started, count, start = time.perf_counter(), 0, 1
    while True:
        section = app.notification_log.select(start=start, limit=LIBRARY_SECTION)
        for notification in section:
            app.mapper.to_domain_event(notification)
        if not section:
            return count / (time.perf_counter() - started)
        count, start = count + len(section), section[-1].id + 1


def run_memory(run: Run) -> list[Result]:
    with run.stores() as settings:
        seeded(run, settings, run.sizes.memory_events).close()
        measured = _child_replay(settings.context_store(CONTEXT))
    events = measured["events"]
    size = "full size" if events >= 1_000_000 else f"reduced size ({run.mode} mode); the goal is for 1,000,000"
    note = (f"{events:,} events replayed in {measured['seconds']:.1f} s; {size}; "
            f"{measured['before_kb'] / 1024:.0f} MB before the replay started")
    return [result(MEMORY, run.store, measured["peak_kb"] / 1024, "MB peak RSS", MEMORY_GOAL, note=note)]


def _child_replay(store: dict[str, str]) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-m", "bench.replay_child"], input=json.dumps(store), cwd=ROOT,
                          capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        raise RuntimeError(f"replay child failed: {done.stderr[-500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])
