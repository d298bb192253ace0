"""Domain tests read as: given these events, when this command, then these events.

    given(*history).when(lambda trajectory: trajectory.start(...)).then(TrajectoryStarted)
    given(*history).when(...).then_refused(ConsentMissing, "toestemming")

The history is a list of domain events (usually made by small builders in the test
module); the aggregate is rebuilt from them exactly as the repository would.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from eventsourcing.domain import Aggregate, DomainEvent


def replay(history: Iterable[DomainEvent]) -> Any:
    aggregate = None
    for event in history:
        aggregate = event.mutate(aggregate)  # type: ignore[attr-defined]
    return aggregate


class Scenario:
    def __init__(self, history: list[DomainEvent]) -> None:
        self.history = history

    def when(self, command: Callable[[Any], Any]) -> "Outcome":
        aggregate = replay(self.history)
        try:
            result = command(aggregate)
        except Exception as error:  # noqa: BLE001 - the outcome decides what is expected
            return Outcome(aggregate, [], error, None)
        # A command on no history creates the aggregate: its events are the result's.
        target = aggregate if aggregate is not None else result
        new_events = target.collect_events() if isinstance(target, Aggregate) else []
        return Outcome(target, list(new_events), None, result)


class Outcome:
    def __init__(self, aggregate: Any, events: list[DomainEvent], error: Exception | None, result: Any) -> None:
        self.aggregate = aggregate
        self.events = events
        self.error = error
        self.result = result

    def then(self, *expected: type | tuple[type, dict[str, Any]]) -> list[DomainEvent]:
        """The command produced exactly these events, in order (type, or type and attributes)."""
        if self.error is not None:
            raise AssertionError(f"expected events, the command was refused: {self.error!r}") from self.error
        assert len(self.events) == len(expected), f"events {[type(e).__name__ for e in self.events]}"
        for event, want in zip(self.events, expected):
            kind, attributes = want if isinstance(want, tuple) else (want, {})
            assert isinstance(event, kind), f"{type(event).__name__} is not {kind.__name__}"
            for name, value in attributes.items():
                assert getattr(event, name) == value, f"{kind.__name__}.{name}={getattr(event, name)!r}"
        return self.events

    def then_refused(self, error_type: type[Exception], match: str | None = None) -> Exception:
        """The command was refused with this error, and produced no event."""
        if self.error is None:
            raise AssertionError(f"expected {error_type.__name__}, got events {self.events!r}")
        assert isinstance(self.error, error_type), f"{self.error!r} is not {error_type.__name__}"
        if match is not None:
            assert match.lower() in str(self.error).lower(), f"{str(self.error)!r} lacks {match!r}"
        pending = self.aggregate.collect_events() if isinstance(self.aggregate, Aggregate) else []
        assert not pending, f"a refused command left events behind: {pending!r}"
        return self.error


def given(*history: DomainEvent) -> Scenario:
    return Scenario(list(history))
