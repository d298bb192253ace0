"""``audit verify`` on a store it cannot use (damaged, read-only) says so in one line and exits 2; exit 1 is
kept for a history that does not verify. SQLite files: damage and read-only data directories are theirs."""

from __future__ import annotations

from tests.support.traversal import let_others_pass_through

import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from evenwijdig.bootstrap import bootstrap
from tests.support.audit_keys import RAW as RAW_KEY
from tests.conftest import sqlite_settings
from tests.support.damage import damage_middle_pages, fill_parent_a
from tests.support.processes import environ_for, run_cli


def cli_env(settings) -> dict[str, str]:
    return {**environ_for(settings), "EVENWIJDIG_AUDIT_SIGNING_KEY": RAW_KEY, "EVENWIJDIG_AUDIT_USER": "auditor-jan"}


def filled(data_dir: Path):
    settings = sqlite_settings(data_dir)
    contexts = bootstrap(settings)
    fill_parent_a(contexts)
    contexts.close()
    return settings


def one_line_without_traceback(stderr: str, context: str, says: str) -> None:
    assert "Traceback" not in stderr, stderr
    mentions = [line for line in stderr.splitlines() if line.startswith(f"{context}:")]
    assert len(mentions) == 1 and says in mentions[0], stderr


def test_verify_of_a_damaged_store_exits_2_with_one_line_and_verifies_the_others(tmp_path):
    settings = filled(tmp_path / "var")
    damage_middle_pages(settings.data_dir / "parent_a_context.sqlite")
    result = run_cli("audit", "verify", env=cli_env(settings))
    assert result.returncode == 2, result.stderr
    one_line_without_traceback(result.stderr, "parent_a_context", "damaged")
    verified = {line.split('"context":"')[1].split('"')[0] for line in result.stdout.splitlines()}
    assert verified == {"parent_b_context", "shared_agreements", "gateway"}


def test_verify_of_a_read_only_data_directory_exits_2_with_one_line():
    # Root writes whatever the modes say; the command runs as an unprivileged user, as an auditor would.
    unprivileged = pwd.getpwnam("postgres") if os.geteuid() == 0 else None
    root = Path(tempfile.mkdtemp(prefix="evenwijdig-read-only-"))
    try:
        settings = filled(root / "var")
        for path in [root, settings.data_dir, *settings.data_dir.iterdir()]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        if unprivileged is None:
            for path in [settings.data_dir, *settings.data_dir.iterdir()]:
                path.chmod(0o555 if path.is_dir() else 0o444)
        env = cli_env(settings)
        if unprivileged is None:
            result = run_cli("audit", "verify", "--context", "parent_a_context", env=env)
        else:
            let_others_pass_through()
            result = subprocess.run(
                ["setpriv", f"--reuid={unprivileged.pw_uid}", f"--regid={unprivileged.pw_gid}", "--clear-groups", "--",
                 *run_cli_command("audit", "verify", "--context", "parent_a_context")],
                env={**env, "HOME": root.as_posix()}, capture_output=True, text=True, timeout=120)
        assert result.returncode == 2, (result.returncode, result.stderr)
        one_line_without_traceback(result.stderr, "parent_a_context", "read-only")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def run_cli_command(*args: str) -> list[str]:
    import sys

    return [sys.executable, "-m", "evenwijdig", *args]


@pytest.fixture(autouse=True)
def _postgres_user_exists():
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail("running as root, the read-only test needs an unprivileged 'postgres' user", pytrace=False)
