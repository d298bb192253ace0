"""Why a command on a parent's trajectory was refused, in words a counsellor understands.

Each error names the rule that was broken; none carries anything of the other side
of the case, nor private text.
"""

from __future__ import annotations

from services.platform.errors import Conflict, Invalid, NotFound


class TrajectoryNotFound(NotFound):
    """This side has no trajectory for the case."""


class TrajectoryAlreadyOpened(Conflict):
    """This side already holds a trajectory for the case; a second intake is refused."""


class PreviousPhaseOpen(Invalid):
    """The case moved on to its next phase, but this side has not closed the previous one yet."""


class ConcurrentChange(Conflict):
    """Someone else changed the trajectory between reading and saving it."""


class InvalidRecord(Invalid):
    """What was entered is incomplete or malformed (a blank name, a negative duration)."""


class DateOutOfOrder(Invalid):
    """The date lies before a step it must follow (a session before the start)."""


class WrongStep(Invalid):
    """The trajectory is not at the step this command belongs to (e.g. starting twice)."""


class TrajectoryIsClosed(WrongStep):
    """Nothing more can be recorded on a closed trajectory."""


class NotStarted(WrongStep):
    """Sessions and child conversations need a started trajectory (step 3)."""


class AgreementMissing(Invalid):
    """The parent has not agreed to the current proposal."""


class ConsentMissing(Invalid):
    """Parental consent (toestemming) that the rules require has not been recorded."""


class ParentalAuthorityMissing(Invalid):
    """The trajectory type requires parental authority (ouderlijk gezag), not confirmed yet."""


class SessionLimitReached(Invalid):
    """The trajectory allows no more individual sessions."""


class ChildConversationLimitReached(Invalid):
    """The trajectory allows no more child conversations."""


class OutsideCadence(Invalid):
    """A planned session is closer to another one than the trajectory's cadence allows."""


class OutsideDuration(Invalid):
    """The date lies beyond the trajectory's maximum duration."""


class PhaseEnded(OutsideDuration):
    """The case moved on to its next phase: this phase's trajectory takes nothing dated after that."""


class CounsellorNotIndependent(Invalid):
    """The parent's own counsellor may not hold a child conversation, and vice versa."""


class ReleaseRefused(Invalid):
    """The closing evaluation cannot be released, withdrawn or reported in this state."""


class ErasureRefused(Invalid):
    """Private text cannot be erased in this state, or for this reason."""


class NotEnrolled(Invalid):
    """The case does not enrol this parent (yet): no trajectory opens for them."""
