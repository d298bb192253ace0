"""Logging for the running gateway: one JSON object per line on stderr, through structlog.

Every logger of the code base (the standard ``logging`` ones) goes through the same renderer,
so each line has ``time`` (UTC), ``level``, ``logger`` and ``event``, and within a request its
``request_id`` and ``audience`` (bound by gateway.observability), plus the fields a call passes
in ``extra``. Configured once by the composition root; tests leave logging alone.
"""

from __future__ import annotations

import logging
import sys

import structlog

SHARED = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.stdlib.ExtraAdder(),
    structlog.processors.TimeStamper(fmt="iso", utc=True, key="time"),
]


def configure_logging(level: int = logging.INFO, stream=sys.stderr) -> None:  # noqa: ANN001
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=SHARED,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    structlog.processors.format_exc_info, structlog.processors.JSONRenderer(sort_keys=True)],
    )
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # uvicorn's own loggers: errors only, in the same format (requests are logged by RequestLog).
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers[:] = []
        logger.propagate = True
        logger.setLevel(logging.WARNING)
    structlog.configure(processors=[*SHARED, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
                        logger_factory=structlog.stdlib.LoggerFactory(), cache_logger_on_first_use=True)
