"""Group commit for writers: commands that store events at the same moment share one transaction.

A store pays for a commit (its fsync, and on PostgreSQL the events' table lock) per transaction.
Concurrent commands of one context hand their events to ``insert``; they are stored the way the
access log's entries are (``services.platform.group_commit``): the first caller leads a commit of
everything waiting, nobody waits for a timer, so a single client pays nothing extra.

Inside the shared transaction each command has a savepoint of its own. A command whose events
conflict (another writer stored that version first) or whose client request was already carried
out is rolled back to its savepoint and alone gets that answer; the others' events, their chain
links (each linked after the last one that stayed) and their request records commit together.
Every command returns only once the shared commit has ended: with its positions when it is
durable, and with the commit's error, nothing of it stored, when the commit failed.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol, Sequence

from services.platform.group_commit import GroupCommit
from services.platform.requests import RequestMark, current


class GroupedRecorder(Protocol):
    def shared_transaction(self) -> AbstractContextManager[Any]:
        """A cursor in the one write transaction of a group."""

    def store_one(self, cursor: Any, stored_events: Sequence[Any], mark: RequestMark | None) -> Sequence[int] | None:
        """Store and link one command's events (and record its request) on ``cursor``; their positions."""

    def own_failure(self, error: BaseException) -> BaseException | None:
        """The error to give one command alone (a conflict), or None when the whole group must fail."""

    def outcome_unknown(self, error: BaseException) -> bool:
        """Whether a failed commit may yet have been stored (the connection died after it was sent)."""


@dataclass
class _Command:
    stored_events: Sequence[Any]
    mark: RequestMark | None


@dataclass
class _Refused:
    error: BaseException


class WriterGroup:
    def __init__(self, recorder: GroupedRecorder) -> None:
        self._recorder = recorder
        self.group: GroupCommit[_Command, Any] = GroupCommit(self._commit)
        #: False: every command commits alone (``WRITER_GROUP_COMMIT=n``; the bench compares the two).
        self.grouped = True

    def insert(self, stored_events: Sequence[Any]) -> Sequence[int] | None:
        """Store one command's events with whatever else is being stored now; its positions, once durable."""
        command = _Command(stored_events, current.get())
        outcome = self.group.submit(command) if self.grouped else self._commit([command])[0]
        if isinstance(outcome, _Refused):
            raise outcome.error
        return outcome  # type: ignore[no-any-return]

    def _commit(self, commands: list[_Command]) -> list[Any]:
        outcomes: list[Any] = []
        try:
            with self._recorder.shared_transaction() as cursor:
                for number, command in enumerate(commands):
                    outcomes.append(self._one(cursor, f"command_{number}", command))
        except BaseException as error:
            if self._recorder.outcome_unknown(error):
                for command in commands:
                    if command.mark is not None:
                        command.mark.outcome_unknown = True
            raise
        return outcomes

    def _one(self, cursor: Any, savepoint: str, command: _Command) -> Any:
        cursor.execute(f"SAVEPOINT {savepoint}")
        try:
            positions = self._recorder.store_one(cursor, command.stored_events, command.mark)
        except Exception as error:  # noqa: BLE001 - what is one command's own goes to it alone, the rest to all
            own = self._recorder.own_failure(error)
            if own is None:
                raise
            cursor.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
            return _Refused(own)
        cursor.execute(f"RELEASE SAVEPOINT {savepoint}")
        return positions
