"""What the gateway holds while it runs: the settings, the stores, and the token verifier."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property

from evenwijdig.bootstrap import Contexts
from evenwijdig.settings import Settings
from gateway.auth import TokenVerifier

log = logging.getLogger("evenwijdig.gateway")


@dataclass
class Runtime:
    settings: Settings
    contexts: Contexts
    verifier: TokenVerifier

    @property
    def directory(self):  # noqa: ANN201
        return self.contexts.directory

    @cached_property
    def report_issuer(self):  # noqa: ANN201
        """The practice and its signing certificate, read on the first court report (development: generated)."""
        from evenwijdig.report.provenance import Issuer

        return Issuer.from_settings(self.settings)

    def is_ready(self, name: str) -> bool:
        try:
            self.contexts.by_name()[name].ping()
        except Exception as error:  # noqa: BLE001 - readiness reports, it does not raise
            log.warning("store of %s not reachable: %s", name, type(error).__name__)
            return False
        return True
