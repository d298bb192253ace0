"""Why a command on the shared agreements was refused, in words a coordinator understands."""

from __future__ import annotations

from services.platform.errors import Conflict, Invalid, NotFound


class CaseNotFound(NotFound):
    """No case with that id is registered here."""


class CaseAlreadyRegistered(Conflict):
    """A case with that id was registered before."""


class InvalidCase(Invalid):
    """The case registration is incomplete or malformed (names, children, parents)."""


class UnknownTrajectoryType(Invalid):
    """The trajectory type is not one the practice offers."""


class NotANextPhase(Invalid):
    """The case cannot move on to that trajectory type from the one it follows now."""


class ParentalAuthorityMissing(Invalid):
    """Parallel parenting needs parental authority (ouderlijk gezag) of every enrolled parent."""


class UnknownParent(Invalid):
    """A parent is named by its slot, "parent_a" or "parent_b"; nothing else."""


class InvalidRules(Invalid):
    """A rule set draft names an unknown category, holds an empty rule, or holds no rules."""


class VersionNotFound(NotFound):
    """The rule set has no version with that number."""


class VersionNotEditable(Invalid):
    """Only a draft can change; an offered version is frozen."""


class DraftPending(Invalid):
    """A draft already exists; revise it rather than start another."""


class NotOpenForSignature(Invalid):
    """The version is not (or no longer) offered for signature."""


class TextMismatch(Invalid):
    """The signed text is not the text that was offered."""


class NotASigner(Invalid):
    """That parent was not asked to sign this version."""


class AlreadySigned(Invalid):
    """That parent's signature on this version was recorded before."""


class UnknownSignatureMethod(Invalid):
    """A signature is given in person, as a scanned wet signature, or electronically."""


class NotInForce(Invalid):
    """Only the version in force can be revoked."""


class ReasonRequired(Invalid):
    """A revocation, position or decision needs its text."""


class DisputeNotFound(NotFound):
    """The decision log has no dispute with that number."""


class DisputeAlreadyDecided(Invalid):
    """A binding decision was recorded for this dispute before; it stands."""


class PositionAlreadyRelayed(Invalid):
    """This side's position in the dispute was relayed before."""


class InvalidTransparencyAgreement(Invalid):
    """A transparency agreement needs its parent, a list of categories and the date it was made."""


class UnknownTransparencyCategory(InvalidTransparencyAgreement):
    """The information category is not one a transparency agreement can cover."""


class ConcurrentChange(Conflict):
    """Someone else changed the same record at the same moment; nothing of this command was saved."""
