"""The clock a test passes to an application's constructor (never patched onto the application afterwards)."""

from __future__ import annotations

from datetime import datetime, timezone


class SettableClock:
    """The real time (UTC) until the test sets a moment; then that moment, until it sets another."""

    def __init__(self, moment: datetime | None = None) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment or datetime.now(timezone.utc)

    def set(self, moment: datetime) -> None:
        self.moment = moment
