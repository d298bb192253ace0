"""``evenwijdig admin create-first --user U``: the first administrator of a new installation.

Every other member of staff is registered by an administrator through the gateway (and an
administrator never grants anything to themselves). The first one has nobody to register
them, so the operator does it here, once: refused as soon as any administrator exists.
"""

from __future__ import annotations

import argparse
import getpass
from typing import Any

from evenwijdig.settings import Settings


def add_parser(commands: Any) -> None:
    admin = commands.add_parser("admin", help="the first administrator of a new installation")
    actions = admin.add_subparsers(dest="admin_command", required=True)
    first = actions.add_parser("create-first", help="register the first administrator (refused once one exists)")
    first.add_argument("--user", required=True, help="the administrator's user id, as their tokens name them")
    first.add_argument("--name", help="their display name (default: the user id)")


def run(settings: Settings, args: argparse.Namespace) -> int:
    from evenwijdig.bootstrap import bootstrap

    contexts = bootstrap(settings)
    try:
        # Who did it is recorded like any change: the operator's own account on this machine.
        contexts.directory.create_first_administrator(args.user.strip(), (args.name or args.user).strip(),
                                                      actor=f"operator:{getpass.getuser()}")
    finally:
        contexts.close()
    print(f"evenwijdig: {args.user} is the first administrator", flush=True)
    return 0
