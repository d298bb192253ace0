"""What the PostgreSQL outage tests wait for and count once the store came back: consents per case, a case by marker."""

from __future__ import annotations

import time
from collections import Counter

from evenwijdig.bootstrap import Contexts


def consents_of(contexts: Contexts, case) -> Counter[str]:
    return Counter(given for c in contexts.parent_a.trajectory(case).consents for given in c.given_by)


def case_of(marker: str, cases):  # noqa: ANN001, ANN201
    return cases[int(marker.split("-")[1])]


def wait_for(condition, seconds: float) -> None:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not so after {seconds} s")
        time.sleep(0.1)
