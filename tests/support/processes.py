"""Running the real ``evenwijdig`` command in a subprocess, configured like an operator would."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from typing import Iterator

import httpx

from evenwijdig.settings import STORES, Settings


def environ_for(settings: Settings) -> dict[str, str]:
    """The environment variables an operator would set to get these settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENWIJDIG_")}
    env["EVENWIJDIG_ENV"] = settings.environment
    env["EVENWIJDIG_DATA_DIR"] = str(settings.data_dir)
    env["EVENWIJDIG_STORE"] = settings.store
    if settings.postgres is not None:
        pg = settings.postgres
        env.update(
            EVENWIJDIG_POSTGRES_HOST=pg.host,
            EVENWIJDIG_POSTGRES_PORT=str(pg.port),
            EVENWIJDIG_POSTGRES_SCHEMA=pg.schema,
            EVENWIJDIG_POSTGRES_POOL_SIZE=str(pg.pool_size),
        )
        for context in STORES:
            credential = pg.credential(context)
            env[f"EVENWIJDIG_{context.upper()}_DBNAME"] = credential.dbname
            env[f"EVENWIJDIG_{context.upper()}_USER"] = credential.user
    return env


def run_cli(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "evenwijdig", *args], env=env, capture_output=True, text=True, timeout=timeout
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(env: dict[str, str], startup_timeout: float = 30, args: tuple[str, ...] = ()) -> Iterator[str]:
    """``evenwijdig serve`` (with ``args``) on a free loopback port; yields its base URL and stops it afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "evenwijdig", "serve", "--port", str(port), *args],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"serve exited early: {process.stdout.read() if process.stdout else ''}")
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError("serve did not answer /healthz in time")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
