"""Transparency agreements (afspraken over transparantie): what each side lets the other see.

Each parent agrees, for their own side, which kinds of information may be shared with
the other side. Nothing is shared without an agreement; a later agreement replaces the
earlier one of that parent, and both stay in the history so a court report made as of
a moment can consult the agreement that held then.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Sequence
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.shared_agreements.domain.errors import InvalidTransparencyAgreement, UnknownTransparencyCategory
from services.shared_agreements.domain.parents import checked_parent
from services.shared_agreements.domain.views import TransparencyAgreementView, TransparencyView

# Kinds of information, never their content: a side's private notes are never shareable.
SHAREABLE_CATEGORIES: tuple[str, ...] = (
    "attendance",               # aanwezigheid bij gesprekken
    "session_themes",           # thema's van de gesprekken
    "goals",                    # doelstellingen
    "child_conversation_held",  # dat een kindgesprek plaatsvond (niet wat er gezegd is)
    "evaluation",               # de eindevaluatie
    "practitioner",             # wie de ouder begeleidt(e), vanaf wanneer (voor de rapportage aan de rechter)
)


class TransparencyAgreements(Aggregate):
    """Afspraken over transparantie van één zaak."""

    @staticmethod
    def id_for(case_id: UUID) -> UUID:
        return uuid5(case_id, "afspraken-over-transparantie")

    @classmethod
    def open(cls, case_id: UUID, actor: str) -> TransparencyAgreements:
        return cls._create(cls.TransparencyAgreementsOpened, id=cls.id_for(case_id), case_id=case_id, actor=actor)

    class TransparencyAgreementsOpened(Aggregate.Created):
        """Afspraken over transparantie aangelegd voor de zaak."""

        case_id: UUID
        actor: str

    @event(TransparencyAgreementsOpened)
    def __init__(self, case_id: UUID, actor: str) -> None:
        self.case_id = case_id
        self.history: list[TransparencyAgreementView] = []

    def agree(self, parent: str, categories: Sequence[str], agreed_on: date, actor: str) -> None:
        """Record what ``parent`` agreed on ``agreed_on`` may be shared with the other side."""
        checked_parent(parent)
        if isinstance(categories, str):
            raise InvalidTransparencyAgreement("give the categories as a list, not one text")
        unknown = sorted(set(categories) - set(SHAREABLE_CATEGORIES))
        if unknown:
            raise UnknownTransparencyCategory(
                f"{unknown[0]!r} is not something that can be shared; use {', '.join(SHAREABLE_CATEGORIES)}"
            )
        if isinstance(agreed_on, datetime) or not isinstance(agreed_on, date):
            raise InvalidTransparencyAgreement("the agreement needs the date it was made")
        ordered = [c for c in SHAREABLE_CATEGORIES if c in set(categories)]
        self._agreed(parent=parent, categories=ordered, agreed_on=agreed_on, actor=actor)

    @event("TransparencyAgreed")
    def _agreed(
        self, parent: str, categories: list[str], agreed_on: date, actor: str, timestamp: datetime | None = None
    ) -> None:
        """Ouder sprak af wat met de andere kant gedeeld mag worden."""
        self.history.append(TransparencyAgreementView(
            parent=parent, categories=tuple(categories), agreed_on=agreed_on, recorded_by=actor, recorded_at=timestamp,
        ))

    def view(self) -> TransparencyView:
        return TransparencyView(case_id=self.case_id, history=tuple(self.history))
