"""End to end: Kind en Ik in one case, gezinsbemiddeling fase 1 → parallel ouderschap fase 1 → fase 2 (uvicorn, gql).

The administrator imports the demo's school holidays of regio midden (2026-2027) and the
coordinator records the family's region. Gezinsbemiddeling fase 1 is the begeleider's, through
the mediator audience: an intake with each parent, 4 joint and 4 individual conversations with
each parent, a fifth refused; the 16 school weeks from the first intake end on the day the
calendar gives, and a conversation one day later is refused. Cooperation does not improve: the
case moves on to parallel ouderschap; each side gets its own counsellor, the former begeleider
one side only. Each phase opens with its own intake; the court report shows the three phases in
order and the begeleider's conversations as counts, never a note. Both stores.

Conversations and individual sessions lie on past days (November 2026); joint sessions are
planned ahead, in the years after the server's today.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest
from gql.transport.exceptions import TransportQueryError

from services.staff_directory.api import Role
from tests.support.http import ADMIN, client, install_first_administrator, run
from tests.support.processes import environ_for, serving
from tests.support.school_holidays import MIDDEN

COORDINATOR, B1, BEGELEIDER = "ki-co", "ki-counsellor-b", "ki-begeleider"
NEXT_YEAR = date.today().year + 1
REASON = "Moeder blijft in een afwijzende houding; de samenwerking verbetert niet."
NOTE = "KIBEGELEIDERNOTE-4417 vader vertelt over zijn opname"
INTAKE = date(2026, 11, 2)  # a Monday, after regio midden's autumn holiday
# 16 school weeks from the week of 2 November 2026, without regio midden's Christmas (2) and spring (1) weeks.
TERM_END = date(2027, 3, 14)

TRAJECTORY = "version status counsellor rules { template maxSessions maxJointSessions }"
MOVE = """mutation($c: UUID!, $t: TrajectoryType!, $r: String!) {
  moveCaseToNextPhase(caseId: $c, trajectoryType: $t, reason: $r) { trajectoryType phases { number trajectoryType } } }"""
PLAN_JOINT = """mutation($c: UUID!, $d: Date!) { planJointSession(caseId: $c, day: $d, start: "10:00:00",
  durationMinutes: 90, place: "Hooghiemstraplein 78, Utrecht") }"""
TALK = """mutation($c: UUID!, $k: ConversationKind!, $on: Date!, $p: Parent, $came: [Parent!]!, $note: String!) {
  recordMediationConversation(caseId: $c, kind: $k, on: $on, durationMinutes: 60, parent: $p, attended: $came,
  note: $note) { number termEnd jointLeft parents { parent individualLeft } } }"""


def refused(caller, document: str, **variables) -> dict:  # noqa: ANN001
    with pytest.raises(TransportQueryError) as raised:
        run(caller, document, **variables)
    return raised.value.errors[0]


def talk(begeleider, case: str, kind: str, on: date, parent: str | None = None) -> dict:  # noqa: ANN001
    came = [parent] if parent else ["PARENT_A", "PARENT_B"]
    return run(begeleider, TALK, c=case, k=kind, on=on.isoformat(), p=parent, came=came, note=NOTE)


def side_step(caller, step: str, case: str) -> dict:  # noqa: ANN001
    return run(caller, f"mutation($c: UUID!) {{ {step} {{ {TRAJECTORY} }} }}", c=case)


def open_phase(caller, case: str, on: date) -> dict:  # noqa: ANN001
    """Intake, goals, the parents' consent (the child is under 16), agreement and start of one phase."""
    opened = side_step(caller, f'openTrajectory(caseId: $c, on: "{on}")', case)["openTrajectory"]
    for step in (f'proposeGoals(caseId: $c, goals: ["Samenwerking verbeteren"], themes: ["own_ground"], on: "{on}")',
                 f'recordConsent(caseId: $c, scopes: [TRAJECTORY], givenBy: ["Anna Smit", "Bram Smit"], givenOn: "{on}")',
                 f'recordAgreement(caseId: $c, on: "{on}")', f'startTrajectory(caseId: $c, on: "{on}")'):
        side_step(caller, step, case)
    return opened


