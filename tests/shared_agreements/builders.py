"""Histories for the shared-agreements domain tests, made by the aggregates' own commands."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable
from uuid import UUID

from services.shared_agreements.domain.case import Case, Child, Parent
from services.shared_agreements.domain.ground_rules import RuleSet
from services.shared_agreements.domain.rules_text import canonical_text, normalised_rules, text_hash

CASE = UUID("6f1c0f7e-3b7a-4a51-9a53-1f0d7f6c2b10")
COORDINATOR = "coordinator-anna"
OTHER_COORDINATOR = "coordinator-bert"
BOTH = ("parent_a", "parent_b")

RULES = {
    "communication": ["Alleen per e-mail, via de coördinator.", "Antwoord binnen 48 uur."],
    "care_arrangement": ["Kinderen zijn even weken bij ouder A, oneven weken bij ouder B."],
}
AMENDED_RULES = {**RULES, "handovers": ["Overdracht op school, nooit aan de voordeur."]}


def rule_set_history(*steps: Callable[[RuleSet], Any], rules: dict = RULES) -> list:
    """The events of a rule set started with ``rules`` and taken through ``steps``."""
    rule_set = RuleSet.start(CASE, rules, COORDINATOR)
    for step in steps:
        step(rule_set)
    return list(rule_set.collect_events())


def hash_of(version: int, rules: dict = RULES) -> str:
    return text_hash(canonical_text(CASE, version, normalised_rules(rules)))


def offer(version: int, signers: tuple[str, ...] = BOTH) -> Callable[[RuleSet], Any]:
    return lambda rule_set: rule_set.offer(version, signers, COORDINATOR)


def sign(version: int, parent: str, rules: dict = RULES) -> Callable[[RuleSet], Any]:
    return lambda rule_set: rule_set.sign(version, parent, hash_of(version, rules), "in_person", COORDINATOR)


def amend(rules: dict = AMENDED_RULES) -> Callable[[RuleSet], Any]:
    return lambda rule_set: rule_set.draft_version(rules, COORDINATOR)


def in_force_version_1() -> tuple[Callable[[RuleSet], Any], ...]:
    return (offer(1), sign(1, "parent_a"), sign(1, "parent_b"))


def parent(name: str = "Ouder", authority: bool = True, enrolled: bool = True) -> Parent:
    return Parent(display_name=name, parental_authority=authority, enrolled=enrolled)


CHILDREN = (Child(first_name="Noor", date_of_birth=date(2014, 5, 3)),)


def registered_case(trajectory_type: str = "parallel_solo_ouderschap_loman", **parents: Parent) -> list:
    case = Case.register(
        CASE, parents.get("parent_a", parent("Sanne")), parents.get("parent_b", parent("Mark")),
        CHILDREN, trajectory_type, COORDINATOR,
    )
    return list(case.collect_events())
