"""The import boundaries are checked by import-linter, and a broken one fails the run."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PACKAGES = ("services", "gateway", "evenwijdig", "bench")


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root, env=env, capture_output=True, text=True, timeout=120,
    )


def copy_of_the_code(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_code_keeps_every_import_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_parent_a_reaching_into_parent_b_breaks_the_run(tmp_path):
    root = copy_of_the_code(tmp_path)
    (root / "services" / "parent_a_context" / "peek.py").write_text(
        "from services.parent_b_context.application import ParentBContext\n"
    )
    result = lint_imports(root)
    assert result.returncode != 0
    assert "Parent A and parent B never reach each other BROKEN" in result.stdout


def test_domain_code_importing_a_database_driver_breaks_the_run(tmp_path):
    root = copy_of_the_code(tmp_path)
    (root / "services" / "shared_agreements" / "domain" / "leak.py").write_text("import psycopg\n")
    result = lint_imports(root)
    assert result.returncode != 0
    assert "Domain code imports no infrastructure BROKEN" in result.stdout


def test_the_gateway_reaching_into_the_command_line_breaks_the_run(tmp_path):
    root = copy_of_the_code(tmp_path)
    (root / "gateway" / "shortcut.py").write_text("from evenwijdig.bootstrap import bootstrap\n")
    result = lint_imports(root)
    assert result.returncode != 0
    assert "Layers: the command line over the gateway over the contexts (no package cycle) BROKEN" in result.stdout


def test_domain_code_uses_only_the_domain_part_of_eventsourcing():
    # import-linter cannot forbid a subpackage of an external package, so this one is checked here.
    for domain in (ROOT / "services" / "parent_side" / "domain", ROOT / "services" / "shared_agreements" / "domain",
                   ROOT / "services" / "staff_directory" / "domain"):
        for module in domain.rglob("*.py"):
            for node in ast.walk(ast.parse(module.read_text())):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
                for name in names:
                    if name.startswith("eventsourcing"):
                        assert name in ("eventsourcing.domain", "eventsourcing.utils"), f"{module}: imports {name}"
