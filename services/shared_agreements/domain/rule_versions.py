"""The state of one ground-rules version inside the rule set, its statuses, and its view.

Kept apart from the aggregate so the aggregate module reads as its rules and events;
nothing here decides anything.

Every status a version can have is one entry of ``STATUSES``: its code, when it holds, and how it
is said (in a refusal, and in the court report in Dutch and English). The coordinator's GraphQL
enum and the report's words are made from this table, so a new status is one entry here, the
command and event that reach it (``ground_rules.py``), a test, and the regenerated SDL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from services.shared_agreements.domain.rules_text import CATEGORIES
from services.shared_agreements.domain.views import CategoryRules, RevocationView, RuleVersionView, SignatureView

DRAFT, OFFERED, IN_FORCE, SUPERSEDED, REVOKED, WITHDRAWN = (
    "draft", "offered", "in_force", "superseded", "revoked", "withdrawn",
)


@dataclass(frozen=True)
class Status:
    """One status of a ground-rules version; of those that hold, the one of highest ``rank`` is the version's."""

    code: str
    rank: int
    holds: Callable[[VersionState], bool]
    refusal: str  # completes "version 3 ..., not open for signature"
    nl: str  # the court report's words
    en: str


#: In the order the API and the report list them (the SDL enum's order).
STATUSES: tuple[Status, ...] = (
    Status(DRAFT, 0, lambda v: True, "is still a draft",
           "concept, niet ter ondertekening aangeboden", "draft, not offered for signature"),
    Status(OFFERED, 1, lambda v: v.offered_at is not None, "is offered",
           "ter ondertekening aangeboden", "offered for signature"),
    Status(IN_FORCE, 3, lambda v: v.in_force_from is not None, "is already in force", "van kracht", "in force"),
    Status(SUPERSEDED, 4, lambda v: v.in_force_until is not None, "was superseded",
           "vervangen door een latere versie", "superseded by a later version"),
    Status(REVOKED, 5, lambda v: v.revocation is not None, "was revoked", "herroepen", "revoked"),
    Status(WITHDRAWN, 2, lambda v: v.withdrawn_at is not None, "was withdrawn for a newer version",
           "aanbod ingetrokken voor een nieuwere versie", "offer withdrawn for a newer version"),
)


def status_named(code: str) -> Status:
    return next(status for status in STATUSES if status.code == code)


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
        return max((status for status in STATUSES if status.holds(self)), key=lambda status: status.rank).code

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
