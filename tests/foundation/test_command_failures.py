"""Every operational failure of the command is one line on stderr and a documented exit code, never a traceback."""

from __future__ import annotations

import uuid

import pytest

from evenwijdig.settings import Settings
from tests.support.processes import environ_for, free_port, run_cli


def refused_in_one_line(result) -> str:  # noqa: ANN001
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_version_names_the_release():
    result = run_cli("--version", env={})
    assert result.returncode == 0
    assert result.stdout.strip() == "evenwijdig 0.1.0"


def test_help_documents_the_exit_codes():
    text = run_cli("--help", env={}).stdout
    for line in ("0  done", "1  a history does not verify", "2  refused"):
        assert line in text


def test_a_replay_to_a_file_that_cannot_be_written_is_refused_before_it_is_logged(settings: Settings, tmp_path):
    env = environ_for(settings)
    line = refused_in_one_line(run_cli("audit", "replay", "--context", "gateway", "--output",
                                       str(tmp_path / "nonexistent" / "x"), env=env))
    assert "nonexistent/x" in line and "No such file or directory" in line
    log = run_cli("audit", "access-log", "--context", "gateway", env=env)
    assert "audit replay" not in log.stdout


def test_state_at_a_position_past_the_end_of_the_history_is_refused(settings: Settings):
    env = environ_for(settings)
    run_cli("demo", env=env)
    from evenwijdig.demo_case import CASE_ID

    line = refused_in_one_line(run_cli("audit", "state", "--context", "shared_agreements", "--case", str(CASE_ID),
                                       "--position", "99999", env=env))
    assert "position 99999 is past the end" in line


def test_state_of_an_unknown_case_is_refused(settings: Settings):
    env = environ_for(settings)
    run_cli("demo", env=env)
    unknown = uuid.uuid4()
    line = refused_in_one_line(run_cli("audit", "state", "--context", "shared_agreements", "--case", str(unknown),
                                       env=env))
    assert f"no case {unknown}" in line


POSTGRES_DOWN = {"EVENWIJDIG_STORE": "postgres", "EVENWIJDIG_POSTGRES_HOST": "127.0.0.1",
                 "EVENWIJDIG_POSTGRES_CONNECT_TIMEOUT": "1"}


@pytest.mark.parametrize("command", [("demo",), ("audit", "replay", "--context", "gateway"), ("serve",),
                                     ("report", str(uuid.UUID(int=1)), "--as-of", "2026-01-01", "--format", "json",
                                      "-o", "/tmp/evenwijdig-never-written.json")],
                         ids=lambda c: c[0] if c[0] != "audit" else "replay")
def test_a_command_with_postgresql_down_says_so_in_one_line(command, tmp_path):
    env = environ_for(Settings(data_dir=tmp_path / "var")) | POSTGRES_DOWN | {"EVENWIJDIG_POSTGRES_PORT": str(free_port())}
    line = refused_in_one_line(run_cli(*command, env=env, timeout=60))
    assert "cannot" in line


def test_bench_without_the_test_extras_says_what_to_install(tmp_path):
    # A stand-in httpx that cannot be imported, as on a machine set up by `make run` alone.
    (tmp_path / "httpx").mkdir()
    (tmp_path / "httpx" / "__init__.py").write_text("raise ModuleNotFoundError(\"No module named 'httpx'\", name='httpx')\n")
    env = {"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"}
    line = refused_in_one_line(run_cli("bench", "--help", env=env))
    assert "missing httpx" in line and ".[test]" in line


def test_every_configuration_error_is_reported_at_once(tmp_path):
    env = {"EVENWIJDIG_ENV": "production", "EVENWIJDIG_PORT": "eighty", "EVENWIJDIG_METRICS": "maybe",
           "EVENWIJDIG_DATA_DIR": str(tmp_path)}
    result = run_cli("demo", env=env)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    problems = result.stderr.strip().splitlines()
    for variable in ("EVENWIJDIG_PORT", "EVENWIJDIG_METRICS", "EVENWIJDIG_OIDC_ISSUER",
                     "EVENWIJDIG_AUDIT_SIGNING_KEY", "EVENWIJDIG_GATEWAY_KEYSTORE_KEY"):
        assert any(variable in line for line in problems), (variable, problems)
    assert all(line.startswith("evenwijdig: configuration error: ") for line in problems)


def test_a_secret_can_be_read_from_a_file_named_by_the_variable_with_FILE(tmp_path):  # noqa: N802
    secret = tmp_path / "port"
    secret.write_text("8123\n")
    from evenwijdig.settings import Settings as S

    assert S.from_environ({"EVENWIJDIG_PORT_FILE": str(secret)}).port == 8123
    with pytest.raises(Exception) as refused:
        S.from_environ({"EVENWIJDIG_PORT_FILE": str(tmp_path / "missing")})
    assert "EVENWIJDIG_PORT_FILE" in str(refused.value)


def test_an_unexpected_error_is_one_line_with_its_own_exit_code(tmp_path, monkeypatch, capsys):
    from evenwijdig import cli

    def broken(settings, args):  # noqa: ANN001, ANN202
        raise ZeroDivisionError("a bug")

    monkeypatch.setitem(cli.COMMANDS, "demo", broken)
    monkeypatch.setenv("EVENWIJDIG_DATA_DIR", str(tmp_path))
    assert cli.main(["demo"]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ZeroDivisionError" in err and "--traceback" in err


