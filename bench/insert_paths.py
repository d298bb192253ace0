"""Insert paths: the recorder alone, without the application, to see what each way of storing costs.

Stored events of the application's size go straight into a recorder: eventsourcing's default
(``LOCK TABLE … IN EXCLUSIVE MODE`` + INSERT, one transaction per event), its database-function
path (``POSTGRES_ENABLE_DB_FUNCTIONS``, no table lock, no audit chain: refused in production), and
the production recorder that also links each event into the audit chain (on PostgreSQL in one
database function, ``services.platform.chain_postgres_function``). For the chained one, one more
row shows the ceiling of group commit: one writer storing eight clients' events per transaction
(not code the application has). Each row's baseline is the raw single-row INSERT + commit of the
same run.
"""

from __future__ import annotations

import os
import uuid
from typing import Any, Callable

from eventsourcing.persistence import InfrastructureFactory, StoredEvent
from eventsourcing.utils import Environment

from services.parent_a_context.application import ParentAContext
from services.platform.application import KEYSTORE_KEY

from bench import raw
from bench.harness import Goal, Result, Run, in_threads, result


ONE, EIGHT = "insert path, 1 client", "insert path, 8 clients"
ONE_GOAL, EIGHT_GOAL = Goal(">=", 0.8), Goal(">=", 0.7)
CONTEXT = "parent_a_context"
STATE_SIZE = 668  # the size of a stored SessionRecorded event with its note (see "command write")


def run_insert_paths(run: Run) -> list[Result]:
    per_client = run.sizes.concurrent_commands
    with run.stores() as settings:
        base1 = raw.single_inserts(settings, CONTEXT, run.sizes.write_baseline_rows, STATE_SIZE)
        base8 = raw.concurrent_inserts(settings, CONTEXT, 8, per_client, STATE_SIZE)
        app = ParentAContext(settings.context_store(CONTEXT))
        try:
            return [row for name, recorder in _recorders(settings, app)
                    for row in _measure(run, name, recorder, per_client, base1, base8)]
        finally:
            app.close()


def _measure(run: Run, name: str, recorder: Any, per_client: int, base1: float, base8: float) -> list[Result]:
    one = in_threads([_writer(recorder, run.sizes.write_commands, 1)], run.sizes.write_commands)
    eight = in_threads([_writer(recorder, per_client, 1) for _ in range(8)], 8 * per_client)
    rows = [result(ONE, run.store, one, "events/s", ONE_GOAL, baseline=base1, baseline_unit="rows/s", config=name,
                   note=f"recorder only: {name}"),
            result(EIGHT, run.store, eight, "events/s", EIGHT_GOAL, baseline=base8, baseline_unit="rows/s", config=name,
                   note=f"recorder only: {name}")]
    if name.startswith("chained"):
        batched = in_threads([_writer(recorder, per_client, 8)], 8 * per_client)
        rows.append(result(EIGHT, run.store, batched, "events/s", EIGHT_GOAL, baseline=base8, baseline_unit="rows/s",
                           config=f"{name}, 8 events per transaction",
                           note="group-commit ceiling: one writer stores 8 clients' events per transaction"))
    return rows


def _recorders(settings, app: ParentAContext) -> list[tuple[str, Any]]:  # noqa: ANN001
    store = {k: v for k, v in settings.context_store(CONTEXT).items() if k != KEYSTORE_KEY}
    paths = [("library default (lock + insert)", _plain_recorder(store, settings, "benchlock", {}))]
    if settings.store == "postgres":
        paths.append(("database function", _plain_recorder(store, settings, "benchfunc",
                                                          {"POSTGRES_ENABLE_DB_FUNCTIONS": "y"})))
    paths.append(("chained (production)", app.recorder))
    return paths


def _plain_recorder(store: dict[str, str], settings, name: str, extra: dict[str, str]) -> Any:  # noqa: ANN001
    env = {**store, **extra}
    if settings.store == "postgres":  # the library's own tables, which the runtime login may neither make nor write
        owner = settings.postgres.owner_credential(CONTEXT)
        env.update(POSTGRES_USER=owner.user, POSTGRES_PASSWORD=owner.password, CREATE_TABLE="y")
    if settings.store == "sqlite":
        env["SQLITE_DBNAME"] = str(settings.data_dir / f"{name}.sqlite")  # SQLite tables are not named per app
    factory = InfrastructureFactory.construct(Environment(name, env))
    return factory.application_recorder()


def _writer(recorder: Any, transactions: int, per_transaction: int) -> Callable[[], None]:
    """``transactions`` calls of ``insert_events``, each with ``per_transaction`` events of distinct aggregates."""
    originators = [uuid.uuid4() for _ in range(per_transaction)]
    state = os.urandom(STATE_SIZE)

    def work() -> None:
        for version in range(1, transactions + 1):
            recorder.insert_events([StoredEvent(o, version, raw.TOPIC, state) for o in originators])
    return work
