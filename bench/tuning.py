"""The configurations measured beside production's: what each changes, and how.

``production`` is the code and the settings as they are (``Settings.context_store``). The
others change the store mapping eventsourcing reads, to show what one setting buys or costs:
``uncached`` turns the parent contexts' aggregate cache off (``EVENWIJDIG_AGGREGATE_CACHE_SIZE=0``),
``no-pre-ping`` stops checking a pooled PostgreSQL connection before each use.
None of them touches durability: every command is still its own committed transaction,
``synchronous_commit`` stays on, the table lock and the audit chain stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from services.platform.storage import POSTGRES, persistence_module

CACHE_KEYS = ("AGGREGATE_CACHE_MAXSIZE", "AGGREGATE_CACHE_FASTFORWARD")


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    store: Mapping[str, str]
    postgres_only: Mapping[str, str]
    without: tuple[str, ...] = ()

    def mapping(self, base: Mapping[str, str]) -> dict[str, str]:
        """The store mapping of this profile, from production's mapping of the same store."""
        merged = {key: value for key, value in base.items() if key not in self.without}
        merged.update(self.store)
        if persistence_module(base.get("PERSISTENCE_MODULE", "")) == POSTGRES:
            merged.update(self.postgres_only)
        return merged


PROFILES: dict[str, Profile] = {
    p.name: p for p in (
        Profile("production", "the code and settings as they are", {}, {}),
        Profile("uncached", "production without the aggregate cache (every load replays the trajectory)",
                {}, {}, without=CACHE_KEYS),
        Profile("one-commit-each", "production with every command in a transaction of its own (no group commit "
                "of writers)", {"WRITER_GROUP_COMMIT": "n"}, {}),
        Profile("no-pre-ping", "production without checking a pooled connection before each use (PostgreSQL)",
                {}, {"POSTGRES_PRE_PING": "n"}),
    )
}
