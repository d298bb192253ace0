"""Error types every context raises, each with a stable code the gateway passes on.

Messages are written for a counsellor or coordinator; they never carry stack traces,
SQL, file paths or anything of another side of a case.
"""

from __future__ import annotations


class DomainError(Exception):
    """A command was refused; nothing was changed."""

    code = "INVALID"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Invalid(DomainError):
    """The command breaks a rule of the trajectory or carries bad input."""

    code = "INVALID"


class NotFound(DomainError):
    """No such case or record (also said when the asker may not know whether it exists)."""

    code = "NOT_FOUND"


class Conflict(DomainError):
    """Someone else changed the same record first; reload and try again."""

    code = "CONFLICT"


class Forbidden(DomainError):
    """The asker may not do this."""

    code = "FORBIDDEN"


class Unavailable(DomainError):
    """A store cannot be reached right now; nothing was changed."""

    code = "UNAVAILABLE"


class StoreNotSetUp(RuntimeError):
    """A context's PostgreSQL store lacks tables its runtime login needs and may not create (an operator's fix)."""

    def __init__(self, context: str, missing: list[str]) -> None:
        super().__init__(f"{context}: the store is not set up (missing {', '.join(missing)}); run "
                         "`evenwijdig store init` with the owner's credentials (docs/operations.md)")
        self.context = context
        self.missing = missing
