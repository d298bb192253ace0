"""The gateway served by uvicorn on a loopback port, in a thread of the test process.

Real sockets and real concurrency (uvicorn's event loop, anyio's worker threads), while the
test still holds the stores' applications to look inside them.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import Iterator

import uvicorn
from fastapi import FastAPI

from tests.support.processes import free_port


@contextmanager
def served(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` (its lifespan included) and yield its base URL; stop it afterwards."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="on", access_log=False))
    thread = threading.Thread(target=server.run, name="gateway-under-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the gateway did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
