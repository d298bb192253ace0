"""One truth per case: the facts that cross contexts arrive, once, where they are acted on (both stores).

Given a case registered by its coordinator and staff assigned in the directory, when a
counsellor acts on their side, then the side acts on the case header and the counsellor
of that moment, never on what someone typed again.
"""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from evenwijdig.bootstrap import bootstrap
from services.parent_side.domain.catalogue import template
from services.parent_side.domain.errors import CounsellorNotIndependent, InvalidRecord, NotEnrolled
from services.platform.errors import Forbidden, NotFound
from services.platform.private_text import PrivateText
from services.staff_directory.api import AssignmentRefused, Role, Side
from tests.support.cases import LOMAN, register_case

INTAKE = date(2025, 1, 6)


@pytest.fixture
def contexts(settings):
    contexts = bootstrap(settings)
    directory = contexts.directory
    directory.register_staff("coordinator-1", "Co", [Role.COORDINATOR], actor="admin-0")
    for user in ("a1", "b1", "b2"):
        directory.register_staff(user, user.upper(), [Role.COUNSELLOR], actor="admin-0")
    directory.register_staff("child-1", "Kind", [Role.CHILD_COUNSELLOR, Role.COUNSELLOR], actor="admin-0")
    directory.register_staff("admin-1", "Admin", [Role.ADMIN], actor="admin-0")
    yield contexts
    contexts.close()


def staffed_case(contexts, **header) -> uuid.UUID:
    case = register_case(contexts, actor="coordinator-1", **header)
    contexts.directory.assign_counsellor(case, Side.PARENT_A, "a1", "admin-1", "intake")
    contexts.directory.assign_counsellor(case, Side.PARENT_B, "b1", "admin-1", "intake")
    return case


def test_registering_a_case_is_one_write_and_the_flow_assigns_its_coordinator(contexts):
    directory_before = contexts.directory.position
    case = register_case(contexts, actor="coordinator-1")
    assert contexts.directory.assignment("coordinator-1", case).role is Role.COORDINATOR
    assert contexts.directory.position > directory_before
    assert contexts.directory.staffing(case).coordinators == ("coordinator-1",)


def test_a_trajectory_opens_from_the_case_header_for_an_enrolled_parent(contexts):
    case = staffed_case(contexts, parent_b="Mark de Boer")
    contexts.parent_b.open_trajectory(case, on=INTAKE, actor="b1")
    side = contexts.parent_b.trajectory(case)
    assert (side.parent, side.parental_authority, side.counsellor) == ("Mark de Boer", True, "b1")
    assert [c.first_name for c in side.children] == ["Noor"] and side.rules.template == LOMAN


def test_a_trajectory_is_refused_for_a_parent_the_case_does_not_enrol(contexts):
    case = staffed_case(contexts, enrolled_b=False)
    with pytest.raises(NotEnrolled):
        contexts.parent_b.open_trajectory(case, on=INTAKE, actor="b1")
    assert contexts.parent_b.recorder.select_events(contexts.parent_b.case_file(case).id, limit=10)
    contexts.shared.enrol_parent(case, "parent_b", "coordinator-1")
    contexts.parent_b.open_trajectory(case, on=INTAKE, actor="b1")  # the enrolment reached the side


def test_a_trajectory_of_another_type_than_the_case_is_refused(contexts):
    case = staffed_case(contexts)
    with pytest.raises(InvalidRecord, match="follows"):
        contexts.parent_a.open_trajectory(case, on=INTAKE, actor="a1", trajectory_type="opnieuw_verbinden")
    with pytest.raises(InvalidRecord, match="keeps the case's trajectory type"):
        contexts.parent_a.open_trajectory(case, on=INTAKE, actor="a1",
                                          tailor=lambda _: template("parallel_solo_coaching"))


def test_a_trajectory_for_a_case_that_was_never_registered_does_not_exist(contexts):
    with pytest.raises(NotFound):
        contexts.parent_a.open_trajectory(uuid.uuid4(), on=INTAKE, actor="a1")


def test_a_reassignment_is_recorded_on_the_trajectory_with_who_when_and_why(contexts):
    case = staffed_case(contexts)
    contexts.parent_b.open_trajectory(case, on=INTAKE, actor="b1")
    contexts.directory.assign_counsellor(case, Side.PARENT_B, "b2", "admin-1", "b1 met zwangerschapsverlof")
    side = contexts.parent_b.trajectory(case)
    assert side.counsellor == "b2"
    assert [(a.counsellor, a.reason, a.assigned_by) for a in side.assignments] == [
        ("b1", "intake", "b1"), ("b2", "b1 met zwangerschapsverlof", "admin-1")]
    assert contexts.parent_a.case_file(case).counsellor == "a1"  # nothing of side B reached side A


