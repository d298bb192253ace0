"""What the gateway holds while it runs: the settings, the stores, and the token verifier."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cached_property
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
    #: Stores found damaged, with what was found: out of service (readiness 503) until restored and restarted.
    damaged: dict[str, str] = field(default_factory=dict)
    #: A request met damage: the next readiness check looks for it in every store.
    damage_suspected: bool = False

    def store_damaged(self, name: str, found: str) -> None:
        """A request met damage in the store of ``name``: out of service from now on."""
        if name not in self.damaged:
            self.damaged[name] = found
            log.error("STORE DAMAGED: the store of %s: %s; it answers UNAVAILABLE and readiness says 503 "
                      "until it is restored from a backup and the gateway restarted", name, found)

    def find_damage(self) -> None:
        """Check every store's file for damage (at start-up, and after a request met some)."""
        self.damage_suspected = False
        for name, app in self.contexts.by_name().items():
            found = None if name in self.damaged else app.damage()
            if found:
                self.store_damaged(name, found)

    @property
    def directory(self):  # noqa: ANN201
        return self.contexts.directory

    @cached_property
    def report_issuer(self):  # noqa: ANN201
        """The practice and its signing certificate, read on the first court report (development: generated)."""
        from services.court_report.provenance import Issuer

        return Issuer.from_settings(self.settings)

    def is_ready(self, name: str) -> bool:
        if name in self.damaged:
            return False
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
