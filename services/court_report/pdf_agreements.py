"""The report's shared part on paper: ground rules, binding decisions, joint sessions, and how to verify it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from services.court_report import i18n

if TYPE_CHECKING:
    from services.court_report.render_pdf import ReportDocument

Data = dict[str, Any]


def write_agreements(doc: ReportDocument) -> None:
    report = doc.report
    _rules(doc, report["ground_rules"])
    _decisions(doc, report["decisions"])
    _joint_sessions(doc, report["joint_sessions"])
    _mediation(doc, report.get("mediation", []))
    _verification(doc, report)


def grouped(digest: str) -> str:
    """A SHA-256 in hex as two lines of four groups of eight: easy to compare by eye, never wrapped mid-group."""
    groups = [digest[i:i + 8] for i in range(0, len(digest), 8)]
    return " ".join(groups[:4]) + "\n" + " ".join(groups[4:])


def _rules(doc: ReportDocument, versions: list[Data]) -> None:
    doc.heading(f"4. {doc.word('s_rules')}")
    if not versions:
        doc.paragraph(doc.word("no_rules"))
    for version in versions:
        _version(doc, version)


def _version(doc: ReportDocument, v: Data) -> None:
    lang = doc.language
    doc.heading(f"{doc.word('version', n=v['version'])} — {doc.word('rs_' + v['status'])}", level=1)
    rows = [(doc.word("offered_at"), i18n.moment(lang, v["offered_at"])),
            (doc.word("in_force"), _period(doc, v))]
    if v["revocation"]:
        rows.append(("", doc.word("revocation", date=i18n.moment(lang, v["revocation"]["revoked_at"]),
                                  reason=v["revocation"]["reason"])))
    if v["text_hash"]:
        rows.append((doc.word("text_hash"), grouped(v["text_hash"]), True))
    doc.key_values(rows if v["offered_at"] else rows[1:])
    if v["text"] is None:
        text = "\n".join(f"{c['category']}\n" + "\n".join(f"  • {r}" for r in c["rules"]) for c in v["draft_rules"])
        doc.paragraph(f"{doc.word('draft_rules')}:", size=8.5)
        doc.paragraph(text, boxed=True, size=8.5)
        return
    if v["signatures"]:
        doc.table_of([doc.word("parent"), doc.word("signed_on"), doc.word("recorded"), doc.word("method"),
                      doc.word("signed_hash")],
                     [[doc.word(s["parent"]), s.get("signed_on") or "", i18n.moment(lang, s["recorded_at"]),
                       doc.word("m_" + s["method"]), grouped(s["text_hash"])] for s in v["signatures"]],
                     (11, 11, 19, 14, 35), mono_columns=(4,))
    else:
        doc.paragraph(doc.word("no_signatures"))
    doc.paragraph(f"{doc.word('signed_text')}:", size=8.5)
    doc.paragraph(v["text"].rstrip("\n"), boxed=True, size=8.5)


def _period(doc: ReportDocument, v: Data) -> str:
    lang = doc.language
    if v["in_force_from"] is None:
        return doc.word("not_yet_in_force" if v["status"] == "offered" else "never_in_force")
    start = i18n.moment(lang, v["in_force_from"])
    if v["in_force_until"] is None:
        return doc.word("from", start=start)
    return doc.word("from_until", start=start, end=i18n.moment(lang, v["in_force_until"]))


def _decisions(doc: ReportDocument, decisions: list[Data]) -> None:
    doc.heading(f"5. {doc.word('s_decisions')}")
    if not decisions:
        doc.paragraph(doc.word("no_decisions"))
    for d in decisions:
        doc.heading(doc.word("dispute", n=d["dispute"], subject=d["subject"]), level=1)
        raised = f"{doc.word(d['raised_by'])}, {i18n.moment(doc.language, d['raised_at'])}"
        doc.key_values([(doc.word("raised_by"), raised),
                        (doc.word("decided_at"), i18n.moment(doc.language, d["decided_at"])),
                        (doc.word("decision"), d["decision"]), (doc.word("reasoning"), d["reasoning"])])


def _joint_sessions(doc: ReportDocument, sessions: list[Data]) -> None:
    doc.heading(f"6. {doc.word('s_joint')}")
    if not sessions:
        doc.paragraph(doc.word("no_joint"))
        return
    lang = doc.language

    def presence(s: Data, parent: str) -> str:
        attended = s["attendance"].get(parent)
        return doc.word("unknown") if attended is None else doc.word("present" if attended else "absent")

    doc.table_of([doc.word("number"), doc.word("date"), doc.word("time"), doc.word("duration"), doc.word("status"),
                  doc.word("parent_a"), doc.word("parent_b")],
                 [[str(s["number"]), i18n.day(lang, s["day"]), s["start"], doc.word("minutes", n=s["duration_minutes"]),
                   doc.word("js_" + s["status"]), presence(s, "parent_a"), presence(s, "parent_b")] for s in sessions],
                 (8, 17, 10, 12, 17, 16, 16))
    for s in sessions:
        if s["moved_from"]:
            moved = ", ".join(i18n.day(lang, d) for d in s["moved_from"])
            doc.paragraph(f"{doc.word('number')} {s['number']}: {doc.word('moved', dates=moved)}", size=8.5)
        for p in s["pauses"]:
            by = doc.word("pause_by", parent=doc.word(p["because_of"])) if p["because_of"] else ""
            resumed = (doc.word("resumed", at=i18n.moment(lang, p["resumed_at"])) if p["resumed_at"]
                       else doc.word("not_resumed"))
            doc.paragraph(doc.word("pause", n=s["number"], at=i18n.moment(lang, p["paused_at"]), by=by,
                                   reason=p["reason"], resumed=resumed), size=8.5)


def _mediation(doc: ReportDocument, phases: list[Data]) -> None:
    """Counts per parent and kind, attended and missed; a case without mediation has no such part (same bytes)."""
    if not phases:
        return
    doc.heading(doc.word("s_mediation"), level=1)
    kinds = ("intake", "joint", "individual")
    for phase in phases:
        code = phase["trajectory_type"]
        title = i18n.TRAJECTORY_TYPES_EN[code] if doc.language == "en" else i18n.TRAJECTORY_TITLES_NL[code]
        doc.paragraph(doc.word("mediation_phase", n=phase["phase"], title=title))
        began = i18n.day(doc.language, phase["began_on"])
        doc.paragraph(doc.word("mediation_term", began=began, end=i18n.day(doc.language, phase["term_end"]))
                      if phase["term_end"] else doc.word("mediation_term_unknown", began=began), size=8.5)
        doc.table_of([doc.word("parent"), *(doc.word("kind_" + k) for k in kinds)],
                     [[doc.word(parent), *(doc.word("attended_missed", a=counts[k]["attended"], m=counts[k]["missed"])
                                          for k in kinds)] for parent, counts in phase["parents"].items()],
                     (22, 26, 26, 26))
        if "network_meetings" in phase:
            met = phase["network_meetings"]
            doc.paragraph(doc.word("mediation_network", s=met["sociaal_team"], j=met["jeugdbescherming"]), size=8.5)


def _verification(doc: ReportDocument, report: Data) -> None:
    doc.heading(f"7. {doc.word('s_verification')}")
    rows = [[doc.word("ctx_" + s["context"]), str(s["position"] or "—"),
             grouped(s["head"]) if s["head"] else doc.word("no_events"), str(s["events"])]
            for s in report["sources"]]
    doc.table_of([doc.word("context"), doc.word("position"), doc.word("head"), doc.word("events")], rows,
                  (31, 11, 37, 21), mono_columns=(2,))
    doc.key_values([(doc.word("as_of"), i18n.moment(doc.language, report["as_of"])),
                    (doc.word("as_of_exact"), report["as_of"], True)])
    if doc.provenance is not None and doc.provenance["checkpoints"]:
        _checkpoints(doc, doc.provenance["checkpoints"])
    for text in report["verification"]["instructions"]:
        doc.paragraph(text)
    doc.heading(doc.word("s_never"), level=1)
    doc.paragraph(report["verification"]["never_contains"])


def _checkpoints(doc: ReportDocument, checkpoints: list[Data]) -> None:
    """The signed checkpoints the report relies on: each at exactly a position named above."""
    doc.heading(doc.word("checkpoints"), level=1)
    doc.table_of([doc.word("context"), doc.word("checkpoint"), doc.word("position"), doc.word("signed_at"),
                  doc.word("key")],
                 [[doc.word("ctx_" + c["context"]), str(c["number"]), str(c["position"]),
                   i18n.moment(doc.language, c["signed_at"]), c["key_id"]] for c in checkpoints],
                 (26, 10, 12, 30, 22), mono_columns=(4,))
