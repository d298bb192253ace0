"""The bytes of a report depend on every package that renders it: all are pinned, with hashes, in the lock files.

The slow test builds two fresh environments from ``requirements.lock`` (as ``make run``
does) and renders the same report with provenance in each: the bytes must be identical
to each other and to this environment's.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from services.court_report import build_report, render_json, render_pdf
from tests.report.builders import EVERYTHING, closed_side, now, registered_case, release, share

ROOT = Path(__file__).resolve().parents[2]
PINNED = re.compile(r"^([A-Za-z0-9._-]+)==([^\s\\;]+)", re.M)


def locked(name: str) -> dict[str, str]:
    return {canonical(n): v for n, v in PINNED.findall((ROOT / name).read_text())}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_package_in_the_lock_is_pinned_with_hashes_and_both_locks_agree():
    text = (ROOT / "requirements.lock").read_text()
    entries = [e for e in re.split(r"\n(?=[A-Za-z0-9])", text) if PINNED.match(e)]
    assert entries and all("--hash=sha256:" in entry for entry in entries)
    run, test = locked("requirements.lock"), locked("requirements-test.lock")
    assert {name: test[name] for name in run} == run
    for name in ("fpdf2", "fonttools", "pillow", "pyhanko", "orjson", "setuptools"):
        assert name in run, name


def test_this_environment_was_installed_from_the_lock():
    test = locked("requirements-test.lock")
    installed = {canonical(d.metadata["Name"]): d.version for d in metadata.distributions()}
    differing = {name: (version, installed.get(name)) for name, version in test.items()
                 if name in installed and installed[name] != version}
    assert differing == {}
    for name in ("fpdf2", "fonttools", "pillow", "pyhanko"):
        assert installed[name] == test[name]


RENDER = """
import json, sys
from services.court_report import render_json, render_pdf
data = json.loads(open(sys.argv[1]).read())
sys.stdout.buffer.write(render_pdf(data["report"], data["provenance"]) + b"\\n---\\n" + render_json(data["report"]))
"""


@pytest.mark.slow
@pytest.mark.parametrize("settings", ["sqlite"], indirect=True)  # the store is not what this is about
def test_two_fresh_environments_built_from_the_lock_render_the_same_bytes(contexts, tmp_path):
    case_id = registered_case(contexts)
    closed_side(contexts, case_id, "parent_a")
    share(contexts, case_id, "parent_a", EVERYTHING)
    release(contexts, case_id, "parent_a")
    report = build_report(contexts, case_id, now())
    provenance = {"practice": {"name": "Praktijk", "registrations": [{"register": "KvK", "number": "1"}]},
                  "made_by": {"name": "Jan", "role": "operator"}, "proceeding": "C/16/1", "report_id": "r-1",
                  "made_at": report["as_of"], "software": {"name": "evenwijdig", "version": "t", "lock_sha256": "x"},
                  "content_sha256": "0" * 64, "checkpoints": [], "signature": None}
    source = tmp_path / "report.json"
    source.write_text(json.dumps({"report": report, "provenance": provenance}))
    here = render_pdf(report, provenance) + b"\n---\n" + render_json(report)
    outputs = [_render_in_fresh_environment(tmp_path / f"env-{n}", source) for n in (1, 2)]
    assert outputs[0] == outputs[1] == here


def _render_in_fresh_environment(venv: Path, source: Path) -> bytes:
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "--require-hashes", "--no-deps",
                    "-r", str(ROOT / "requirements.lock")], check=True, capture_output=True)
    # The code under test from this checkout; everything it imports from the fresh environment only.
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT), "PYTHONNOUSERSITE": "1"}
    done = subprocess.run([str(venv / "bin" / "python"), "-c", RENDER, str(source)], env=env, capture_output=True,
                          check=False, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout
