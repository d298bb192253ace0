"""What the reliability tests share: a counsellor with an opened trajectory, one command, and ways to
look at the stores (positions, access logs, the events of one trajectory)."""

from __future__ import annotations

from tests.support.cases import known_case

from tests.support import cases

import uuid
from datetime import date
from typing import Any
from uuid import UUID

from evenwijdig.bootstrap import Contexts
from services.staff_directory.api import Role, Side
from services.parent_side.domain.catalogue import template
from services.parent_side.domain.records import Child
from services.parent_side.domain.trajectory import trajectory_id

COUNSELLOR = "reliability-counsellor-1"
LOMAN = "parallel_solo_ouderschap_loman"

#: One command that any open trajectory takes any number of times, each leaving a marker (who consented).
CONSENT = """mutation($case: UUID!, $by: [String!]!) {
  recordConsent(caseId: $case, scopes: [TRAJECTORY], givenBy: $by, givenOn: "2025-01-20") { version }
}"""
#: A command whose effect depends on the order it is applied in (it replaces the goals).
PROPOSE = """mutation($case: UUID!, $goals: [String!]!) {
  proposeGoals(caseId: $case, goals: $goals, themes: ["own_ground"], on: "2025-01-13") { version }
}"""
TRAJECTORY = "query($case: UUID!) { trajectory(caseId: $case) { version goals consents { givenBy } } }"


def register_counsellor(contexts: Contexts, user: str = COUNSELLOR) -> str:
    if contexts.directory.staff(user) is None:
        contexts.directory.register_staff(user, user.replace("-", " ").title(), [Role.COUNSELLOR], actor="test-setup")
    return user


def opened_case(contexts: Contexts, counsellor: str = COUNSELLOR, case: UUID | None = None) -> UUID:
    """A case whose parent-A side the counsellor has opened (intake held), ready for consents and proposals."""
    case = case or uuid.uuid4()
    register_counsellor(contexts, counsellor)
    known_case(contexts.directory, case)
    contexts.directory.assign_counsellor(case, Side.PARENT_A, counsellor, "test-setup")
    open_trajectory(contexts.parent_a, case, counsellor)
    return case


def open_trajectory(app: Any, case: UUID, counsellor: str = COUNSELLOR) -> None:
    cases.open_trajectory(app, case, parent="Sanne Jansen", children=[Child("Noor", date(2014, 5, 3))], rules=template(LOMAN),
                        counsellor=counsellor, on=date(2025, 1, 6), actor=counsellor)


def positions(contexts: Contexts) -> dict[str, int]:
    return {name: app.position for name, app in contexts.by_name().items()}


def access_logs(contexts: Contexts) -> dict[str, int]:
    """How many accesses each store has logged."""
    return {name: len(app.access_log.entries(limit=1000)) for name, app in contexts.by_name().items()}


def trajectory_events(app: Any, case: UUID) -> list[Any]:
    """The stored events of the case's trajectory, decoded, in the order they were stored."""
    wanted = trajectory_id(case)
    notifications = app.recorder.select_notifications(start=1, limit=10**6)
    return [app.mapper.to_domain_event(n) for n in notifications if n.originator_id == wanted]


def error_codes(body: dict[str, Any]) -> set[str]:
    return {(error.get("extensions") or {}).get("code") for error in body.get("errors") or []}
