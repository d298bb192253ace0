"""The report as canonical JSON: the same data always gives the same bytes.

UTF-8 (no escaping of non-ASCII text), keys sorted at every level, two-space indentation
with fixed separators, one trailing newline. Only strings, integers, booleans, null,
lists and objects occur, so no float formatting can differ between machines.
"""

from __future__ import annotations

from typing import Any

import orjson

MEDIA_TYPE = "application/json"


def render_json(report: dict[str, Any]) -> bytes:
    """The report's canonical JSON bytes."""
    return orjson.dumps(report, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
