"""The end: a closing evaluation, the parent's release of it for a court report, and erasure."""

from __future__ import annotations

from datetime import date, timedelta

from services.parent_side.domain.errors import (
    DateOutOfOrder, ErasureRefused, InvalidRecord, ReleaseRefused, TrajectoryIsClosed,
)
from services.parent_side.domain.records import ERASURE_REQUEST, RETENTION_ENDED, ReleaseDecision
from services.parent_side.domain.trajectory import Trajectory
from services.platform.private_text import PrivateText
from tests.support.trajectories import (
    CASE,
    COUNSELLOR, REPORT, close, fortnight, held, history, noon, ready_to_start, release, started, text,
)
from tests.support.given_when_then import given
from tests.support.trajectories import CLOSED, closed, erase, report, withdraw_release


# Closing -------------------------------------------------------------------------------------------


def test_a_trajectory_closes_with_its_evaluation_kept_for_the_retention_term():
    evaluation = text("Vader houdt zich aan de spelregels; Sara is rustiger.")
    outcome = given(*history(*started(), held(fortnight(1)))).when(
        lambda t: t.close(CLOSED, evaluation, 20, COUNSELLOR)
    )
    outcome.then((Trajectory.TrajectoryClosed, {
        "on": CLOSED, "evaluation": evaluation, "retain_until": date(2045, 3, 24), "actor": COUNSELLOR,
    }))
    assert outcome.aggregate.status == "closed"


def test_a_trajectory_closed_on_29_february_is_kept_until_1_march():
    outcome = given(*history(*started())).when(lambda t: t.close(date(2028, 2, 29), text("x"), 1, COUNSELLOR))
    outcome.then((Trajectory.TrajectoryClosed, {"retain_until": date(2029, 3, 1)}))


def test_a_trajectory_may_close_before_it_started():
    given(*history(*ready_to_start())).when(close(date(2025, 1, 21))).then(Trajectory.TrajectoryClosed)


def test_closing_without_an_evaluation_is_refused():
    given(*history(*started())).when(lambda t: t.close(CLOSED, None, 20, COUNSELLOR)).then_refused(
        InvalidRecord, "closing evaluation"
    )


def test_closing_before_the_last_recorded_session_is_refused():
    given(*history(*started(), held(fortnight(3)))).when(close(fortnight(2))).then_refused(
        DateOutOfOrder, "last recorded step"
    )


def test_closing_twice_is_refused():
    given(*closed()).when(close(CLOSED + timedelta(days=1))).then_refused(TrajectoryIsClosed, "closed on")


def test_consent_cannot_be_recorded_on_a_closed_trajectory():
    given(*closed()).when(lambda t: t.record_consent(["trajectory"], ["Anna"], CLOSED, COUNSELLOR)).then_refused(
        TrajectoryIsClosed, "nothing more"
    )


# Release for a court report --------------------------------------------------------------------------


def test_the_parent_releases_the_closing_evaluation_for_a_court_report():
    outcome = given(*closed()).when(release(CLOSED))
    outcome.then((Trajectory.EvaluationReleasedForCourt, {"on": CLOSED, "actor": COUNSELLOR}))
    assert outcome.aggregate.is_released


def test_releasing_before_the_trajectory_is_closed_is_refused():
    given(*history(*started())).when(release(CLOSED)).then_refused(ReleaseRefused, "close it first")


def test_releasing_twice_is_refused():
    given(*closed(release(CLOSED))).when(release(CLOSED)).then_refused(ReleaseRefused, "already released")


def test_a_release_dated_before_the_closing_is_refused():
    given(*closed()).when(release(CLOSED - timedelta(days=1))).then_refused(DateOutOfOrder, "previous decision")


def test_the_release_can_be_withdrawn_until_a_report_is_made():
    outcome = given(*closed(release(CLOSED))).when(withdraw_release())
    outcome.then((Trajectory.EvaluationReleaseWithdrawn, {"reason": PrivateText(CASE, "eerst advocaat spreken"),
                                                          "actor": COUNSELLOR}))
    assert not outcome.aggregate.is_released
    assert [d.decision for d in outcome.aggregate.releases] == ["released", "withdrawn"]


def test_withdrawing_a_release_that_was_never_given_is_refused():
    given(*closed()).when(withdraw_release()).then_refused(ReleaseRefused, "nothing to withdraw")


def test_withdrawing_the_release_after_a_report_was_made_with_it_is_refused():
    given(*closed(release(CLOSED), report())).when(withdraw_release()).then_refused(
        ReleaseRefused, "can no longer be withdrawn"
    )


def test_the_evaluation_can_be_released_again_after_a_withdrawal():
    outcome = given(*closed(release(CLOSED), withdraw_release())).when(release(CLOSED + timedelta(days=3)))
    outcome.then(Trajectory.EvaluationReleasedForCourt)
    assert outcome.aggregate.releases[-1] == ReleaseDecision("released", CLOSED + timedelta(days=3), COUNSELLOR)


def test_a_report_made_with_the_released_evaluation_is_recorded():
    given(*closed(release(CLOSED))).when(report()).then((Trajectory.CourtReportMade, {
        "report_id": REPORT, "at": noon(CLOSED), "actor": "report-service",
    }))


def test_a_report_with_an_evaluation_that_is_not_released_is_refused():
    given(*closed(release(CLOSED), withdraw_release())).when(report()).then_refused(ReleaseRefused, "not released")


def test_the_same_report_is_recorded_once():
    given(*closed(release(CLOSED), report())).when(report()).then_refused(ReleaseRefused, "already been recorded")


def test_a_report_time_without_a_time_zone_is_refused():
    given(*closed(release(CLOSED))).when(
        lambda t: t.record_report_made(REPORT, noon(CLOSED).replace(tzinfo=None), "report-service")
    ).then_refused(InvalidRecord, "time zone")


# Erasure ---------------------------------------------------------------------------------------------


def test_the_private_text_of_a_closed_trajectory_is_erased_on_request():
    given(*closed()).when(erase()).then((Trajectory.PrivateTextErased, {
        "reason": ERASURE_REQUEST, "on": CLOSED, "actor": COUNSELLOR,
    }))


def test_the_private_text_is_erased_when_its_retention_term_has_ended():
    given(*closed()).when(erase(RETENTION_ENDED, on=date(2045, 3, 24))).then(Trajectory.PrivateTextErased)


def test_erasing_for_the_end_of_retention_before_the_term_has_ended_is_refused():
    given(*closed()).when(erase(RETENTION_ENDED, on=date(2045, 3, 23))).then_refused(
        ErasureRefused, "runs until 2045-03-24"
    )


def test_erasing_the_private_text_of_an_open_trajectory_is_refused():
    given(*history(*started())).when(erase()).then_refused(ErasureRefused, "close the trajectory")


def test_erasing_for_another_reason_is_refused():
    given(*closed()).when(erase("tidying up")).then_refused(ErasureRefused, "one of these reasons")


def test_erasing_twice_is_refused():
    given(*closed(erase())).when(erase()).then_refused(ErasureRefused, "already been erased")


def test_an_erased_evaluation_cannot_be_released():
    given(*closed(erase())).when(release(CLOSED)).then_refused(ReleaseRefused, "erased")
