"""The audit tests reach the gateway the way the gateway tests do (the ``gateway`` fixture, both stores)."""

from tests.gateway.conftest import gateway  # noqa: F401 - a fixture, used by name
