"""The practice's trajectory types: one data entry per type, read by every context.

A trajectory type is data in one place (issue 19, point 6): its template (counts, cadence,
duration, meeting frame: ``TrajectoryRules``), its names in Dutch and English, whether it
is parallel parenting (parental authority of every enrolled parent), and the notice its
fixed meetings need. The parent side plans trajectories from it, the shared-agreements
context registers cases and checks joint sessions against it, the court report names it,
and the gateway's ``TrajectoryType`` enum lists it. Adding a type is adding an entry to
``_ALL`` (and regenerating the SDL files); ``tests/platform/test_trajectory_types.py`` shows it.

Every number here is one a seed states; the seed is named in ``source``. Where a seed
is silent the field keeps its "no limit" default, so tailoring fills it in per family
("wij werken niet met vaste trajecten, maar maatwerk"). Titles and components are in
Dutch: counsellors and court reports use the practice's own words.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from services.platform.trajectory_rules import TrajectoryRules, UnknownTemplate

LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class TrajectoryType:
    """One kind of trajectory the practice offers."""

    template: TrajectoryRules  #: what a trajectory of this type is planned from, before tailoring
    name_en: str
    #: Parallel parenting lets each parent parent on their own authority, so it needs ouderlijk
    #: gezag of every enrolled parent (seed: parallel-solo-ouderschap-loman).
    parallel_parenting: bool
    #: Fixed meetings (``template.joint_meetings_movable`` false) need this much notice: parents
    #: must give them priority over everything else, so they need time to arrange work and care.
    meeting_notice_weeks: int | None = None
    #: The types a case of this type may move on to, in the same case (the next phase).
    next_phases: tuple[str, ...] = ()
    #: ``template.max_joint_sessions`` counts per calendar year ("3-4 keer per jaar", "vier keer per
    #: jaar"); otherwise per phase.
    joint_sessions_per_year: bool = False
    #: One begeleider works with both parents (gezinsbemiddeling): the shared context records their
    #: conversations, ``template.max_joint_sessions`` per phase and ``template.max_sessions`` per parent.
    mediated: bool = False

    @property
    def code(self) -> str:
        return self.template.template

    @property
    def name_nl(self) -> str:
        return self.template.title

    def name(self, language: str) -> str:
        """The type's name in ``language`` ("nl" or "en")."""
        return self.name_nl if language == "nl" else self.name_en

    @property
    def has_meeting_frame(self) -> bool:
        """Its joint meetings keep fixed months and days and are never moved (Opnieuw Verbinden)."""
        return not self.template.joint_meetings_movable


_SIXTEEN_WEEKS = "Duurt 16 weken, exclusief schoolvakantieweken."
_GEZINSBEMIDDELING = "gezinsbemiddeling-kind-en-ik.txt"
_PHASE_CLOSE = ("Afspraken over transparantie", "Evaluatie en verslaglegging")


def _type(*, name_en: str, parallel_parenting: bool, meeting_notice_weeks: int | None = None,
          next_phases: tuple[str, ...] = (), joint_sessions_per_year: bool = False, mediated: bool = False,
          **rules: object) -> TrajectoryType:
    template = TrajectoryRules(**rules)  # type: ignore[arg-type]
    template.check()  # a broken template fails at import, not in front of a counsellor
    return TrajectoryType(template, name_en, parallel_parenting, meeting_notice_weeks, next_phases,
                          joint_sessions_per_year, mediated)


# Seed gezinsbemiddeling-kind-en-ik: "Aansluitend kan het traject Systemische Gezinsbemiddeling
# Fase 2 opgestart worden"; "Indien de ouders of een van de ouder te veel in een afwijzende
# houding blijft, en daardoor de samenwerking niet verbeterd, kan er een traject Parallel
# ouderschap opgestart worden"; "Als dit toch niet lukt, wordt Parallel ouderschap Fase 2 ingezet".
_AFTER_MEDIATION = ("gezinsbemiddeling_fase_2", "parallel_ouderschap_fase_1")


