"""Cases of one parent side, set up through its application: opened, agreed, started, closed."""

from __future__ import annotations

from uuid import UUID

from tests.support.cases import open_trajectory
from services.parent_side.application import ParentSide
from services.parent_side.domain.catalogue import template
from services.parent_side.domain.records import CONSENT_CHILD_CONVERSATIONS, CONSENT_TRAJECTORY
from services.platform.private_text import PrivateText
from tests.support.trajectories import AGREED, COUNSELLOR, INTAKE, PARENTS, PROPOSED, SARA, START, fortnight


LOMAN = template("parallel_solo_ouderschap_loman").tailored(max_sessions=12)
CLOSED = fortnight(5)


def stored(app: ParentSide) -> list[tuple[int, str, bytes]]:
    return [(n.id, n.topic, n.state) for n in app.recorder.select_notifications(start=1, limit=10**6)]


def private(case_id: UUID, words: str) -> PrivateText:
    return PrivateText(case_id, words)


def open_case(app: ParentSide, case_id: UUID, children=(SARA,), parent: str = PARENTS[0]) -> UUID:
    return open_trajectory(app, 
        case_id, parent=parent, children=children, rules=LOMAN, counsellor=COUNSELLOR, on=INTAKE,
        actor=COUNSELLOR, parental_authority=True,
    )


def agreed_case(app: ParentSide, case_id: UUID, children=(SARA,), consents=(CONSENT_TRAJECTORY,)) -> None:
    open_case(app, case_id, children)
    app.propose_goals(case_id, goals=["Rust voor Sara bij het wisselen"], themes=["parallel_parenting"],
                      on=PROPOSED, actor=COUNSELLOR)
    app.record_agreement(case_id, on=AGREED, actor=COUNSELLOR)
    if consents:
        app.record_consent(case_id, scopes=list(consents), given_by=list(PARENTS), given_on=AGREED, actor=COUNSELLOR)


def started_case(app: ParentSide, case_id: UUID) -> None:
    agreed_case(app, case_id, consents=(CONSENT_TRAJECTORY, CONSENT_CHILD_CONVERSATIONS))
    app.start(case_id, on=START, actor=COUNSELLOR)


def closed_case(app: ParentSide, case_id: UUID, note: str = "Vader sliep in de auto.") -> None:
    started_case(app, case_id)
    app.record_session(case_id, on=START, duration_minutes=60, themes=["own_ground"],
                       note=private(case_id, note), attended=True, actor=COUNSELLOR)
    app.close_trajectory(case_id, on=CLOSED, evaluation=private(case_id, "Doelen bereikt."), actor=COUNSELLOR)
