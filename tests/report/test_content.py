"""What a report holds as of its moment: the released evaluation, what transparency allows, where it came from."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from uuid import uuid4

import pytest

from services.court_report import ReleaseWithdrawnSince, ReportNotFound, build_report, make_report
from services.parent_side.domain.errors import ReleaseRefused
from services.platform.errors import Conflict, Invalid, NotFound
from tests.report.builders import (
    COORDINATOR, EVERYTHING, closed_side, now, registered_case, release, running_side, secret, share, withdraw,
)


def side(report, slot):
    return next(s for s in report["sides"] if s["side"] == slot)


def evaluation(report, slot="parent_a"):
    return side(report, slot)["trajectory"]["evaluation"]


@pytest.fixture
def released(contexts):
    case_id = registered_case(contexts)
    closed_side(contexts, case_id, "parent_a")
    share(contexts, case_id, "parent_a", EVERYTHING)
    release(contexts, case_id, "parent_a")
    return case_id


def test_a_released_and_shared_evaluation_appears_and_after_its_withdrawal_no_longer(contexts, released):
    while_released = now()
    assert evaluation(build_report(contexts, released, while_released)) == {
        "included": True, "released_on": "2026-03-06", "text": secret("parent_a", "Eval")}
    withdraw(contexts, released, "parent_a")
    assert evaluation(build_report(contexts, released, now()))["included"] is False


def test_a_report_as_of_a_release_withdrawn_since_is_refused_rather_than_changed(contexts, released):
    while_released = now()
    withdraw(contexts, released, "parent_a")
    with pytest.raises(ReleaseWithdrawnSince, match="withdrawn the release") as refused:
        make_report(contexts, released, as_of=while_released, format="json", actor=COORDINATOR)
    assert isinstance(refused.value, Conflict)
    assert contexts.shared.court_reports(released) == ()


def test_a_report_with_the_evaluation_locks_its_release_and_is_in_the_register(contexts, released):
    made = make_report(contexts, released, as_of=now(), format="pdf", proceeding="  C/16/123456  FA RK ",
                       actor=COORDINATOR)
    [record] = contexts.shared.court_reports(released)
    assert (record.report_id, record.sha256, record.format, record.language, record.proceeding) == (
        made.report_id, made.sha256, "pdf", "nl", "C/16/123456 FA RK")
    assert record.made_by == COORDINATOR and record.as_of == made.as_of and record.evaluations_included == ("parent_a",)
    assert hashlib.sha256(made.content).hexdigest() == record.sha256
    assert [r.report_id for r in contexts.parent_a.trajectory(released).court_reports] == [made.report_id]
    with pytest.raises(ReleaseRefused, match="court report has been made"):
        withdraw(contexts, released, "parent_a")


def test_a_released_evaluation_the_parent_did_not_share_stays_out_and_is_not_locked(contexts):
    case_id = registered_case(contexts)
    closed_side(contexts, case_id, "parent_a")
    share(contexts, case_id, "parent_a", ["attendance"])
    release(contexts, case_id, "parent_a")
    made = make_report(contexts, case_id, as_of=now(), format="json", actor=COORDINATOR)
    assert made.evaluations_included == () and secret("parent_a", "Eval").encode() not in made.content
    withdraw(contexts, case_id, "parent_a")  # nothing was locked


def test_without_a_transparency_agreement_only_the_course_of_a_side_is_reported(contexts):
    case_id = registered_case(contexts)
    running_side(contexts, case_id, "parent_a")
    running_side(contexts, case_id, "parent_b")
    share(contexts, case_id, "parent_b", ["attendance"])
    report = build_report(contexts, case_id, now())
    a, b = side(report, "parent_a")["trajectory"], side(report, "parent_b")["trajectory"]
    assert [s["step"] for s in a["steps"]] == ["intake", "goals_proposed", "consent_given", "consent_given", "agreed",
                                               "started"]
    assert (a["sessions"], a["child_conversations"]) == (None, None) and "goals" not in a
    assert b["sessions"] == {"held": ["2026-01-05"], "missed": ["2026-01-19"], "upcoming": [], "cancelled": [],
                             "plan": 10}
    assert b["child_conversations"] is None


def test_a_parent_without_a_trajectory_has_a_side_with_nothing_in_it(contexts):
    case_id = registered_case(contexts)
    report = build_report(contexts, case_id, now())
    assert side(report, "parent_b") == {"side": "parent_b", "parent": "Mark Jansen", "trajectory": None}
    assert report["sources"][1] == {"context": "parent_b_context", "position": None, "head": None, "events": 0}


def test_the_report_names_the_history_position_and_chain_hash_it_was_made_from(contexts):
    case_id = registered_case(contexts)
    running_side(contexts, case_id, "parent_a")
    as_of = now()
    positions = {app.name: app.position for app in (contexts.parent_a, contexts.shared)}
    running_side(contexts, registered_case(contexts), "parent_a")  # another case, later
    sources = {s["context"]: s for s in build_report(contexts, case_id, as_of)["sources"]}
    for app in (contexts.parent_a, contexts.shared):
        source = sources[app.name]
        assert source["position"] == positions[app.name] > 0
        [link] = app.chain.store.links(source["position"] - 1, source["position"], 1)
        assert source["head"] == link.link.hex()
    assert sources["parent_a_context"]["events"] == 8


def test_a_moment_in_the_future_is_refused_and_nothing_is_recorded(contexts):
    case_id = registered_case(contexts)
    positions = {name: app.position for name, app in contexts.by_name().items()}
    with pytest.raises(Invalid, match="future"):
        make_report(contexts, case_id, as_of=now() + timedelta(minutes=5), format="pdf", actor=COORDINATOR)
    with pytest.raises(Invalid, match="time zone"):
        make_report(contexts, case_id, as_of=now().replace(tzinfo=None), format="pdf", actor=COORDINATOR)
    with pytest.raises(Invalid, match="json or pdf"):
        make_report(contexts, case_id, as_of=now(), format="docx", actor=COORDINATOR)
    assert {name: app.position for name, app in contexts.by_name().items()} == positions


def test_a_moment_before_the_case_was_registered_finds_no_case(contexts):
    before = now()
    case_id = registered_case(contexts)
    with pytest.raises(ReportNotFound) as missing:
        make_report(contexts, case_id, as_of=before, format="json", actor=COORDINATOR)
    assert isinstance(missing.value, NotFound) and missing.value.code == "NOT_FOUND"
    with pytest.raises(NotFound):
        build_report(contexts, uuid4(), now())


def test_each_side_names_the_counsellor_of_each_moment_when_the_parent_shares_it(contexts):
    from services.staff_directory.api import Role, Side

    case_id = registered_case(contexts)
    running_side(contexts, case_id, "parent_b")
    unshared = {s["side"]: s for s in build_report(contexts, case_id, now())["sides"]}
    assert unshared["parent_b"]["trajectory"]["counsellors"] is None  # not shared: the coordinator learns nothing
    share(contexts, case_id, "parent_b", ["practitioner"])
    before = now()
    contexts.directory.register_staff("counsellor-rapport-b2", "Karin Smit", [Role.COUNSELLOR], actor="admin-rapport")
    contexts.directory.assign_counsellor(case_id, Side.PARENT_B, "counsellor-rapport-b2", "admin-rapport",
                                         "zwangerschapsverlof")
    sides = {s["side"]: s for s in build_report(contexts, case_id, now())["sides"]}
    named = [c["name"] for c in sides["parent_b"]["trajectory"]["counsellors"]]
    assert named == ["Youssef El Amrani", "Karin Smit"]
    earlier = {s["side"]: s for s in build_report(contexts, case_id, before)["sides"]}
    assert [c["name"] for c in earlier["parent_b"]["trajectory"]["counsellors"]] == ["Youssef El Amrani"]
    made = make_report(contexts, case_id, as_of=now(), format="json", actor=COORDINATOR).content.decode()
    assert "zwangerschapsverlof" not in made  # why a counsellor was replaced stays out of the report
