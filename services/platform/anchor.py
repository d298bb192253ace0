"""An append-only anchor outside the store: a file to which every signed checkpoint is exported.

Someone who can write to a store can remove events, recompute the chain and delete the
checkpoint rows; they cannot reach a copy of the checkpoints kept elsewhere. The anchor
is a JSON Lines file the operator chooses (another disk, a write-once mount, a directory
synchronised off the machine); each line is one checkpoint as it was signed. Lines are
only ever appended (``O_APPEND``, flushed to disk before the command returns).
``evenwijdig audit verify --anchor FILE`` checks the store against every line.
"""

from __future__ import annotations

import os
from pathlib import Path

import orjson

from services.platform.checkpoints import Checkpoint


def export(anchor: Path, checkpoint: Checkpoint) -> None:
    """Append ``checkpoint`` to the anchor file (created, mode 0640, when missing)."""
    anchor.parent.mkdir(parents=True, exist_ok=True)
    line = orjson.dumps(checkpoint.as_dict(), option=orjson.OPT_SORT_KEYS) + b"\n"
    fd = os.open(anchor, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)


def anchored(anchor: Path, context: str) -> list[Checkpoint]:
    """The checkpoints of ``context`` in the anchor file; a malformed line is an error naming its number."""
    try:
        lines = anchor.read_bytes().splitlines()
    except OSError as error:
        raise ValueError(f"the anchor {anchor} cannot be read: {error.strerror}") from None
    found = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            checkpoint = Checkpoint.from_dict(orjson.loads(line))
        except (orjson.JSONDecodeError, ValueError, AttributeError) as error:
            raise ValueError(f"line {number} of the anchor {anchor} is not a checkpoint: {error}") from None
        if checkpoint.context == context:
            found.append(checkpoint)
    return found
