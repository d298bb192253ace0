"""A PostgreSQL server of the test's own, which the test may stop and start at will.

The machine's shared cluster is never touched: ``initdb`` makes a fresh cluster in a
temporary directory, ``postgres`` serves it on a free loopback port (its socket in the
same directory), and ``deploy/postgres/init.sql`` sets up the roles and databases as in
production. PostgreSQL refuses to run as root, so under root the server runs as the
``postgres`` system user.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg

from tests.support import postgres as pg
from tests.support.processes import free_port

BIN_DIRS = ("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin")


class ServerUnavailable(RuntimeError):
    pass


def binaries() -> Path:
    """The directory holding initdb, postgres and pg_ctl."""
    for candidate in (os.environ.get("EVENWIJDIG_TEST_PG_BIN", ""), *BIN_DIRS):
        if candidate and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    raise ServerUnavailable("the fault tests need PostgreSQL's server binaries (initdb, postgres, pg_ctl); "
                            "install them or point EVENWIJDIG_TEST_PG_BIN at their directory")


class OwnServer:
    """One private cluster: ``start()``, ``stop()`` (fast shutdown), ``start()`` again on the same port."""

    def __init__(self) -> None:
        self.bin = binaries()
        # Not under pytest's tmp_path: its parents are private to the test user, and the server may run as another.
        self.root = Path(tempfile.mkdtemp(prefix="evenwijdig-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.host = "127.0.0.1"
        self._as = _unprivileged_user()

    def init(self) -> None:
        if self._as is not None:
            os.chown(self.root, self._as.pw_uid, self._as.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        self.start()
        pg.apply_init_script(host=self.host, port=self.port)

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "-t", "30",
                  "-o", f"-p {self.port} -k {self.root} -c listen_addresses={self.host} -c fsync=off "
                        "-c max_connections=200",
                  "start")
        self._wait_until_ready()

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "30", "stop")

    def kill(self) -> None:
        """``kill -9`` the server and every process it started, as a crash would; ``start()`` recovers it."""
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        doomed = [postmaster, *_children_of(postmaster)]
        for pid in doomed:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in doomed) and time.monotonic() < deadline:
            time.sleep(0.02)

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + 30
        while True:
            try:
                with psycopg.connect(host=self.host, port=self.port, user="postgres", dbname="postgres",
                                     connect_timeout=2):
                    return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if self._as is not None:
            command = ["setpriv", f"--reuid={self._as.pw_uid}", f"--regid={self._as.pw_gid}", "--clear-groups",
                       "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=self.root)
        if result.returncode != 0:
            raise ServerUnavailable(f"{program} failed: {result.stdout}{result.stderr}")


def _children_of(parent: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                children.append(int(entry.name))
    return children


def _alive(pid: int) -> bool:
    # Until reaped: PostgreSQL refuses to start while the pid in postmaster.pid exists, a zombie included.
    return Path(f"/proc/{pid}").exists()


def _unprivileged_user() -> pwd.struct_passwd | None:
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("postgres")
    except KeyError:
        raise ServerUnavailable("running as root, PostgreSQL needs an unprivileged 'postgres' user") from None

