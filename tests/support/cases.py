"""Cases as the tests set them up: registered in the shared context, or given to one side directly.

A side learns of a case only through the flows (``evenwijdig.flows``). Tests with the whole
deployment (``Contexts``) register the case in the shared-agreements context and let the
flows carry it; tests of one side alone give that side the case header as the flow would,
under an upstream name of their own, so no real flow's position is ever taken.
"""

from __future__ import annotations

import itertools
import uuid
from datetime import date, datetime, timezone
from typing import Any, Iterable
from uuid import UUID

from eventsourcing.persistence import IntegrityError, Tracking

from services.parent_side import api as side_api
from services.parent_side.domain.templates import TrajectoryRules
from services.shared_agreements.application import Child, Parent

LOMAN = "parallel_solo_ouderschap_loman"
REGISTERED_AT = datetime(2025, 1, 1, 9, 0, tzinfo=timezone.utc)
#: The upstream name under which a lone side receives facts in tests.
TEST_UPSTREAM = "test-case-header"
_positions = itertools.count(1)


def register_case(
    contexts: Any, case_id: UUID | None = None, *, trajectory_type: str = LOMAN, parent_a: str = "Sanne Jansen",
    parent_b: str = "Mark de Boer", children: Iterable[tuple[str, date]] = (("Noor", date(2014, 5, 3)),),
    enrolled_b: bool = True, actor: str = "coordinator-setup",
) -> UUID:
    """Register a case in the shared context; the flows bring it to the directory and both sides."""
    return contexts.shared.register_case(
        parent_a=Parent(parent_a, parental_authority=True), parent_b=Parent(parent_b, True, enrolled=enrolled_b),
        children=[Child(name, born) for name, born in children], trajectory_type=trajectory_type, actor=actor,
        case_id=case_id or uuid.uuid4())


def given_header(
    app: Any, case_id: UUID, *, parent: str = "Sanne Jansen", children: Iterable[Any] = (),
    trajectory_type: str = LOMAN, parental_authority: bool = True, enrolled: bool = True,
    counsellor: str | None = None,
) -> None:
    """Give one side alone the case header (and its counsellor), as the flows would."""
    kids = tuple(side_api.Child(c.first_name, c.date_of_birth) for c in children) or (
        side_api.Child("Noor", date(2014, 5, 3)),)
    facts: list[Any] = [side_api.HeaderRegistered(case_id, parent, enrolled, parental_authority, kids,
                                                  trajectory_type, REGISTERED_AT, "coordinator-setup")]
    if counsellor:
        facts.append(side_api.CounsellorAssigned(case_id, counsellor, REGISTERED_AT, "admin-setup", ""))
    for fact in facts:
        _process(app, fact)


def _process(app: Any, fact: Any) -> None:
    """Process one fact under the next test position; another writer may have taken a later one."""
    for _ in range(20):
        try:
            app.process_event((fact,), Tracking(TEST_UPSTREAM, next(_positions)))
            return
        except IntegrityError:
            continue
    raise AssertionError("could not record a test fact")


def open_trajectory(
    app: Any, case_id: UUID, *, rules: TrajectoryRules, counsellor: str, on: date, actor: str,
    parent: str = "Sanne Jansen", children: Iterable[Any] = (), parental_authority: bool = True,
) -> UUID:
    """The intake, with these rules; a side that knows no header of the case is given one first."""
    app.catch_up()
    if not _knows(app, case_id):
        # The counsellor fact only when it says more than "the one holding the intake" (one event less).
        given_header(app, case_id, parent=parent, children=children, trajectory_type=rules.template,
                     parental_authority=parental_authority, counsellor=None if counsellor == actor else counsellor)
    return app.open_trajectory(case_id, on=on, actor=actor, tailor=lambda _: rules)


def ensure_case(contexts: Any, case_id: UUID, **header: Any) -> UUID:
    """The case registered in the shared context (registered now when it is not yet)."""
    if case_id not in contexts.shared.repository:
        register_case(contexts, case_id, **header)
    return case_id


def _knows(app: Any, case_id: UUID) -> bool:
    try:
        app.case_file(case_id)
    except Exception:  # noqa: BLE001 - not known yet
        return False
    return True


def known_case(directory: Any, case_id: UUID) -> UUID:
    """Tell the staff directory the case exists, as the flow from the shared context would."""
    from services.staff_directory.api import CaseRegistered

    if directory.staffing(case_id) is None:
        _process(directory, CaseRegistered(case_id, "coordinator-setup", REGISTERED_AT))
    return case_id
