"""Fixtures shared by the tests of this folder."""

from __future__ import annotations

import pytest

from services.shared_agreements.application import SharedAgreements
from tests.support.clock import SettableClock


@pytest.fixture
def clock():
    return SettableClock()


@pytest.fixture
def app(settings, clock):
    app = SharedAgreements(settings.context_store("shared_agreements"), clock=clock)
    yield app
    app.close()
