"""Binding decisions (knopen doorhakken): disputes, each side's position, the decision.

The coordinator is the contact point in disputes. Each side's position reaches the
log only as the coordinator relays it; the decision, with its reasoning, binds both
parents. One log per case keeps the numbering of disputes gap-free for a court report.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Mapping
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.shared_agreements.domain.errors import (
    DisputeAlreadyDecided, DisputeNotFound, PositionAlreadyRelayed, ReasonRequired,
)
from services.shared_agreements.domain.parents import PARENTS, checked_parent
from services.shared_agreements.domain.private import Text, private, shown_all
from services.shared_agreements.domain.views import DecisionView, DisputeView, PositionView


class DecisionLog(Aggregate):
    """Het logboek van geschillen en bindende beslissingen van één zaak."""

    @staticmethod
    def id_for(case_id: UUID) -> UUID:
        return uuid5(case_id, "bindende-beslissingen")

    @classmethod
    def open(cls, case_id: UUID, actor: str) -> DecisionLog:
        return cls._create(cls.DecisionLogOpened, id=cls.id_for(case_id), case_id=case_id, actor=actor)

    class DecisionLogOpened(Aggregate.Created):
        """Logboek van geschillen geopend voor de zaak."""

        case_id: UUID
        actor: str

    @event(DecisionLogOpened)
    def __init__(self, case_id: UUID, actor: str) -> None:
        self.case_id = case_id
        self.disputes: list[dict[str, Any]] = []

    def raise_dispute(self, subject: str, raised_by: str, actor: str) -> int:
        """Record a dispute raised by one side; returns its number."""
        checked_parent(raised_by)
        subject = private(self.case_id, _required(subject, "a dispute needs its subject"))
        self._dispute_raised(number=len(self.disputes) + 1, subject=subject, raised_by=raised_by, actor=actor)
        return len(self.disputes)

    @event("DisputeRaised")
    def _dispute_raised(
        self, number: int, subject: Text, raised_by: str, actor: str, timestamp: datetime | None = None
    ) -> None:
        """Geschil voorgelegd aan de coördinator."""
        self.disputes.append({
            "number": number, "subject": subject, "raised_by": raised_by, "recorded_by": actor,
            "recorded_at": timestamp, "positions": {}, "decision": None,
        })

    def relay_position(self, dispute: int, parent: str, position: str, actor: str) -> None:
        """Record one side's position, as the coordinator relays it."""
        record = self._open_dispute(dispute)
        if checked_parent(parent) in record["positions"]:
            raise PositionAlreadyRelayed(f"the position of {parent} in dispute {dispute} was already relayed")
        text = private(self.case_id, _required(position, "a relayed position needs its text"))
        self._position_relayed(dispute=dispute, parent=parent, position=text, actor=actor)

    @event("PositionRelayed")
    def _position_relayed(
        self, dispute: int, parent: str, position: Text, actor: str, timestamp: datetime | None = None
    ) -> None:
        """Standpunt van een ouder doorgegeven door de coördinator."""
        self.disputes[dispute - 1]["positions"][parent] = {
            "position": position, "relayed_by": actor, "relayed_at": timestamp,
        }

    def decide(
        self, dispute: int, decision: str, reasoning: str, actor: str,
        missing_positions: Mapping[str, str] | None = None,
    ) -> None:
        """Take the binding decision on a dispute (knoop doorhakken), with its reasoning.

        It binds both parents, so it names both positions: for a parent whose position was not
        relayed, ``missing_positions`` says why (the parent did not answer, could not be reached).
        """
        record = self._open_dispute(dispute)
        missing = _missing(record, missing_positions or {})
        self._decided(
            dispute=dispute, decision=private(self.case_id, _required(decision, "a binding decision needs its text")),
            reasoning=private(self.case_id, _required(reasoning, "a binding decision needs its reasoning")),
            binds=list(PARENTS), actor=actor,
            missing_positions={parent: private(self.case_id, why) for parent, why in missing.items()},
        )

    class BindingDecisionTaken(Aggregate.Event):
        """Knoop doorgehakt: een beslissing die beide ouders bindt; ``missing_positions``: why a parent's
        position is not in the log (version 1 of this event had no such field)."""

        class_version = 2
        dispute: int
        decision: Text  # private text since the release after 0.1; clear text before
        reasoning: Text
        binds: list[str]
        missing_positions: dict[str, Text]
        actor: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["missing_positions"] = {}  # decided before the reasons were asked for: none was given

    @event(BindingDecisionTaken)
    def _decided(
        self, dispute: int, decision: Text, reasoning: Text, binds: list[str], missing_positions: dict[str, Text],
        actor: str, timestamp: datetime | None = None,
    ) -> None:
        self.disputes[dispute - 1]["decision"] = {
            "decision": decision, "reasoning": reasoning, "decided_by": actor, "decided_at": timestamp,
            "binds": tuple(binds), "missing_positions": dict(missing_positions),
        }

    def view(self) -> tuple[DisputeView, ...]:
        return tuple(_dispute_view(record) for record in self.disputes)

    def _open_dispute(self, dispute: int) -> dict[str, Any]:
        if not isinstance(dispute, int) or not 1 <= dispute <= len(self.disputes):
            raise DisputeNotFound(f"there is no dispute {dispute}")
        record = self.disputes[dispute - 1]
        if record["decision"] is not None:
            raise DisputeAlreadyDecided(f"dispute {dispute} was decided; the binding decision stands")
        return record


def _missing(record: dict[str, Any], reasons: Mapping[str, str]) -> dict[str, str]:
    """Why each parent without a relayed position has none; refused when a reason is missing or needless."""
    if not isinstance(reasons, Mapping):
        raise ReasonRequired("say per parent why their position is missing")
    for parent in reasons:
        if checked_parent(parent) in record["positions"]:
            raise ReasonRequired(f"the position of {parent} was relayed; it is not missing")
    missing = {}
    for parent in PARENTS:
        if parent not in record["positions"]:
            missing[parent] = _required(reasons.get(parent, ""), (
                f"the position of {parent} was not relayed: relay it, or say why it is missing "
                "(a binding decision names both parents' positions)"))
    return missing


def _required(text: str, message: str) -> str:
    value = (text or "").strip() if isinstance(text, str) else ""
    if not value:
        raise ReasonRequired(message)
    return value


def _dispute_view(record: dict[str, Any]) -> DisputeView:
    decision, positions = record["decision"], record["positions"]
    return DisputeView(
        number=record["number"], subject=str(record["subject"]), raised_by=record["raised_by"],
        recorded_by=record["recorded_by"], recorded_at=record["recorded_at"],
        positions=tuple(
            PositionView(parent=slot, **{**positions[slot], "position": str(positions[slot]["position"])})
            for slot in PARENTS if slot in positions
        ),
        decision=DecisionView(**{
            **decision, "decision": str(decision["decision"]), "reasoning": str(decision["reasoning"]),
            "missing_positions": shown_all(decision["missing_positions"]),
        }) if decision else None,
    )