def test_the_former_counsellor_may_not_hold_a_child_conversation_on_that_side(contexts):
    case = staffed_case(contexts)
    app = contexts.parent_b
    app.open_trajectory(case, on=INTAKE, actor="b1")
    app.propose_goals(case, goals=["Rust"], themes=["own_ground"], on=INTAKE, actor="b1")
    app.record_agreement(case, on=INTAKE, actor="b1")
    app.record_consent(case, scopes=["trajectory", "child_conversations"], given_by=["Mark", "Sanne"],
                       given_on=INTAKE, actor="b1")
    app.start(case, on=INTAKE, actor="b1")
    contexts.directory.assign_counsellor(case, Side.PARENT_B, "b2", "admin-1", "verlof")
    contexts.directory.grant_role("b1", Role.CHILD_COUNSELLOR, "admin-1")
    with pytest.raises(AssignmentRefused):
        contexts.directory.assign_child_counsellor(case, "b1", "admin-1")
    with pytest.raises(CounsellorNotIndependent):
        app.record_child_conversation(case, child="Noor", held_by="b1", on=date(2025, 1, 20),
                                      summary=PrivateText(case, "x"), actor="b1")


def test_a_counsellor_who_left_side_a_is_never_assigned_to_side_b(contexts):
    case = staffed_case(contexts)
    contexts.directory.unassign(case, "a1", "admin-1", "overgeplaatst")
    with pytest.raises(AssignmentRefused):
        contexts.directory.assign_counsellor(case, Side.PARENT_B, "a1", "admin-1", "")
    assert contexts.parent_a.case_file(case).counsellor is None


def test_assignments_to_a_case_that_does_not_exist_are_not_found_and_change_nothing(contexts):
    before = contexts.directory.position
    with pytest.raises(NotFound):
        contexts.directory.assign_counsellor(uuid.uuid4(), Side.PARENT_A, "a1", "admin-1")
    assert contexts.directory.position == before


def test_an_administrator_cannot_grant_themselves_a_role_or_a_case(contexts):
    case = register_case(contexts, actor="coordinator-1")
    contexts.directory.register_staff("admin-2", "Admin 2", [Role.ADMIN, Role.COUNSELLOR], actor="admin-1")
    before = contexts.directory.position
    with pytest.raises(Forbidden):
        contexts.directory.grant_role("admin-1", Role.AUDITOR, "admin-1")
    with pytest.raises(Forbidden):
        contexts.directory.assign_counsellor(case, Side.PARENT_A, "admin-2", "admin-2")
    assert contexts.directory.position == before
    contexts.directory.assign_counsellor(case, Side.PARENT_A, "admin-2", "admin-1")  # another admin may


def test_a_change_of_parental_authority_in_the_header_reaches_the_side(contexts):
    case = staffed_case(contexts, trajectory_type="opnieuw_verbinden")
    contexts.parent_a.open_trajectory(case, on=INTAKE, actor="a1")
    contexts.shared.record_parental_authority(case, "parent_b", False, "coordinator-1")
    assert contexts.parent_a.trajectory(case).parental_authority is True  # only side B's own authority moves
    contexts.parent_b.catch_up()
    assert contexts.parent_b.case_file(case).parental_authority is False


def test_a_rebuild_from_zero_reaches_the_same_state(contexts, settings, tmp_path):
    case = staffed_case(contexts)
    contexts.parent_b.open_trajectory(case, on=INTAKE, actor="b1")
    contexts.directory.assign_counsellor(case, Side.PARENT_B, "b2", "admin-1", "verlof")
    rebuilt = _fresh_sides(contexts, settings, tmp_path)
    try:
        rebuilt.catch_up()
        original, again = contexts.parent_b.case_file(case), rebuilt.case_file(case)
        assert (again.parent, again.enrolled, again.children, again.trajectory_type) == (
            original.parent, original.enrolled, original.children, original.trajectory_type)
        assert [p.counsellor for p in again.counsellors] == ["b1", "b2"]
        assert rebuilt.flow_states() == [s for s in contexts.parent_b.flow_states()]
    finally:
        rebuilt.close()


def _fresh_sides(contexts, settings, tmp_path):
    """Side B's application on an empty store of its own kind, following the same upstreams."""
    from evenwijdig import flows
    from services.parent_b_context.application import ParentBContext
    from tests.conftest import postgres_settings, sqlite_settings
    from tests.support import postgres as pg

    if settings.store == "sqlite":
        empty = sqlite_settings(tmp_path / "rebuilt")
    else:
        empty = postgres_settings(pg.create_test_schema())
    side = ParentBContext(empty.context_store("parent_b_context"))
    side.follow_upstream(contexts.shared, flows.topics_of(flows.HEADER_EVENTS), flows.header_for("parent_b"))
    side.follow_upstream(contexts.directory, flows.topics_of(flows.STAFFING_EVENTS),
                         flows.staffing_for("parent_b", contexts.directory))
    return side


def test_a_case_registered_by_another_process_reaches_this_ones_directory_and_sides_before_they_answer(
        contexts, settings):
    from services.shared_agreements.application import SharedAgreements
    from tests.support.cases import register_case as register

    elsewhere = SharedAgreements(settings.context_store("shared_agreements"))  # no flows of its own: another process
    try:
        class Other:
            shared = elsewhere

        case = register(Other, actor="coordinator-1")
    finally:
        elsewhere.close()
    assert contexts.directory.assignment("coordinator-1", case).role is Role.COORDINATOR
    contexts.directory.assign_counsellor(case, Side.PARENT_A, "a1", "admin-1", "intake")
    contexts.parent_a.open_trajectory(case, on=INTAKE, actor="a1")
    assert contexts.parent_a.trajectory(case).counsellor == "a1"