def close(caller, case: str, on: date) -> None:  # noqa: ANN001
    side_step(caller, f'closeTrajectory(caseId: $c, on: "{on}", evaluation: "Evaluatie van de fase.")', case)


def mediation_phase(begeleider, case: str) -> None:  # noqa: ANN001
    """Gezinsbemiddeling fase 1, run by the begeleider: intakes, 4 joint, 4 individual with each parent."""
    talk(begeleider, case, "INTAKE", INTAKE, "PARENT_A")
    talk(begeleider, case, "INTAKE", INTAKE + timedelta(days=1), "PARENT_B")
    for week in range(1, 5):
        monday = INTAKE + timedelta(weeks=week)
        talk(begeleider, case, "JOINT", monday)
        talk(begeleider, case, "INDIVIDUAL", monday + timedelta(days=1), "PARENT_A")
        last = talk(begeleider, case, "INDIVIDUAL", monday + timedelta(days=2), "PARENT_B")
    assert last["recordMediationConversation"] == [{"number": 1, "termEnd": TERM_END.isoformat(), "jointLeft": 0,
                                                    "parents": [{"parent": "PARENT_A", "individualLeft": 0},
                                                                {"parent": "PARENT_B", "individualLeft": 0}]}]
    fifth = refused(begeleider, TALK, c=case, k="INDIVIDUAL", on="2026-11-26", p="PARENT_A", came=["PARENT_A"],
                    note="Vijfde.")
    assert fifth["extensions"]["code"] == "INVALID" and "at most 4 individual conversations" in fifth["message"]
    assert "at most 4 joint" in refused(begeleider, TALK, c=case, k="JOINT", on="2026-11-27", p=None,
                                        came=["PARENT_A"], note="Vijfde.")["message"]
    late = refused(begeleider, TALK, c=case, k="JOINT", on=(TERM_END + timedelta(days=1)).isoformat(), p=None,
                   came=["PARENT_A"], note="Te laat.")
    assert f"ended on {TERM_END.isoformat()}" in late["message"]


