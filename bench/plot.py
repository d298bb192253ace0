"""``python -m bench.plot RESULTS.json [MORE.json ...] OUT.png``: the growth curves of runs, drawn with Pillow.

Every result whose ``detail`` holds a ``curve`` (p50 per number of cases stored) becomes one
line: one panel per store, the number of cases on a logarithmic axis, p50 relative to the
smallest store (1.0 = no growth; the goal of 1.2 drawn dashed). Pillow is already a dependency
(the court report), so drawing needs nothing new.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

WIDTH, HEIGHT, MARGIN = 560, 380, 60
COLOURS = [(31, 119, 180), (214, 39, 40), (44, 160, 44), (148, 103, 189), (255, 127, 14), (23, 190, 207)]
GOAL = 1.2


def curves(results: list[dict[str, Any]]) -> dict[str, dict[str, dict[int, float]]]:
    """store -> "metric (config)" -> cases -> p50 relative to the smallest store."""
    drawn: dict[str, dict[str, dict[int, float]]] = {}
    for row in results:
        curve = (row.get("detail") or {}).get("curve")
        if not curve:
            continue
        points = {int(n): float(v["p50_ms"]) for n, v in curve.items()}
        first = points[min(points)]
        label = row["metric"] + ("" if row.get("config", "production") == "production" else f" ({row['config']})")
        drawn.setdefault(row["store"], {})[label] = {n: p / first for n, p in sorted(points.items())}
    return drawn


def draw(results: list[dict[str, Any]], out: Path) -> None:
    panels = curves(results)
    image = Image.new("RGB", (WIDTH * max(1, len(panels)), HEIGHT), "white")
    pen = ImageDraw.Draw(image)
    for index, (store, lines) in enumerate(sorted(panels.items())):
        _panel(pen, index * WIDTH, store, lines)
    image.save(out)


def _panel(pen: ImageDraw.ImageDraw, left: int, store: str, lines: dict[str, dict[int, float]]) -> None:
    cases = sorted({n for line in lines.values() for n in line})
    low, high = math.log10(cases[0]), math.log10(cases[-1]) if cases[-1] > cases[0] else math.log10(cases[0]) + 1
    top = max(2.0, max(v for line in lines.values() for v in line.values()) * 1.1)
    x0, x1, y0, y1 = left + MARGIN, left + WIDTH - 20, HEIGHT - MARGIN, 40

    def at(n: int, ratio: float) -> tuple[float, float]:
        return (x0 + (math.log10(n) - low) / (high - low) * (x1 - x0), y0 - ratio / top * (y0 - y1))

    pen.text((x0, 12), f"{store}: p50 relative to {cases[0]:,} cases", fill="black")
    pen.line([(x0, y1), (x0, y0), (x1, y0)], fill="black")
    for n in cases:
        x, _ = at(n, 0)
        pen.line([(x, y0), (x, y0 + 4)], fill="black")
        pen.text((x - 14, y0 + 8), f"{n:,}", fill="black")
    for tick in range(0, int(top) + 1):
        _, y = at(cases[0], tick)
        pen.text((x0 - 28, y - 6), f"{tick:.0f}x", fill="black")
    _, goal_y = at(cases[0], GOAL)
    for x in range(int(x0), int(x1), 8):
        pen.line([(x, goal_y), (x + 4, goal_y)], fill=(120, 120, 120))
    pen.text((x1 - 60, goal_y - 14), f"goal {GOAL}x", fill=(120, 120, 120))
    for number, (label, line) in enumerate(sorted(lines.items())):
        colour = COLOURS[number % len(COLOURS)]
        points = [at(n, v) for n, v in sorted(line.items())]
        pen.line(points, fill=colour, width=2) if len(points) > 1 else None
        for x, y in points:
            pen.ellipse([(x - 3, y - 3), (x + 3, y + 3)], fill=colour)
        pen.text((x0 + 10, y1 + 4 + 14 * number), label, fill=colour)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    # Several files: the growth metrics of one store may come from separate runs (each ratio is within its run).
    draw([row for name in argv[:-1] for row in json.loads(Path(name).read_text(encoding="utf-8"))], Path(argv[-1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
