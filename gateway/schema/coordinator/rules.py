"""Ground rules (spelregels) for the coordinator: drafts, offers, signatures, revocation, every version."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import strawberry
from strawberry.types import Info

from gateway.schema.bounds import MAX_HASH, MAX_ITEMS
from gateway.schema.common import Done, actor
from gateway.schema.coordinator.common import (
    Parent, RuleCategory, RuleVersionStatus, SignatureMethod, bounded_list, bounded_text, coordinate, member, value,
)
from services.platform.access_log import Action
from services.platform.errors import Invalid
from services.shared_agreements.api import RuleVersionView



@strawberry.type(description="The rules of one category, numbered as in the signed text.")
class CategoryRules:
    category: RuleCategory
    number: int
    title: str
    rules: list[str]


@strawberry.type(description="A parent's signature on the offered text, and who recorded it.")
class Signature:
    parent: Parent
    method: SignatureMethod
    text_hash: str = strawberry.field(description="SHA-256 of the text the parent signed.")
    recorded_by: str
    recorded_at: datetime
    signed_on: date | None = strawberry.field(
        description="The day the parent signed; earlier than recordedAt for a wet signature received later.")


@strawberry.type(description="Why and by whom a version in force was revoked.")
class Revocation:
    reason: str
    revoked_by: str
    revoked_at: datetime


@strawberry.type(description="One version of the ground rules, from draft to its end.")
class RuleVersion:
    version: int
    status: RuleVersionStatus
    categories: list[CategoryRules]
    drafted_by: str
    drafted_at: datetime
    offered_by: str | None
    offered_at: datetime | None
    text: str | None = strawberry.field(description="The exact text offered for signature (once offered).")
    text_hash: str | None = strawberry.field(description="SHA-256 of that text: what each parent signs.")
    signers: list[Parent] = strawberry.field(description="The parents asked to sign.")
    signatures: list[Signature]
    in_force_from: datetime | None
    in_force_until: datetime | None
    withdrawn_at: datetime | None
    revocation: Revocation | None


@strawberry.input(description="The rules of one category, in order.")
class CategoryRulesInput:
    category: RuleCategory
    rules: list[str]


def rule_version_of(v: RuleVersionView) -> RuleVersion:
    return RuleVersion(
        version=v.version, status=member(RuleVersionStatus, v.status),
        categories=[CategoryRules(category=member(RuleCategory, c.category), number=c.number, title=c.title,
                                  rules=list(c.rules)) for c in v.categories],
        drafted_by=v.drafted_by, drafted_at=v.drafted_at, offered_by=v.offered_by, offered_at=v.offered_at,
        text=v.text, text_hash=v.text_hash, signers=[member(Parent, s) for s in v.signers],
        signatures=[Signature(parent=member(Parent, s.parent), method=member(SignatureMethod, s.method),
                              text_hash=s.text_hash, recorded_by=s.recorded_by, recorded_at=s.recorded_at,
                              signed_on=s.signed_on)
                    for s in v.signatures],
        in_force_from=v.in_force_from, in_force_until=v.in_force_until, withdrawn_at=v.withdrawn_at,
        revocation=None if v.revocation is None else Revocation(
            reason=v.revocation.reason, revoked_by=v.revocation.revoked_by, revoked_at=v.revocation.revoked_at),
    )


def _rules(given: list[CategoryRulesInput]) -> dict[str, list[str]]:
    """The mapping the domain takes; each category once, each within bounds."""
    rules: dict[str, list[str]] = {}
    for entry in bounded_list(given, "categories", limit=len(RuleCategory)):
        code = value(entry.category)
        if code in rules:
            raise Invalid(f"the category {code} is given twice; give each category once with all its rules")
        given_rules = bounded_list(entry.rules, f"rules in {code}", limit=MAX_ITEMS)
        rules[code] = [bounded_text(rule, "a rule") for rule in given_rules]
    return rules


@strawberry.type
class RulesQuery:
    @strawberry.field(description="Every version of the case's ground rules: texts, signatures, periods in force.")
    async def ground_rules(self, info: Info, case_id: UUID) -> list[RuleVersion]:
        view = await coordinate(info, case_id, Action.READ, lambda app: app.ground_rules(case_id))
        return [rule_version_of(v) for v in view.versions]

    @strawberry.field(description=(
        "Parents who take part but did not sign the ground rules in force (they enrolled after the rules came "
        "into force): the rules need their signature, so offer a new version to every parent."))
    async def ground_rules_awaiting_signature_of(self, info: Info, case_id: UUID) -> list[Parent]:
        view = await coordinate(info, case_id, Action.READ, lambda app: app.ground_rules(case_id))
        return [member(Parent, p) for p in view.awaiting_signature_of]


@strawberry.type
class RulesMutation:
    @strawberry.mutation(description="Draft a new version of the ground rules (the first or an amendment); "
                                     "returns its number. A version still offered is withdrawn.")
    async def draft_ground_rules(self, info: Info, case_id: UUID, rules: list[CategoryRulesInput]) -> int:
        mapping, who = _rules(rules), actor(info)
        return await coordinate(info, case_id, Action.CHANGE, lambda app: app.draft_ground_rules(case_id, mapping, who))

    @strawberry.mutation(description="Change the rules of a draft version; an offered version cannot change.")
    async def revise_ground_rules_draft(
        self, info: Info, case_id: UUID, version: int, rules: list[CategoryRulesInput]
    ) -> Done:
        mapping, who = _rules(rules), actor(info)
        await coordinate(info, case_id, Action.CHANGE,
                         lambda app: app.revise_ground_rules_draft(case_id, version, mapping, who))
        return Done()

    @strawberry.mutation(description="Freeze a draft and offer it to every enrolled parent; "
                                     "returns the SHA-256 of its text, which each parent signs.")
    async def offer_ground_rules(self, info: Info, case_id: UUID, version: int) -> str:
        who = actor(info)
        return await coordinate(info, case_id, Action.CHANGE, lambda app: app.offer_ground_rules(case_id, version, who))

    @strawberry.mutation(description="Record a parent's signature on the offered text with that SHA-256. "
                                     "The version comes into force once every parent asked has signed. signedOn: "
                                     "the day the parent signed, when earlier (a wet signature received later).")
    async def sign_ground_rules(
        self, info: Info, case_id: UUID, version: int, parent: Parent, text_hash: str, method: SignatureMethod,
        signed_on: date | None = None,
    ) -> RuleVersion:
        signed, who, day = bounded_text(text_hash, "the signed text's fingerprint", limit=MAX_HASH), actor(info), signed_on
        view = await coordinate(info, case_id, Action.CHANGE, lambda app: app.sign_ground_rules(
            case_id, version, value(parent), signed, value(method), who, signed_on=day))
        return rule_version_of(view)

    @strawberry.mutation(description="Revoke the version in force, saying why; then no ground rules are in force.")
    async def revoke_ground_rules(self, info: Info, case_id: UUID, version: int, reason: str) -> Done:
        why, who = bounded_text(reason, "the reason"), actor(info)
        await coordinate(info, case_id, Action.CHANGE,
                         lambda app: app.revoke_ground_rules(case_id, version, why, who))
        return Done()
