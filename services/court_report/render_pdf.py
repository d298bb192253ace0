"""The report as a PDF/A-2u document, made with fpdf2, the same bytes for the same report.

Determinism: the fonts are files shipped beside this module (DejaVu, embedded as
subsets; fpdf2 never rewrites their timestamps), the document's creation and modification
dates in the XMP metadata are the report's own moment (fpdf2 would put the clock in
``xmp:ModifyDate``), and the document ID is derived from the report's canonical JSON.
Nothing else in fpdf2's output depends on the clock or on chance.

With provenance (``render_signed_pdf``) the title page names the practice, who made the
report, for which proceeding, its id, the software and the content's SHA-256, and holds
the box in which the practice's PAdES signature is shown; the footer names the report id.
The same report and provenance still give the same bytes before signing.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

import orjson
from fpdf import FPDF, FontFace

from services.court_report import i18n
from services.court_report.pdf_sections import write_report
from services.court_report.render_json import render_json

if TYPE_CHECKING:
    from services.court_report.signing import ReportSigner, SignatureBox

MEDIA_TYPE = "application/pdf"
COMPLIANCE = "PDF/A-2U"
FONTS = Path(__file__).parent / "fonts"
GREY, RULE, SHADE = (90, 90, 90), (170, 170, 170), (238, 238, 238)
HEADINGS = FontFace(emphasis="BOLD", fill_color=SHADE)
_DIGITS = str.maketrans("123456789", "000000000")
PROVENANCE_PREFIX = "evenwijdig-provenance:"


class ReportDocument(FPDF):
    """An A4 page with the report's running header and numbered footer, and small writing helpers."""

    def __init__(self, report: dict[str, Any], provenance: dict[str, Any] | None = None) -> None:
        super().__init__(orientation="P", unit="mm", format="A4", enforce_compliance=COMPLIANCE)
        self.report, self.language, self.provenance = report, report["language"], provenance
        self.signature_box: tuple[int, float, float, float, float] | None = None  # page, x, y, w, h (mm)
        whole = report if provenance is None else {**report, "provenance": provenance}
        self._id = hashlib.sha256(render_json(whole)).hexdigest()[:32].upper()
        self.set_margins(20, 20, 20)
        self.set_auto_page_break(True, margin=18)
        self.add_font("Sans", "", FONTS / "DejaVuSans.ttf")
        self.add_font("Sans", "B", FONTS / "DejaVuSans-Bold.ttf")
        self.add_font("Mono", "", FONTS / "DejaVuSansMono.ttf")
        self.set_font("Sans", size=9.5)
        self.set_draw_color(*RULE)
        self._widths: dict[tuple[float, str], float] = {}
        self._tabular = len({self.get_string_width(digit) for digit in "0123456789"}) == 1

    def word(self, key: str, **values: object) -> str:
        return i18n.word(self.language, key, **values)

    def file_id(self) -> str:
        # Derived from the report itself: the same report has the same document ID.
        return f"<{self._id}><{self._id}>"

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Sans", size=7.5)
        self.set_text_color(*GREY)
        case = self.report["case"]["case_id"]
        as_of = i18n.moment(self.language, self.report["as_of"])
        self.cell(0, 4, f"{self.word('title')} · {self.word('case_id')} {case} · {self.word('as_of')} {as_of}",
                  new_x="LMARGIN", new_y="NEXT")
        self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
        self.ln(5)
        self._body()

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font("Sans", size=7.5)
        self.set_text_color(*GREY)
        if self.provenance is None:
            self.cell(0, 4, self.word("page", n=self.page_no(), total="{nb}"), align="C")
        else:
            self.cell(0, 4, self.word("page_of", n=self.page_no(), total="{nb}", report=self.provenance["report_id"]),
                      align="C")
        self._body()

    # Writing helpers ----------------------------------------------------------------------

    def _body(self) -> None:
        self.set_font("Sans", size=9.5)
        self.set_text_color(0, 0, 0)

    def heading(self, text: str, level: int = 0) -> None:
        """A section heading (level 0) or a subheading (level 1), also a bookmark in the outline."""
        size, before = (13, 6) if level == 0 else (10.5, 3.5)
        # Room for the heading and the first lines under it, or a new page: never an orphaned heading.
        if self.will_page_break(before + (40 if level == 0 else 28)):
            self.add_page()
        else:
            self.ln(before)
        self.start_section(text, level=level)
        self.set_font("Sans", "B", size)
        self.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        if level == 0:
            self.line(self.l_margin, self.get_y() + 0.5, self.w - self.r_margin, self.get_y() + 0.5)
        self.ln(2)
        self._body()

    def paragraph(self, text: str, *, size: float = 9.5, boxed: bool = False) -> None:
        """Running text; ``boxed``: in a shaded, bordered box (signed text, an evaluation)."""
        self.set_font("Sans", size=size)
        with self.local_context(fill_color=SHADE):
            self.multi_cell(0, size * 0.48, text, border=1 if boxed else 0, fill=boxed, align="L",
                            new_x="LMARGIN", new_y="NEXT", padding=2 if boxed else 0)
        self.ln(1.2)
        self._body()

    def listing(self, label: str, items: Sequence[str], *, size: float = 8.5) -> None:
        """``label: a, b, c, ...`` packed into lines here and set line by line.

        fpdf2's own line breaking is quadratic in a paragraph's length, and even a cell
        per line is slow: ten thousand session dates would take seconds. Items are never
        split across lines.
        """
        self.set_font("Sans", size=size)
        line, used, indent = f"{label}:", self.get_string_width(f"{label}:"), " " * 4
        for item in items:
            needed = self._width_of(f" {item},")
            if used + needed > self.epw - 2 * self.c_margin:
                self._plain_line(line, size * 0.48)
                line, used = f"{indent}{item},", self._width_of(f"{indent}{item},")
            else:
                line, used = f"{line} {item},", used + needed
        self._plain_line(line.rstrip(","), size * 0.48)
        self.ln(1.2)
        self._body()

    def _plain_line(self, text: str, height: float) -> None:
        if self.y + height > self.page_break_trigger:
            self.add_page()
            self.set_font("Sans", size=height / 0.48)
        self.text(self.l_margin + self.c_margin, self.y + height * 0.78, text)
        self.set_y(self.y + height)

    def _width_of(self, text: str) -> float:
        # Dates differ only in their digits, and DejaVu's digits are all one width: measure each shape once.
        key = (self.font_size_pt, text.translate(_DIGITS) if self._tabular else text)
        if key not in self._widths:
            self._widths[key] = self.get_string_width(text)
        return self._widths[key]

    def table_of(self, headings: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
                 *, mono_columns: Sequence[int] = (), size: float = 8.5, share: float = 1.0) -> None:
        """A bordered table with a shaded heading row, repeated on every page it spans.

        ``widths``: the columns' proportions; ``share``: the part of the line the table takes.
        """
        self.set_font("Sans", size=size)
        mono = FontFace(family="Mono", size_pt=size - 1)
        with self.table(col_widths=widths, headings_style=HEADINGS, line_height=size * 0.5, text_align="LEFT",
                        align="LEFT", width=self.epw * share, padding=1, v_align="TOP") as table:
            table.row(list(headings))
            for values in rows:
                row = table.row()
                for index, value in enumerate(values):
                    row.cell(value, style=mono if index in mono_columns else None)
        self.ln(2)
        self._body()

    def key_values(self, rows: Sequence[tuple[str, str] | tuple[str, str, bool]]) -> None:
        """Label and value pairs, unbordered, the labels in bold; a third item True sets the value in mono."""
        mono = FontFace(family="Mono", size_pt=8.5)
        with self.table(col_widths=(32, 68), first_row_as_headings=False, borders_layout="NONE", text_align="LEFT",
                        align="LEFT", width=self.epw, line_height=4.6, padding=(0.4, 1, 0.4, 0),
                        v_align="TOP") as table:
            for label, value, *is_mono in rows:
                row = table.row()
                row.cell(label, style=FontFace(emphasis="BOLD"))
                row.cell(value, style=mono if is_mono and is_mono[0] else None)
        self.ln(1.5)


