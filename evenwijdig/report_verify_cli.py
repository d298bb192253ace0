"""``evenwijdig report verify FILE``: check a court report from the file alone, without any store.

Exit codes: 0 everything checked holds; 1 something does not (each failure is named on
standard error, the JSON line on standard output lists what was checked); 2 the file or
an option cannot be read.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Sequence

import orjson


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="evenwijdig report verify",
        description="Verify a court report (PDF, or JSON with its .p7s) without the practice's system: the "
                    "signature, the certificate, the content hash and the checkpoints it embeds.")
    parser.add_argument("file", type=Path, help="the report (PDF or JSON)")
    parser.add_argument("--signature", type=Path, help="a JSON report's detached signature (default: FILE.p7s)")
    parser.add_argument("--trust", type=Path, action="append", default=[],
                        help="a PEM file of trusted root certificates, e.g. the practice's CA (repeatable; "
                             "default: the system's roots)")
    parser.add_argument("--anchor", type=Path, help="the checkpoint anchor the practice published (JSON Lines)")
    parser.add_argument("--checkpoint-key", type=Path, dest="checkpoint_key",
                        help="the practice's Ed25519 checkpoint public key (PEM)")
    return parser


def main(argv: Sequence[str]) -> int:
    from services.court_report.verify import verify_report

    args = build_parser().parse_args(list(argv))
    # pyHanko logs each failed check with a traceback; the failures are named below, in words.
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
    try:
        outcome = verify_report(args.file, signature=args.signature, trust=args.trust, anchor=args.anchor,
                                checkpoint_key=args.checkpoint_key)
    except (OSError, ValueError) as error:
        print(f"evenwijdig report verify: {error}", file=sys.stderr)
        return 2
    sys.stdout.buffer.write(orjson.dumps({"file": str(args.file), **outcome.as_dict()}) + b"\n")
    for failure in outcome.failed:
        print(f"{args.file}: FAILED: {failure}", file=sys.stderr)
    return 0 if outcome.ok else 1
