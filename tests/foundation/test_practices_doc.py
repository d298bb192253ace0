"""docs/practices.md names, for each rule a seed states, the test that enforces it: every named test exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NAMED = re.compile(r"`(tests/[\w/]+\.py)?::(test_\w+)`")


def named_tests() -> list[tuple[str, str]]:
    found, path = [], None
    for line in (ROOT / "docs" / "practices.md").read_text().splitlines():
        for given_path, name in NAMED.findall(line):
            path = given_path or path  # "`::name`" continues the path named before it on the line
            found.append((path, name))
    return found


def test_every_test_the_practices_table_names_exists():
    named = named_tests()
    assert len(named) >= 20
    missing = []
    for path, name in named:
        tree = ast.parse((ROOT / path).read_text())
        if name not in {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}:
            missing.append(f"{path}::{name}")
    assert missing == []
