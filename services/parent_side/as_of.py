"""One side's trajectory of a case as it stood at a moment: what the court report reads of a side."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from services.parent_side.domain.trajectory import Trajectory, trajectory_id
from services.parent_side.domain.view import TrajectoryView, view_of
from services.platform.as_of import AsOfReader, Source

if TYPE_CHECKING:
    from services.platform.application import ContextApplication

RELEASE_TOPICS = (".EvaluationReleasedForCourt", ".EvaluationReleaseWithdrawn")


class SideAsOf:
    """Reads this side as of ``moment`` and names the point of its history it read (``source``)."""

    def __init__(self, app: ContextApplication, moment: datetime) -> None:
        self._reader = AsOfReader(app, moment)

    def trajectory(self, case_id: UUID) -> TrajectoryView | None:
        """The trajectory as of the moment (private text redacted), or None when it was not opened by then."""
        trajectory = self._reader.load(trajectory_id(case_id))
        return view_of(trajectory) if isinstance(trajectory, Trajectory) else None

    def closing_evaluation(self, case_id: UUID) -> str | None:
        """The text of the closing evaluation read, decrypted: only for a report that includes it."""
        private = self._reader.decrypted(trajectory_id(case_id), "TrajectoryClosed", "evaluation")
        return None if private is None else private.text

    def release_withdrawn_since(self, case_id: UUID) -> bool:
        """Whether the parent withdrew the release for a court report after the moment (and did not give it again)."""
        decisions = [t for t in self._reader.topics_after(trajectory_id(case_id)) if t.endswith(RELEASE_TOPICS)]
        return bool(decisions) and decisions[-1].endswith(".EvaluationReleaseWithdrawn")

    def source(self) -> Source:
        return self._reader.source()
