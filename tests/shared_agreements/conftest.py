"""Fixtures shared by the tests of this folder."""

from __future__ import annotations

import pytest

from services.shared_agreements.application import SharedAgreements


@pytest.fixture
def app(settings):
    app = SharedAgreements(settings.context_store("shared_agreements"))
    yield app
    app.close()
