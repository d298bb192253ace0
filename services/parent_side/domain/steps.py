"""The rules of steps 1 to 3: intake, proposal and consent, agreement and start.

Each function checks one command against the trajectory's state and returns the
event's attributes (cleaned), or raises the domain error that says what is missing.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Iterable
from uuid import UUID

from services.parent_side.domain.entries import (
    not_before, private_entries, private_themes, required_date, required_list, required_text,
)
from services.parent_side.domain.errors import (
    AgreementMissing, ConsentMissing, InvalidRecord, ParentalAuthorityMissing, TrajectoryIsClosed, WrongStep,
)
from services.parent_side.domain.records import CONSENT_SCOPES, CONSENT_TRAJECTORY, Child
from services.parent_side.domain.templates import TrajectoryRules

if TYPE_CHECKING:
    from services.parent_side.domain.trajectory import Trajectory

Attributes = dict[str, Any]


def intake(
    case_id: UUID, parent: str, children: Iterable[Child], rules: TrajectoryRules,
    counsellor: str, parental_authority: bool, on: date,
) -> Attributes:
    if not isinstance(case_id, UUID):
        raise InvalidRecord("the case is required")
    if not isinstance(rules, TrajectoryRules):
        raise InvalidRecord("the trajectory type is required")
    rules.check()
    on = required_date(on, "the intake date")
    return dict(
        case_id=case_id, parent=required_text(parent, "the parent's name"),
        children=[child.as_dict() for child in _children(children, on)], rules=rules.as_dict(),
        counsellor=required_text(counsellor, "the counsellor"), parental_authority=bool(parental_authority), on=on,
    )


def proposal(
    t: Trajectory, goals: Iterable[str], themes: Iterable[str], on: date, rules: TrajectoryRules | None,
) -> Attributes:
    require_not_started(t)
    on = required_date(on, "the date of the proposal")
    not_before(on, t.opened_on, "the intake")
    if rules is not None:
        if not isinstance(rules, TrajectoryRules) or rules.template != t.rules.template:
            raise InvalidRecord("a proposal tailors the rules of this trajectory's own type; another type needs its own intake")
        rules.check()
    return dict(
        goals=private_entries(required_list(goals, "the goals"), t.case_id),
        themes=private_themes(required_list(themes, "the themes"), t.case_id), on=on,
        rules=None if rules is None else rules.as_dict(),
    )


def agreement(t: Trajectory, on: date) -> Attributes:
    require_not_started(t)
    if t.proposed_on is None:
        raise WrongStep("there is no proposal to agree to yet")
    if t.agreed_on is not None:
        raise WrongStep("the parent has already agreed to the current proposal")
    on = required_date(on, "the date of the agreement")
    not_before(on, t.proposed_on, "the proposal")
    return dict(on=on)


def parental_authority(t: Trajectory, on: date) -> Attributes:
    require_open(t)
    if t.parental_authority:
        raise WrongStep("the parent's parental authority has already been confirmed")
    return dict(on=required_date(on, "the date of the confirmation"))


def consent(t: Trajectory, scopes: Iterable[str], given_by: Iterable[str], given_on: date) -> Attributes:
    require_open(t)
    return dict(
        scopes=_scopes(scopes), given_by=required_list(given_by, "who gave consent"),
        given_on=required_date(given_on, "the date of the consent"),
    )


def consent_withdrawal(t: Trajectory, scopes: Iterable[str], withdrawn_by: Iterable[str], on: date) -> Attributes:
    require_open(t)
    checked = _scopes(scopes)
    on = required_date(on, "the date of the withdrawal")
    for scope in checked:
        standing = [c for c in t.consents if c.scope == scope and c.withdrawn_on is None]
        if not standing:
            raise ConsentMissing(f"there is no consent for {scope.replace('_', ' ')} to withdraw")
        not_before(on, max(c.given_on for c in standing), "the consent")
    return dict(scopes=checked, withdrawn_by=required_list(withdrawn_by, "who withdrew consent"), on=on)


def start(t: Trajectory, on: date) -> Attributes:
    require_not_started(t)
    if t.agreed_on is None:
        raise AgreementMissing("the trajectory starts only after the parent has agreed to the proposal")
    on = required_date(on, "the start date")
    not_before(on, t.agreed_on, "the parent's agreement")
    if t.rules.requires_parental_authority and not t.parental_authority:
        raise ParentalAuthorityMissing(
            "this trajectory requires parental authority (ouderlijk gezag), which has not been confirmed"
        )
    require_trajectory_consent(t, on)
    return dict(on=on)


def require_open(t: Trajectory) -> None:
    if t.closed_on is not None:
        raise TrajectoryIsClosed(f"the trajectory was closed on {t.closed_on.isoformat()}; nothing more can be recorded")


def require_not_started(t: Trajectory) -> None:
    require_open(t)
    if t.started_on is not None:
        raise WrongStep(f"the trajectory already started on {t.started_on.isoformat()}")


def require_trajectory_consent(t: Trajectory, on: date) -> None:
    """Under the consent age (16 unless tailored) a trajectory runs only with parental consent."""
    young = t.children_needing_consent(on)
    if young and not t.consent_in_force(CONSENT_TRAJECTORY, on):
        names = " and ".join(child.first_name for child in young)
        raise ConsentMissing(
            f"{names} {'is' if len(young) == 1 else 'are'} under {t.rules.consent_below_age} on {on.isoformat()}: "
            "parental consent (toestemming) for the trajectory must be recorded first"
        )


def _children(children: Iterable[Child], on: date) -> list[Child]:
    listed = list(children) if isinstance(children, Iterable) and not isinstance(children, str) else []
    if not listed or not all(isinstance(child, Child) for child in listed):
        raise InvalidRecord("at least one child, with first name and date of birth, is required")
    checked = [Child(required_text(c.first_name, "a child's first name"),
                     required_date(c.date_of_birth, "a child's date of birth")) for c in listed]
    if len({c.first_name.casefold() for c in checked}) != len(checked):
        raise InvalidRecord("two children have the same first name; add an initial to tell them apart")
    for child in checked:
        not_before(on, child.date_of_birth, f"{child.first_name}'s date of birth")
    return checked


def _scopes(scopes: Iterable[str]) -> list[str]:
    checked = required_list(scopes, "what the consent is for")
    if any(scope not in CONSENT_SCOPES for scope in checked):
        raise InvalidRecord(f"consent can be given for: {', '.join(CONSENT_SCOPES)}")
    return checked
