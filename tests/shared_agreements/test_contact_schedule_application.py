"""The annual contact schedule through the shared-agreements application, on both stores."""

from __future__ import annotations

from datetime import date, time, timedelta
from uuid import UUID, uuid4

import pytest
import vobject

from services.shared_agreements.application import Child, Parent, SharedAgreements
from services.shared_agreements.calendar_export import schedule_to_ical
from services.shared_agreements.domain.contact_schedule import (
    ContactRange, ContactScheduleNotFound, InvalidContactSchedule, OverlappingCareDays,
)
from services.shared_agreements.domain.errors import CaseNotFound

COORDINATOR = "coordinator-anna"
YEAR = [
    ContactRange(date(2026, 1, 1), date(2026, 7, 3), "parent_a"),
    ContactRange(date(2026, 7, 4), date(2026, 8, 16), "parent_b", kind="holiday", holiday="zomervakantie",
                 handover_time=time(18, 0), handover_place="school"),
    ContactRange(date(2026, 8, 17), date(2026, 12, 31), "parent_a", children=("Noor",)),
    ContactRange(date(2026, 8, 17), date(2026, 12, 31), "parent_b", children=("Sem",)),
]


@pytest.fixture
def app(settings):
    application = SharedAgreements(settings.context_store("shared_agreements"))
    yield application
    application.close()


@pytest.fixture
def case_id(app) -> UUID:
    return app.register_case(
        parent_a=Parent("Sanne", True), parent_b=Parent("Mark", True),
        children=[Child("Noor", date(2014, 5, 3)), Child("Sem", date(2017, 11, 20))],
        trajectory_type="opnieuw_verbinden", actor=COORDINATOR,
    )


def stored(app: SharedAgreements) -> list:
    return [(n.id, n.topic, n.state) for n in app.recorder.select_notifications(start=1, limit=10**6)]


def test_a_laid_down_schedule_reads_back_with_every_range(app, case_id):
    assert app.set_contact_schedule(case_id, 2026, YEAR, COORDINATOR) == 1
    view = app.contact_schedule(case_id, 2026)
    assert (view.version, view.year, view.recorded_by, view.reason) == (1, 2026, COORDINATOR, None)
    assert [(r.first_day, r.last_day, r.parent, r.children) for r in view.ranges] == [
        (date(2026, 1, 1), date(2026, 7, 3), "parent_a", ("Noor", "Sem")),
        (date(2026, 7, 4), date(2026, 8, 16), "parent_b", ("Noor", "Sem")),
        (date(2026, 8, 17), date(2026, 12, 31), "parent_a", ("Noor",)),
        (date(2026, 8, 17), date(2026, 12, 31), "parent_b", ("Sem",)),
    ]
    assert view.ranges[1].handover_time == time(18, 0)


def test_a_schedule_with_overlapping_care_days_is_refused_and_stores_nothing(app, case_id):
    before = stored(app)
    overlapping = [*YEAR, ContactRange(date(2026, 12, 24), date(2026, 12, 26), "parent_b", children=("Noor",))]
    with pytest.raises(OverlappingCareDays, match="Noor would be with both parents on 2026-12-24"):
        app.set_contact_schedule(case_id, 2026, overlapping, COORDINATOR)
    assert stored(app) == before
    with pytest.raises(ContactScheduleNotFound):
        app.contact_schedule(case_id, 2026)


def test_a_replacement_is_a_new_version_and_the_earlier_version_stays_readable(app, case_id):
    app.set_contact_schedule(case_id, 2026, YEAR, COORDINATOR)
    longer_summer = [YEAR[0], ContactRange(date(2026, 7, 4), date(2026, 8, 23), "parent_b", kind="holiday",
                                           holiday="zomervakantie"),
                     ContactRange(date(2026, 8, 24), date(2026, 12, 31), "parent_a")]
    assert app.set_contact_schedule(case_id, 2026, longer_summer, "coordinator-bert", reason="besluit") == 2
    current, first = app.contact_schedule(case_id, 2026), app.contact_schedule(case_id, 2026, version=1)
    assert (current.version, current.reason, current.ranges[1].last_day) == (2, "besluit", date(2026, 8, 23))
    assert (first.version, first.ranges[1].last_day, len(first.ranges)) == (1, date(2026, 8, 16), 4)
    assert first.recorded_at < current.recorded_at
    with pytest.raises(ContactScheduleNotFound):
        app.contact_schedule(case_id, 2026, version=3)


def test_a_replacement_without_a_reason_is_refused_and_changes_nothing(app, case_id):
    app.set_contact_schedule(case_id, 2026, YEAR, COORDINATOR)
    before = stored(app)
    with pytest.raises(InvalidContactSchedule, match="reason"):
        app.set_contact_schedule(case_id, 2026, YEAR[:2], COORDINATOR)
    assert stored(app) == before


def test_each_year_has_its_own_schedule(app, case_id):
    app.set_contact_schedule(case_id, 2026, YEAR, COORDINATOR)
    with pytest.raises(ContactScheduleNotFound, match="2027"):
        app.contact_schedule(case_id, 2027)
    assert app.set_contact_schedule(case_id, 2027, [ContactRange(date(2027, 1, 1), date(2027, 1, 4), "parent_b")],
                                    COORDINATOR) == 1


def test_the_schedule_of_an_unknown_case_is_not_found(app):
    with pytest.raises(CaseNotFound):
        app.set_contact_schedule(uuid4(), 2026, YEAR, COORDINATOR)
    with pytest.raises(CaseNotFound):
        app.contact_schedule_ical(uuid4(), 2026)


def test_the_ical_export_parses_with_vobject_and_matches_the_stored_schedule(app, case_id, settings):
    app.set_contact_schedule(case_id, 2026, YEAR, COORDINATOR)
    ical = app.contact_schedule_ical(case_id, 2026)
    events = vobject.readOne(ical.decode("utf-8")).vevent_list
    read_back = sorted((e.dtstart.value, e.dtend.value - timedelta(days=1), e.summary.value) for e in events)
    assert read_back == [
        (date(2026, 1, 1), date(2026, 7, 3), "Kinderen bij ouder A"),
        (date(2026, 7, 4), date(2026, 8, 16), "Zomervakantie: kinderen bij ouder B"),
        (date(2026, 8, 17), date(2026, 12, 31), "Noor bij ouder A"),
        (date(2026, 8, 17), date(2026, 12, 31), "Sem bij ouder B"),
    ]
    reopened = SharedAgreements(settings.context_store("shared_agreements"))
    try:
        assert reopened.contact_schedule_ical(case_id, 2026) == ical
    finally:
        reopened.close()
    assert ical == schedule_to_ical(app.contact_schedule(case_id, 2026))
