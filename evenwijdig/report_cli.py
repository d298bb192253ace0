"""``evenwijdig report CASE_ID --as-of TIME --format pdf|json -o FILE``: make a court report on the command line.

The report is read from all three contexts, so the access is recorded first in each
context's own access log (action "export", role "operator", the user from ``--user``,
``EVENWIJDIG_AUDIT_USER`` or the operating system), then the report is made and
recorded in the case's register of reports, and written to FILE. One JSON line on
standard output says what was written (report id, SHA-256, the content's SHA-256). A PDF
carries its PAdES signature inside; a JSON report's detached signature goes to FILE.p7s.

Exit codes: 0 written; 2 refused (no such case at that moment, a moment in the future, a release
withdrawn since, a file that cannot be written), a configuration error or a store that cannot be
opened. 1 is kept for a history that does not verify, as in every command.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from uuid import UUID

import orjson

from evenwijdig.audit_cli import moment
from evenwijdig.settings import Settings
from services.platform.access_log import Access, Action
from services.platform.errors import DomainError

ROLE = "operator"
SIGNATURE_SUFFIX = ".p7s"
CONTEXTS = ("parent_a", "parent_b", "shared")


def add_parser(commands: Any) -> None:
    report = commands.add_parser("report", help="make the court report of a case as of a moment (PDF or JSON); "
                                                "`evenwijdig report verify FILE` checks one")
    report.add_argument("case_id", type=_uuid, metavar="CASE_ID")
    report.add_argument("--as-of", required=True, type=moment, dest="as_of",
                        help="the moment the report is made as of (ISO 8601; without a zone: UTC)")
    report.add_argument("--format", required=True, choices=("pdf", "json"))
    report.add_argument("-o", "--output", required=True, help="the file to write the report to")
    report.add_argument("--language", default="nl", choices=("nl", "en"), help="nl (default) or en")
    report.add_argument("--proceeding", help="for which proceeding, e.g. the court's case number (recorded)")
    report.add_argument("--user", help="who makes the report (default: EVENWIJDIG_AUDIT_USER or the OS user)")


def run(settings: Settings, args: argparse.Namespace) -> int:
    from evenwijdig.bootstrap import bootstrap
    from services.court_report.making import make_report
    from services.court_report.provenance import Issuer

    user = args.user or settings.audit_user or getpass.getuser()
    refusal = _refusal(args)
    if refusal is not None:
        return refusal
    try:
        issuer = Issuer.from_settings(settings)
    except ValueError as error:
        print(f"evenwijdig report: {error}", file=sys.stderr)
        return 2
    try:
        contexts = bootstrap(settings)
    except Exception as error:  # noqa: BLE001 - any store that cannot be opened is a configuration matter
        print(f"evenwijdig report: the stores cannot be opened: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    try:
        for name in CONTEXTS:  # recorded before the report reads anything
            app = getattr(contexts, name)
            app.access_log.record(Access(user=user, role=ROLE, action=Action.EXPORT, context=app.name,
                                         case_id=args.case_id, operation="report", responsible_user=user))
        made = make_report(contexts, args.case_id, as_of=args.as_of, format=args.format, language=args.language,
                           proceeding=args.proceeding, actor=user, role=ROLE, issuer=issuer)
    except DomainError as error:
        print(f"evenwijdig report: {error}", file=sys.stderr)
        return 2
    finally:
        contexts.close()
    Path(args.output).write_bytes(made.content)
    if made.signature is not None:  # JSON: the detached CMS signature beside it
        Path(args.output + SIGNATURE_SUFFIX).write_bytes(made.signature)
    sys.stdout.buffer.write(orjson.dumps(_summary(made, args.output), option=orjson.OPT_SORT_KEYS) + b"\n")
    return 0


def _refusal(args: argparse.Namespace) -> int | None:
    """The exit code of a request refused before anything is logged or read, or None."""
    from services.court_report.making import check_request

    target = Path(args.output)
    # A report that is made and recorded must also be written: check that it can be.
    if target.is_dir() or not os.access(target.parent.resolve(), os.W_OK):
        print(f"evenwijdig report: cannot write {args.output}", file=sys.stderr)
        return 2
    try:
        check_request(args.as_of, args.format, args.proceeding, datetime.now(timezone.utc))
    except DomainError as error:
        print(f"evenwijdig report: {error}", file=sys.stderr)
        return 2
    return None


def _summary(made: Any, output: str) -> dict[str, Any]:
    return {"report_id": str(made.report_id), "case_id": str(made.case_id), "as_of": made.as_of.isoformat(),
            "format": made.format, "language": made.language, "sha256": made.sha256, "file": output,
            "bytes": len(made.content), "evaluations_included": list(made.evaluations_included),
            "content_sha256": made.content_sha256,
            "signature": output + SIGNATURE_SUFFIX if made.signature is not None else None}


def _uuid(text: str) -> UUID:
    try:
        return UUID(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a case id: {text!r}") from None