def test_kind_en_ik_runs_three_phases_in_one_case_over_http(settings):
    install_first_administrator(settings)
    with serving(environ_for(settings)) as base:
        admin = client(base, settings, ADMIN, Role.ADMIN)
        for user, roles in ((COORDINATOR, ["COORDINATOR"]), (B1, ["COUNSELLOR"]),
                            (BEGELEIDER, ["MEDIATOR", "COUNSELLOR"])):
            run(admin, "mutation($u: String!, $r: [Role!]!) { registerStaff(user: $u, displayName: $u, roles: $r) "
                       "{ ok } }", u=user, r=roles)
        run(admin, """mutation($ics: String!) { importSchoolHolidays(region: MIDDEN, schoolYear: "2026-2027",
            ics: $ics, source: "schoolvakanties-midden-2026-2027.ics") { region } }""", ics=MIDDEN.decode())
        coordinator = client(base, settings, COORDINATOR, Role.COORDINATOR)
        case = run(coordinator, """mutation { registerCase(case: {
            parentA: {displayName: "Anna Smit", parentalAuthority: true},
            parentB: {displayName: "Bram Smit", parentalAuthority: true},
            children: [{firstName: "Lieke", dateOfBirth: "2016-05-01"}],
            trajectoryType: GEZINSBEMIDDELING_FASE_1 }) }""")["registerCase"]
        run(coordinator, "mutation($c: UUID!) { recordCaseRegion(caseId: $c, region: MIDDEN) { region } }", c=case)
        run(admin, "mutation($c: UUID!, $u: String!) { assignMediator(caseId: $c, user: $u) { ok } }",
            c=case, u=BEGELEIDER)

        mediation_phase(client(base, settings, BEGELEIDER, Role.MEDIATOR), case)
        moved = run(coordinator, MOVE, c=case, t="PARALLEL_OUDERSCHAP_FASE_1", r=REASON)["moveCaseToNextPhase"]
        assert [p["trajectoryType"] for p in moved["phases"]] == ["GEZINSBEMIDDELING_FASE_1",
                                                                 "PARALLEL_OUDERSCHAP_FASE_1"]

        # The switch: the begeleider's role ends; they go on with parent A only, never with B as well.
        assign = ("mutation($c: UUID!, $s: Side!, $u: String!, $r: String!) { assignCounsellor(caseId: $c, side: $s,"
                  " user: $u, reason: $r) { ok } }")
        assert "end that assignment" in refused(admin, assign, c=case, s="PARENT_A", u=BEGELEIDER, r="x")["message"]
        run(admin, "mutation($c: UUID!, $u: String!) { unassign(caseId: $c, user: $u, reason: \"overstap naar "
                   "parallel ouderschap\") { ok } }", c=case, u=BEGELEIDER)
        run(admin, assign, c=case, s="PARENT_A", u=BEGELEIDER, r="overstap naar parallel ouderschap")
        assert "never counsel the other side" in refused(admin, assign, c=case, s="PARENT_B", u=BEGELEIDER,
                                                         r="overstap")["message"]
        run(admin, assign, c=case, s="PARENT_B", u=B1, r="overstap naar parallel ouderschap")

        begeleider, b1 = client(base, settings, BEGELEIDER, Role.COUNSELLOR), client(base, settings, B1, Role.COUNSELLOR)
        today = date.today()
        phase_two = open_phase(begeleider, case, today)
        assert (phase_two["counsellor"], phase_two["rules"]["template"], phase_two["rules"]["maxJointSessions"]) == (
            BEGELEIDER, "parallel_ouderschap_fase_1", 5)
        open_phase(b1, case, today)
        for day in [date(NEXT_YEAR, 3, 1) + timedelta(weeks=n) for n in range(5)]:
            run(coordinator, PLAN_JOINT, c=case, d=day.isoformat())
        assert "at most 5" in refused(coordinator, PLAN_JOINT, c=case, d=f"{NEXT_YEAR}-04-26")["message"]

        close(begeleider, case, today)
        run(coordinator, MOVE, c=case, t="PARALLEL_OUDERSCHAP_FASE_2", r="Zelf regelen lukt nog niet.")
        third = open_phase(begeleider, case, today)
        assert third["rules"]["template"] == "parallel_ouderschap_fase_2"
        for month in (2, 5, 8, 10):
            run(coordinator, PLAN_JOINT, c=case, d=f"{NEXT_YEAR + 1}-{month:02d}-08")
        a_year = refused(coordinator, PLAN_JOINT, c=case, d=f"{NEXT_YEAR + 1}-12-06")
        assert f"at most 4 joint sessions in {NEXT_YEAR + 1}" in a_year["message"]

        made = run(coordinator, "mutation($c: UUID!, $at: DateTime!) { courtReport(caseId: $c, asOf: $at, "
                                "format: JSON) { content } }", c=case,
                   at=datetime.now(timezone.utc).isoformat())["courtReport"]
        assert "KIBEGELEIDERNOTE" not in made["content"]
        report = json.loads(made["content"])
        assert [(p["number"], p["trajectory_type"]) for p in report["case"]["phases"]] == [
            (1, "gezinsbemiddeling_fase_1"), (2, "parallel_ouderschap_fase_1"), (3, "parallel_ouderschap_fase_2")]
        assert report["case"]["phases"][1]["reason"] == REASON
        [mediation] = report["mediation"]
        assert (mediation["phase"], mediation["term_end"]) == (1, TERM_END.isoformat())
        assert mediation["parents"]["parent_b"] == {"intake": {"attended": 1, "missed": 0},
                                                    "joint": {"attended": 4, "missed": 0},
                                                    "individual": {"attended": 4, "missed": 0}}
        side_a = {s["side"]: s for s in report["sides"]}["parent_a"]["trajectory"]
        assert [p["phase"] for p in side_a["earlier_phases"]] + [side_a["phase"]] == [2, 3]
