"""``evenwijdig audit``: replay a context's history, verify it, sign checkpoints, read the access log.

Each command opens only the store of the context it names (``verify`` without
``--context`` opens each in turn, on its own). Every read of case data is itself
recorded, before it happens, in that context's access log: role "auditor", the user
from ``--user``, ``EVENWIJDIG_AUDIT_USER`` or the operating system.

Exit codes: 0 done (``verify``: everything intact), 1 a history does not verify (the
first broken position and its kind are named on stderr), 2 configuration error or a
store that cannot be opened or used: damaged, read-only, unreachable (one line on stderr each;
``verify`` still checks every other context).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from uuid import UUID

import orjson

from evenwijdig.progress import Progress
from evenwijdig.settings import STORES, Settings
from services.platform.access_log import Access, Action
from services.platform.anchor import anchored, export
from services.platform.application import ContextApplication
from services.platform.as_of import case_state_as_of, has_case
from services.platform.checkpoints import load_signing_key
from services.platform.errors import DomainError, NotFound
from services.platform.replay import HistoryFilter, write_history

ROLE = "auditor"
#: A parent's data lives in their own side's store and in the shared agreements (both parents' there).
EXTRACT_CONTEXTS = {"parent_a": ("parent_a_context", "shared_agreements"),
                    "parent_b": ("parent_b_context", "shared_agreements")}


def add_parser(commands: Any) -> None:
    audit = commands.add_parser("audit", help="replay, verify and checkpoint the history; read the access log")
    actions = audit.add_subparsers(dest="audit_command", required=True)
    replay = _with_user(actions.add_parser("replay", help="one context's history as JSON Lines"))
    replay.add_argument("--context", required=True, choices=STORES)
    replay.add_argument("--case", type=_uuid, help="only this case")
    replay.add_argument("--since", type=moment, help="from this time (ISO 8601; without a zone: UTC)")
    replay.add_argument("--until", type=moment, help="up to and including this time")
    replay.add_argument("--type", dest="event_type", help="only events of this type, e.g. SessionRecorded")
    replay.add_argument("--output", help="write to this file instead of standard output")
    _add_state_parser(actions)
    for name, text in (("verify", "recompute the hash chains and checkpoints; non-zero when one is broken"),
                       ("checkpoint", "verify, then sign the head of each intact history")):
        command = _with_user(actions.add_parser(name, help=text))
        command.add_argument("--context", choices=STORES, help="only this context (default: every one)")
    verify = actions.choices["verify"]
    verify.add_argument("--checkpoint", action="store_true", help="sign the head of each history that verifies")
    verify.add_argument("--anchor", help="also check the history against the checkpoints exported to this anchor "
                                         "file (default: none)")
    _with_user(actions.add_parser("public-key", help="the checkpoint key's public half (PEM), to publish beside the anchor "
                                          "for `evenwijdig report verify --checkpoint-key`"))
    log = _with_user(actions.add_parser("access-log", help="who accessed a context's case data (JSON Lines)"))
    log.add_argument("--context", required=True, choices=STORES)
    log.add_argument("--case", type=_uuid, help="only accesses to this case")
    extract = _with_user(actions.add_parser(
        "access-extract", help="one parent's extract of who accessed their case data (NEN 7513): JSON Lines"))
    extract.add_argument("--case", type=_uuid, required=True)
    extract.add_argument("--side", required=True, choices=tuple(EXTRACT_CONTEXTS),
                         help="whose extract: the parent of side A or of side B")


def _add_state_parser(actions: Any) -> None:
    state = _with_user(actions.add_parser("state", help="a case's state in one context as of a time or position"))
    state.add_argument("--context", required=True, choices=STORES)
    state.add_argument("--case", type=_uuid, required=True)
    moment_of = state.add_mutually_exclusive_group()
    moment_of.add_argument("--at", type=moment, help="as of this time (default: now)")
    moment_of.add_argument("--position", type=int, help="as of this position in the history")


def run(settings: Settings, args: argparse.Namespace) -> int:
    command = {"replay": _replay, "state": _state, "verify": _verify, "checkpoint": _verify,
               "access-log": _access_log, "access-extract": _access_extract,
               "public-key": _public_key}[args.audit_command]
    args.user = auditor(settings, args)
    try:
        return command(settings, args)
    except (DomainError, ValueError) as error:
        print(f"evenwijdig audit: {error}", file=sys.stderr)
        return 2


def open_context(settings: Settings, name: str) -> ContextApplication:
    """One context's application on its own store, and nothing else."""
    if name == "parent_a_context":
        from services.parent_a_context.application import ParentAContext as Context
    elif name == "parent_b_context":
        from services.parent_b_context.application import ParentBContext as Context  # type: ignore[assignment]
    elif name == "shared_agreements":
        from services.shared_agreements.application import SharedAgreements as Context
    elif name == "gateway":
        from services.staff_directory.application import StaffDirectory as Context
    else:
        raise ValueError(f"unknown context {name!r}")
    return Context(settings.context_store(name))


