"""A SQLite store with damaged pages, as a failing disk or a torn copy leaves one."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from evenwijdig.bootstrap import Contexts
from tests.reliability.scene import COUNSELLOR, opened_case

PAGE = 4096


def fill_parent_a(contexts: Contexts, cases: int = 3, consents: int = 30) -> list:
    """Cases on side A with enough events (each ~300 bytes of text) that they fill most of the file's pages."""
    opened = [opened_case(contexts) for _ in range(cases)]
    for case in opened:
        for _ in range(consents):
            contexts.parent_a.record_consent(case, scopes=["trajectory"], given_by=["x" * 300],
                                             given_on=date(2025, 1, 20), actor=COUNSELLOR)
    return opened


def damage_middle_pages(file: Path, pages: int = 3) -> None:
    """Overwrite ``pages`` pages in the middle of the (closed) file with bytes no page can hold."""
    with sqlite3.connect(file) as connection:
        (size,) = connection.execute("PRAGMA page_size").fetchone()
        (count,) = connection.execute("PRAGMA page_count").fetchone()
    connection.close()
    assert size == PAGE and count > 2 * pages + 4, (size, count)
    with open(file, "r+b") as handle:
        for page in range(count // 2, count // 2 + pages):
            handle.seek(page * size)
            handle.write(bytes([0xA5]) * size)
