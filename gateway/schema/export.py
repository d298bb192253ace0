"""Write each audience's SDL to gateway/schema/<audience>/<audience>.graphql: ``python -m gateway.schema.export``.

The files are checked in; a test fails when the code and a file differ, so a change to
what a role can see always shows up in review as a change to its schema file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from gateway.audiences import SCHEMAS

HERE = Path(__file__).resolve().parent


def sdl_files() -> dict[Path, str]:
    return {HERE / role.value / f"{role.value}.graphql": make(introspection=False).as_str() + "\n" for role, make in SCHEMAS.items()}


def main() -> int:
    for path, sdl in sdl_files().items():
        path.write_text(sdl)
        print(f"wrote {path.relative_to(HERE.parents[1])}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
