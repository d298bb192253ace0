"""The shared-agreements application."""

from __future__ import annotations

from services.platform.application import ContextApplication
from services.shared_agreements.scheduling import JointSessionsAndSchedule


class SharedAgreements(JointSessionsAndSchedule, ContextApplication):
    """The case header, ground rules and their signatures, decisions, joint sessions."""

    name = "shared_agreements"
