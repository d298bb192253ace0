"""Typed settings, read once from the environment by the composition root.

Nothing else in the code base reads ``os.environ``: contexts receive the plain
mapping their store needs, so a test or a second deployment in the same process
can hand them something else.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Mapping

from services.platform.stores import Store

PARENT_CONTEXTS: tuple[str, ...] = (Store.PARENT_A, Store.PARENT_B)
CONTEXTS: tuple[str, ...] = (*PARENT_CONTEXTS, Store.SHARED)
#: Every store: the three case contexts and the gateway's staff directory (no case content).
STORES: tuple[str, ...] = (*CONTEXTS, Store.DIRECTORY)

Environment = Literal["development", "production"]
StoreKind = Literal["sqlite", "postgres"]


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names the variable (one line per problem)."""

    def __init__(self, *problems: str) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


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
    # Seconds a new connection may take to open (libpq connect_timeout).
    connect_timeout: int = 5
    # Seconds a write waits for the table lock before the request fails; 0 would wait forever. One second
    # keeps a blocked write inside the two seconds a failing request may take (docs/reliability.md).
    lock_timeout: int = 1
    # Seconds a request waits for a pooled connection: with the server down, the bound on a request
    # (docs/reliability.md). Without it a request would wait connect_timeout, eventsourcing's default.
    pool_timeout: int = 1
    # Seconds a session may sit idle inside a transaction (holding the table lock) before the server ends it.
    idle_in_transaction_timeout: int = 5
    pool_size: int = 5
    max_overflow: int = 5
    schema: str = ""
    credentials: Mapping[str, Credential] = field(default_factory=dict)
    # Who owns each context's tables: used by `evenwijdig store init` only, never by a running server
    # (EVENWIJDIG_<CONTEXT>_OWNER_USER / _OWNER_PASSWORD; default user <context>_owner, as init.sql makes it).
    owners: Mapping[str, Credential] = field(default_factory=dict)

    def credential(self, context: str) -> Credential:
        return self.credentials.get(context) or Credential(dbname=context, user=context)

    def owner_credential(self, context: str) -> Credential:
        return self.owners.get(context) or Credential(dbname=self.credential(context).dbname, user=f"{context}_owner")


@dataclass(frozen=True)
class AuthSettings:
    """Whose bearer tokens the gateway trusts (OIDC in production)."""

    issuer: str | None = None
    audience: str | None = None
    jwks_url: str | None = None
    algorithms: tuple[str, ...] = ("RS256", "ES256")
    role_claim: str = "evenwijdig_role"
    leeway_seconds: int = 30


