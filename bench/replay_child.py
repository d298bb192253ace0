"""The replay-memory child: replays a whole context history and reports its own peak memory.

Reads the context's store mapping (JSON) on stdin; prints one JSON line: the number of
events, the seconds taken, and the peak resident set (VmHWM) before and after the replay.
Run as its own process so nothing of the benchmark's own memory is counted.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from services.parent_a_context.application import ParentAContext
from services.platform.replay import Replay


def peak_kb() -> int:
    """The process's peak resident set so far, in KiB (Linux: VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> int:
    app = ParentAContext(json.loads(sys.stdin.read()))
    before = peak_kb()
    started, count = time.perf_counter(), 0
    for _ in Replay(app).events():
        count += 1
    seconds = time.perf_counter() - started
    print(json.dumps({"events": count, "seconds": seconds, "before_kb": before, "peak_kb": peak_kb()}), flush=True)
    app.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
