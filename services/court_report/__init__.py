"""The court report (rapportage voor de rechter): one case as of a moment, as canonical JSON or PDF/A.

``build_report(contexts, case_id, as_of, language=...)`` reads the three contexts as of
the moment and returns the report as plain data; ``render_json`` and ``render_pdf`` turn
it into bytes; ``make_report`` does all three and records that the report was made.
What the report contains and never contains: ``docs/court-report.md``.
"""

from services.court_report.making import MadeReport, make_report
from services.court_report.model import ReportNotFound, build_report
from services.court_report.render_json import render_json
from services.court_report.render_pdf import render_pdf
from services.court_report.sides import ReleaseWithdrawnSince

__all__ = ["build_report", "render_json", "render_pdf", "make_report", "MadeReport", "ReportNotFound",
           "ReleaseWithdrawnSince"]
