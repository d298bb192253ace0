"""The rules of the end of a trajectory: closing evaluation, its release, erasure.

The parent decides whether the closing evaluation may go into a court report. That
decision can be withdrawn until a report has been made with it; after that, the
report exists and the withdrawal would pretend otherwise.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from services.parent_side.domain.entries import not_before, optional_text, private_text, required_date
from services.parent_side.domain.errors import ErasureRefused, InvalidRecord, ReleaseRefused
from services.parent_side.domain.records import ERASURE_REASONS, RETENTION_ENDED
from services.parent_side.domain.steps import require_open
from services.parent_side.domain.term import add_years
from services.platform.private_text import PrivateText

if TYPE_CHECKING:
    from services.parent_side.domain.trajectory import Trajectory

Attributes = dict[str, Any]


def closing(t: Trajectory, on: date, evaluation: PrivateText, retention_years: int) -> Attributes:
    require_open(t)
    on = required_date(on, "the closing date")
    not_before(on, t.last_on, "the last recorded step")
    evaluation = private_text(evaluation, t.case_id, "the closing evaluation")
    if not isinstance(retention_years, int) or isinstance(retention_years, bool) or retention_years < 1:
        raise InvalidRecord("the retention period must be at least one year")
    return dict(on=on, evaluation=evaluation, retain_until=add_years(on, retention_years))


def release(t: Trajectory, on: date) -> Attributes:
    _require_evaluation(t)
    if t.is_released:
        raise ReleaseRefused("the closing evaluation is already released for a court report")
    on = required_date(on, "the date of the parent's decision")
    not_before(on, _last_decision_on(t), "the previous decision")
    return dict(on=on)


def release_withdrawal(t: Trajectory, on: date, reason: str | None) -> Attributes:
    if not t.is_released:
        raise ReleaseRefused("the closing evaluation is not released; there is nothing to withdraw")
    if t.reports:
        raise ReleaseRefused(
            "a court report has been made with the released evaluation; the release can no longer be withdrawn"
        )
    on = required_date(on, "the date of the parent's decision")
    not_before(on, _last_decision_on(t), "the release")
    reason = optional_text(reason, "the reason")
    # Why a parent withdraws can describe them: private text (none given stays empty).
    return dict(on=on, reason=PrivateText(t.case_id, reason) if reason else "")


def report(t: Trajectory, report_id: UUID, at: datetime) -> Attributes:
    _require_evaluation(t)
    if not t.is_released:
        raise ReleaseRefused("the parent has not released the closing evaluation for a court report")
    if not isinstance(report_id, UUID):
        raise InvalidRecord("the report is required")
    if any(r.report_id == report_id for r in t.reports):
        raise ReleaseRefused("this court report has already been recorded")
    if not isinstance(at, datetime) or at.tzinfo is None:
        raise InvalidRecord("the moment of the report must be a date and time with a time zone")
    return dict(report_id=report_id, at=at)


def erasure(t: Trajectory, reason: str, on: date) -> Attributes:
    if t.closed_on is None:
        raise ErasureRefused("close the trajectory before erasing its private text")
    if t.erased_on is not None:
        raise ErasureRefused("the private text of this trajectory has already been erased")
    if reason not in ERASURE_REASONS:
        raise ErasureRefused(f"private text is erased only for one of these reasons: {', '.join(ERASURE_REASONS)}")
    on = required_date(on, "the date of the erasure")
    not_before(on, t.closed_on, "the closing")
    if reason == RETENTION_ENDED and t.retain_until is not None and on < t.retain_until:
        raise ErasureRefused(f"the retention period runs until {t.retain_until.isoformat()}")
    return dict(reason=reason, on=on)


def _require_evaluation(t: Trajectory) -> None:
    if t.closed_on is None:
        raise ReleaseRefused("the trajectory has no closing evaluation yet; close it first")
    if t.erased_on is not None:
        raise ReleaseRefused("the closing evaluation has been erased")


def _last_decision_on(t: Trajectory) -> date:
    return t.releases[-1].on if t.releases else t.closed_on  # type: ignore[return-value]
