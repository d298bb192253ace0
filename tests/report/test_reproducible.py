"""The same case and moment give the same report, byte for byte, whatever happened afterwards."""

from __future__ import annotations

import hashlib
import io
from datetime import timedelta, timezone

import pypdf

from services.court_report import build_report, make_report, render_json, render_pdf
from services.platform.private_text import PrivateText
from tests.report.builders import (
    COORDINATOR, EVERYTHING, closed_side, now, registered_case, release, running_side, share, shared_agreements,
)


def both_formats(contexts, case_id, as_of, language="nl"):
    report = build_report(contexts, case_id, as_of, language=language)
    return render_json(report), render_pdf(report)


def test_a_report_made_later_is_byte_identical_though_more_happened_since(contexts):
    case_id = registered_case(contexts)
    running_side(contexts, case_id, "parent_a")
    shared_agreements(contexts, case_id)
    share(contexts, case_id, "parent_a", EVERYTHING)
    as_of = now()
    json_before, pdf_before = both_formats(contexts, case_id, as_of)

    closed_side(contexts, case_id, "parent_b")
    release(contexts, case_id, "parent_b")
    share(contexts, case_id, "parent_b", EVERYTHING)
    contexts.shared.draft_ground_rules(case_id, {"school": ["Elk apart naar de ouderavond."]}, COORDINATOR)
    contexts.parent_a.record_session(case_id, on=running_start(contexts, case_id), duration_minutes=50,
                                     themes=["own_ground"], note=PrivateText(case_id, "Later."), attended=True,
                                     actor="counsellor-rapport-a")
    json_after, pdf_after = both_formats(contexts, case_id, as_of)

    assert json_after == json_before and pdf_after == pdf_before
    # And the later events are really there: a report as of now differs.
    json_now, _ = both_formats(contexts, case_id, now())
    assert json_now != json_before and b"parent_b" in json_now


def running_start(contexts, case_id):
    return contexts.parent_a.trajectory(case_id).sessions[-1].on + timedelta(days=28)


def test_recording_a_report_does_not_change_it(contexts):
    case_id = registered_case(contexts)
    closed_side(contexts, case_id, "parent_a")
    release(contexts, case_id, "parent_a")
    share(contexts, case_id, "parent_a", EVERYTHING)
    as_of = now()
    first = make_report(contexts, case_id, as_of=as_of, format="pdf", actor=COORDINATOR)
    second = make_report(contexts, case_id, as_of=as_of, format="pdf", actor=COORDINATOR, proceeding="C/16/1")
    # Each copy handed out has its own id and provenance; what it reports is the same, byte for byte.
    assert first.content_sha256 == second.content_sha256 and first.sha256 != second.sha256
    assert first.content_sha256 == hashlib.sha256(render_json(build_report(contexts, case_id, as_of))).hexdigest()
    assert first.evaluations_included == ("parent_a",)  # the release was locked by the first: still the same report


def test_one_moment_written_in_another_time_zone_gives_the_same_bytes(contexts):
    case_id = registered_case(contexts)
    as_of = now()
    elsewhere = as_of.astimezone(timezone(timedelta(hours=2)))
    assert both_formats(contexts, case_id, elsewhere) == both_formats(contexts, case_id, as_of)


def test_the_pdf_dates_are_the_report_s_moment_not_the_clock(contexts):
    case_id = registered_case(contexts)
    as_of = now()
    _, pdf = both_formats(contexts, case_id, as_of)
    metadata = pypdf.PdfReader(io.BytesIO(pdf)).xmp_metadata
    stamp = as_of.replace(microsecond=0, tzinfo=None)  # XMP keeps whole seconds
    assert (metadata.xmp_create_date, metadata.xmp_modify_date, metadata.xmp_metadata_date) == (stamp,) * 3


def test_english_is_available_and_dutch_is_the_default(contexts):
    case_id = registered_case(contexts)
    as_of = now()
    dutch, english = build_report(contexts, case_id, as_of), build_report(contexts, case_id, as_of, language="en")
    assert dutch["language"] == "nl" and dutch["title"] == "Rapportage voor de rechter"
    assert english["title"] == "Report for the court"
    text = pypdf.PdfReader(io.BytesIO(render_pdf(english))).pages[0].extract_text()
    assert "Report for the court" in text and "Rapportage" not in text
