"""The configurations measured beside production's: what each changes, and how.

``production`` is the code and the settings as they are (``Settings.context_store``).
``config`` adds store-mapping keys that eventsourcing reads (configuration only). The
``tuned`` ones also apply code changes from ``bench.proposals`` for the duration of the
measurement (see docs/benchmarks.md for the exact change each stands for).
None of them touches durability: every command is still its own committed transaction,
``synchronous_commit`` stays on, the table lock and the audit chain stay as they are.
"""

from __future__ import annotations

from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Callable, ContextManager, Iterator, Mapping

from bench.proposals import (
    assignments_by_user, chain_linked_in_database, known_good_queries, trajectory_copies_shallow,
)


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    store: Mapping[str, str]
    postgres_only: Mapping[str, str]
    patches: tuple[Callable[[], ContextManager[None]], ...] = ()

    def mapping(self, base: Mapping[str, str]) -> dict[str, str]:
        """The store mapping of this profile, from production's mapping of the same store."""
        merged = {**base, **self.store}
        if base.get("PERSISTENCE_MODULE") == "eventsourcing.postgres":
            merged.update(self.postgres_only)
        return merged

    @contextmanager
    def applied(self) -> Iterator[None]:
        with ExitStack() as stack:
            for patch in self.patches:
                stack.enter_context(patch())
            yield


CODE_CHANGES = (trajectory_copies_shallow, assignments_by_user, known_good_queries)
CACHE = {"AGGREGATE_CACHE_MAXSIZE": "1000"}
NO_PRE_PING = {"POSTGRES_PRE_PING": "n"}

PROFILES: dict[str, Profile] = {
    p.name: p for p in (
        Profile("production", "the code and settings as they are", {}, {}),
        Profile("config", "configuration only: aggregate cache (1000, fast-forward on), no pre-ping",
                CACHE, NO_PRE_PING),
        Profile("tuned", "config + code changes: Trajectory.__deepcopy__ sharing its immutable state, "
                "assignments indexed by user, known-good GraphQL queries skip parsing and validation",
                CACHE, NO_PRE_PING, CODE_CHANGES),
        Profile("tuned+dbchain", "tuned + PostgreSQL: events stored and chained by one database function (prototype)",
                CACHE, NO_PRE_PING, (*CODE_CHANGES, chain_linked_in_database)),
    )
}
