"""The practice's calendar day: sessions, signatures and births are dated in the Netherlands."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

PRACTICE_TIME_ZONE = ZoneInfo("Europe/Amsterdam")


def practice_day(moment: datetime) -> date:
    """The day ``moment`` falls on where the practice works (a UTC midnight is already the next day there)."""
    return moment.astimezone(PRACTICE_TIME_ZONE).date()
