"""Realistic case histories, through the application or, in bulk, straight into the recorder.

Bulk seeding builds real domain events with the real aggregates (so every rule holds and
every state is what the application would have stored), encodes them with the application's
own transcodings and inserts them in large batches through the application's own recorder,
which links each batch into the audit chain. The only shortcut: the case key is looked up
once per case instead of once per event (the bytes stored are the same kind either way).
"""

from __future__ import annotations

import itertools
import uuid
from datetime import date, datetime, timedelta, timezone
from typing import Any, Iterable, Iterator
from uuid import UUID

from eventsourcing.persistence import Tracking

from services.parent_side import api as side_api
from services.staff_directory.application import StaffDirectory
from services.staff_directory.api import CaseRegistered, Role, Side
from services.staff_directory.domain.staffing import CaseStaffing
from services.parent_side.application import ParentSide
from services.parent_side.domain.catalogue import template
from services.parent_side.domain.records import Child
from services.parent_side.domain.trajectory import Trajectory, trajectory_id
from services.platform.encryption import PrivateTextAsCiphertext
from services.platform.private_text import PrivateText

ADMIN = "bench-admin"
FIRST_DAY = date(2020, 1, 6)
THEMES = ["parallel_parenting", "de_escalating_communication"]
RULES = template("parallel_solo_coaching")  # "as long as needed": no cap on sessions or weeks
STEPS = 5  # intake, goals, consent, agreement, start


def note(case_id: UUID, number: int) -> PrivateText:
    """A session note of a realistic length (about 200 characters)."""
    return PrivateText(case_id, f"Gesprek {number}: spanning rond de overdracht op vrijdag besproken; ouder oefent "
                                "met korte, zakelijke berichten en benoemt de eigen grenzen. Volgende keer: "
                                "de schoolkeuze en de vakantieplanning.")


def session_day(number: int) -> date:
    return FIRST_DAY + timedelta(days=number)


_BENCH_POSITIONS = itertools.count(1)
#: The upstream name under which the benchmark hands a store the facts a flow would bring.
BENCH_UPSTREAM = "bench-case-header"
REGISTERED_AT = datetime(2020, 1, 1, tzinfo=timezone.utc)


def known_case(directory: StaffDirectory, case_id: UUID) -> None:
    """Tell a directory without flows that the case exists, as the shared context's flow would."""
    directory.process_event((CaseRegistered(case_id, ADMIN, REGISTERED_AT),),
                            Tracking(BENCH_UPSTREAM, next(_BENCH_POSITIONS)))


def start_case(app: ParentSide, case_id: UUID, counsellor: str) -> None:
    """Steps 1-3 through the application: intake, goals, consent, agreement, start."""
    if not app.upstreams:  # a side measured alone gets the case header as the flow would bring it
        header = side_api.HeaderRegistered(case_id, "Ouder", True, True, (Child("Noor", date(2014, 3, 12)),),
                                           RULES.template, REGISTERED_AT, ADMIN)
        app.process_event((header,), Tracking(BENCH_UPSTREAM, next(_BENCH_POSITIONS)))
    app.open_trajectory(case_id, on=date(2020, 1, 1), actor=counsellor, tailor=lambda _: RULES)
    app.propose_goals(case_id, goals=["Rust in het eigen ouderschap"], themes=THEMES, on=date(2020, 1, 2), actor=counsellor)
    app.record_consent(case_id, scopes=["trajectory"], given_by=["Ouder"], given_on=date(2020, 1, 2), actor=counsellor)
    app.record_agreement(case_id, on=date(2020, 1, 3), actor=counsellor)
    app.start(case_id, on=date(2020, 1, 4), actor=counsellor)


def record_session(app: ParentSide, case_id: UUID, number: int, counsellor: str) -> None:
    app.record_session(case_id, on=session_day(number), duration_minutes=60, themes=THEMES,
                       note=note(case_id, number), attended=True, actor=counsellor)


