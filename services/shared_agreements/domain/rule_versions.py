"""The state of one ground-rules version inside the rule set, and its view.

Kept apart from the aggregate so the aggregate module reads as its rules and events;
nothing here decides anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from services.shared_agreements.domain.rules_text import CATEGORIES
from services.shared_agreements.domain.views import CategoryRules, RevocationView, RuleVersionView, SignatureView

DRAFT, OFFERED, IN_FORCE, SUPERSEDED, REVOKED, WITHDRAWN = (
    "draft", "offered", "in_force", "superseded", "revoked", "withdrawn",
)


@dataclass
class VersionState:
    number: int
    rules: dict[str, list[str]]
    drafted_by: str
    drafted_at: datetime
    offered_by: str | None = None
    offered_at: datetime | None = None
    text: str | None = None
    text_hash: str | None = None
    signers: tuple[str, ...] = ()
    signatures: dict[str, dict[str, Any]] = field(default_factory=dict)
    in_force_from: datetime | None = None
    in_force_until: datetime | None = None
    withdrawn_at: datetime | None = None
    revocation: dict[str, Any] | None = None

    @property
    def status(self) -> str:
        if self.revocation is not None:
            return REVOKED
        if self.in_force_until is not None:
            return SUPERSEDED
        if self.in_force_from is not None:
            return IN_FORCE
        if self.withdrawn_at is not None:
            return WITHDRAWN
        return OFFERED if self.offered_at is not None else DRAFT

    @property
    def fully_signed(self) -> bool:
        return bool(self.signers) and all(
            self.signatures.get(parent, {}).get("text_hash") == self.text_hash for parent in self.signers
        )

    def view(self) -> RuleVersionView:
        return RuleVersionView(
            version=self.number,
            status=self.status,
            categories=tuple(
                CategoryRules(category=code, number=number, title=title, rules=tuple(self.rules[code]))
                for number, (code, title) in enumerate(CATEGORIES, start=1)
                if code in self.rules
            ),
            drafted_by=self.drafted_by,
            drafted_at=self.drafted_at,
            offered_by=self.offered_by,
            offered_at=self.offered_at,
            text=self.text,
            text_hash=self.text_hash,
            signers=self.signers,
            signatures=tuple(SignatureView(parent=p, **s) for p, s in self.signatures.items()),
            in_force_from=self.in_force_from,
            in_force_until=self.in_force_until,
            withdrawn_at=self.withdrawn_at,
            # The reason is private text of the case (clear text in events stored before): shown as text.
            revocation=RevocationView(**{**self.revocation, "reason": str(self.revocation["reason"])})
            if self.revocation else None,
        )
