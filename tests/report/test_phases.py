"""A case that moved on through its phases: the report shows them in order, each with its own course.

Kind en Ik: gezinsbemiddeling fase 1, then parallel ouderschap fase 1 after cooperation failed.
Both stores.
"""

from __future__ import annotations

import io
from datetime import timedelta

import pypdf

from services.court_report import build_report, make_report, render_pdf
from services.platform.private_text import ERASED_MARK, PrivateText
from services.shared_agreements.domain.case import ERASURE_REQUEST
from tests.report.builders import (
    CLOSED, COORDINATOR, COUNSELLORS, EVERYTHING, now, registered_case, release, secret, share,
)

REASON = "De samenwerking verbetert niet; de ouders blijven in een afwijzende houding."
NEXT = CLOSED + timedelta(days=7)


def moved_on_case(contexts):
    case_id = registered_case(contexts, "gezinsbemiddeling_fase_1")
    side = contexts.parent_a
    side.open_trajectory(case_id, on=CLOSED - timedelta(days=50), actor=COUNSELLORS["parent_a"])
    side.close_trajectory(case_id, on=CLOSED, evaluation=PrivateText(case_id, secret("parent_a", "Eval")),
                          actor=COUNSELLORS["parent_a"])
    share(contexts, case_id, "parent_a", EVERYTHING)
    release(contexts, case_id, "parent_a")
    contexts.shared.move_to_next_phase(case_id, trajectory_type="parallel_ouderschap_fase_1", reason=REASON,
                                       actor=COORDINATOR)
    side.open_trajectory(case_id, on=NEXT, actor=COUNSELLORS["parent_a"])
    return case_id


def test_the_report_lists_the_phases_in_order_with_the_reason_for_each_move(contexts):
    report = build_report(contexts, moved_on_case(contexts), now())
    assert [(p["number"], p["trajectory_type"], p["reason"]) for p in report["case"]["phases"]] == [
        (1, "gezinsbemiddeling_fase_1", None), (2, "parallel_ouderschap_fase_1", REASON)]
    assert report["case"]["trajectory_type"] == "parallel_ouderschap_fase_1"


def test_each_phase_keeps_its_own_course_and_evaluation_in_the_side_section(contexts):
    report = build_report(contexts, moved_on_case(contexts), now())
    side_a = next(s for s in report["sides"] if s["side"] == "parent_a")["trajectory"]
    [earlier] = side_a["earlier_phases"]
    assert (earlier["phase"], earlier["type_title"], earlier["status"]) == (
        1, "Systemische gezinsbemiddeling fase 1", "closed")
    assert earlier["evaluation"]["included"] and earlier["evaluation"]["text"] == secret("parent_a", "Eval")
    assert (side_a["phase"], side_a["type_title"], side_a["status"]) == (2, "Parallel ouderschap fase 1", "intake")
    assert side_a["evaluation"]["included"] is False


def test_a_report_made_with_an_earlier_phase_s_evaluation_locks_that_release(contexts):
    case_id = moved_on_case(contexts)
    made = make_report(contexts, case_id, as_of=now(), format="json", actor=COORDINATOR)
    assert made.evaluations_included == ("parent_a",)
    [record] = contexts.shared.court_reports(case_id)
    assert record.evaluations_included == ("parent_a",)


def test_the_pdf_shows_the_phases_in_both_languages(contexts):
    case_id = moved_on_case(contexts)
    for language, words in (("nl", ("Fasen van de zaak", "Fase 1: Systemische gezinsbemiddeling fase 1", REASON[:20])),
                            ("en", ("Phases of the case", "Parallel parenting, phase 1"))):
        pdf = render_pdf(build_report(contexts, case_id, now(), language=language))
        text = " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())
        for word in words:
            assert word in text, (language, word)


def test_the_reason_for_a_move_and_a_decision_s_reasoning_read_erased_once_the_case_s_text_is_erased(contexts):
    case_id = moved_on_case(contexts)
    shared = contexts.shared
    number = shared.raise_dispute(case_id, "Schoolkeuze", "parent_a", COORDINATOR)
    shared.decide_dispute(case_id, number, "Noor gaat naar De Linde.", "Dichtbij beide ouders.", COORDINATOR,
                          missing_positions={"parent_a": "geen reactie", "parent_b": "geen reactie"})
    before = build_report(contexts, case_id, now())
    assert before["case"]["phases"][1]["reason"] == REASON
    assert before["decisions"][0]["reasoning"] == "Dichtbij beide ouders."

    shared.erase_private_text(case_id, COORDINATOR, ERASURE_REQUEST)

    after = build_report(contexts, case_id, now())
    assert after["case"]["phases"][1]["reason"] == ERASED_MARK
    assert {after["decisions"][0][k] for k in ("subject", "decision", "reasoning")} == {ERASED_MARK}
