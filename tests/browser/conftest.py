"""Headless Chromium (Debian's ``chromium``) driven by Playwright, with every request off this machine blocked.

The set-up installs Debian's chromium with apt-get when it is missing (as CI's root can). Like the
PostgreSQL tests these never skip under ``CI=true``; elsewhere ``EVENWIJDIG_TEST_BROWSER=skip``
skips them on purpose. ``playwright install`` is never run: Playwright drives the system browser.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM = "/usr/bin/chromium"
# Flags that keep Chromium quiet on a closed network (/work/.library/env): no background
# connections, no updates, no sync; host names other than loopback do not resolve at all.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]


def _ensure_chromium() -> str:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    if shutil.which("apt-get") and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-q", "chromium"], check=False, capture_output=True, timeout=900)
        if not Path(CHROMIUM).exists():
            subprocess.run(["apt-get", "update", "-q"], check=False, capture_output=True, timeout=300)
            subprocess.run(["apt-get", "install", "-y", "-q", "chromium"], check=False, capture_output=True, timeout=900)
    if Path(CHROMIUM).exists():
        return CHROMIUM
    raise RuntimeError("Debian's chromium is not installed and could not be (apt-get install chromium, as root)")


# Module scope, not session: Playwright's sync API keeps an event loop running in this thread while it
# is open, and code that later calls asyncio.run in the same worker (report signing) must not meet it.
@pytest.fixture(scope="module")
def chromium_browser() -> Iterator[object]:
    try:
        executable = _ensure_chromium()
    except RuntimeError as error:
        if os.environ.get("CI") != "true" and os.environ.get("EVENWIJDIG_TEST_BROWSER") == "skip":
            pytest.skip(f"EVENWIJDIG_TEST_BROWSER=skip: {error}")
        pytest.fail(str(error), pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Playwright gives every launch a fresh, empty profile (--user-data-dir) of its own.
        browser = playwright.chromium.launch(executable_path=executable, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()
