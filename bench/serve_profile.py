"""``evenwijdig serve`` under one of the measured configurations (``bench.tuning``), for comparison.

Configured by the environment exactly like ``evenwijdig serve``; every context's store mapping
is changed as the profile says, then the gateway is served with the same uvicorn settings as
``evenwijdig serve``.

Run as ``python -m bench.serve_profile --profile NAME --port N``.
"""

from __future__ import annotations

import argparse
import os

import uvicorn

from evenwijdig.settings import Settings
from evenwijdig.bootstrap import bootstrap
from gateway.app import create_app

from bench.tuning import PROFILES


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.serve_profile")
    parser.add_argument("--profile", choices=list(PROFILES), required=True)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    profile = PROFILES[args.profile]
    production_store = Settings.context_store

    def profiled_store(self: Settings, context: str) -> dict[str, str]:
        return profile.mapping(production_store(self, context))

    # This process only ever serves the benchmark, so the class itself may carry the profile.
    Settings.context_store = profiled_store  # type: ignore[method-assign]
    settings = Settings.from_environ(os.environ)
    uvicorn.run(create_app(settings, open_contexts=bootstrap), host="127.0.0.1", port=args.port, log_level="info", server_header=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
