"""The ``evenwijdig`` command: one entry point for operators, one composition root per process."""

from __future__ import annotations

import argparse
import json
import os
import sys
from importlib.metadata import version
from typing import Callable, Sequence

from evenwijdig import admin_cli, audit_cli, report_cli, retention_cli, store_cli
from evenwijdig.failures import EXIT_CODES, REFUSED, report
from evenwijdig.settings import Settings


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from evenwijdig.bootstrap import bootstrap
    from evenwijdig.logs import configure_logging
    from evenwijdig.start_message import start_message
    from gateway.app import create_app

    port = args.port or settings.port
    host = args.host or settings.host
    options = dict(host=host, port=port, log_level="warning", server_header=False, log_config=None, access_log=False)
    # Opened here, not in the app's start-up: a store that cannot be used is then one line and exit 2,
    # not uvicorn's traceback of a failed lifespan.
    contexts = bootstrap(settings)
    configure_logging()
    if args.workers > 1:
        # Each worker process opens the stores itself (evenwijdig.worker); this one only supervises them.
        contexts.close()
        print(start_message(settings, host, port, version("evenwijdig")), flush=True)
        uvicorn.run("evenwijdig.worker:gateway", factory=True, workers=args.workers, **options)
        return 0
    try:
        print(start_message(settings, host, port, version("evenwijdig")), flush=True)
        uvicorn.run(create_app(settings, contexts), **options)
    finally:
        contexts.close()
    return 0


def _demo(settings: Settings, args: argparse.Namespace) -> int:
    from evenwijdig.bootstrap import bootstrap
    from evenwijdig.demo import DEMO_STEPS, load_demo
    from evenwijdig.progress import Progress

    contexts = bootstrap(settings)
    progress = Progress("demo", DEMO_STEPS, unit="parts")
    try:
        summary = load_demo(contexts, progress.update)
        anchor = _anchor_demo(settings, contexts)
    finally:
        contexts.close()
    progress.finish("demo: loaded")
    if anchor is not None:
        summary["anchor"] = str(anchor)
    if args.json:
        if not settings.is_production:
            summary["tokens"] = _demo_tokens(settings)
        print(json.dumps(summary, sort_keys=True), flush=True)
    else:
        print(f"Demo case {summary['case_id']} is loaded ({settings.store}); "
              f"sign in as a demo user on GraphiQL, or get a token with "
              f"`evenwijdig token --role counsellor --user demo-counsellor-a`.", flush=True)
    return 0


def _anchor_demo(settings: Settings, contexts) -> object:  # noqa: ANN001
    """Sign each store's head and export it to the anchor, so `audit verify --anchor` has one to check."""
    from services.platform.anchor import export
    from services.platform.checkpoints import load_signing_key

    if settings.anchor is None:
        return None
    key = load_signing_key(settings.audit_signing_key, settings.data_dir, development=not settings.is_production)
    for app in contexts.by_name().values():
        _, signed = app.chain.checkpoint(key)
        if signed is not None:
            export(settings.anchor, signed)
    return settings.anchor


def _demo_tokens(settings: Settings) -> dict[str, str]:
    """A development token for each demo user, keyed as the demo names them (counsellor_a, ...)."""
    from evenwijdig.demo_case import STAFF
    from gateway.auth import mint_development_token
    from services.staff_directory.api import Role

    return {key: mint_development_token(settings.data_dir, user, Role(role)) for key, (user, _, role) in STAFF.items()}


def _token(settings: Settings, args: argparse.Namespace) -> int:
    from gateway.auth import mint_development_token
    from services.staff_directory.api import Role

    if settings.is_production:
        print("evenwijdig: development tokens are off in production; use the identity provider", file=sys.stderr)
        return REFUSED
    print(mint_development_token(settings.data_dir, args.user, Role(args.role), args.hours * 3600), flush=True)
    return 0


COMMANDS: dict[str, Callable[[Settings, argparse.Namespace], int]] = {
    "serve": _serve, "demo": _demo, "token": _token, "audit": audit_cli.run, "report": report_cli.run,
    "retention": retention_cli.run, "admin": admin_cli.run, "store": store_cli.run,
}
ROLES = ("counsellor", "child_counsellor", "coordinator", "mediator", "auditor", "admin")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 as documented (argparse's own code too)
        self.print_usage(sys.stderr)
        self.exit(REFUSED, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="evenwijdig", description=__doc__, epilog=EXIT_CODES,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {version('evenwijdig')}")
    parser.add_argument("--traceback", action="store_true", help="on an unexpected error, show where it happened")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    serve = commands.add_parser("serve", help="run the GraphQL gateway on uvicorn")
    serve.add_argument("--port", type=int, help="port to listen on (default EVENWIJDIG_PORT or 8000)")
    serve.add_argument("--host", help="address to bind (default EVENWIJDIG_HOST or 127.0.0.1)")
    serve.add_argument("--workers", type=int, default=1, choices=range(1, 65), metavar="1..64",
                       help="gateway processes sharing the port (default 1); each opens its own store connections")
    demo = commands.add_parser("demo", help="load the demo case into the configured stores (idempotent)")
    demo.add_argument("--json", action="store_true", help="print one JSON line: case id, store positions and "
                                                         "(outside production) a development token per demo user")
    commands.add_parser("bench", help="the benchmark suite: evenwijdig bench [--quick] [--json FILE] (see docs/benchmarks.md)")
    token = commands.add_parser("token", help="mint a development bearer token (not in production)")
    token.add_argument("--role", required=True, choices=ROLES)
    token.add_argument("--user", required=True, help="the user id the token speaks for")
    token.add_argument("--hours", type=int, default=12, choices=range(1, 169), metavar="1..168", help="lifetime")
    audit_cli.add_parser(commands)
    report_cli.add_parser(commands)
    retention_cli.add_parser(commands)
    admin_cli.add_parser(commands)
    store_cli.add_parser(commands)
    return parser


def _bench(argv: list[str]) -> int:
    try:
        from bench.__main__ import main as bench_main
    except ModuleNotFoundError as error:  # the benchmarks need the test extras (httpx, ...)
        print(f"evenwijdig: bench needs the test extras (missing {error.name}); "
              f"install them with: pip install -e '.[test]' (or make test)", file=sys.stderr)
        return REFUSED
    return bench_main(argv)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["bench"]:  # the benchmarks make their own stores and read no settings
        return _bench(argv[1:])
    if argv[:2] == ["report", "verify"]:  # needs no settings and no store: a file and what the practice published
        from evenwijdig.report_verify_cli import main as verify_main

        return verify_main(argv[2:])
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_environ(os.environ)
        return COMMANDS[args.command](settings, args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the command's one boundary: one line, a documented code
        return report(error, show_traceback=args.traceback)


if __name__ == "__main__":
    raise SystemExit(main())
