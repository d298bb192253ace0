"""How the command fails: one line on stderr and a documented exit code, never a traceback.

Operational failures (a store that cannot be reached, a file that cannot be written, a request
the data refuses, bad configuration) are the operator's to fix, so they are said in one line.
Anything else is a bug: one line too, and ``--traceback`` shows where it happened.
"""

from __future__ import annotations

import sys
import traceback

from evenwijdig.settings import SettingsError
from gateway.errors import is_store_failure
from services.platform.errors import DomainError, StoreNotSetUp

OK, BROKEN, REFUSED, BUG = 0, 1, 2, 3

EXIT_CODES = """exit codes:
  0  done
  1  a history does not verify (audit verify / checkpoint name the first broken position)
  2  refused: bad usage or configuration, a store or file that cannot be used, a request the data refuses
  3  an unexpected error (a bug); run again with --traceback to see where"""


def report(error: BaseException, *, show_traceback: bool = False) -> int:
    """Say what went wrong in one line (configuration: one line per problem) and return the exit code."""
    if isinstance(error, SettingsError):
        for problem in error.problems or [str(error)]:
            _say(f"configuration error: {problem}")
        return REFUSED
    code, message = _describe(error)
    _say(message)
    if show_traceback:
        traceback.print_exception(error, file=sys.stderr)
    return code


def _describe(error: BaseException) -> tuple[int, str]:
    if isinstance(error, DomainError):
        return REFUSED, error.message
    if isinstance(error, StoreNotSetUp):
        return REFUSED, str(error)
    if is_store_failure(error):
        return REFUSED, f"a store cannot be used: {_first_line(error)} (is the database running and reachable?)"
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        return REFUSED, f"{where}{error.strerror or _first_line(error)}"
    return BUG, f"unexpected error ({type(error).__name__}: {_first_line(error)}); run again with --traceback"


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return (lines[0] if lines else type(error).__name__)[:300]


def _say(message: str) -> None:
    print(f"evenwijdig: {message}", file=sys.stderr, flush=True)
