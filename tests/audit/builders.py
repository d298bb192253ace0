"""Small histories for the audit tests, made through the contexts' own application APIs."""

from __future__ import annotations

from tests.support import cases

from datetime import date, timedelta
from uuid import UUID

from services.parent_side.application import ParentSide
from services.parent_side.domain.catalogue import template
from services.parent_side.domain.records import CONSENT_CHILD_CONVERSATIONS, CONSENT_TRAJECTORY, Child
from services.platform.private_text import PrivateText
from services.shared_agreements.application import SharedAgreements
from services.shared_agreements.domain.case import Child as CaseChild
from services.shared_agreements.domain.case import Parent

COUNSELLOR = "counsellor-ilse"
COORDINATOR = "coordinator-anna"
RULES = template("parallel_solo_ouderschap_loman").tailored(max_sessions=12)
SARA = Child("Sara", date(2011, 3, 14))
INTAKE = date(2025, 1, 6)
START = date(2025, 1, 27)
CLOSED = date(2025, 3, 24)
NOTE = "Vader sliep in de auto."
EVALUATION = "Doelen bereikt."


def open_trajectory(app: ParentSide, case_id: UUID) -> None:
    """Intake only: one event."""
    cases.open_trajectory(app, case_id, parent="Anna de Vries", children=[SARA], rules=RULES, counsellor=COUNSELLOR,
                        on=INTAKE, actor=COUNSELLOR, parental_authority=True)


def started_trajectory(app: ParentSide, case_id: UUID) -> None:
    """Intake, proposal, agreement, consent, start: five events."""
    open_trajectory(app, case_id)
    app.propose_goals(case_id, goals=["Rust bij het wisselen"], themes=["parallel_parenting"],
                      on=INTAKE + timedelta(days=7), actor=COUNSELLOR)
    app.record_agreement(case_id, on=INTAKE + timedelta(days=14), actor=COUNSELLOR)
    app.record_consent(case_id, scopes=[CONSENT_TRAJECTORY, CONSENT_CHILD_CONVERSATIONS],
                       given_by=["Anna de Vries", "Bram de Vries"], given_on=INTAKE + timedelta(days=14),
                       actor=COUNSELLOR)
    app.start(case_id, on=START, actor=COUNSELLOR)


def session(app: ParentSide, case_id: UUID, note: str = NOTE, on: date = START) -> None:
    app.record_session(case_id, on=on, duration_minutes=60, themes=["own_ground"], note=PrivateText(case_id, note),
                       attended=True, actor=COUNSELLOR)


def closed_trajectory(app: ParentSide, case_id: UUID, note: str = NOTE) -> None:
    """Started, one session with a private note, closed with a private evaluation: seven events."""
    started_trajectory(app, case_id)
    session(app, case_id, note)
    app.close_trajectory(case_id, on=CLOSED, evaluation=PrivateText(case_id, EVALUATION), actor=COUNSELLOR)


def registered_case(shared: SharedAgreements, case_id: UUID) -> None:
    """The case header and a first draft of its ground rules."""
    shared.register_case(
        parent_a=Parent(display_name="Anna", parental_authority=True, enrolled=True),
        parent_b=Parent(display_name="Bram", parental_authority=True, enrolled=True),
        children=[CaseChild(first_name="Sara", date_of_birth=date(2011, 3, 14))],
        trajectory_type="parallel_solo_ouderschap_loman", actor=COORDINATOR, case_id=case_id,
    )
    shared.draft_ground_rules(case_id, {"communication": ["Alleen per e-mail."]}, actor=COORDINATOR)
