"""Tests that run a command as another user need the checkout and its venv to be reachable by that user.

A checkout may sit under a directory only its owner can enter (``git clone . "$(mktemp -d)/p"``
makes one with mode 0700). As root, these tests give every ancestor of the checkout and of the
venv the right to be passed through (``o+x``: no listing, no reading), and nothing more.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def let_others_pass_through() -> None:
    if os.geteuid() != 0:
        return
    for start in (ROOT, Path(sys.prefix)):
        for directory in (start, *start.parents):
            mode = directory.stat().st_mode
            if not mode & stat.S_IXOTH:
                directory.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)
