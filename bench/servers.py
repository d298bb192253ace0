"""uvicorn servers in subprocesses on loopback: the real gateway, and the bare baseline."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import httpx

from bench.stores import ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gateway_command(port: int) -> list[str]:
    """``evenwijdig serve`` exactly as an operator runs it (configured by the environment)."""
    return [sys.executable, "-m", "evenwijdig", "serve", "--port", str(port)]


def bare_command(port: int, payload: Path) -> list[str]:
    return [sys.executable, "-m", "bench.bare_app", "--port", str(port), "--payload", str(payload)]


@contextmanager
def serving(command: list[str], port: int, env: dict[str, str], log: Path, timeout: float = 60) -> Iterator[str]:
    """Start ``command``, wait for ``/healthz``, yield the base URL, stop it afterwards.

    Output goes to ``log`` (the access log at info level, as in production): a pipe nobody
    reads would fill up and stall the server.
    """
    with open(log, "ab") as out:
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_alive(process, base, log, timeout)
        try:
            yield base
        except Exception as error:
            if " | server log: " in str(error):
                raise  # already told by an inner server
            # What the server said about it (warnings and errors), so a failed figure can be explained.
            said = [line for line in log.read_text(errors="replace").splitlines()
                    if not line.startswith(("INFO", "GraphiQL", "Evenwijdig gateway"))]
            raise RuntimeError(f"{error} | server log: {' / '.join(said[-6:])[-600:]}") from error
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_alive(process: subprocess.Popen, base: str, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early: {log.read_text(errors='replace')[-800:]}")
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"server did not answer /healthz within {timeout:.0f} s")
        time.sleep(0.1)
