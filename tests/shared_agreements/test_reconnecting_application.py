"""Opnieuw Verbinden's year through the shared-agreements application (both stores)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from services.shared_agreements.domain.reconnecting import InvalidReconnectingRecord
from tests.shared_agreements.builders import COORDINATOR
from tests.support.shared_store import Shared
from tests.support.cases import register_case


def test_visits_and_hours_are_kept_per_case_and_read_back_per_year(app):
    case = register_case(Shared(app), trajectory_type="opnieuw_verbinden", actor=COORDINATOR)
    last_year = date.today().year - 1
    app.record_child_visit(case, on=date(last_year, 4, 2), parent="parent_b", visited_by="Lotte", actor=COORDINATOR)
    year = app.record_professional_hours(case, on=date(last_year, 4, 2), professional="Lotte", activity="child_visit",
                                         minutes=120, actor=COORDINATOR)
    assert (year.visits, year.minutes) == ({"parent_a": 0, "parent_b": 1}, 120)
    assert app.reconnecting_year(case, last_year) == year
    other = register_case(Shared(app), trajectory_type="opnieuw_verbinden", actor=COORDINATOR)
    assert app.reconnecting_year(other, last_year).minutes == 0, "each case keeps its own year"


def test_a_case_of_another_type_has_no_visits_or_hour_budget_and_nothing_is_stored(app):
    case = register_case(Shared(app), trajectory_type="parallel_ouderschap", actor=COORDINATOR)
    before = app.position
    with pytest.raises(InvalidReconnectingRecord, match="Opnieuw Verbinden"):
        app.record_professional_hours(case, on=date(2026, 1, 5), professional="Lotte", activity="other",
                                      minutes=60, actor=COORDINATOR)
    assert app.position == before


def test_a_visit_on_a_day_that_has_not_come_is_refused_by_the_applications_clock(app, clock):
    case = register_case(Shared(app), trajectory_type="opnieuw_verbinden", actor=COORDINATOR)
    clock.set(datetime(2026, 3, 10, 9, 30, tzinfo=timezone.utc))
    before = app.position
    with pytest.raises(InvalidReconnectingRecord, match="has not come"):
        app.record_child_visit(case, on=date(2026, 3, 10) + timedelta(days=1), parent="parent_a", visited_by="Lotte",
                               actor=COORDINATOR)
    assert app.position == before
