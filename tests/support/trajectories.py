"""Histories of one parent's trajectory, made by the aggregate's own commands: ``given(*history(...))`` reads as
"given a trajectory that ..."; the steps (``propose``, ``held``, ``close`` ...) take the story's dates and people.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any, Callable
from uuid import UUID

from services.parent_side.domain.records import CONSENT_CHILD_CONVERSATIONS, CONSENT_TRAJECTORY, ERASURE_REQUEST, Child
from services.parent_side.domain.templates import TrajectoryRules
from services.parent_side.domain.trajectory import Trajectory
from services.platform.private_text import PrivateText


CASE = UUID("3c9a52d4-5a0e-4c7e-9f38-6a1b2f0d9e11")
OTHER_CASE = UUID("a4f1e2d3-0b9c-4e8f-8a7b-6c5d4e3f2a10")
COUNSELLOR = "counsellor-ilse"
NEXT_COUNSELLOR = "counsellor-wout"
CHILD_COUNSELLOR = "child-counsellor-joost"
PARENTS = ("Anna de Vries", "Bram de Vries")
REPORT = UUID("0b7e3f52-2f55-4a5e-9d0c-5d1c7f0e8a21")

INTAKE = date(2025, 1, 6)  # a Monday
PROPOSED = date(2025, 1, 13)
AGREED = date(2025, 1, 20)
START = date(2025, 1, 27)
SARA = Child("Sara", date(2011, 3, 14))  # 13 at the start: consent needed
TIM = Child("Tim", date(2007, 9, 1))  # 17 at the start

# Parallel solo ouderschap (Loman), with a session limit so the limit can be tested.
SOLO = TrajectoryRules(
    template="parallel_solo_ouderschap_loman", title="Parallel solo ouderschap", min_weeks=26, max_weeks=35,
    planned_sessions=10, max_sessions=10, session_interval_days=14, max_child_conversations=4,
)
COACHING = TrajectoryRules(
    template="parallel_solo_coaching", title="Parallel solo ouderschap (coaching)",
    session_interval_days=14, requires_parental_authority=False,
)

Step = Callable[[Trajectory], Any]


def text(words: str, case: UUID = CASE) -> PrivateText:
    return PrivateText(case, words)


def opened(rules: TrajectoryRules = SOLO, children: tuple[Child, ...] = (SARA,), authority: bool = True) -> Trajectory:
    return Trajectory.open(
        case_id=CASE, parent=PARENTS[0], children=children, rules=rules, counsellor=COUNSELLOR,
        parental_authority=authority, on=INTAKE, actor=COUNSELLOR,
    )


def history(*steps: Step, rules: TrajectoryRules = SOLO, children: tuple[Child, ...] = (SARA,),
            authority: bool = True) -> list:
    """The events of a trajectory opened at intake and taken through ``steps``."""
    trajectory = opened(rules, children, authority)
    for step in steps:
        step(trajectory)
    return list(trajectory.collect_events())


def propose(on: date = PROPOSED, rules: TrajectoryRules | None = None) -> Step:
    goals = ["Sara weer zonder zorgen laten wisselen", "Eigen grond onder de voeten"]
    themes = ["parallel_parenting", "own_ground", "omgaan met de nieuwe partner"]
    return lambda t: t.propose_goals(goals, themes, on, COUNSELLOR, rules)


def agree(on: date = AGREED) -> Step:
    return lambda t: t.record_agreement(on, COUNSELLOR)


def consent(*scopes: str, on: date = AGREED, by: tuple[str, ...] = PARENTS) -> Step:
    return lambda t: t.record_consent(list(scopes), list(by), on, COUNSELLOR)


def withdraw(*scopes: str, on: date, by: tuple[str, ...] = PARENTS[1:]) -> Step:
    return lambda t: t.withdraw_consent(list(scopes), list(by), on, COUNSELLOR)


def start(on: date = START) -> Step:
    return lambda t: t.start(on, COUNSELLOR)


def ready_to_start() -> tuple[Step, ...]:
    return propose(), agree(), consent(CONSENT_TRAJECTORY, CONSENT_CHILD_CONVERSATIONS)


def started() -> tuple[Step, ...]:
    return (*ready_to_start(), start())


def fortnight(n: int) -> date:
    """The day of the n-th session on the 14-day cadence (the first on the start)."""
    return START + timedelta(days=14 * (n - 1))


def plan(on: date) -> Step:
    return lambda t: t.plan_session(on, COUNSELLOR)


def held(on: date, note: str = "Gesprek over de overdracht bij school.") -> Step:
    return lambda t: t.record_session(on, 60, ["parallel_parenting"], text(note), True, COUNSELLOR)


def missed(on: date, reason: str = "ziek gemeld") -> Step:
    return lambda t: t.record_session(on, 0, [], None, False, COUNSELLOR, missed_reason=reason)


def child_conversation(on: date, held_by: str = CHILD_COUNSELLOR, child: str = "Sara") -> Step:
    return lambda t: t.record_child_conversation(child, held_by, on, text("Sara tekende haar twee huizen."), held_by)


def reassign(to: str = NEXT_COUNSELLOR, on: date = START) -> Step:
    return lambda t: t.reassign_counsellor(to, "ziekteverlof", on, "team-lead-marit")


def close(on: date, evaluation: str = "Doelen grotendeels bereikt.") -> Step:
    return lambda t: t.close(on, text(evaluation), 20, COUNSELLOR)


def release(on: date) -> Step:
    return lambda t: t.release_evaluation_for_court(on, COUNSELLOR)


def everything() -> tuple[Step, ...]:
    """A trajectory through every kind of event there is."""
    return (
        lambda t: t.confirm_parental_authority(AGREED, COUNSELLOR),
        *started(), plan(fortnight(2)), plan(fortnight(3)),
        lambda t: t.cancel_planned_session(fortnight(3), "ouder op vakantie", COUNSELLOR),
        held(fortnight(1)), missed(fortnight(2)), child_conversation(fortnight(2)), reassign(on=fortnight(2)),
        withdraw(CONSENT_CHILD_CONVERSATIONS, on=fortnight(4)), close(fortnight(5)), release(fortnight(5)),
        lambda t: t.withdraw_release(fortnight(6), COUNSELLOR, "ouder wil eerst advies"), release(fortnight(7)),
        lambda t: t.record_report_made(REPORT, noon(fortnight(8)), "report-service"),
        lambda t: t.erase_private_text("erasure request", fortnight(9), COUNSELLOR),
    )


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc)


CLOSED = fortnight(5)


def closed(*more):
    return history(*started(), held(fortnight(1)), close(CLOSED), *more)


def withdraw_release(on: date = CLOSED, reason: str = "eerst advocaat spreken"):
    return lambda t: t.withdraw_release(on, COUNSELLOR, reason)


def report(report_id: UUID = REPORT, day: date = CLOSED):
    return lambda t: t.record_report_made(report_id, noon(day), "report-service")


def erase(reason: str = ERASURE_REQUEST, on: date = CLOSED):
    return lambda t: t.erase_private_text(reason, on, COUNSELLOR)
