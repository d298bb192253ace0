"""The court report counts the begeleider's conversations per phase and parent, attended and missed, and never
quotes a note; a case without mediation conversations keeps its report unchanged. Both stores."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

import pypdf

from services.court_report import build_report, render_pdf
from services.court_report.render_json import render_json
from services.platform.private_text import PrivateText
from tests.report.builders import now, registered_case
from tests.support.school_holidays import MIDDEN

NOTE = "MEDIATIONCANARY-5501 vader vertelt over zijn ziekte"
INTAKE = date(2026, 11, 2)


def talk(contexts, case, kind, on, parent=None, came=True):  # noqa: ANN001, ANN201
    who = [parent] if parent else ["parent_a", "parent_b"]
    return contexts.shared.record_mediation_conversation(
        case, kind=kind, on=on, minutes=60, note=PrivateText(case, NOTE), actor="begeleider-1", parents=who if parent
        else [], attended=(who if came else []) if parent else ["parent_a"])


def test_the_report_counts_each_parents_conversations_attended_and_missed_and_quotes_no_note(contexts):
    case = registered_case(contexts, "gezinsbemiddeling_fase_1")
    contexts.shared.import_school_holidays(region="midden", school_year="2026-2027", ics=MIDDEN, source="midden.ics",
                                           actor="admin-1")
    contexts.shared.record_case_region(case, "midden", "coordinator-1")
    talk(contexts, case, "intake", INTAKE, "parent_a")
    talk(contexts, case, "intake", INTAKE, "parent_b")
    talk(contexts, case, "joint", INTAKE + timedelta(weeks=1))  # parent B did not come
    talk(contexts, case, "individual", INTAKE + timedelta(weeks=2), "parent_b", came=False)
    report = build_report(contexts, case, now())
    assert report["mediation"] == [{
        "phase": 1, "trajectory_type": "gezinsbemiddeling_fase_1", "began_on": "2026-11-02", "term_end": "2027-03-14",
        "holiday_calendar_missing": False,
        "parents": {
            "parent_a": {"intake": {"attended": 1, "missed": 0}, "joint": {"attended": 1, "missed": 0},
                         "individual": {"attended": 0, "missed": 0}},
            "parent_b": {"intake": {"attended": 1, "missed": 0}, "joint": {"attended": 0, "missed": 1},
                         "individual": {"attended": 0, "missed": 1}},
        },
    }]
    assert NOTE not in json.dumps(report) and "MEDIATIONCANARY" not in render_json(report).decode()


def test_a_case_without_mediation_conversations_has_no_mediation_section(contexts):
    case = registered_case(contexts, "gezinsbemiddeling_fase_1")
    assert "mediation" not in build_report(contexts, case, now())


def test_the_pdf_shows_the_counts_and_the_term_and_no_note(contexts):
    case = registered_case(contexts, "gezinsbemiddeling_fase_1")
    talk(contexts, case, "intake", INTAKE, "parent_a")
    talk(contexts, case, "individual", INTAKE + timedelta(weeks=1), "parent_a", came=False)
    for language, heading, counts in (("nl", "Gesprekken van de begeleider", "0 aanwezig, 1 afwezig"),
                                      ("en", "The begeleider's conversations", "0 attended, 1 missed")):
        text = pdf_text(render_pdf(build_report(contexts, case, now(), language=language)))
        assert heading in text and counts in text and "MEDIATIONCANARY" not in text


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_the_report_counts_the_begeleiders_meetings_with_the_sociaal_team_and_jeugdbescherming_and_quotes_no_note(
        contexts):
    case = registered_case(contexts, "gezinsbemiddeling_fase_1")
    talk(contexts, case, "intake", INTAKE, "parent_a")
    for week, who in ((1, "sociaal_team"), (2, "jeugdbescherming")):
        contexts.shared.record_network_meeting(case, with_whom=who, on=INTAKE + timedelta(weeks=week), minutes=90,
                                               note=PrivateText(case, NOTE), actor="begeleider-1")
    report = build_report(contexts, case, now())
    [phase] = report["mediation"]
    assert phase["network_meetings"] == {"sociaal_team": 1, "jeugdbescherming": 1}
    assert NOTE not in json.dumps(report) and "MEDIATIONCANARY" not in render_json(report).decode()
    text = pdf_text(render_pdf(report))
    assert "1 gesprek(ken) met het Sociaal Team en 1 met Jeugdbescherming" in text and "MEDIATIONCANARY" not in text
