"""The report on paper, in the order a court clerk reads it: title, case header, each parent's side.

Each function writes one section of the report's data with the document's helpers; none
reads anything but the report's data, so the PDF says exactly what the JSON says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from services.court_report import i18n
from services.court_report.pdf_agreements import write_agreements
from services.court_report.pdf_provenance import write_provenance

if TYPE_CHECKING:
    from services.court_report.render_pdf import ReportDocument

Data = dict[str, Any]


def write_report(doc: ReportDocument) -> None:
    report = doc.report
    doc.add_page()
    _title(doc, report)
    _case(doc, report["case"])
    for side in report["sides"]:
        _side(doc, side)
    write_agreements(doc)


def _title(doc: ReportDocument, report: Data) -> None:
    doc.set_font("Sans", "B", 20)
    doc.cell(0, 10, doc.word("title"), new_x="LMARGIN", new_y="NEXT")
    doc.set_font("Sans", size=10.5)
    doc.cell(0, 6, doc.word("subtitle"), new_x="LMARGIN", new_y="NEXT")
    doc.ln(4)
    doc.key_values([
        (doc.word("case_id"), report["case"]["case_id"]),
        (doc.word("as_of"), i18n.long_moment(doc.language, report["as_of"])),
        (doc.word("trajectory_type"), _type_title(doc, report["case"])),
    ])
    if doc.provenance is not None:
        write_provenance(doc, doc.provenance)


def _type_title(doc: ReportDocument, case: Data) -> str:
    if doc.language == "en":
        return i18n.TRAJECTORY_TYPES_EN.get(case["trajectory_type"], case["trajectory_type_title"])
    return case["trajectory_type_title"]


def _case(doc: ReportDocument, case: Data) -> None:
    lang = doc.language
    doc.heading(f"1. {doc.word('s_case')}")
    children = ", ".join(f"{c['first_name']} ({doc.word('born', year=c['year_of_birth'])})" for c in case["children"])
    doc.key_values([(doc.word("registered_on"), i18n.day(lang, case["registered_at"])),
                    (doc.word("children"), children)])
    yes_no = {True: doc.word("yes"), False: doc.word("no")}
    doc.table_of([doc.word("parent"), doc.word("name"), doc.word("follows"), doc.word("authority")],
                 [[doc.word(p["side"]), p["name"], yes_no[p["follows_trajectory"]], yes_no[p["parental_authority"]]]
                  for p in case["parents"]], (18, 42, 20, 20))
    if len(case["phases"]) > 1:  # a case that moved on lists its phases in order, each move with its reason
        doc.heading(doc.word("phases"), level=1)
        doc.table_of([doc.word("phase"), doc.word("trajectory_type"), doc.word("phase_since"), doc.word("phase_reason")],
                     [[str(p["number"]), _phase_title(doc, p), i18n.day(lang, p["since"]),
                       p["reason"] or doc.word("unknown")] for p in case["phases"]], (10, 30, 15, 45))
    # Facts a court must not miss: a precondition lost after the start, rules a parent never signed.
    for flag in ("authority_missing", "rules_awaiting_signature_of"):
        if case.get(flag):
            doc.paragraph(doc.word(flag, parents=", ".join(doc.word(p) for p in case[flag])))


def _phase_title(doc: ReportDocument, phase: Data) -> str:
    if doc.language == "en":
        return i18n.TRAJECTORY_TYPES_EN.get(phase["trajectory_type"], phase["title"])
    return phase["title"]


def _side(doc: ReportDocument, side: Data) -> None:
    number = 2 if side["side"] == "parent_a" else 3
    doc.heading(f"{number}. {doc.word(side['side'])} — {side['parent']}")
    trajectory = side["trajectory"]
    if trajectory is None:
        doc.paragraph(doc.word("no_trajectory"))
        return
    phases = [*trajectory.get("earlier_phases", ()), trajectory]
    for phase in phases:
        if len(phases) > 1:
            doc.heading(doc.word("phase_heading", n=phase["phase"], title=phase["type_title"]), level=1)
        _trajectory(doc, phase)


def _trajectory(doc: ReportDocument, trajectory: Data) -> None:
    lang = doc.language
    counsellors = doc.word("withheld") if trajectory["counsellors"] is None else "; ".join(
        doc.word("counsellor_since", name=c["name"], date=i18n.day(lang, c["since"])) for c in trajectory["counsellors"])
    doc.key_values([(doc.word("trajectory_type"), trajectory["type_title"]),
                    (doc.word("counsellors"), counsellors),
                    (doc.word("transparency"), _transparency(doc, trajectory["transparency"]))])
    doc.heading(doc.word("steps"), level=1)
    doc.table_of([doc.word("step"), doc.word("date")],
                 [[_step(doc, s), i18n.day(lang, s["on"])] for s in trajectory["steps"]], (70, 30), share=0.7)
    _sessions(doc, trajectory["sessions"])
    _conversations(doc, trajectory["child_conversations"])
    doc.heading(doc.word("evaluation"), level=1)
    evaluation = trajectory["evaluation"]
    if trajectory["status"] != "closed":
        doc.paragraph(doc.word("not_closed"))
    elif evaluation["included"]:
        doc.paragraph(doc.word("evaluation_included", date=i18n.day(lang, evaluation["released_on"])))
        doc.paragraph(evaluation["text"], boxed=True)
    else:
        doc.paragraph(doc.word("evaluation_not_included"))


def _transparency(doc: ReportDocument, shared: Data) -> str:
    if shared["agreed_on"] is None:
        return doc.word("nothing_agreed")
    what = ", ".join(doc.word(f"c_{c}") for c in shared["categories"]) or doc.word("nothing")
    return doc.word("shared_as_of", date=i18n.day(doc.language, shared["agreed_on"]), what=what)


def _step(doc: ReportDocument, step: Data) -> str:
    label = doc.word(f"st_{step['step']}")
    return f"{label} ({doc.word('sc_' + step['scope'])})" if step["scope"] else label


def _sessions(doc: ReportDocument, sessions: Data | None) -> None:
    doc.heading(doc.word("sessions"), level=1)
    if sessions is None:
        doc.paragraph(doc.word("withheld"))
        return
    kinds = ("held", "missed", "upcoming", "cancelled")
    doc.table_of([doc.word("kind"), doc.word("count")], [[doc.word(k), str(len(sessions[k]))] for k in kinds], (75, 25),
                 share=0.6)
    if sessions["plan"]:
        doc.paragraph(doc.word("plan", n=sessions["plan"]))
    for kind in kinds:
        if sessions[kind]:
            doc.listing(doc.word(kind), [i18n.day(doc.language, d) for d in sessions[kind]])


def _conversations(doc: ReportDocument, conversations: list[Data] | None) -> None:
    doc.heading(doc.word("child_conversations"), level=1)
    if conversations is None:
        doc.paragraph(doc.word("withheld"))
        return
    if not conversations:
        doc.paragraph(doc.word("none_recorded"))
        return
    doc.paragraph(f"{doc.word('count')}: {len(conversations)}")
    doc.table_of([doc.word("date"), doc.word("child"), doc.word("held_by")],
                 [[i18n.day(doc.language, c["on"]), c["child"], c["held_by"]] for c in conversations], (25, 30, 45))
    doc.paragraph(doc.word("held_by_note"), size=8.5)
