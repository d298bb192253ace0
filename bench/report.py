"""Report: the court report (JSON and PDF) of a case of 10,000 events, against a plain replay of its events.

The case is registered in the shared context and parent A's trajectory holds the events
(intake to start, then sessions with private notes), seeded in bulk. The report is made as
a user asks for it (``services.court_report.make_report``: built as of now, rendered, recorded);
the baseline rebuilds the same aggregates from their events, decoded as the report decodes them.
When no report builder exists the metric is recorded without a value and says so.
"""

from __future__ import annotations

import importlib.util
import time
from datetime import date, datetime, timezone
from typing import Any, Callable
from uuid import UUID, uuid4

from services.platform.audit_values import audit_mapper

from bench import seed
from bench.harness import Goal, Result, Run, result
from bench.stores import settle

REPORT = "report"
REPORT_GOAL = Goal("<=", 3)
BUILDER = "services.court_report"
FORMATS = ("json", "pdf")


def run_report(run: Run) -> list[Result]:
    if importlib.util.find_spec(BUILDER) is None:
        return [result(REPORT, run.store, None, "s", REPORT_GOAL, note="report not built yet")]
    from evenwijdig.bootstrap import bootstrap

    with run.stores() as settings:
        contexts = bootstrap(settings)
        try:
            case_id = _case(contexts, run.sizes.report_events)
            settle(settings)
            replay = _best(lambda: _plain_replay(contexts, case_id))
            made = {f: _best(lambda f=f: _make(contexts, case_id, f)) for f in FORMATS}
        finally:
            contexts.close()
    run.log(f"{REPORT} {run.store}: replay {replay:.2f} s, " + ", ".join(f"{f} {s:.2f} s" for f, s in made.items()))
    return [result(REPORT, run.store, seconds, "s", REPORT_GOAL, baseline=replay, baseline_unit="s", config=fmt,
                   note=f"{fmt}: make_report of a case of {run.sizes.report_events:,} events (built as of now, rendered, "
                        "recorded); baseline: the case's aggregates rebuilt from their events with the auditor's mapper; best of 2")
            for fmt, seconds in made.items()]


def _case(contexts: Any, events: int) -> UUID:
    from services.shared_agreements.application import Child, Parent

    counsellor = "bench-counsellor"
    case_id = contexts.shared.register_case(
        parent_a=Parent("Sanne de Vries", parental_authority=True), parent_b=Parent("Mark Jansen", parental_authority=True),
        children=[Child("Noor", date(2014, 3, 12))], trajectory_type="parallel_solo_coaching", actor="bench-coordinator",
        case_id=uuid4())
    seed.insert(contexts.parent_a, seed.trajectory_events(case_id, events, counsellor))
    return case_id


def _make(contexts: Any, case_id: UUID, fmt: str) -> None:
    from services.court_report import make_report

    made = make_report(contexts, case_id, as_of=datetime.now(timezone.utc), format=fmt, actor="bench-coordinator")
    if not made.content:
        raise RuntimeError(f"an empty {fmt} report")


def _plain_replay(contexts: Any, case_id: UUID) -> None:
    """Every aggregate of the case the report reads, rebuilt from its events (private text left sealed, as the
    report reads them: with the auditor's redacting mapper)."""
    from services.parent_side.domain.trajectory import trajectory_id
    from services.shared_agreements.domain.decisions import DecisionLog
    from services.shared_agreements.domain.ground_rules import RuleSet
    from services.shared_agreements.domain.joint_sessions import joint_sessions_id
    from services.shared_agreements.domain.transparency import TransparencyAgreements

    shared = (case_id, RuleSet.id_for(case_id), DecisionLog.id_for(case_id), joint_sessions_id(case_id),
              TransparencyAgreements.id_for(case_id))
    for app, ids in ((contexts.parent_a, (trajectory_id(case_id),)), (contexts.parent_b, (trajectory_id(case_id),)),
                     (contexts.shared, shared)):
        mapper = audit_mapper(app, show_private_text=False)
        for aggregate_id in ids:
            _rebuild(app, mapper, aggregate_id)


def _rebuild(app: Any, mapper: Any, aggregate_id: UUID, page: int = 1000) -> Any:
    aggregate, after = None, None
    while True:
        found = app.recorder.select_events(aggregate_id, gt=after, limit=page)
        for stored in found:
            aggregate = mapper.to_domain_event(stored).mutate(aggregate)
        if len(found) < page:
            return aggregate
        after = found[-1].originator_version


def _best(action: Callable[[], None], rounds: int = 2) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best
