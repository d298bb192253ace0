"""The suite's own shape: a test module imports shared set-up from ``tests.support``, never from another test module.

A helper that several test modules need lives in ``tests/support`` (a fixture in the folder's
``conftest.py``), so reading one test module never means reading another to understand it.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def imported_test_modules(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        modules = ([node.module or ""] if isinstance(node, ast.ImportFrom)
                   else [alias.name for alias in node.names] if isinstance(node, ast.Import) else [])
        found += [m for m in modules if m.startswith("tests.") and m.rsplit(".", 1)[-1].startswith("test_")]
    return found


def test_no_test_module_imports_another():
    offenders = {str(path.relative_to(TESTS)): modules for path in sorted(TESTS.rglob("*.py"))
                 if (modules := imported_test_modules(path))}
    assert offenders == {}, "move what they share into tests/support (fixtures: the folder's conftest.py)"