def trajectory_events(case_id: UUID, events: int, counsellor: str, notes: bool = True) -> list[Any]:
    """The domain events of a started trajectory with ``events - 5`` recorded sessions.

    ``notes=False`` records the sessions as missed (a reason, no private note), so the case
    needs no case key: creating one is a committed transaction of its own per case.
    """
    t = Trajectory.open(case_id=case_id, parent="Ouder", children=[Child("Noor", date(2014, 3, 12))], rules=RULES,
                        counsellor=counsellor, parental_authority=True, on=date(2020, 1, 1), actor=counsellor)
    t.propose_goals(["Rust in het eigen ouderschap"], THEMES, date(2020, 1, 2), counsellor)
    t.record_consent(["trajectory"], ["Ouder"], date(2020, 1, 2), counsellor)
    t.record_agreement(date(2020, 1, 3), counsellor)
    t.start(date(2020, 1, 4), counsellor)
    for number in range(events - STEPS):
        if notes:
            t.record_session(session_day(number), 60, THEMES, note(case_id, number), True, counsellor)
        else:
            t.record_session(session_day(number), 0, [], None, False, counsellor, missed_reason="afgezegd: ziek")
    return list(t.collect_events())


class _KeysOncePerCase:
    """The case keys, with the key for writing looked up once per case (bulk seeding only)."""

    def __init__(self, keys: Any) -> None:
        self._keys, self._writing = keys, {}

    def key_for_writing(self, case_id: UUID) -> bytes:
        if case_id not in self._writing:
            self._writing[case_id] = self._keys.key_for_writing(case_id)
        return self._writing[case_id]

    def key_for_reading(self, case_id: UUID) -> bytes | None:
        return self._keys.key_for_reading(case_id)


def bulk_mapper(app: Any) -> Any:
    transcoder = app.factory.transcoder()
    app.register_transcodings(transcoder)
    transcoder.register(PrivateTextAsCiphertext(_KeysOncePerCase(app.case_keys)))
    return app.factory.mapper(transcoder=transcoder)


def insert(app: Any, events: Iterable[Any], batch: int = 2000) -> int:
    """Encode and insert domain events in batches through the app's (chained) recorder."""
    mapper, pending, count = bulk_mapper(app), [], 0
    for event in events:
        pending.append(mapper.to_stored_event(event))
        if len(pending) == batch:
            app.recorder.insert_events(pending)
            count, pending = count + len(pending), []
    if pending:
        app.recorder.insert_events(pending)
        count += len(pending)
    return count


def bulk_cases(app: ParentSide, cases: int, events_per_case: int, counsellors: list[str],
               notes: bool = True) -> list[UUID]:
    """``cases`` started trajectories of ``events_per_case`` events each; returns their case ids.

    Each counsellor's first case runs through the aggregate's commands; the other cases get
    copies of its events re-addressed to their own case (ids, and the case of every private
    note), which is what the commands would have produced for them, at a fraction of the cost.
    """
    case_ids = [uuid.uuid4() for _ in range(cases)]

    def events() -> Iterator[Any]:
        made: dict[str, tuple[UUID, list[Any]]] = {}
        for n, case_id in enumerate(case_ids):
            counsellor = counsellors[n % len(counsellors)]
            if counsellor not in made:
                made[counsellor] = (case_id, trajectory_events(case_id, events_per_case, counsellor, notes))
                yield from made[counsellor][1]
            else:
                yield from readdressed(*made[counsellor], case_id)

    insert(app, events())
    return case_ids


def readdressed(old: UUID, events: list[Any], new: UUID) -> Iterator[Any]:
    """Copies of one trajectory's events for another case (as the commands would have made them)."""
    aggregate_id = trajectory_id(new)
    for event in events:
        copy = object.__new__(type(event))
        for name, value in vars(event).items():
            if name == "originator_id":
                value = aggregate_id
            elif value == old:
                value = new
            elif isinstance(value, PrivateText) and value.case_id == old:
                value = PrivateText(new, value.text)
            object.__setattr__(copy, name, value)
        yield copy


def register_counsellors(directory: StaffDirectory, count: int) -> list[str]:
    users = [f"bench-counsellor-{n}" for n in range(count)]
    for user in users:
        if directory.staff(user) is None:
            directory.register_staff(user, f"Counsellor {user}", [Role.COUNSELLOR], actor=ADMIN)
    return users


def bulk_staffing(directory: StaffDirectory, case_ids: list[UUID], counsellors: list[str]) -> None:
    """Assign each case's parent-A side to one of ``counsellors``, in bulk."""

    def events() -> Iterator[Any]:
        for n, case_id in enumerate(case_ids):
            staffing = CaseStaffing(case_id=case_id, actor=ADMIN)
            staffing.assign_counsellor(Side.PARENT_A, counsellors[n % len(counsellors)], ADMIN, "intake")
            yield from staffing.collect_events()

    insert(directory, events())
