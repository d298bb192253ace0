"""Private text never reaches a court report: canaries planted on both sides, searched in JSON and PDF text.

Both parents agreed to share everything a transparency agreement can cover, so nothing
is left out for that reason: what stays out, stays out because a report never holds it.
The PDF is searched in the text a PDF tool extracts (pypdf), page by page.
"""

from __future__ import annotations

import io

import pypdf

from services.court_report import build_report, make_report, render_json, render_pdf
from tests.report.builders import (
    COORDINATOR, COUNSELLORS, EVERYTHING, closed_side, now, registered_case, release, secret, share,
    shared_agreements,
)

SIDES = ("parent_a", "parent_b")
# Never in a report, whatever the parents agreed.
NEVER = ("Note", "Theme", "Goal", "Summary", "Missed", "Position", "Absence")


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def planted_case(contexts):
    case_id = registered_case(contexts)
    for slot in SIDES:
        closed_side(contexts, case_id, slot)  # closing evaluation written, not released
        share(contexts, case_id, slot, EVERYTHING)
    shared_agreements(contexts, case_id)
    return case_id


def forbidden() -> list[str]:
    return [secret(slot, what) for slot in SIDES for what in (*NEVER, "Eval")] + list(COUNSELLORS.values())


def test_no_private_text_and_no_unreleased_evaluation_is_in_either_format(contexts):
    case_id = planted_case(contexts)
    for language in ("nl", "en"):
        made = {fmt: make_report(contexts, case_id, as_of=now(), format=fmt, language=language, actor=COORDINATOR)
                for fmt in ("json", "pdf")}
        texts = {"json": made["json"].content.decode("utf-8"), "pdf": pdf_text(made["pdf"].content)}
        for fmt, text in texts.items():
            for canary in forbidden():
                assert canary not in text, (language, fmt, canary)
            # The search is not vacuous: what the parents shared is there, in the same text.
            assert "Lotte van Dijk" in text and "Sanne de Vries" in text, (language, fmt)
            assert ({"nl": "19-01-2026", "en": "19 Jan 2026"}[language] if fmt == "pdf" else "2026-01-19") in text  # a missed session


def test_the_canaries_are_really_stored_for_the_side_s_own_eyes(contexts):
    case_id = planted_case(contexts)
    for slot in SIDES:
        view = getattr(contexts, slot).trajectory(case_id)
        assert view.sessions[0].note.text == secret(slot, "Note")
        assert view.evaluation.text == secret(slot, "Eval")
        assert view.child_conversations[0].summary.text == secret(slot, "Summary")


def test_a_released_evaluation_appears_only_on_its_own_side(contexts):
    case_id = planted_case(contexts)
    release(contexts, case_id, "parent_b")
    report = build_report(contexts, case_id, now())
    json_text, text = render_json(report).decode("utf-8"), pdf_text(render_pdf(report))
    for searched in (json_text, text):
        assert secret("parent_b", "Eval") in searched
        assert secret("parent_a", "Eval") not in searched
        for canary in [secret(slot, what) for slot in SIDES for what in NEVER]:
            assert canary not in searched
