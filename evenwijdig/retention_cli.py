"""``evenwijdig retention``: the cases whose retention term has ended, and, confirmed, their erasure.

Lists, one JSON line each, the cases of each parent context whose retention term ended by
``--on`` (default today) and whose private text is not erased yet. ``--erase --yes`` erases them
(recorded on each trajectory as "retention period ended", then the case key is destroyed, and
the erasure ledger keeps it through any restore); ``--erase`` without ``--yes`` changes nothing.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date
from typing import Any

import orjson

from evenwijdig.settings import Settings
from services.platform.stores import Store

CONTEXTS = {Store.PARENT_A: "parent_a", Store.PARENT_B: "parent_b"}


def add_parser(commands: Any) -> None:
    retention = commands.add_parser("retention", help="list the cases past their retention term; erase them "
                                                      "with --erase --yes")
    retention.add_argument("--on", type=date.fromisoformat, help="as of this day (default: today)")
    retention.add_argument("--erase", action="store_true", help="erase the private text of the cases listed")
    retention.add_argument("--yes", action="store_true", help="confirm --erase (without it nothing changes)")
    retention.add_argument("--user", help="who erases, as recorded (default: EVENWIJDIG_AUDIT_USER or the OS user)")


def run(settings: Settings, args: argparse.Namespace) -> int:
    from evenwijdig.bootstrap import bootstrap

    on = args.on or date.today()
    user = args.user or settings.audit_user or getpass.getuser()
    contexts = bootstrap(settings)
    try:
        apps = {name: getattr(contexts, attribute) for name, attribute in CONTEXTS.items()}
        due = {name: app.case_keys.due_for_erasure(on) for name, app in apps.items()}
        count = sum(len(cases) for cases in due.values())
        if args.erase and not args.yes and count:
            _lines(due, "due")
            print(f"evenwijdig: {count} cases would be erased; run again with --erase --yes to erase them",
                  file=sys.stderr)
            return 2
        if args.erase:
            due = {name: app.erase_expired(on, actor=user) for name, app in apps.items()}
        _lines(due, "erased" if args.erase else "due")
    finally:
        contexts.close()
    return 0


def _lines(due: dict, state: str) -> None:
    for context, cases in due.items():
        for case_id in cases:
            sys.stdout.buffer.write(orjson.dumps({"context": context, "case_id": str(case_id), "state": state}) + b"\n")
    sys.stdout.buffer.flush()
