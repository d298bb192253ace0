"""The trajectory templates: one per type in the design's table, with the seeds' own numbers."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError, fields
from pathlib import Path

import pytest

from services.parent_side.domain.catalogue import TEMPLATES, template
from services.parent_side.domain.templates import InvalidTailoring, TrajectoryRules, UnknownTemplate

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"

DESIGN_TABLE_CODES = {
    "parallel_ouderschap", "parallel_solo_ouderschap_loman", "parallel_solo_coaching", "opnieuw_verbinden",
    "gezinsbemiddeling_fase_1", "gezinsbemiddeling_fase_2", "parallel_ouderschap_fase_1", "parallel_ouderschap_fase_2",
}


def seed(name: str) -> str:
    return " ".join((SEEDS / name).read_text(encoding="utf-8").split())


def test_every_type_in_the_designs_table_has_a_template():
    assert set(TEMPLATES) == DESIGN_TABLE_CODES


@pytest.mark.parametrize("code", sorted(DESIGN_TABLE_CODES))
def test_every_template_keeps_its_own_rules_and_names_its_seed(code):
    rules = template(code)
    rules.check()
    assert rules.template == code
    assert rules.title.strip() and rules.components
    assert (SEEDS / rules.source).is_file(), f"{code} cites a seed that does not exist: {rules.source}"


# Each number next to the sentence of its seed that states it, so a typo in either shows.
SEED_NUMBERS = [
    ("parallel_solo_ouderschap_loman", {"min_weeks": 26, "max_weeks": 35}, "Het traject duurt 6 tot 8 maanden"),
    ("parallel_solo_ouderschap_loman", {"planned_sessions": 10}, "+/- 10 gesprekken"),
    ("parallel_solo_ouderschap_loman", {"session_interval_days": 14}, "De gesprekken zijn eens per 2 weken"),
    ("parallel_solo_ouderschap_loman", {"max_child_conversations": 4}, "maximaal 4 gesprekken met de kinderen"),
    ("parallel_solo_ouderschap_loman", {"supervised_contact_possible": True}, "Begeleide omgang is hierbij mogelijk"),
    ("parallel_solo_ouderschap_loman", {"requires_parental_authority": True}, "Het hebben van ouderlijk gezag"),
    ("parallel_solo_coaching", {"session_interval_days": 14}, "één keer per twee weken individuele gesprekken"),
    ("parallel_solo_coaching", {"max_weeks": None}, "zo kort als mogelijk en zo lang als nodig"),
    ("opnieuw_verbinden", {"joint_sessions": 4, "max_joint_sessions": 4}, "ouders hebben vier keer per jaar overleg"),
    ("opnieuw_verbinden", {"joint_meeting_months": (3, 6, 9, 11)}, "maart, juni, september en november"),
    ("opnieuw_verbinden", {"joint_meeting_weekdays": (1, 2)}, "in de ochtend op dinsdag of woensdag"),
    ("opnieuw_verbinden", {"joint_meetings_movable": False}, "De afspraken kunnen niet verzet worden"),
    ("opnieuw_verbinden", {"joint_meetings_in_person": True}, "in een bijeenkomst en niet online"),
    ("opnieuw_verbinden", {"joint_meeting_paused_on_aggression": True}, "wordt het overleg stil gelegd"),
    ("opnieuw_verbinden", {"min_child_visits_per_year": 2}, "bij elke ouder twee bezoeken"),
    ("opnieuw_verbinden", {"joint_meeting_professionals": 3}, "Vier-jaarlijks overleg begeleid door drie professionals"),
    (
        "opnieuw_verbinden", {"min_professional_hours_per_year": 170, "max_professional_hours_per_year": 200},
        "170-200 professionele uren",
    ),
    ("gezinsbemiddeling_fase_1", {"max_weeks": 16, "skips_school_holidays": True}, "exclusief schoolvakantie weken"),
    ("gezinsbemiddeling_fase_1", {"joint_sessions": 4, "planned_sessions": 4}, "4 Individuele gesprekken"),
    ("gezinsbemiddeling_fase_2", {"max_weeks": 16, "skips_school_holidays": True}, "duur van 16 weken*"),
    ("gezinsbemiddeling_fase_2", {"joint_sessions": 4, "planned_sessions": 4}, "4 gezamenlijke gesprekken"),
    ("parallel_ouderschap_fase_1", {"max_weeks": 16, "joint_sessions": 5}, "5 gezamenlijke gesprekken"),
    ("parallel_ouderschap_fase_2", {"max_weeks": 52, "skips_school_holidays": False}, "Het traject duurt een jaar"),
    ("parallel_ouderschap_fase_2", {"joint_sessions": 3, "max_joint_sessions": 4}, "3-4 keer per jaar begeleidt"),
    ("gezinsbemiddeling_fase_1", {"max_network_meetings": 2}, "begeleider 1-2 x aanwezig is bij gesprekken met het Sociaal Team"),
    ("parallel_ouderschap_fase_1", {"max_network_meetings": 2}, "Sociaal Team of Jeugdbescherming"),
    ("parallel_ouderschap_fase_2", {"max_network_meetings": 2}, "Sociaal Team of Jeugdbescherming"),
    ("parallel_ouderschap", {"consent_below_age": 16}, "kinderen jonger dan 16 jaar toestemming"),
]


@pytest.mark.parametrize(("code", "numbers", "sentence"), SEED_NUMBERS, ids=lambda v: v if isinstance(v, str) else "")
def test_a_template_carries_the_numbers_its_seed_states(code, numbers, sentence):
    rules = template(code)
    assert sentence in seed(rules.source)
    assert {name: getattr(rules, name) for name in numbers} == numbers


def test_child_conversations_offered_without_a_number_wait_for_the_tailored_plan():
    for code in ("gezinsbemiddeling_fase_1", "gezinsbemiddeling_fase_2", "parallel_ouderschap"):
        rules = template(code)
        assert rules.child_conversations_optional and rules.max_child_conversations == 0
    assert "Eventueel kindgesprekken" in seed("gezinsbemiddeling-kind-en-ik.txt")


def test_the_coaching_variant_works_on_grounding_the_bond_and_de_escalation():
    goals = " ".join(template("parallel_solo_coaching").goals).lower()
    assert all(word in goals for word in ("grond onder de voeten", "ouder en kind", "de-escalatie"))


def test_an_unknown_code_is_refused_and_the_valid_codes_are_named():
    with pytest.raises(UnknownTemplate) as refused:
        template("parallel_solo")
    assert "parallel_solo" in str(refused.value)
    assert all(code in str(refused.value) for code in DESIGN_TABLE_CODES)


def test_the_catalogue_cannot_be_changed_in_place():
    with pytest.raises(TypeError):
        TEMPLATES["parallel_ouderschap"] = template("opnieuw_verbinden")  # type: ignore[index]
    with pytest.raises(FrozenInstanceError):
        template("gezinsbemiddeling_fase_1").max_weeks = 20  # type: ignore[misc]


def test_a_tailored_trajectory_leaves_its_template_as_it_was():
    tailored = template("gezinsbemiddeling_fase_1").tailored(max_child_conversations=2, session_interval_days=14)
    assert (tailored.max_child_conversations, tailored.session_interval_days) == (2, 14)
    assert template("gezinsbemiddeling_fase_1").max_child_conversations == 0


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"min_weeks": 40}, "minimum duration is longer"),
        ({"planned_sessions": 0}, "planned_sessions must be positive"),
        ({"max_sessions": 8}, "more sessions planned than allowed"),
        ({"max_child_conversations": -1}, "cannot be negative"),
        ({"max_weeks": "35"}, "max_weeks must be a whole number"),
        ({"planned_sessions": True}, "planned_sessions must be a whole number"),
        ({"joint_meeting_months": (3, 13)}, "joint meeting months"),
        ({"joint_meeting_weekdays": (7,)}, "joint meeting weekdays"),
        ({"joint_sessions": 5, "max_joint_sessions": 4}, "more joint sessions"),
        ({"min_professional_hours_per_year": 210, "max_professional_hours_per_year": 200}, "professional hours"),
        ({"goals": ("rust", 3)}, "goals must be a list of texts"),
        ({"template": "opnieuw_verbinden"}, "cannot tailor template"),
        ({"weekly_calls": 2}, "cannot tailor weekly_calls"),
    ],
)
def test_tailoring_that_breaks_the_rules_is_refused(changes, fragment):
    with pytest.raises(InvalidTailoring, match=fragment):
        template("parallel_solo_ouderschap_loman").tailored(**changes)


def test_tailored_rules_come_back_unchanged_from_a_stored_event():
    rules = template("opnieuw_verbinden").tailored(goals=["Kindbehoefte centraal"], max_child_conversations=1)
    stored = json.loads(json.dumps(rules.as_dict()))
    assert TrajectoryRules.from_dict(stored) == rules
    assert isinstance(TrajectoryRules.from_dict(stored).joint_meeting_months, tuple)


def test_rules_stored_before_the_template_fields_grew_still_load():
    original = {"template", "title", "min_weeks", "max_weeks", "planned_sessions", "max_sessions",
                "session_interval_days", "max_child_conversations", "consent_below_age",
                "requires_parental_authority", "skips_school_holidays"}
    old = {k: v for k, v in template("parallel_solo_ouderschap_loman").as_dict().items() if k in original}
    loaded = TrajectoryRules.from_dict(old)
    assert loaded.max_child_conversations == 4 and loaded.source == ""
    assert {f.name for f in fields(loaded)} > original