def render_pdf(report: dict[str, Any], provenance: dict[str, Any] | None = None) -> bytes:
    """The report's PDF/A bytes, unsigned; with ``provenance`` its title page names who handed it out."""
    return _render(report, provenance)[0]


def render_signed_pdf(report: dict[str, Any], provenance: dict[str, Any], signer: ReportSigner | None) -> bytes:
    """The report with its provenance, signed by ``signer`` in the box on the title page (None: unsigned)."""
    pdf, document = _render(report, provenance)
    if signer is None or document.signature_box is None:
        return pdf
    return signer.sign_pdf(pdf, _in_points(document), reason=document.word(
        "signature_reason", case=report["case"]["case_id"], as_of=i18n.moment(document.language, report["as_of"])),
        location="", label=document.word("signed_label"))


def _render(report: dict[str, Any], provenance: dict[str, Any] | None) -> tuple[bytes, ReportDocument]:
    document = ReportDocument(report, provenance)
    as_of = datetime.fromisoformat(report["as_of"])
    document.set_creation_date(as_of)
    document.set_title(f"{document.word('title')} — {report['case']['case_id']}")
    document.set_lang("nl-NL" if report["language"] == "nl" else "en-GB")
    document.set_creator("Evenwijdig")
    document.set_producer("Evenwijdig court report (fpdf2)")
    if provenance is not None:
        document.set_author(provenance["practice"]["name"])
        # Machine-readable for `evenwijdig report verify`: the PDF's Subject (and XMP description).
        document.set_subject(provenance_subject(report, provenance))
    document.set_xmp_metadata(_xmp(document, as_of))
    write_report(document)
    return bytes(document.output()), document


