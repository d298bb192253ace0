"""The benchmark harness itself works: a tiny metric on each store, its JSON, and a failing metric.

The benchmarks are not part of the test run (``python -m bench`` runs them); this only checks
that the harness measures through the application, computes ratios and goals, and reports.
"""

from __future__ import annotations

import json
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path

import pytest

from bench import __main__ as bench_main
from bench.harness import QUICK, Goal, Run, result, table, write_json
from bench.write import COMMAND_WRITE
from evenwijdig.settings import Settings

TINY = replace(QUICK, write_commands=3, write_baseline_rows=3, sessions_per_case=2, configs=("production",), rounds=1)
FIELDS = {"metric", "store", "value", "unit", "baseline", "baseline_unit", "ratio", "goal", "met", "note"}


def test_a_tiny_command_write_is_reported_with_its_baseline_ratio_and_goal(settings: Settings, tmp_path: Path) -> None:
    run = Run(store=settings.store, sizes=TINY, workdir=tmp_path, provide=lambda: nullcontext(settings))
    results = bench_main.run_all([settings.store], [COMMAND_WRITE], run)
    write_json(results, tmp_path / "out.json")

    [row] = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert FIELDS <= row.keys()
    assert (row["metric"], row["store"], row["unit"], row["goal"]) == (COMMAND_WRITE, settings.store, "commands/s", "≥ 0.8×")
    assert row["value"] > 0 and row["baseline"] > 0, row["note"]
    assert row["ratio"] == pytest.approx(row["value"] / row["baseline"], rel=0.01)
    assert row["met"] is (row["ratio"] >= 0.8)
    assert COMMAND_WRITE in table(results)


def test_a_metric_that_fails_is_reported_as_failed_and_the_others_still_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    def broken(run: Run) -> list:
        raise RuntimeError("no store today")

    def fine(run: Run) -> list:
        return [result("fine", run.store, 2.0, "things/s", Goal(">=", 1), baseline=1.0)]

    monkeypatch.setattr(bench_main, "METRICS", {"broken": (broken, Goal(">=", 1)), "fine": (fine, Goal(">=", 1))})
    results = bench_main.run_all(["sqlite"], ["broken", "fine"], Run(store="sqlite", sizes=TINY, workdir=tmp_path))

    assert [(r.metric, r.value, r.met) for r in results] == [("broken", None, None), ("fine", 2.0, True)]
    assert "no store today" in results[0].note


def test_the_audit_growth_metrics_report_a_curve_that_the_plot_draws(settings: Settings, tmp_path: Path) -> None:
    from bench.audit_scale import ACCESS_SCALE, AUDIT_SCALE
    from bench.plot import curves, draw

    sizes = replace(TINY, growth_cases=(2, 3), growth_requests=2)
    run = Run(store=settings.store, sizes=sizes, workdir=tmp_path, provide=lambda: nullcontext(settings))
    results = bench_main.run_all([settings.store], [AUDIT_SCALE], run)
    write_json(results, tmp_path / "out.json")

    rows = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [(r["metric"], r["goal"]) for r in rows] == [(AUDIT_SCALE, "≤ 1.2×"), (ACCESS_SCALE, "≤ 1.2×")], rows
    for row in rows:
        assert set(row["detail"]["curve"]) == {"2", "3"} and row["value"] > 0 and row["baseline"] > 0, row["note"]
        assert row["ratio"] == pytest.approx(row["value"] / row["baseline"], rel=0.01)
    assert set(curves(rows)[settings.store]) == {AUDIT_SCALE, ACCESS_SCALE}
    draw(rows, tmp_path / "growth.png")
    assert (tmp_path / "growth.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