@dataclass(frozen=True)
class Settings:
    environment: Environment = "development"
    data_dir: Path = Path("var")
    store: StoreKind = "sqlite"
    postgres: PostgresSettings | None = None
    sqlite_lock_timeout: int = 5
    host: str = "127.0.0.1"
    port: int = 8000
    # Per context: base64 of the 32-byte key that wraps its case keys (EVENWIJDIG_<CONTEXT>_KEYSTORE_KEY).
    keystore_keys: Mapping[str, str] = field(default_factory=dict, repr=False)
    auth: AuthSettings = field(default_factory=AuthSettings)
    # The Ed25519 key that signs audit checkpoints (EVENWIJDIG_AUDIT_SIGNING_KEY): PEM or base64 of 32 raw
    # bytes; required in production, generated on first use in the data directory in development.
    audit_signing_key: str = field(default="", repr=False)
    # Whether auditors see private free text (session notes, evaluations) instead of "[redacted]".
    audit_show_private_text: bool = False
    # Who the audit command line acts as in the access logs (default: the operating-system user).
    audit_user: str = ""
    # Trajectories each parent context keeps in memory between commands and reads (0: none). A cached
    # one is brought up to date from the store on every load, so several processes stay consistent.
    aggregate_cache_size: int = 1000
    # Prometheus metrics at /metrics (EVENWIJDIG_METRICS): on in development, off in production unless set.
    metrics_enabled: bool = True
    # Where key destructions are recorded outside the stores (EVENWIJDIG_ERASURE_LEDGER; default: in the
    # data directory). Keep it off the database's disk and back it up apart: see docs/operations.md.
    erasure_ledger: Path | None = None
    # Who makes court reports (EVENWIJDIG_PRACTICE_NAME) and under which registrations
    # (EVENWIJDIG_PRACTICE_REGISTRATIONS, e.g. "KvK=12345678;AGB=90123456;SKJ=110012345"), on each report.
    practice_name: str = ""
    practice_registrations: tuple[tuple[str, str], ...] = ()
    # The practice's report-signing key and certificate (PEM files, the certificate file may hold its chain);
    # required in production, generated in the data directory in development (services.court_report.certificates).
    report_signing_key_file: str = ""
    report_signing_cert_file: str = ""
    # An RFC 3161 time-stamping authority whose token goes into each report's signature (optional).
    report_tsa_url: str = ""
    # An append-only file outside the stores to which each signed checkpoint is exported (optional).
    audit_anchor: str = ""

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @property
    def anchor(self) -> Path | None:
        """Where signed checkpoints are exported: the configured file; in development one beside the stores."""
        if self.audit_anchor:
            return Path(self.audit_anchor)
        # DEVELOPMENT ONLY: beside the stores is not outside the machine; production chooses its own place.
        return None if self.is_production else self.data_dir / "anchor" / "checkpoints.jsonl"

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Settings:
        read = _Reader(environ)
        environment = read.choice("EVENWIJDIG_ENV", ("development", "production"), "development")
        pg_host = read.text("EVENWIJDIG_POSTGRES_HOST", "")
        store = read.choice("EVENWIJDIG_STORE", ("sqlite", "postgres"), "postgres" if pg_host else "sqlite")
        postgres = None
        if store == "postgres":
            if not pg_host:
                read.problem("EVENWIJDIG_STORE=postgres needs EVENWIJDIG_POSTGRES_HOST")
            postgres = PostgresSettings(
                host=pg_host,
                port=read.integer("EVENWIJDIG_POSTGRES_PORT", 5432, low=1, high=65535),
                connect_timeout=read.integer("EVENWIJDIG_POSTGRES_CONNECT_TIMEOUT", 5, low=1),
                lock_timeout=read.integer("EVENWIJDIG_POSTGRES_LOCK_TIMEOUT", 1, low=1),
                pool_timeout=read.integer("EVENWIJDIG_POSTGRES_POOL_TIMEOUT", 1, low=1),
                idle_in_transaction_timeout=read.integer("EVENWIJDIG_POSTGRES_IDLE_IN_TRANSACTION_TIMEOUT", 5, low=1),
                pool_size=read.integer("EVENWIJDIG_POSTGRES_POOL_SIZE", 5, low=1),
                max_overflow=read.integer("EVENWIJDIG_POSTGRES_MAX_OVERFLOW", 5, low=0),
                schema=read.text("EVENWIJDIG_POSTGRES_SCHEMA", ""),
                credentials={
                    context: Credential(
                        dbname=read.text(f"EVENWIJDIG_{context.upper()}_DBNAME", context),
                        user=read.text(f"EVENWIJDIG_{context.upper()}_USER", context),
                        password=read.text(f"EVENWIJDIG_{context.upper()}_PASSWORD", ""),
                    )
                    for context in STORES
                },
                owners={
                    context: Credential(
                        dbname=read.text(f"EVENWIJDIG_{context.upper()}_DBNAME", context),
                        user=read.text(f"EVENWIJDIG_{context.upper()}_OWNER_USER", f"{context}_owner"),
                        password=read.text(f"EVENWIJDIG_{context.upper()}_OWNER_PASSWORD", ""),
                    )
                    for context in STORES
                },
            )
        settings = cls(
            environment=environment,
            data_dir=Path(read.text("EVENWIJDIG_DATA_DIR", "var")),
            store=store,
            postgres=postgres,
            sqlite_lock_timeout=read.integer("EVENWIJDIG_SQLITE_LOCK_TIMEOUT", 5, low=0),
            host=read.text("EVENWIJDIG_HOST", "127.0.0.1"),
            port=read.integer("EVENWIJDIG_PORT", 8000, low=1, high=65535),
            keystore_keys={
                context: key
                for context in STORES
                if (key := read.keystore_key(keystore_key_variable(context), required=environment == "production"))
            },
            auth=_auth_settings(read, production=environment == "production"),
            audit_signing_key=read.signing_key("EVENWIJDIG_AUDIT_SIGNING_KEY", required=environment == "production"),
            audit_show_private_text=read.flag("EVENWIJDIG_AUDIT_SHOW_PRIVATE_TEXT", False),
            audit_user=read.text("EVENWIJDIG_AUDIT_USER", ""),
            aggregate_cache_size=read.integer("EVENWIJDIG_AGGREGATE_CACHE_SIZE", 1000, low=0),
            metrics_enabled=read.flag("EVENWIJDIG_METRICS", environment != "production"),
            erasure_ledger=Path(ledger) if (ledger := read.text("EVENWIJDIG_ERASURE_LEDGER", "")) else None,
            practice_name=read.text("EVENWIJDIG_PRACTICE_NAME", ""),
            practice_registrations=_registrations(read.text("EVENWIJDIG_PRACTICE_REGISTRATIONS", "")),
            report_signing_key_file=read.text("EVENWIJDIG_REPORT_SIGNING_KEY_FILE", ""),
            report_signing_cert_file=read.text("EVENWIJDIG_REPORT_SIGNING_CERT_FILE", ""),
            report_tsa_url=_tsa_url(read.text("EVENWIJDIG_REPORT_TSA_URL", "")),
            audit_anchor=read.text("EVENWIJDIG_AUDIT_ANCHOR", ""),
        )
        # Every problem at once: an operator fixes the configuration in one round, not one per variable.
        if read.problems:
            raise SettingsError(*read.problems)
        return settings

    def keystore_key(self, context: str) -> str:
        """The base64 key-store key of one context; a fixed one in development only."""
        variable = keystore_key_variable(context)
        configured = self.keystore_keys.get(context)
        if configured:
            _check_keystore_key(variable, configured)
            return configured
        if self.is_production:
            raise SettingsError(f"{variable} is required in production (base64 of 32 random bytes)")
        return _development_keystore_key(context)

    def context_store(self, context: str) -> dict[str, str]:
        """The eventsourcing configuration of one context's own store, as its runtime login."""
        if context not in STORES:
            raise SettingsError(f"unknown context {context!r}")
        return {**self._store_location(context), **self._aggregate_cache(context), "KEYSTORE_KEY": self.keystore_key(context),
                "ERASURE_LEDGER": str(self.erasure_ledger_path)}

    def owner_store(self, context: str) -> dict[str, str]:
        """The store of one context as its owner, which creates the tables (``evenwijdig store init``).

        Nothing is read or written through it but the tables' definitions and privileges: it needs no
        key-store key and no erasure ledger (SET_UP_ONLY, services.platform.application).
        """
        if context not in STORES:
            raise SettingsError(f"unknown context {context!r}")
        store = {**self._store_location(context), "SET_UP_ONLY": "y"}
        if self.store == "postgres":
            assert self.postgres is not None
            owner = self.postgres.owner_credential(context)
            store.update({"POSTGRES_USER": owner.user, "POSTGRES_PASSWORD": owner.password, "CREATE_TABLE": "y",
                          "POSTGRES_POOL_SIZE": "1", "POSTGRES_MAX_OVERFLOW": "0"})
        return store

    @property
    def erasure_ledger_path(self) -> Path:
        return self.erasure_ledger or self.data_dir / "erasure-ledger.jsonl"

    def _aggregate_cache(self, context: str) -> dict[str, str]:
        # Only the trajectory is made safe to cache (a cheap copy, erased text cleared from its state).
        if context not in PARENT_CONTEXTS or self.aggregate_cache_size == 0:
            return {}
        # Fast-forward stays on: each load reads the events other processes stored since.
        return {"AGGREGATE_CACHE_MAXSIZE": str(self.aggregate_cache_size), "AGGREGATE_CACHE_FASTFORWARD": "y"}

    def _store_location(self, context: str) -> dict[str, str]:
        if self.store == "sqlite":
            return {
                "PERSISTENCE_MODULE": "services.platform.stores_sqlite",
                "SQLITE_DBNAME": str(self.data_dir / f"{context}.sqlite"),
                "SQLITE_LOCK_TIMEOUT": str(self.sqlite_lock_timeout),
            }
        assert self.postgres is not None
        pg = self.postgres
        credential = pg.credential(context)
        return {
            "PERSISTENCE_MODULE": "services.platform.stores_postgres",
            "POSTGRES_HOST": pg.host,
            "POSTGRES_PORT": str(pg.port),
            "POSTGRES_DBNAME": credential.dbname,
            "POSTGRES_USER": credential.user,
            "POSTGRES_PASSWORD": credential.password,
            "POSTGRES_CONNECT_TIMEOUT": str(pg.connect_timeout),
            "POSTGRES_LOCK_TIMEOUT": str(pg.lock_timeout),
            "POSTGRES_POOL_TIMEOUT": str(pg.pool_timeout),
            "POSTGRES_IDLE_IN_TRANSACTION_SESSION_TIMEOUT": str(pg.idle_in_transaction_timeout),
            "POSTGRES_POOL_SIZE": str(pg.pool_size),
            "POSTGRES_MAX_OVERFLOW": str(pg.max_overflow),
            "POSTGRES_SCHEMA": pg.schema,
            "POSTGRES_PRE_PING": "y",
            # The runtime login may not create tables: the owner did (`evenwijdig store init`), and a store
            # that was not set up is said at start (services.platform.privileges.require_set_up).
            "CREATE_TABLE": "n",
        }


