"""The report tests run on both stores (``settings``) with the contexts of one deployment."""

from __future__ import annotations

from typing import Iterator

import pytest

from evenwijdig.bootstrap import Contexts, bootstrap
from tests.gateway.conftest import gateway  # noqa: F401 - a fixture, used by name


@pytest.fixture
def contexts(settings) -> Iterator[Contexts]:
    running = bootstrap(settings)
    try:
        yield running
    finally:
        running.close()
