"""What the figures were measured on: printed above the table, and copied into docs/benchmarks.md."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def _proc_value(path: str, key: str) -> str:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def _postgres_version() -> str:
    try:
        from bench.stores import admin_connect

        with admin_connect() as conn:
            return str(conn.execute("SHOW server_version").fetchone()[0])
    except Exception as error:  # noqa: BLE001 - a description, never a failure
        return f"not reachable ({type(error).__name__})"


def describe() -> str:
    memory_kb = _proc_value("/proc/meminfo", "MemTotal").split()[0]
    memory = f"{int(memory_kb) / 1024 / 1024:.1f} GiB" if memory_kb.isdigit() else "unknown"
    load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
    return (f"machine: {os.cpu_count()} CPUs ({_proc_value('/proc/cpuinfo', 'model name')}), {memory} memory; "
            f"PostgreSQL {_postgres_version()}; Python {platform.python_version()}; load average {load}")
