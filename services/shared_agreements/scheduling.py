"""Application commands for joint sessions and the annual contact schedule (mixin of SharedAgreements)."""

from __future__ import annotations


class JointSessionsAndSchedule:
    """Joint sessions (gezamenlijke gesprekken) and the annual contact schedule (jaarplanning van de omgang)."""
