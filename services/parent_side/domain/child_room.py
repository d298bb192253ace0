"""What a child counsellor must see before recording a child conversation on one side.

Seed (parallel-solo-ouderschap-loman): "Met toestemming van ouders vinden er maximaal 4
gesprekken met de kinderen plaats". Who must respect a limit sees it before hitting it
(issue 14): whether the parents' consent for child conversations is in force on a day, the
maximum the trajectory allows, how many were held and how many are left. Nothing else of the
side: not who gave consent, no goals, notes or names (design §4: the child counsellor sees
only the conversations).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.parent_side.domain.conduct import require_running
from services.parent_side.domain.entries import required_date
from services.parent_side.domain.records import CONSENT_CHILD_CONVERSATIONS
from services.parent_side.domain.term import NO_HOLIDAYS_KNOWN, FamilyHolidays
from services.parent_side.domain.trajectory import Trajectory
from services.platform.errors import DomainError


@dataclass(frozen=True)
class ChildConversationRoom:
    """The room one side's trajectory leaves for child conversations on a day."""

    on: date
    in_term: bool  # started, not closed, the day inside its phase and its term: it takes a conversation that day
    consent_in_force: bool
    maximum: int
    held: int

    @property
    def left(self) -> int:
        """How many more child conversations the trajectory's limit allows."""
        return max(0, self.maximum - self.held)


def room_of(t: Trajectory, on: date, holidays: FamilyHolidays = NO_HOLIDAYS_KNOWN) -> ChildConversationRoom:
    """``holidays``: the family's, for a type whose term leaves out school holidays."""
    on = required_date(on, "the day")
    return ChildConversationRoom(on=on, in_term=_in_term(t, on, holidays),
                                 consent_in_force=t.consent_in_force(CONSENT_CHILD_CONVERSATIONS, on),
                                 maximum=t.rules.max_child_conversations, held=len(t.child_conversations))


def _in_term(t: Trajectory, on: date, holidays: FamilyHolidays) -> bool:
    # The same check a child conversation meets; only yes or no leaves here, never the dates it names.
    try:
        require_running(t, on, "a child conversation", holidays)
    except DomainError:
        return False
    return True
