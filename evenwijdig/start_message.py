"""What ``evenwijdig serve`` says when it starts: a few lines a person reads, not a data dump."""

from __future__ import annotations

from evenwijdig.settings import Settings


def start_message(settings: Settings, host: str, port: int, release: str) -> str:
    browser_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    base = f"http://{browser_host}:{port}"
    if settings.postgres is not None:
        where = f"PostgreSQL at {settings.postgres.host}:{settings.postgres.port}"
    else:
        where = f"SQLite files in {settings.data_dir}/"
    lines = [f"Evenwijdig {release} ({settings.environment}), stores: {where}"]
    if settings.is_production:
        lines.append(f"GraphQL: POST {base}/graphql/<audience> with 'Authorization: Bearer <token>'")
    else:
        lines.append(f"GraphiQL: {base}/graphiql  (choose a page, sign in as a demo user, run the example)")
        lines.append(f"GraphQL:  POST {base}/graphql/<audience>; a token: evenwijdig token --role ROLE --user USER")
    lines.append(f"Health:   {base}/readyz" + ("" if not settings.metrics_enabled else f"   Metrics: {base}/metrics"))
    lines.append("Stop with Ctrl-C.")
    return "\n".join(lines)
