"""The container image's file tree, built without Docker from the Dockerfile itself, runs the gateway.

The Dockerfile's COPY lines lay out a read-only /app, its ENV lines configure the process and its
USER runs it (as root, the test switches to that uid, as the container does); the data volume is
the only writable place. The code is imported from the copy, not from the checkout.
"""

from __future__ import annotations

from tests.support.traversal import let_others_pass_through

import os
import shutil
import stat
import subprocess
import sys
import sysconfig
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from evenwijdig.settings import Settings
from tests.support.processes import environ_for, free_port

ROOT = Path(__file__).resolve().parents[2]


def instructions() -> list[tuple[str, list[str]]]:
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1].split()) for line in lines]


def image_env() -> dict[str, str]:
    return dict(word.split("=", 1) for op, words in instructions() if op == "ENV" for word in words)


def image_volume() -> str:
    words = next(words for op, words in instructions() if op == "VOLUME")
    return words[0].strip('[]"')


def image_user() -> tuple[int, int]:
    user = next(words[0] for op, words in instructions() if op == "USER")
    uid, gid = user.split(":")
    return int(uid), int(gid)


@contextmanager
def image_tree() -> Iterator[Path]:
    root = Path(tempfile.mkdtemp(prefix="evenwijdig-image-"))
    root.chmod(0o755)
    app, data = root / "app", root / image_volume().lstrip("/")
    for op, words in instructions():
        if op == "COPY":
            *sources, target = words
            for source in sources:
                destination = app / target if target not in ("./", ".") else app / Path(source).name
                if (ROOT / source).is_dir():  # .dockerignore leaves out caches
                    shutil.copytree(ROOT / source, destination, ignore=shutil.ignore_patterns("__pycache__"))
                else:
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(ROOT / source, destination)
    data.mkdir(mode=0o700)
    if os.geteuid() == 0:
        os.chown(data, *image_user())
    _read_only(app)
    try:
        yield root
    finally:
        for path in [app, *app.rglob("*")]:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
        shutil.rmtree(root)


def _read_only(app: Path) -> None:
    for path in sorted(app.rglob("*"), reverse=True) + [app]:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def interpreter() -> tuple[str, list[str]]:
    """A Python the image's user can run (this one, unless it lives where that user cannot reach, such as
    /root), and the site-packages it then needs on its path: the image has its own at /usr/local."""
    if os.geteuid() != 0 or _reachable_by_others(Path(sys.executable).resolve()):
        return sys.executable, []
    system = Path(f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}")
    if not system.exists():
        pytest.fail(f"no Python {sys.version_info.major}.{sys.version_info.minor} the image's user can run")
    return str(system), [sysconfig.get_paths()["purelib"]]


def _reachable_by_others(path: Path) -> bool:
    return all(parent.stat().st_mode & stat.S_IXOTH for parent in [path, *path.parents])


def run_as_image_user() -> dict:
    let_others_pass_through()
    return {"user": image_user()[0], "group": image_user()[1], "extra_groups": []} if os.geteuid() == 0 else {}


def environment(root: Path, settings: Settings) -> dict[str, str]:
    env = environ_for(settings) | image_env()  # the image's ENV wins, EVENWIJDIG_DATA_DIR included
    # The container's absolute paths, inside the tree: the volume and /app.
    volume = image_volume()
    if env["EVENWIJDIG_DATA_DIR"].startswith(volume):
        env["EVENWIJDIG_DATA_DIR"] = str(root) + env["EVENWIJDIG_DATA_DIR"]
    env |= {"EVENWIJDIG_HOST": "127.0.0.1", "HOME": str(root) + volume,
            "PYTHONPATH": os.pathsep.join([str(root / "app"), *interpreter()[1]])}
    return env


def listing(app: Path) -> list[str]:
    return sorted(str(path.relative_to(app)) for path in app.rglob("*"))


def test_the_image_tree_serves_the_gateway_as_its_user_writing_only_to_the_data_volume(settings: Settings):
    with image_tree() as root:
        app = root / "app"
        before = listing(app)
        env = environment(root, settings)
        where = subprocess.run([interpreter()[0], "-c", "import gateway; print(gateway.__file__)"], env=env, cwd=app,
                               capture_output=True, text=True, **run_as_image_user())
        assert where.stdout.startswith(str(app)), where
        port = free_port()
        server = subprocess.Popen([interpreter()[0], "-m", "evenwijdig", "serve", "--port", str(port)], env=env, cwd=app,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **run_as_image_user())
        try:
            base = f"http://127.0.0.1:{port}"
            ready = _wait_ready(server, base)
            assert ready.status_code == 200, ready.text
            assert httpx.get(f"{base}/graphql/counsellor", timeout=10).status_code == 200  # GraphiQL, from the copy
            assert httpx.get(f"{base}/graphiql/assets/graphiql.min.js", timeout=10).status_code == 200
        finally:
            server.terminate()
            output = server.communicate(timeout=20)[0]
        assert "Traceback" not in output and "PermissionError" not in output, output
        assert listing(app) == before  # nothing written beside the code
        written = {path.name for path in (root / "data").iterdir()}
        assert "development-token-key.pem" in written
        if settings.store == "sqlite":
            assert "shared_agreements.sqlite" in written
        if os.geteuid() == 0:
            assert {(root / "data" / name).stat().st_uid for name in written} == {image_user()[0]}


def test_the_image_refuses_production_without_its_settings_naming_every_missing_one(tmp_path):
    with image_tree() as root:
        env = environment(root, Settings(data_dir=tmp_path)) | {"EVENWIJDIG_ENV": "production"}
        result = subprocess.run([interpreter()[0], "-m", "evenwijdig", "serve"], env=env, cwd=root / "app",
                                capture_output=True, text=True, timeout=60, **run_as_image_user())
    assert result.returncode == 2 and "Traceback" not in result.stderr
    for missing in ("EVENWIJDIG_OIDC_ISSUER", "EVENWIJDIG_AUDIT_SIGNING_KEY", "EVENWIJDIG_GATEWAY_KEYSTORE_KEY"):
        assert missing in result.stderr


def _wait_ready(server: subprocess.Popen, base: str) -> httpx.Response:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"serve exited: {server.communicate()[0]}")
        try:
            return httpx.get(f"{base}/readyz", timeout=5)
        except httpx.TransportError:
            time.sleep(0.3)
    pytest.fail("the gateway did not answer in time")


def test_the_image_installs_every_package_from_the_lock_file_with_its_hashes():
    run = " ".join(" ".join(words) for op, words in instructions() if op == "RUN")
    copied = {word for op, words in instructions() if op == "COPY" for word in words[:-1]}
    assert "requirements.lock" in copied
    assert "--require-hashes --no-deps -r requirements.lock" in run and "--no-deps --no-build-isolation ." in run
