"""End to end: a side's counsellor is replaced, and the case as a whole stays right (uvicorn, gql, both stores).

The administrator reassigns parent B's counsellor in the staff directory. The trajectory
records it; the new counsellor carries on; the former counsellor can never hold the child
conversations of that case; the court report names the counsellor of each moment.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from services.staff_directory.api import Role
from tests.support.http import ADMIN, client, install_first_administrator, refused, run
from tests.support.processes import environ_for, serving

COORDINATOR, B1, B2, CHILD = "e2e-co", "e2e-counsellor-b1", "e2e-counsellor-b2", "e2e-child"

SIDE = """caseId counsellor counsellorHistory { counsellor since reason } sessions { on attended }"""


def test_a_reassigned_side_carries_on_with_its_new_counsellor_and_the_report_names_both(settings):
    install_first_administrator(settings)
    with serving(environ_for(settings)) as base:
        admin = client(base, settings, ADMIN, Role.ADMIN)
        for user, roles in ((COORDINATOR, ["COORDINATOR"]), (B1, ["COUNSELLOR"]), (B2, ["COUNSELLOR"]),
                            (CHILD, ["CHILD_COUNSELLOR"])):
            run(admin, "mutation($u: String!, $n: String!, $r: [Role!]!) { registerStaff(user: $u, displayName: $n,"
                       " roles: $r) { ok } }", u=user, n=user.upper(), r=roles)
        coordinator = client(base, settings, COORDINATOR, Role.COORDINATOR)
        case = run(coordinator, """mutation { registerCase(case: {
            parentA: {displayName: "Anna Smit", parentalAuthority: true},
            parentB: {displayName: "Bram Smit", parentalAuthority: true},
            children: [{firstName: "Lieke", dateOfBirth: "2016-05-01"}],
            trajectoryType: PARALLEL_SOLO_OUDERSCHAP_LOMAN }) }""")["registerCase"]
        assign = ("mutation($c: UUID!, $u: String!, $r: String!) { assignCounsellor(caseId: $c, side: PARENT_B,"
                  " user: $u, reason: $r) { ok } }")
        run(admin, assign, c=case, u=B1, r="intake")
        run(admin, "mutation($c: UUID!) { assignChildCounsellor(caseId: $c, user: \"e2e-child\") { ok } }", c=case)

        b1 = client(base, settings, B1, Role.COUNSELLOR)
        opened = run(b1, f'mutation($c: UUID!) {{ openTrajectory(caseId: $c, on: "2026-09-01") {{ {SIDE} parent }} }}',
                     c=case)["openTrajectory"]
        assert (opened["parent"], opened["counsellor"]) == ("Bram Smit", B1)  # from the case header
        for step in ('proposeGoals(caseId: $c, goals: ["Rust"], themes: ["own_ground"], on: "2026-09-08")',
                     'recordConsent(caseId: $c, scopes: [TRAJECTORY, CHILD_CONVERSATIONS], givenBy: ["Bram Smit",'
                     ' "Anna Smit"], givenOn: "2026-09-08")',
                     'recordAgreement(caseId: $c, on: "2026-09-08")', 'startTrajectory(caseId: $c, on: "2026-09-15")',
                     'recordSession(caseId: $c, on: "2026-09-15", attended: true, durationMinutes: 60,'
                     ' themes: ["own_ground"], note: "Eerste gesprek.")'):
            run(b1, f"mutation($c: UUID!) {{ {step} {{ version }} }}", c=case)

        run(admin, assign, c=case, u=B2, r="zwangerschapsverlof")
        b2 = client(base, settings, B2, Role.COUNSELLOR)
        carried = run(b2, f'mutation($c: UUID!) {{ recordSession(caseId: $c, on: "2026-09-29", attended: true, '
                          f'durationMinutes: 50, themes: ["own_ground"], note: "Kennismaking.") {{ {SIDE} }} }}',
                     c=case)["recordSession"]
        assert carried["counsellor"] == B2
        assert [(h["counsellor"], h["reason"]) for h in carried["counsellorHistory"]] == [
            (B1, "intake"), (B2, "zwangerschapsverlof")]
        assert len(carried["sessions"]) == 2
        assert refused(b1, f"query($c: UUID!) {{ trajectory(caseId: $c) {{ {SIDE} }} }}", c=case)[
            "extensions"]["code"] == "NOT_FOUND"  # b1 no longer counsels the side

        run(admin, 'mutation { grantRole(user: "e2e-counsellor-b1", role: CHILD_COUNSELLOR) { ok } }')
        error = refused(admin, "mutation($c: UUID!) { assignChildCounsellor(caseId: $c, user: \"e2e-counsellor-b1\")"
                               " { ok } }", c=case)
        assert error["extensions"]["code"] == "INVALID" and "never hold its child conversations" in error["message"]
        child = client(base, settings, CHILD, Role.CHILD_COUNSELLOR)
        run(child, 'mutation($c: UUID!) { recordChildConversation(caseId: $c, side: PARENT_B, child: "Lieke", '
                   'on: "2026-10-06", summary: "Lieke vertelde over school.") { ok } }', c=case)

        run(coordinator, 'mutation($c: UUID!) { agreeTransparency(caseId: $c, parent: PARENT_B, '
                         'categories: [ATTENDANCE, CHILD_CONVERSATION_HELD, PRACTITIONER], agreedOn: "2026-10-06") { ok } }', c=case)
        made = run(coordinator, "mutation($c: UUID!, $at: DateTime!) { courtReport(caseId: $c, asOf: $at, "
                                "format: JSON) { content } }", c=case,
                   at=datetime.now(timezone.utc).isoformat())["courtReport"]
        side_b = {s["side"]: s for s in json.loads(made["content"])["sides"]}["parent_b"]["trajectory"]
        assert [c["name"] for c in side_b["counsellors"]] == [B1.upper(), B2.upper()]
        assert [c["held_by"] for c in side_b["child_conversations"]] == [CHILD.upper()]
        assert "zwangerschapsverlof" not in made["content"]
