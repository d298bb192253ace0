"""Loading the demo case into the configured stores, idempotently.

Each part is loaded only when it is not there yet, so running the demo again changes
nothing and prints the same line; a run that was interrupted is completed by the next.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Callable
from uuid import UUID

from evenwijdig import demo_case as demo
from evenwijdig.bootstrap import Contexts
from services.staff_directory.api import Role, Side
from services.parent_side.api import TrajectoryNotFound
from services.parent_side.application import ParentSide
from services.platform.errors import NotFound
from services.platform.private_text import PrivateText
from services.shared_agreements.application import SharedAgreements
from services.shared_agreements.api import Child, Parent, ContactRange


def load_demo(contexts: Contexts, progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Load whatever of the demo case is missing; returns the summary the command prints.
    ``progress`` hears how many of the ``DEMO_STEPS`` parts are done."""
    # The case before its staff: the staff directory assigns staff only to a registered case, and the
    # flow from the shared context assigns its registering coordinator.
    steps = [lambda: _load_staff(contexts), lambda: _load_shared(contexts.shared, demo.staff_user("coordinator")),
             lambda: _load_assignments(contexts),
             lambda: _load_side(contexts.parent_a, "parent_a", demo.staff_user("counsellor_a")),
             lambda: _load_side(contexts.parent_b, "parent_b", demo.staff_user("counsellor_b"))]
    for done, step in enumerate(steps, start=1):
        step()
        if progress is not None:
            progress(done)
    return {"case_id": str(demo.CASE_ID), "positions": {name: app.position for name, app in contexts.by_name().items()}}


DEMO_STEPS = 5  # staff, the case, its assignments, side A, side B


def _load_staff(contexts: Contexts) -> None:
    directory = contexts.directory
    admin = demo.staff_user("admin")
    for user, display_name, role in demo.STAFF.values():
        if directory.staff(user) is None:
            directory.register_staff(user, display_name, [Role(role)], actor=admin)


def _load_assignments(contexts: Contexts) -> None:
    directory, admin = contexts.directory, demo.staff_user("admin")
    directory.catch_up()
    staffing = directory.staffing(demo.CASE_ID)
    if staffing is not None and not staffing.counsellors:
        directory.assign_counsellor(demo.CASE_ID, Side.PARENT_A, demo.staff_user("counsellor_a"), admin, "intake")
        directory.assign_counsellor(demo.CASE_ID, Side.PARENT_B, demo.staff_user("counsellor_b"), admin, "intake")
        directory.assign_child_counsellor(demo.CASE_ID, demo.staff_user("child_counsellor"), admin)


def _load_shared(shared: SharedAgreements, coordinator: str) -> None:
    _load_school_holidays(shared)
    if demo.CASE_ID not in shared.repository:
        _register_case(shared, coordinator)
    if shared.case(demo.CASE_ID).region is None:
        shared.record_case_region(demo.CASE_ID, demo.REGION, coordinator)
    try:
        shared.contact_schedule(demo.CASE_ID, demo.CONTACT_YEAR)
    except NotFound:
        shared.set_contact_schedule(demo.CASE_ID, demo.CONTACT_YEAR, _contact_ranges(), coordinator)


def _load_school_holidays(shared: SharedAgreements) -> None:
    region, school_year, path = demo.SCHOOL_HOLIDAYS
    if not any((v.region, v.school_year) == (region, school_year) for v in shared.school_holidays()):
        shared.import_school_holidays(region=region, school_year=school_year, ics=path.read_bytes(), source=path.name,
                                      actor=demo.staff_user("admin"))


def _register_case(shared: SharedAgreements, coordinator: str) -> None:
    shared.register_case(
        case_id=demo.CASE_ID, trajectory_type=demo.TRAJECTORY_TYPE, actor=coordinator,
        parent_a=Parent(demo.SIDES["parent_a"]["parent"], parental_authority=True),
        parent_b=Parent(demo.SIDES["parent_b"]["parent"], parental_authority=True),
        children=[Child(name, born) for name, born in demo.CHILDREN],
    )
    version = shared.draft_ground_rules(demo.CASE_ID, demo.GROUND_RULES, coordinator)
    text_hash = shared.offer_ground_rules(demo.CASE_ID, version, coordinator)
    for parent, method in demo.SIGNATURES.items():
        shared.sign_ground_rules(demo.CASE_ID, version, parent, text_hash, method, coordinator)
    dispute = shared.raise_dispute(demo.CASE_ID, demo.DISPUTE["subject"], demo.DISPUTE["raised_by"], coordinator)
    for parent, position in demo.DISPUTE["positions"].items():
        shared.relay_position(demo.CASE_ID, dispute, parent, position, coordinator)
    shared.decide_dispute(demo.CASE_ID, dispute, demo.DISPUTE["decision"], demo.DISPUTE["reasoning"], coordinator)
    for parent, categories in demo.TRANSPARENCY.items():
        shared.agree_transparency(demo.CASE_ID, parent, categories, date(2026, 6, 20), coordinator)


def _contact_ranges() -> list[ContactRange]:
    """Alternating weeks from Friday to Thursday, the summer holiday in two halves."""
    first, summer_first, summer_last = date(demo.CONTACT_YEAR, 1, 1), *demo.SUMMER
    halfway = summer_first + (summer_last - summer_first) / 2

    def holder(day: date) -> tuple[str, str]:
        if summer_first <= day <= summer_last:
            return ("parent_a" if day <= halfway else "parent_b"), "holiday"
        return ("parent_a", "parent_b")[((day - first).days // 7) % 2], "regular"

    ranges: list[ContactRange] = []
    day = start = first
    while day.year == demo.CONTACT_YEAR:
        following = day + timedelta(days=1)
        if following.year != demo.CONTACT_YEAR or holder(following) != holder(day):
            parent, kind = holder(day)
            extra = ({"holiday": "zomervakantie"} if kind == "holiday"
                     else {"handover_time": demo.HANDOVER[0], "handover_place": demo.HANDOVER[1]})
            ranges.append(ContactRange(start, day, parent, kind=kind, **extra))
            start = following
        day = following
    return ranges


def _load_side(side: ParentSide, slot: str, counsellor: str) -> None:
    if _opened(side, demo.CASE_ID):
        return
    story = demo.SIDES[slot]
    case = demo.CASE_ID
    side.open_trajectory(case, on=story["intake"], actor=counsellor)
    side.propose_goals(case, goals=story["goals"], themes=story["themes"], on=story["intake"] + timedelta(days=7),
                       actor=counsellor)
    side.record_consent(case, scopes=["trajectory", "child_conversations"], given_by=[story["parent"]],
                        given_on=story["intake"] + timedelta(days=7), actor=counsellor)
    side.record_agreement(case, on=story["intake"] + timedelta(days=8), actor=counsellor)
    side.start(case, on=story["start"], actor=counsellor)
    for on, attended, text in story["sessions"]:
        side.record_session(case, on=on, duration_minutes=60 if attended else 0, themes=story["themes"][:2] if attended else [],
                            note=PrivateText(case, text) if attended else None, attended=attended, actor=counsellor,
                            missed_reason=None if attended else text)
    on, child, summary = story["child_conversation"]
    child_counsellor = demo.staff_user("child_counsellor")
    side.record_child_conversation(case, child=child, held_by=child_counsellor, on=on,
                                   summary=PrivateText(case, summary), actor=child_counsellor)


def _opened(side: ParentSide, case_id: UUID) -> bool:
    try:
        side.trajectory(case_id)
    except TrajectoryNotFound:
        return False
    return True
