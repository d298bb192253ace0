"""The ``evenwijdig`` command: one entry point for operators, one composition root per process."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Callable, Sequence

from evenwijdig import audit_cli
from evenwijdig import report_cli
from evenwijdig.settings import Settings, SettingsError


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from gateway.app import create_app

    port = args.port or settings.port
    host = args.host or settings.host
    base = f"http://{host}:{port}"
    print(f"Evenwijdig gateway on {base} ({settings.store}, {settings.environment})", flush=True)
    if not settings.is_production:
        for role in ROLES:
            print(f"GraphiQL ({role}): {base}/graphql/{role.replace('_', '-')}", flush=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", server_header=False)
    return 0


def _demo(settings: Settings, args: argparse.Namespace) -> int:
    from evenwijdig.bootstrap import bootstrap
    from evenwijdig.demo import load_demo

    contexts = bootstrap(settings)
    try:
        summary = load_demo(contexts)
        anchor = _anchor_demo(settings, contexts)
    finally:
        contexts.close()
    if anchor is not None:
        summary["anchor"] = str(anchor)
    if not settings.is_production:
        summary["tokens"] = _demo_tokens(settings)
    print(json.dumps(summary, sort_keys=True), flush=True)
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
    from gateway.directory.roles import Role

    return {key: mint_development_token(settings.data_dir, user, Role(role)) for key, (user, _, role) in STAFF.items()}


def _token(settings: Settings, args: argparse.Namespace) -> int:
    from gateway.auth import mint_development_token
    from gateway.directory.roles import Role

    if settings.is_production:
        print("evenwijdig: development tokens are off in production; use the identity provider", file=sys.stderr)
        return 2
    print(mint_development_token(settings.data_dir, args.user, Role(args.role), args.hours * 3600), flush=True)
    return 0


COMMANDS: dict[str, Callable[[Settings, argparse.Namespace], int]] = {
    "serve": _serve, "demo": _demo, "token": _token, "audit": audit_cli.run, "report": report_cli.run,
}
ROLES = ("counsellor", "child_counsellor", "coordinator", "auditor", "admin")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="evenwijdig", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the GraphQL gateway on uvicorn")
    serve.add_argument("--port", type=int, help="port to listen on (default EVENWIJDIG_PORT or 8000)")
    serve.add_argument("--host", help="address to bind (default EVENWIJDIG_HOST or 127.0.0.1)")
    commands.add_parser("demo", help="load the demo case into the configured stores (idempotent)")
    commands.add_parser("bench", help="the benchmark suite: evenwijdig bench [--quick] [--json FILE] (see docs/benchmarks.md)")
    token = commands.add_parser("token", help="mint a development bearer token (not in production)")
    token.add_argument("--role", required=True, choices=ROLES)
    token.add_argument("--user", required=True, help="the user id the token speaks for")
    token.add_argument("--hours", type=int, default=12, choices=range(1, 169), metavar="1..168", help="lifetime")
    audit_cli.add_parser(commands)
    report_cli.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["bench"]:  # the benchmarks make their own stores and read no settings
        from bench.__main__ import main as bench_main

        return bench_main(argv[1:])
    if argv[:2] == ["report", "verify"]:  # needs no settings and no store: a file and what the practice published
        from evenwijdig.report_verify_cli import main as verify_main

        return verify_main(argv[2:])
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_environ(os.environ)
    except SettingsError as error:
        print(f"evenwijdig: configuration error: {error}", file=sys.stderr)
        return 2
    return COMMANDS[args.command](settings, args)


if __name__ == "__main__":
    raise SystemExit(main())
