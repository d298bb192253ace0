"""``python -m bench [--quick] [--json FILE]``: every metric on SQLite and PostgreSQL, each beside its baseline.

Prints a table (and progress on stderr) and, with ``--json``, writes a list of
``{metric, store, config, value, unit, baseline, baseline_unit, ratio, goal, met, note, detail}``
(docs/benchmarks.md explains each metric, its baseline and the configurations).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable, Sequence

from bench import audit_scale, gateway, insert_paths, machine, replay, report, scale, workers, write
from bench.harness import FULL, QUICK, Goal, Result, Run, failed, markdown, table, write_json
from bench.tuning import PROFILES

Metric = Callable[[Run], list[Result]]

#: Every metric in the order it runs, with the goal a failure is reported against.
METRICS: dict[str, tuple[Metric, Goal]] = {
    write.COMMAND_WRITE: (write.run_command_write, write.COMMAND_GOAL),
    write.CONCURRENT_WRITE: (write.run_concurrent_write, write.CONCURRENT_GOAL),
    "insert path": (insert_paths.run_insert_paths, insert_paths.ONE_GOAL),
    replay.REPLAY: (replay.run_replay, replay.REPLAY_GOAL),
    replay.MEMORY: (replay.run_memory, replay.MEMORY_GOAL),
    gateway.GATEWAY_READ: (gateway.run_gateway, gateway.READ_GOAL),
    report.REPORT: (report.run_report, report.REPORT_GOAL),
    scale.SCALE: (scale.run_scale, scale.SCALE_GOAL),
    audit_scale.AUDIT_SCALE: (audit_scale.run_audit_scale, audit_scale.GROWTH_GOAL),
    workers.WORKERS: (workers.run_workers, workers.WORKERS_GOAL),
}
STORES = ("sqlite", "postgres")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes, under three minutes (CI-like)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--markdown", type=Path, metavar="FILE", help="also write the table as Markdown")
    parser.add_argument("--store", choices=STORES, action="append", help="only this store (repeatable)")
    parser.add_argument("--metric", choices=list(METRICS), action="append", help="only this metric (repeatable)")
    parser.add_argument("--config", choices=list(PROFILES), action="append",
                        help="only these configurations (bench/tuning.py; default: the mode's)")
    parser.add_argument("--growth", type=_points, metavar="N,N,...",
                        help="the store sizes (cases) the growth metrics measure at (default: the mode's)")
    return parser


def _points(text: str) -> tuple[int, ...]:
    points = tuple(sorted(int(n.replace("_", "")) for n in text.split(",") if n.strip()))
    if len(points) < 2 or points[0] < 1:
        raise argparse.ArgumentTypeError("at least two store sizes, each one case or more")
    return points


def run_all(stores: Sequence[str], metrics: Sequence[str], run_template: Run) -> list[Result]:
    """Every metric on every store; a metric that fails is reported as failed, the rest still run."""
    results: list[Result] = []
    for store in stores:
        for name in metrics:
            measure, goal = METRICS[name]
            run = replace(run_template, store=store)
            started = time.perf_counter()
            try:
                results.extend(measure(run))
            except Exception as error:  # noqa: BLE001 - one broken metric must not hide the others
                results.append(failed(name, store, goal, error))
            run.log(f"{name} on {store}: {time.perf_counter() - started:.1f} s")
    return results


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    sizes = QUICK if args.quick else FULL
    if args.config:
        sizes = replace(sizes, configs=tuple(args.config), server_configs=tuple(args.config))
    if args.growth:
        sizes = replace(sizes, growth_cases=args.growth, scale_cases=args.growth)
    started, before = time.perf_counter(), machine.describe()
    with tempfile.TemporaryDirectory(prefix="evenwijdig-bench-") as workdir:
        template = Run(store="sqlite", sizes=sizes, workdir=Path(workdir), mode="quick" if args.quick else "full",
                       log=lambda line: print(f"bench: {line}", file=sys.stderr, flush=True))
        results = run_all(args.store or STORES, args.metric or list(METRICS), template)
    print(f"before: {before}\nafter:  {machine.describe()}\n")
    print(table(results))
    print(f"\n{'quick' if args.quick else 'full'} run: {time.perf_counter() - started:.0f} s", flush=True)
    if args.json:
        write_json(results, args.json)
    if args.markdown:
        args.markdown.write_text(markdown(results), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