_ALL = (
    _type(
        name_en="Parallel parenting", parallel_parenting=True,
        template="parallel_ouderschap", title="Parallel ouderschap", source="parallel-ouderschap.txt",
        description="Maatwerk in drie stappen; het kind kan via kindgesprekken betrokken worden.",
        components=(
            "Stap 1: gezamenlijk en/of individueel intakegesprek",
            "Stap 2: voorstel met doelstellingen op maat (toestemming ouders bij kinderen jonger dan 16)",
            "Stap 3: start van het traject na akkoord van de ouder(s)",
        ),
        goals=(
            "Parallel ouder zijn", "De-escalerend communiceren", "Versteviging van de ouder-kindverbinding",
            "Versteviging van de eigen grond van de ouder", "Betrokkenheid van het netwerk",
        ),
        child_conversations_optional=True,
    ),
    _type(
        name_en="Parallel solo parenting", parallel_parenting=True,
        template="parallel_solo_ouderschap_loman", title="Parallel solo ouderschap",
        source="parallel-solo-ouderschap-loman.txt",
        description="Eigen hulpverlener per ouder, 6 tot 8 maanden, ongeveer 10 gesprekken, eens per 2 weken.",
        # 6 months is 26 weeks; 8 months is 34.8 weeks, rounded up so a full 8 months fits.
        min_weeks=26, max_weeks=35, planned_sessions=10, session_interval_days=14,
        max_child_conversations=4, supervised_contact_possible=True,
        components=(
            "Individuele gesprekken met de eigen hulpverlener",
            "Maximaal 4 kindgesprekken door een andere hulpverlener, met toestemming van de ouders",
            "Opstellen van de zorgregeling (onderdeel, geen doel)",
            "Spelregels: vast kader van regels en grenzen waarvoor iedere ouder tekent",
        ),
    ),
    _type(
        name_en="Parallel solo parenting (coaching)", parallel_parenting=True,
        template="parallel_solo_coaching", title="Parallel solo ouderschap (coaching)",
        source="parallel-solo-ouderschap.txt",
        description="Coaching: zo kort als mogelijk en zo lang als nodig; eens per twee weken een individueel gesprek.",
        session_interval_days=14,
        components=("Individuele gesprekken met de eigen ouderbegeleider",),
        goals=(
            "De ouder weer grond onder de voeten geven",
            "Verbinding tussen ouder en kind verstevigen",
            "De-escalatie van het conflict (niet oplossen)",
        ),
    ),
    _type(
        name_en="Reconnecting", parallel_parenting=False, meeting_notice_weeks=6, joint_sessions_per_year=True,
        template="opnieuw_verbinden", title="Opnieuw Verbinden in parallel ouderschap",
        source="opnieuw-verbinden.txt",
        description="Vier keer per jaar overleg in een bijeenkomst; daartussen een eigen begeleider per ouder.",
        # The seed plans per year; a new year is a new (tailored) trajectory.
        max_weeks=52, joint_sessions=4, max_joint_sessions=4,
        joint_meeting_months=(3, 6, 9, 11), joint_meeting_weekdays=(1, 2), joint_meetings_before_noon=True,
        joint_meetings_in_person=True, joint_meetings_movable=False, joint_meeting_paused_on_aggression=True,
        joint_meeting_professionals=3,
        min_child_visits_per_year=2, min_professional_hours_per_year=170, max_professional_hours_per_year=200,
        components=(
            "Vier-jaarlijks overleg begeleid door drie professionals",
            "Tussendoor begeleiding in veilige communicatie door twee professionals",
            "Eventueel individuele consulten",
            "Bezoek aan de kinderen: bij elke ouder minstens twee keer per jaar",
            "Jaarplanning van de omgang en ouderschapsplan of convenant",
        ),
    ),
    _type(
        name_en="Systemic family mediation, phase 1", parallel_parenting=False, next_phases=_AFTER_MEDIATION, mediated=True,
        template="gezinsbemiddeling_fase_1", title="Systemische gezinsbemiddeling fase 1",
        source=_GEZINSBEMIDDELING, description=_SIXTEEN_WEEKS,
        # "4 gezamenlijke gesprekken; 4 Individuele gesprekken": counts the phase keeps, not just plans.
        max_weeks=16, skips_school_holidays=True, planned_sessions=4, max_sessions=4, joint_sessions=4,
        max_joint_sessions=4, child_conversations_optional=True, max_network_meetings=2,
        components=(
            "Individueel kennismakingsgesprek", "4 gezamenlijke gesprekken", "4 individuele gesprekken",
            "Eventueel kindgesprekken", *_PHASE_CLOSE,
            "Optioneel: ouderschapsplan maken of verbeteren",
            "Optioneel: begeleider 1-2 keer aanwezig bij Sociaal Team of Jeugdbescherming",
        ),
    ),
    _type(
        name_en="Systemic family mediation, phase 2", parallel_parenting=False, mediated=True,
        next_phases=("parallel_ouderschap_fase_1",),
        template="gezinsbemiddeling_fase_2", title="Systemische gezinsbemiddeling fase 2",
        source=_GEZINSBEMIDDELING, description=_SIXTEEN_WEEKS,
        # "4 gezamenlijke gesprekken; 4 Individuele gesprekken": counts the phase keeps, not just plans.
        max_weeks=16, skips_school_holidays=True, planned_sessions=4, max_sessions=4, joint_sessions=4,
        max_joint_sessions=4, child_conversations_optional=True,
        components=(
            "Individueel kennismakingsgesprek", "4 gezamenlijke gesprekken",
            "4 individuele gesprekken, eventueel met nieuwe partner/stiefouder of grootouders",
            "Eventueel kindgesprekken", "Eventueel gezinsgesprek met alle gezinsleden", *_PHASE_CLOSE,
        ),
    ),
    _type(
        name_en="Parallel parenting, phase 1", parallel_parenting=True, next_phases=("parallel_ouderschap_fase_2",),
        template="parallel_ouderschap_fase_1", title="Parallel ouderschap fase 1",
        source=_GEZINSBEMIDDELING, description=_SIXTEEN_WEEKS,
        max_weeks=16, skips_school_holidays=True, joint_sessions=5, max_joint_sessions=5, max_network_meetings=2,
        components=(
            "Individueel kennismakingsgesprek", "5 gezamenlijke gesprekken", *_PHASE_CLOSE,
            "Optioneel: individuele begeleiding voor meer mentale veerkracht",
            "Optioneel: ouderschapsplan maken of verbeteren",
        ),
    ),
    _type(
        name_en="Parallel parenting, phase 2", parallel_parenting=True, joint_sessions_per_year=True,
        template="parallel_ouderschap_fase_2", title="Parallel ouderschap fase 2",
        source=_GEZINSBEMIDDELING,
        description="Duurt een jaar; de ouders worden 3-4 keer per jaar begeleid in een gesprek.",
        # The seed's list repeats "5 gezamenlijke gesprekken" from phase 1; its text (and the
        # design) says 3-4 guided conversations a year, which is what is planned here.
        max_weeks=52, joint_sessions=3, max_joint_sessions=4, max_network_meetings=2,
        components=(
            "Individueel kennismakingsgesprek", "3-4 begeleide gezamenlijke gesprekken per jaar", *_PHASE_CLOSE,
            "Optioneel: individuele begeleiding voor meer mentale veerkracht",
        ),
    ),
)


TYPES: Mapping[str, TrajectoryType] = MappingProxyType({entry.code: entry for entry in _ALL})
if any(set(entry.next_phases) - set(TYPES) for entry in _ALL):
    raise ValueError("a next phase names a trajectory type that does not exist")


def trajectory_type(code: str) -> TrajectoryType:
    """The type with this code; an unknown code names the valid ones."""
    try:
        return TYPES[code]
    except (KeyError, TypeError):
        raise UnknownTemplate(
            f"there is no trajectory template {code!r}; choose one of: {', '.join(TYPES)}"
        ) from None
