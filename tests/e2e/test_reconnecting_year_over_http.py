"""End to end: Opnieuw Verbinden through a year (uvicorn, a real GraphQL client, both stores).

A case brought in after the year: its four meetings of last year (a Tuesday morning in
March, June, September and November) are entered afterwards, with who attended; the
September meeting was paused on aggressive language, recorded afterwards by the one who
led it; the children were visited twice at each parent's home; the professional hours of
the year are counted against the 170-200 hour budget, and hours past it are flagged, not
refused.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from gql.transport.exceptions import TransportQueryError

from services.staff_directory.api import Role
from tests.support.http import ADMIN, client, install_first_administrator, run
from tests.support.processes import environ_for, serving

COORDINATOR = "e2e-ov-coordinator"
# Last year, so every day of it has come whenever the test runs.
Y = date.today().year - 1


def second_tuesday(month: int) -> date:
    first = date(Y, month, 1)
    return first + timedelta(days=(1 - first.weekday()) % 7 + 7)


MEETINGS = tuple(second_tuesday(m).isoformat() for m in (3, 6, 9, 11))
YEAR = """query($c: UUID!, $y: Int!) { reconnectingYear(caseId: $c, year: $y) { year minutes overBudget belowBudget
  budgetMinHours budgetMaxHours minVisitsPerParent visits { parent visits stillNeeded }
  perProfessional { name minutes } perActivity { name minutes } } }"""
HOURS = """mutation($c: UUID!, $on: Date!, $p: String!, $a: Activity!, $m: Int!) {
  recordProfessionalHours(caseId: $c, on: $on, professional: $p, activity: $a, minutes: $m) { minutes overBudget } }"""


PROFESSIONALS = ("Marieke Visser", "Joost de Vries", "Fatima el Amrani")


def test_opnieuw_verbinden_through_a_year_meetings_a_pause_visits_and_hours_against_the_budget(settings):
    install_first_administrator(settings)
    with serving(environ_for(settings), startup_timeout=120) as base:  # a busy machine starts slowly
        admin = client(base, settings, ADMIN, Role.ADMIN)
        run(admin, 'mutation($u: String!) { registerStaff(user: $u, displayName: "Marieke Visser", '
                   'roles: [COORDINATOR]) { ok } }', u=COORDINATOR)
        coordinator = client(base, settings, COORDINATOR, Role.COORDINATOR)
        case = run(coordinator, """mutation { registerCase(case: {
            parentA: {displayName: "Sanne de Vries", parentalAuthority: true},
            parentB: {displayName: "Mark Jansen", parentalAuthority: false},
            children: [{firstName: "Noor", dateOfBirth: "2014-03-12"}, {firstName: "Daan", dateOfBirth: "2017-09-03"}],
            trajectoryType: OPNIEUW_VERBINDEN }) }""")["registerCase"]

        # "Vier-jaarlijks overleg begeleid door drie professionals": each meeting names the three who led it.
        with pytest.raises(TransportQueryError, match="led by 3 professionals"):
            run(coordinator, """mutation($c: UUID!, $d: Date!) { recordPastJointSession(caseId: $c, day: $d,
                start: "09:30:00", durationMinutes: 150, place: "Praktijk Utrecht", why: "Zaak overgenomen",
                ledBy: ["Marieke Visser", "Joost de Vries"]) }""", c=case, d=MEETINGS[0])
        sessions = [run(coordinator, """mutation($c: UUID!, $d: Date!, $led: [String!]) { recordPastJointSession(
            caseId: $c, day: $d, start: "09:30:00", durationMinutes: 150, place: "Praktijk Utrecht",
            why: "Zaak overgenomen van een andere praktijk", ledBy: $led) }""", c=case, d=day,
                        led=list(PROFESSIONALS))["recordPastJointSession"] for day in MEETINGS]
        for session in sessions:
            for parent in ("PARENT_A", "PARENT_B"):
                run(coordinator, """mutation($c: UUID!, $s: UUID!, $p: Parent!) { recordAttendance(caseId: $c,
                    sessionId: $s, parent: $p, attended: true) { ok } }""", c=case, s=session, p=parent)
        run(coordinator, """mutation($c: UUID!, $s: UUID!, $begin: DateTime!, $end: DateTime!) {
            recordPauseAfterwards(caseId: $c, sessionId: $s,
            pausedAt: $begin, resumedAt: $end, reason: "Agressieve taal", ledBy: "Marieke Visser", why: "Vastgelegd bij het overnemen van de zaak",
            parent: PARENT_B) { ok } }""", c=case, s=sessions[2], begin=f"{MEETINGS[2]}T10:15:00+02:00",
            end=f"{MEETINGS[2]}T10:40:00+02:00")
        # A fifth meeting in a year of four: refused, and nothing stored.
        with pytest.raises(TransportQueryError, match="already has its meeting of Opnieuw Verbinden"):
            run(coordinator, """mutation($c: UUID!, $d: Date!) { recordPastJointSession(caseId: $c, day: $d,
                start: "09:30:00", durationMinutes: 150, place: "Praktijk Utrecht", why: "Dubbel") }""", c=case,
                d=(date.fromisoformat(MEETINGS[3]) + timedelta(weeks=1)).isoformat())

        listed = run(coordinator, """query($c: UUID!) { jointSessions(caseId: $c) { day status recordedAfterwards
            ledBy pauses { pausedAt resumedAt pausedBy recordedAfterwards } } }""", c=case)["jointSessions"]
        assert [s["day"] for s in listed] == list(MEETINGS) and {s["status"] for s in listed} == {"HELD"}
        assert all(s["ledBy"] == list(PROFESSIONALS) for s in listed)
        assert all(s["recordedAfterwards"] == "Zaak overgenomen van een andere praktijk" for s in listed)
        assert listed[2]["pauses"][0]["pausedBy"] == "Marieke Visser"

        for day, parent in ((f"{Y}-04-18", "PARENT_A"), (f"{Y}-05-16", "PARENT_B"), (f"{Y}-10-03", "PARENT_A")):
            run(coordinator, """mutation($c: UUID!, $on: Date!, $p: Parent!) { recordChildVisit(caseId: $c, on: $on,
                parent: $p, visitedBy: "Lotte van Dijk") { year } }""", c=case, on=day, p=parent)
        year = run(coordinator, YEAR, c=case, y=Y)["reconnectingYear"]
        assert year["visits"] == [{"parent": "PARENT_A", "visits": 2, "stillNeeded": 0},
                                  {"parent": "PARENT_B", "visits": 1, "stillNeeded": 1}], "one more visit at B's home"

        # Three professionals at each meeting (2.5 h: 30 h) and two between meetings (144 h): 174 hours.
        for day in MEETINGS:
            for professional in ("Marieke Visser", "Ineke Bos", "Youssef El Amrani"):
                run(coordinator, HOURS, c=case, on=day, p=professional, a="JOINT_MEETING", m=150)
        for month in range(1, 13):
            for professional in ("Ineke Bos", "Youssef El Amrani"):
                run(coordinator, HOURS, c=case, on=f"{Y}-{month:02d}-20", p=professional,
                    a="COMMUNICATION_SUPPORT", m=6 * 60)
        year = run(coordinator, YEAR, c=case, y=Y)["reconnectingYear"]
        assert (year["minutes"], year["budgetMinHours"], year["budgetMaxHours"]) == (174 * 60, 170, 200)
        assert not year["overBudget"] and not year["belowBudget"]
        assert {a["name"]: a["minutes"] for a in year["perActivity"]} == {
            "communication_support": 144 * 60, "joint_meeting": 30 * 60}

        # Hours worked past the budget are facts: recorded, and flagged.
        within = run(coordinator, HOURS, c=case, on=f"{Y}-12-01", p="Ineke Bos", a="INDIVIDUAL_CONSULTATION",
                     m=24 * 60)["recordProfessionalHours"]
        assert within == {"minutes": 198 * 60, "overBudget": False}
        past_budget = run(coordinator, HOURS, c=case, on=f"{Y}-12-02", p="Ineke Bos", a="INDIVIDUAL_CONSULTATION",
                          m=4 * 60)["recordProfessionalHours"]
        assert past_budget == {"minutes": 202 * 60, "overBudget": True}