def moment(text: str) -> datetime:
    """An ISO 8601 time or date; without a zone it is UTC, a date alone is its midnight (UTC)."""
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {text!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _replay(settings: Settings, args: argparse.Namespace) -> int:
    only = HistoryFilter(case_id=args.case, since=args.since, until=args.until, event_type=args.event_type)
    # The file is opened first: an export that cannot be written is refused before it is logged or read.
    sink = open(args.output, "wb") if args.output else sys.stdout.buffer  # noqa: SIM115 - closed below
    try:
        app = open_context(settings, args.context)
        try:
            _record(app, args, Action.EXPORT, args.case, "audit replay")
            head = app.position
            progress = Progress(f"{args.context}: replay", head)
            count = write_history(app, sink, only, settings.audit_show_private_text, progress.update)
            sink.flush()
            progress.finish(f"{args.context}: {count:,} events written (history up to {head:,})")
        finally:
            app.close()
    finally:
        if args.output:
            sink.close()
    return 0


def _state(settings: Settings, args: argparse.Namespace) -> int:
    app = open_context(settings, args.context)
    try:
        _record(app, args, Action.READ, args.case, "audit state")
        state = case_state_as_of(app, args.case, at=args.at, position=args.position,
                                 show_private_text=settings.audit_show_private_text)
        if not state.aggregates and not has_case(app, args.case):
            raise NotFound(f"there is no case {args.case} in {app.name}")
    finally:
        app.close()
    document = {"context": state.context, "case_id": str(state.case_id), "position": state.position,
                "at": state.at.isoformat() if state.at else None, "aggregates": list(state.aggregates)}
    sys.stdout.buffer.write(orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n")
    return 0


def _verify(settings: Settings, args: argparse.Namespace) -> int:
    key = load_signing_key(settings.audit_signing_key, settings.data_dir, development=not settings.is_production)
    sign = args.audit_command == "checkpoint" or getattr(args, "checkpoint", False)
    anchor = getattr(args, "anchor", None)
    if anchor is not None and not Path(anchor).is_file():
        raise ValueError(f"the anchor {anchor} is not a file")
    broken = unreachable = 0
    for name in [args.context] if args.context else list(STORES):
        try:
            app = open_context(settings, name)
        except Exception as error:  # noqa: BLE001 - one store down must not stop the others' verification
            print(f"{name}: its store cannot be opened ({store_problem(error)}); not verified", file=sys.stderr)
            unreachable += 1
            continue
        try:
            # No access recorded, no verification: an auditor's read is always logged first.
            _record(app, args, Action.READ, None, f"audit {args.audit_command}")
            outside = anchored(Path(anchor), name) if anchor else ()
            progress = Progress(f"{name}: verify", app.position)
            if sign:
                result, signed = app.chain.checkpoint(key, progress=progress.update)
                if result.ok and outside:  # signing verified the store; the anchor is checked as for verify
                    result = app.chain.verify(key.public_key(), anchored=outside)
            else:
                result, signed = app.chain.verify(key.public_key(), progress=progress.update, anchored=outside), None
            progress.finish(f"{name}: {result.events_checked:,} events checked")
            if signed is not None and settings.anchor is not None:
                export(settings.anchor, signed)
        except Exception as error:  # noqa: BLE001 - a store that cannot be used is not a broken history
            print(f"{name}: its store cannot be used ({store_problem(error)}); not verified", file=sys.stderr)
            unreachable += 1
            continue
        finally:
            app.close()
        print(orjson.dumps(result.as_dict(signed.as_dict() if signed else None)).decode(), flush=True)
        if result.first_break is not None:
            broken += 1
            found = result.first_break
            print(f"{name}: BROKEN at position {found.position} ({found.kind.value}): {found.detail}", file=sys.stderr)
    return 1 if broken else 2 if unreachable else 0


def store_problem(error: BaseException) -> str:
    """One line saying why a store could not be used: damaged, read-only, unreachable."""
    cause = error.__cause__ or error
    text = " ".join(str(cause).split()) or type(cause).__name__
    if "malformed" in text or "not a database" in text:
        return f"damaged: {text}; restore it from a backup"
    if "readonly" in text or "read-only" in text:
        return f"read-only: {text}; verification records the auditor's access first and needs write access"
    return text


def _public_key(settings: Settings, args: argparse.Namespace) -> int:
    """Prints no case data and opens no store: the key that verifies checkpoints, for publishing."""
    from cryptography.hazmat.primitives import serialization

    key = load_signing_key(settings.audit_signing_key, settings.data_dir, development=not settings.is_production)
    sys.stdout.buffer.write(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                          serialization.PublicFormat.SubjectPublicKeyInfo))
    return 0


def _access_log(settings: Settings, args: argparse.Namespace) -> int:
    app = open_context(settings, args.context)
    try:
        _record(app, args, Action.READ if args.case else Action.SEARCH, args.case, "audit access-log")
        after = 0
        while entries := app.access_log.entries(after=after, limit=1000, case_id=args.case):
            for entry in entries:
                row = {"position": entry.position, "at": entry.at.isoformat(), **vars(entry.access)}
                sys.stdout.buffer.write(orjson.dumps({**row, "action": entry.access.action.value}) + b"\n")
            after = entries[-1].position
    finally:
        app.close()
    return 0


def _access_extract(settings: Settings, args: argparse.Namespace) -> int:
    """Who accessed this parent's case data, in which role, what they did and when: oldest first, both stores
    merged. Making the extract is itself recorded first (an export), so it shows in the next one."""
    rows = []
    for name in EXTRACT_CONTEXTS[args.side]:
        app = open_context(settings, name)
        try:
            _record(app, args, Action.EXPORT, args.case, "audit access-extract")
            after = 0
            while entries := app.access_log.entries(after=after, limit=1000, case_id=args.case):
                rows += [_extract_row(name, entry) for entry in entries]
                after = entries[-1].position
        finally:
            app.close()
    for row in sorted(rows, key=lambda r: (r["at"], r["store"])):
        sys.stdout.buffer.write(orjson.dumps(row) + b"\n")
    return 0


def _extract_row(store: str, entry: Any) -> dict[str, Any]:
    access = entry.access
    return {"at": entry.at.isoformat(), "user": access.user, "role": access.role, "action": access.action.value,
            "operation": access.operation, "responsible_user": access.responsible_user,
            "emergency": access.emergency, "store": store}


def _record(app: ContextApplication, args: argparse.Namespace, action: Action, case_id: UUID | None,
            operation: str) -> None:
    app.access_log.record(Access(user=args.user, role=ROLE, action=action, context=app.name, case_id=case_id,
                                 operation=operation, responsible_user=args.user))


def _with_user(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--user", help="who is auditing, for the access log (default: EVENWIJDIG_AUDIT_USER or "
                                       "the operating-system user)")
    return parser


def auditor(settings: Settings, args: argparse.Namespace) -> str:
    """Who audits: ``--user``, else ``EVENWIJDIG_AUDIT_USER``, else the operating-system user."""
    return args.user or settings.audit_user or getpass.getuser()


def _uuid(text: str) -> UUID:
    try:
        return UUID(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a case id: {text!r}") from None
