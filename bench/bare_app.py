"""The gateway-read baseline: a bare FastAPI endpoint returning the same projection from memory.

Served by uvicorn with the settings ``evenwijdig serve`` uses (loopback, log level info with
the access log, no server header), so the ratio measures what the gateway does per request:
authentication, the directory and assignment checks, the access-log write, loading the
trajectory and executing the GraphQL query.

Run as ``python -m bench.bare_app --port N --payload FILE`` (FILE: the gateway's JSON answer).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI, Request


def create_app(projection: dict[str, Any]) -> FastAPI:
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    @app.post("/graphql/counsellor")
    async def counsellor(request: Request) -> dict[str, Any]:
        await request.json()  # a real endpoint reads what it is asked
        return projection

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "alive"}

    return app


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bare_app")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--payload", type=Path, required=True)
    args = parser.parse_args()
    projection = json.loads(args.payload.read_text(encoding="utf-8"))
    uvicorn.run(create_app(projection), host="127.0.0.1", port=args.port, log_level="info", server_header=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
