"""The provenance block on the title page: who hands the report out, with what, and where it is signed.

Everything here comes from the provenance the report was made with (``making``), so the
page says exactly what the JSON's ``provenance`` says. The signature box is drawn here
and its place remembered; the PAdES signature's visible appearance is put into it when
the document is signed (``signing``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from services.court_report import i18n
from services.court_report.pdf_agreements import grouped

if TYPE_CHECKING:
    from services.court_report.render_pdf import ReportDocument

SIGNATURE_HEIGHT = 20.0


def write_provenance(doc: ReportDocument, provenance: dict[str, Any]) -> None:
    lang = doc.language
    doc.heading(doc.word("s_provenance"), level=1)
    practice, software = provenance["practice"], provenance["software"]
    registrations = " · ".join(f"{r['register']} {r['number']}" for r in practice["registrations"])
    made_by = provenance["made_by"]
    rows: list[tuple[str, str] | tuple[str, str, bool]] = [(doc.word("practice"), practice["name"])]
    if registrations:
        rows.append((doc.word("registrations"), registrations))
    rows += [
        (doc.word("proceeding"), provenance["proceeding"] or doc.word("no_proceeding")),
        (doc.word("made_by"), f"{made_by['name']} ({i18n.role(lang, made_by['role'])})"),
        (doc.word("made_at"), i18n.moment(lang, provenance["made_at"])),
        (doc.word("report_id"), provenance["report_id"], True),
        (doc.word("software"), f"{software['name']} {software['version']} · lock SHA-256 {software['lock_sha256'][:16]}"),
        (doc.word("content_sha256"), grouped(provenance["content_sha256"]), True),
        (doc.word("signed_with"), _certificate(doc, provenance["signature"])),
    ]
    doc.key_values(rows)
    if provenance["signature"] is not None:
        _signature_box(doc)


def _certificate(doc: ReportDocument, signature: dict[str, Any] | None) -> str:
    if signature is None:
        return doc.word("unsigned")
    text = f"{signature['subject']} · SHA-256 {signature['sha256_fingerprint'][:16]}"
    return f"{text} · {doc.word('development_certificate')}" if signature["development"] else text


def _signature_box(doc: ReportDocument) -> None:
    """A bordered, labelled box; the signature's appearance is placed in it when the PDF is signed."""
    if doc.will_page_break(SIGNATURE_HEIGHT + 8):
        doc.add_page()
    doc.set_font("Sans", size=7.5)
    doc.set_text_color(90, 90, 90)
    doc.cell(0, 4, doc.word("signature_box"), new_x="LMARGIN", new_y="NEXT")
    x, y, w = doc.l_margin, doc.get_y(), doc.epw * 0.6
    doc.rect(x, y, w, SIGNATURE_HEIGHT)
    doc.signature_box = (doc.page_no() - 1, x + 1, y + 1, w - 2, SIGNATURE_HEIGHT - 2)
    doc.set_y(y + SIGNATURE_HEIGHT + 3)
    doc.set_font("Sans", size=9.5)
    doc.set_text_color(0, 0, 0)
