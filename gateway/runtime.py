"""What the gateway holds while it runs: the settings, the stores, and the token verifier."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gateway.auth import TokenVerifier
from services.contexts import Contexts

if TYPE_CHECKING:
    from evenwijdig.settings import Settings

log = logging.getLogger("evenwijdig.gateway")


@dataclass
class Runtime:
    settings: Settings
    contexts: Contexts
    verifier: TokenVerifier

    @property
    def directory(self):  # noqa: ANN201
        return self.contexts.directory

    def is_ready(self, name: str) -> bool:
        try:
            self.contexts.by_name()[name].ping()
        except Exception as error:  # noqa: BLE001 - readiness reports, it does not raise
            log.warning("store of %s not reachable: %s", name, type(error).__name__)
            return False
        return True

    def flow_lag(self) -> dict[str, dict[str, int]]:
        """Per receiving context and upstream: the position processed and the notifications waiting.

        A flow that lags is visible here before anyone notices a stale answer; it does not make
        the gateway unready (reads go on with what was processed, dependent commands catch up).
        """
        lag: dict[str, dict[str, int]] = {}
        for app in self.contexts.by_name().values():
            for state in getattr(app, "flow_states", lambda: [])():
                lag[f"{state.upstream} -> {app.name}"] = {"processed": state.processed, "waiting": state.waiting}
        return lag
