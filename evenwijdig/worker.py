"""The composition root of one gateway worker process (``evenwijdig serve --workers N``).

uvicorn starts each worker as a fresh process and asks it for its application by name
(``evenwijdig.worker:gateway``, a factory). A worker reads the same environment the command
did, through the same settings, and opens its own connections to the stores in the
application's start-up: nothing is shared between workers but the stores, exactly as between
two gateways started by hand (docs/reliability.md, several processes).
"""

from __future__ import annotations

import os

from fastapi import FastAPI


def gateway() -> FastAPI:
    from evenwijdig.bootstrap import bootstrap
    from evenwijdig.logs import configure_logging
    from evenwijdig.settings import Settings
    from gateway.app import create_app

    configure_logging()
    return create_app(Settings.from_environ(os.environ), open_contexts=bootstrap)