def _auth_settings(read: _Reader, production: bool) -> AuthSettings:
    issuer = read.text("EVENWIJDIG_OIDC_ISSUER", "") or None
    audience = read.text("EVENWIJDIG_OIDC_AUDIENCE", "") or None
    jwks_url = read.text("EVENWIJDIG_OIDC_JWKS_URL", "") or None
    configured = [issuer, audience, jwks_url]
    if any(configured) and not all(configured):
        read.problem("EVENWIJDIG_OIDC_ISSUER, EVENWIJDIG_OIDC_AUDIENCE and EVENWIJDIG_OIDC_JWKS_URL go together")
    elif production and not all(configured):
        read.problem("production needs EVENWIJDIG_OIDC_ISSUER, EVENWIJDIG_OIDC_AUDIENCE and EVENWIJDIG_OIDC_JWKS_URL")
    algorithms = tuple(a.strip() for a in read.text("EVENWIJDIG_OIDC_ALGORITHMS", "RS256,ES256").split(",") if a.strip())
    weak = [a for a in algorithms if a.upper().startswith("HS") or a.lower() == "none"]
    if weak or not algorithms:
        read.problem(f"EVENWIJDIG_OIDC_ALGORITHMS must list public-key algorithms only; got {', '.join(algorithms) or 'nothing'}")
    return AuthSettings(
        issuer=issuer, audience=audience, jwks_url=jwks_url, algorithms=algorithms,
        role_claim=read.text("EVENWIJDIG_OIDC_ROLE_CLAIM", "evenwijdig_role"),
        leeway_seconds=read.integer("EVENWIJDIG_OIDC_LEEWAY", 30, low=0, high=300),
    )


