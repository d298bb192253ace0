"""The ground rules (spelregels) of one case: versions, offers, signatures, force, revocation.

A version is drafted, offered for signature (its text is then frozen and hashed), and
comes into force once every parent asked to sign has signed that very hash. An amendment
is a new version; the version in force stays in force until its successor is signed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Mapping, Sequence
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.shared_agreements.domain import rule_versions as rv
from services.shared_agreements.domain.errors import (
    AlreadySigned, DraftPending, InvalidCase, NotASigner, NotInForce, NotOpenForSignature, ReasonRequired,
    TextMismatch, UnknownSignatureMethod, VersionNotEditable, VersionNotFound,
)
from services.shared_agreements.domain.parents import checked_parent
from services.shared_agreements.domain.private import Text, private
from services.shared_agreements.domain.rules_text import canonical_text, checked_hash, normalised_rules, text_hash
from services.shared_agreements.domain.views import GroundRulesView

SIGNATURE_METHODS: tuple[str, ...] = ("in_person", "scanned_wet_signature", "electronic")


class RuleSet(Aggregate):
    """Spelregels: the one rule set of a case, with every version it ever had."""

    @staticmethod
    def id_for(case_id: UUID) -> UUID:
        return uuid5(case_id, "spelregels")

    @classmethod
    def start(cls, case_id: UUID, rules: Mapping[str, Sequence[str]], actor: str) -> RuleSet:
        """Open the rule set of a case with its first draft (version 1)."""
        cleaned = normalised_rules(rules)
        rule_set = cls._create(cls.GroundRulesStarted, id=cls.id_for(case_id), case_id=case_id, actor=actor)
        rule_set._drafted(version=1, rules=cleaned, actor=actor)
        return rule_set

    class GroundRulesStarted(Aggregate.Created):
        """Spelregels aangelegd voor de zaak."""

        case_id: UUID
        actor: str

    @event(GroundRulesStarted)
    def __init__(self, case_id: UUID, actor: str) -> None:
        self.case_id = case_id
        self.versions: list[rv.VersionState] = []

    def draft_version(self, rules: Mapping[str, Sequence[str]], actor: str) -> int:
        """Start a new version (an amendment); a pending offer is withdrawn, not edited."""
        cleaned = normalised_rules(rules)
        pending = self._pending()
        if pending is not None and pending.status == rv.DRAFT:
            raise DraftPending(f"version {pending.number} is still a draft; revise that draft instead")
        if pending is not None:
            self._offer_withdrawn(version=pending.number, actor=actor)
        self._drafted(version=len(self.versions) + 1, rules=cleaned, actor=actor)
        return len(self.versions)

    @event("GroundRulesDrafted")
    def _drafted(self, version: int, rules: dict[str, list[str]], actor: str, timestamp: datetime | None = None) -> None:
        """Nieuwe versie van de spelregels opgesteld (concept)."""
        self.versions.append(rv.VersionState(number=version, rules=_copy(rules), drafted_by=actor, drafted_at=timestamp))

    def revise_draft(self, version: int, rules: Mapping[str, Sequence[str]], actor: str) -> None:
        """Change the rules of a draft; an offered version is frozen."""
        state = self._state_of(version)
        if state.status != rv.DRAFT:
            raise VersionNotEditable(
                f"version {version} was offered for signature and can no longer change; draft a new version"
            )
        self._draft_revised(version=version, rules=normalised_rules(rules), actor=actor)

    @event("GroundRulesDraftRevised")
    def _draft_revised(self, version: int, rules: dict[str, list[str]], actor: str) -> None:
        """Concept van de spelregels aangepast."""
        self.versions[version - 1].rules = _copy(rules)

    def offer(self, version: int, signers: Sequence[str], actor: str) -> str:
        """Freeze a draft's text and offer it to the given parents for signature; returns its hash."""
        state = self._state_of(version)
        if state.status != rv.DRAFT:
            raise VersionNotEditable(f"version {version} was already offered for signature")
        slots = tuple(dict.fromkeys(checked_parent(parent) for parent in signers))
        if not slots:
            raise InvalidCase("no parent follows the trajectory, so nobody can sign")
        text = canonical_text(self.case_id, version, state.rules)
        self._offered(version=version, text=text, text_hash=text_hash(text), signers=list(slots), actor=actor)
        return text_hash(text)

    @event("GroundRulesOffered")
    def _offered(
        self, version: int, text: str, text_hash: str, signers: list[str], actor: str,
        timestamp: datetime | None = None,
    ) -> None:
        """Spelregels ter ondertekening aangeboden; de tekst ligt vanaf nu vast."""
        state = self.versions[version - 1]
        state.text, state.text_hash, state.signers = text, text_hash, tuple(signers)
        state.offered_by, state.offered_at = actor, timestamp

    @event("GroundRulesOfferWithdrawn")
    def _offer_withdrawn(self, version: int, actor: str, timestamp: datetime | None = None) -> None:
        """Aanbod ingetrokken: een nieuwe versie vervangt de nog niet getekende versie."""
        self.versions[version - 1].withdrawn_at = timestamp

    def sign(
        self, version: int, parent: str, signed_hash: str, method: str, actor: str, *,
        signed_on: date | None = None, today: date | None = None,
    ) -> bool:
        """Record one parent's signature; True when the version came into force with it.

        ``signed_on``: the day the parent signed, when that was before it is recorded (a wet
        signature received by post); never after ``today``, never before the text was offered.
        """
        state = self._state_of(version)
        self._check_signature(state, checked_parent(parent), checked_hash(signed_hash), method)
        signed_on = _signed_on(state, signed_on, today)
        self._signed(version=version, parent=parent, text_hash=checked_hash(signed_hash), method=method,
                     signed_on=signed_on, actor=actor)
        if not state.fully_signed:
            return False
        current = self._in_force()
        self._came_into_force(version=version, supersedes=current.number if current else None, actor=actor)
        return True

    def _check_signature(self, state: rv.VersionState, parent: str, signed_hash: str, method: str) -> None:
        if state.status != rv.OFFERED:
            refusal = rv.status_named(state.status).refusal
            raise NotOpenForSignature(f"version {state.number} {refusal}, not open for signature")
        if parent not in state.signers:
            raise NotASigner(f"{parent} was not asked to sign version {state.number}")
        if parent in state.signatures:
            raise AlreadySigned(f"the signature of {parent} on version {state.number} was already recorded")
        if method not in SIGNATURE_METHODS:
            raise UnknownSignatureMethod(f"a signature is given {', '.join(SIGNATURE_METHODS)}; not {method!r}")
        if signed_hash != state.text_hash:
            raise TextMismatch(
                f"this is not the text that was offered as version {state.number}: the text changed after it "
                "was offered, or another text was signed"
            )

    class GroundRulesSigned(Aggregate.Event):
        """Spelregels ondertekend door een ouder (vastgelegd door de coördinator); ``signed_on``: the day the
        parent signed, when it is not the day of recording (version 1 of this event had no such field)."""

        class_version = 2
        version: int
        parent: str
        text_hash: str
        method: str
        signed_on: str | None
        actor: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["signed_on"] = None  # signed when it was recorded: nothing else was ever said

    @event(GroundRulesSigned)
    def _signed(
        self, version: int, parent: str, text_hash: str, method: str, signed_on: str | None, actor: str,
        timestamp: datetime | None = None,
    ) -> None:
        self.versions[version - 1].signatures[parent] = {
            "method": method, "text_hash": text_hash, "recorded_by": actor, "recorded_at": timestamp,
            "signed_on": date.fromisoformat(signed_on) if signed_on else timestamp.date() if timestamp else None,
        }

    @event("GroundRulesCameIntoForce")
    def _came_into_force(
        self, version: int, supersedes: int | None, actor: str, timestamp: datetime | None = None
    ) -> None:
        """Spelregels van kracht: alle ouders tekenden dezelfde tekst; de vorige versie vervalt."""
        if supersedes is not None:
            self.versions[supersedes - 1].in_force_until = timestamp
        self.versions[version - 1].in_force_from = timestamp

    def revoke(self, version: int, reason: str, actor: str) -> None:
        """Revoke the version in force, for a stated reason; no rules are in force after it."""
        state = self._state_of(version)
        if state.status != rv.IN_FORCE:
            raise NotInForce(f"version {version} is not in force, so it cannot be revoked")
        if not (reason or "").strip():
            raise ReasonRequired("a revocation needs its reason")
        self._revoked(version=version, reason=private(self.case_id, reason.strip()), actor=actor)

    @event("GroundRulesRevoked")
    def _revoked(self, version: int, reason: Text, actor: str, timestamp: datetime | None = None) -> None:
        """Spelregels herroepen, met reden."""
        state = self.versions[version - 1]
        state.in_force_until = timestamp
        state.revocation = {"reason": reason, "revoked_by": actor, "revoked_at": timestamp}

    def view(self) -> GroundRulesView:
        return GroundRulesView(case_id=self.case_id, versions=tuple(v.view() for v in self.versions))

    def _state_of(self, version: int) -> rv.VersionState:
        if not isinstance(version, int) or not 1 <= version <= len(self.versions):
            raise VersionNotFound(f"the ground rules have no version {version}")
        return self.versions[version - 1]

    def _pending(self) -> rv.VersionState | None:
        latest = self.versions[-1] if self.versions else None
        return latest if latest is not None and latest.status in (rv.DRAFT, rv.OFFERED) else None

    def _in_force(self) -> rv.VersionState | None:
        return next((v for v in self.versions if v.status == rv.IN_FORCE), None)


def _copy(rules: dict[str, list[str]]) -> dict[str, list[str]]:
    # The state must never share lists with the stored event it was built from.
    return {code: list(texts) for code, texts in rules.items()}


def _signed_on(state: rv.VersionState, signed_on: date | None, today: date | None) -> str | None:
    if signed_on is None:
        return None
    if not isinstance(signed_on, date) or isinstance(signed_on, datetime):
        raise InvalidCase("the day the parent signed is a calendar date")
    if today is not None and signed_on > today:
        raise InvalidCase(f"a parent cannot have signed on {signed_on.isoformat()}: that day has not come yet")
    offered = state.offered_at.date() if state.offered_at else None
    if offered is not None and signed_on < offered:
        raise InvalidCase(f"a parent cannot have signed on {signed_on.isoformat()}, before this text was offered "
                          f"({offered.isoformat()})")
    return signed_on.isoformat()
