"""Typed settings, read once from the environment by the composition root.

Nothing else in the code base reads ``os.environ``: contexts receive the plain
mapping their store needs, so a test or a second deployment in the same process
can hand them something else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Mapping

CONTEXTS: tuple[str, ...] = ("parent_a_context", "parent_b_context", "shared_agreements")

Environment = Literal["development", "production"]
StoreKind = Literal["sqlite", "postgres"]


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Credential:
    """How one context logs in to its own database, and nothing else."""

    dbname: str
    user: str
    password: str = field(default="", repr=False)


@dataclass(frozen=True)
class PostgresSettings:
    host: str
    port: int = 5432
    connect_timeout: int = 5
    # Seconds a write waits for the table lock before the request fails; 0 would wait forever.
    lock_timeout: int = 2
    pool_size: int = 5
    max_overflow: int = 5
    schema: str = ""
    credentials: Mapping[str, Credential] = field(default_factory=dict)

    def credential(self, context: str) -> Credential:
        return self.credentials.get(context) or Credential(dbname=context, user=context)


@dataclass(frozen=True)
class Settings:
    environment: Environment = "development"
    data_dir: Path = Path("var")
    store: StoreKind = "sqlite"
    postgres: PostgresSettings | None = None
    sqlite_lock_timeout: int = 5
    host: str = "127.0.0.1"
    port: int = 8000

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Settings:
        read = _Reader(environ)
        environment = read.choice("EVENWIJDIG_ENV", ("development", "production"), "development")
        pg_host = read.text("EVENWIJDIG_POSTGRES_HOST", "")
        store = read.choice("EVENWIJDIG_STORE", ("sqlite", "postgres"), "postgres" if pg_host else "sqlite")
        postgres = None
        if store == "postgres":
            if not pg_host:
                raise SettingsError("EVENWIJDIG_STORE=postgres needs EVENWIJDIG_POSTGRES_HOST")
            postgres = PostgresSettings(
                host=pg_host,
                port=read.integer("EVENWIJDIG_POSTGRES_PORT", 5432, low=1, high=65535),
                connect_timeout=read.integer("EVENWIJDIG_POSTGRES_CONNECT_TIMEOUT", 5, low=1),
                lock_timeout=read.integer("EVENWIJDIG_POSTGRES_LOCK_TIMEOUT", 2, low=1),
                pool_size=read.integer("EVENWIJDIG_POSTGRES_POOL_SIZE", 5, low=1),
                max_overflow=read.integer("EVENWIJDIG_POSTGRES_MAX_OVERFLOW", 5, low=0),
                schema=read.text("EVENWIJDIG_POSTGRES_SCHEMA", ""),
                credentials={
                    context: Credential(
                        dbname=read.text(f"EVENWIJDIG_{context.upper()}_DBNAME", context),
                        user=read.text(f"EVENWIJDIG_{context.upper()}_USER", context),
                        password=read.text(f"EVENWIJDIG_{context.upper()}_PASSWORD", ""),
                    )
                    for context in CONTEXTS
                },
            )
        return cls(
            environment=environment,
            data_dir=Path(read.text("EVENWIJDIG_DATA_DIR", "var")),
            store=store,
            postgres=postgres,
            sqlite_lock_timeout=read.integer("EVENWIJDIG_SQLITE_LOCK_TIMEOUT", 5, low=0),
            host=read.text("EVENWIJDIG_HOST", "127.0.0.1"),
            port=read.integer("EVENWIJDIG_PORT", 8000, low=1, high=65535),
        )

    def context_store(self, context: str) -> dict[str, str]:
        """The eventsourcing configuration of one context's own store."""
        if context not in CONTEXTS:
            raise SettingsError(f"unknown context {context!r}")
        if self.store == "sqlite":
            return {
                "PERSISTENCE_MODULE": "eventsourcing.sqlite",
                "SQLITE_DBNAME": str(self.data_dir / f"{context}.sqlite"),
                "SQLITE_LOCK_TIMEOUT": str(self.sqlite_lock_timeout),
            }
        assert self.postgres is not None
        pg = self.postgres
        credential = pg.credential(context)
        return {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_HOST": pg.host,
            "POSTGRES_PORT": str(pg.port),
            "POSTGRES_DBNAME": credential.dbname,
            "POSTGRES_USER": credential.user,
            "POSTGRES_PASSWORD": credential.password,
            "POSTGRES_CONNECT_TIMEOUT": str(pg.connect_timeout),
            "POSTGRES_LOCK_TIMEOUT": str(pg.lock_timeout),
            "POSTGRES_POOL_SIZE": str(pg.pool_size),
            "POSTGRES_MAX_OVERFLOW": str(pg.max_overflow),
            "POSTGRES_SCHEMA": pg.schema,
            "POSTGRES_PRE_PING": "y",
        }


class _Reader:
    def __init__(self, environ: Mapping[str, str]) -> None:
        self._environ = environ

    def text(self, name: str, default: str) -> str:
        value = self._environ.get(name, "").strip()
        return value or default

    def choice(self, name: str, allowed: tuple[str, ...], default: str):  # noqa: ANN201
        value = self.text(name, default)
        if value not in allowed:
            raise SettingsError(f"{name} must be one of {', '.join(allowed)}; got {value!r}")
        return value

    def integer(self, name: str, default: int, low: int = 0, high: int | None = None) -> int:
        raw = self.text(name, str(default))
        try:
            value = int(raw)
        except ValueError:
            raise SettingsError(f"{name} must be a whole number; got {raw!r}") from None
        if value < low or (high is not None and value > high):
            bound = f"between {low} and {high}" if high is not None else f"at least {low}"
            raise SettingsError(f"{name} must be {bound}; got {value}")
        return value