def _registrations(text: str) -> tuple[tuple[str, str], ...]:
    """``KvK=12345678;AGB=90123456``: each registration's register and number, in the order given."""
    found = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        label, equals, number = (x.strip() for x in part.partition("="))
        if not equals or not label or not number:
            raise SettingsError(f"EVENWIJDIG_PRACTICE_REGISTRATIONS must read like KvK=12345678;AGB=90123456; got {part!r}")
        found.append((label, number))
    return tuple(found)


def _tsa_url(text: str) -> str:
    if text and not text.startswith(("https://", "http://")):
        raise SettingsError(f"EVENWIJDIG_REPORT_TSA_URL must be an http(s) address; got {text!r}")
    return text


def keystore_key_variable(context: str) -> str:
    return f"EVENWIJDIG_{context.upper()}_KEYSTORE_KEY"


def _check_keystore_key(variable: str, value: str) -> None:
    try:
        key = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != 32:
        raise SettingsError(f"{variable} must be the base64 encoding of 32 random bytes")


def _check_signing_key(variable: str, value: str) -> None:
    # The key itself is parsed where it is used (services.platform.checkpoints); this catches typos early.
    if value.startswith("-----BEGIN") and "PRIVATE KEY-----" in value:
        return
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise SettingsError(f"{variable} must be a PEM Ed25519 private key or the base64 of its 32 raw bytes")