def provenance_subject(report: dict[str, Any], provenance: dict[str, Any]) -> str:
    """What a verifier needs of the provenance, as compact JSON: the report id, content hash, sources, checkpoints."""
    essential = {key: provenance[key] for key in ("report_id", "content_sha256", "checkpoints")}
    essential["sources"] = report["sources"]
    return PROVENANCE_PREFIX + orjson.dumps(essential, option=orjson.OPT_SORT_KEYS).decode("utf-8")


def _in_points(document: ReportDocument) -> SignatureBox:
    """The signature box in PDF points from the page's bottom left, as a signature field is placed."""
    from services.court_report.signing import SignatureBox

    page, x, y, w, h = document.signature_box  # type: ignore[misc]
    k = document.k
    bottom = document.h - y - h
    return SignatureBox(page, (round(x * k), round(bottom * k), round((x + w) * k), round((bottom + h) * k)))


def _xmp(document: ReportDocument, as_of: datetime) -> str:
    """fpdf2's PDF/A metadata, with every date the report's moment instead of the clock."""
    stamp = escape(as_of.isoformat(timespec="seconds"), quote=True)
    title = escape(document.title or "", quote=True)
    return "\n".join([
        '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="fpdf2">',
        '  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"',
        '    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
        '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
        f'    <rdf:Description rdf:about="" xmp:CreatorTool="{escape(document.creator, quote=True)}"',
        f'        xmp:CreateDate="{stamp}" xmp:ModifyDate="{stamp}" xmp:MetadataDate="{stamp}"',
        f'        pdf:Producer="{escape(document.producer, quote=True)}">',
        "      <pdfaid:part>2</pdfaid:part>",
        "      <pdfaid:conformance>U</pdfaid:conformance>",
        f'      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>',
        *([f'      <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(document.subject, quote=True)}'
            '</rdf:li></rdf:Alt></dc:description>'] if getattr(document, "subject", None) else []),
        *([f'      <dc:creator><rdf:Seq><rdf:li>{escape(document.author, quote=True)}</rdf:li></rdf:Seq></dc:creator>']
          if getattr(document, "author", None) else []),
        "    </rdf:Description>",
        "  </rdf:RDF>",
        "</x:xmpmeta>",
    ])