def _development_keystore_key(context: str) -> str:
    # DEVELOPMENT ONLY — never use in production. Anyone with this source can derive
    # it; production refuses to start without a configured key (see keystore_key).
    seed = f"evenwijdig DEVELOPMENT ONLY key-store key for {context}".encode()
    return base64.b64encode(hashlib.sha256(seed).digest()).decode("ascii")


class _Reader:
    """Reads variables, collecting every problem instead of stopping at the first.

    Each variable ``X`` may instead be given as ``X_FILE``, the path of a file holding the value
    (container secrets); surrounding white space in the file is ignored.
    """

    def __init__(self, environ: Mapping[str, str]) -> None:
        self._environ = environ
        self.problems: list[str] = []

    def problem(self, message: str) -> None:
        self.problems.append(message)

    def _checked(self, check, name: str, value: str) -> str:  # noqa: ANN001
        try:
            check(name, value)
        except SettingsError as error:
            self.problems.extend(error.problems)
            return ""
        return value

    def keystore_key(self, name: str, required: bool) -> str:
        value = self.text(name, "")
        if value:
            return self._checked(_check_keystore_key, name, value)
        if required:
            self.problem(f"{name} is required in production (base64 of 32 random bytes)")
        return value

    def text(self, name: str, default: str) -> str:
        value = self._environ.get(name, "").strip()
        path = self._environ.get(f"{name}_FILE", "").strip()
        if path and value:
            self.problem(f"{name} and {name}_FILE are both set; set one")
        elif path:
            try:
                value = Path(path).read_text(encoding="utf-8").strip()
            except (OSError, UnicodeDecodeError) as error:
                self.problem(f"{name}_FILE: cannot read {path}: {getattr(error, 'strerror', None) or error}")
        return value or default

    def signing_key(self, name: str, required: bool) -> str:
        value = self.text(name, "")
        if value:
            return self._checked(_check_signing_key, name, value)
        if required:
            self.problem(f"{name} is required in production (an Ed25519 private key, PEM or base64 of 32 bytes)")
        return value

    def flag(self, name: str, default: bool) -> bool:
        raw = self.text(name, "").lower()
        if not raw:
            return default
        if raw in ("1", "true", "yes", "on"):
            return True
        if raw in ("0", "false", "no", "off"):
            return False
        self.problem(f"{name} must be true or false; got {raw!r}")
        return default

    def choice(self, name: str, allowed: tuple[str, ...], default: str):  # noqa: ANN201
        value = self.text(name, default)
        if value not in allowed:
            self.problem(f"{name} must be one of {', '.join(allowed)}; got {value!r}")
            return default
        return value

    def integer(self, name: str, default: int, low: int = 0, high: int | None = None) -> int:
        raw = self.text(name, str(default))
        try:
            value = int(raw)
        except ValueError:
            self.problem(f"{name} must be a whole number; got {raw!r}")
            return default
        if value < low or (high is not None and value > high):
            bound = f"between {low} and {high}" if high is not None else f"at least {low}"
            self.problem(f"{name} must be {bound}; got {value}")
            return default
        return value
