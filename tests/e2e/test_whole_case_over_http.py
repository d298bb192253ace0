"""End to end: uvicorn, a real GraphQL client over HTTP, one case from registration to ground rules in force.

Everything goes through the public endpoints with the tokens the roles would have;
only the very first administrator is registered directly, as an operator would when
installing the system.
"""

from __future__ import annotations

import pytest
from gql.transport.exceptions import TransportQueryError

from evenwijdig.settings import Settings
from services.staff_directory.api import Role
from tests.support.http import ADMIN, client, install_first_administrator, run
from tests.support.processes import environ_for, serving

COORDINATOR, COUNSELLOR_A, COUNSELLOR_B = "e2e-coordinator", "e2e-counsellor-a", "e2e-counsellor-b"


def test_a_case_goes_from_registration_to_ground_rules_in_force_over_http(settings: Settings):
    install_first_administrator(settings)
    with serving(environ_for(settings)) as base:
        admin = client(base, settings, ADMIN, Role.ADMIN)
        for user, role in ((COORDINATOR, "COORDINATOR"), (COUNSELLOR_A, "COUNSELLOR"), (COUNSELLOR_B, "COUNSELLOR")):
            run(admin, "mutation($u: String!, $r: [Role!]!) { registerStaff(user: $u, displayName: $u, roles: $r) { ok } }",
                u=user, r=[role])

        coordinator = client(base, settings, COORDINATOR, Role.COORDINATOR)
        case_id = run(coordinator, """
            mutation { registerCase(case: {
                parentA: {displayName: "Anna Smit", parentalAuthority: true},
                parentB: {displayName: "Bram Smit", parentalAuthority: true},
                children: [{firstName: "Lieke", dateOfBirth: "2016-05-01"}],
                trajectoryType: PARALLEL_SOLO_OUDERSCHAP_LOMAN }) }
        """)["registerCase"]

        assign = "mutation($c: UUID!, $s: Side!, $u: String!) { assignCounsellor(caseId: $c, side: $s, user: $u) { ok } }"
        run(admin, assign, c=case_id, s="PARENT_A", u=COUNSELLOR_A)
        run(admin, assign, c=case_id, s="PARENT_B", u=COUNSELLOR_B)

        counsellors = {COUNSELLOR_A: client(base, settings, COUNSELLOR_A, Role.COUNSELLOR),
                       COUNSELLOR_B: client(base, settings, COUNSELLOR_B, Role.COUNSELLOR)}
        for parent, counsellor in zip(("Anna Smit", "Bram Smit"), counsellors.values()):
            intake = run(counsellor, """
                mutation($c: UUID!, $p: String!) { openTrajectory(caseId: $c, parent: $p, on: "2026-09-01",
                    children: [{firstName: "Lieke", dateOfBirth: "2016-05-01"}],
                    trajectoryType: "parallel_solo_ouderschap_loman", parentalAuthority: true) { parent } }
            """, c=case_id, p=parent)
            assert intake["openTrajectory"]["parent"] == parent

        version = run(coordinator, """
            mutation($c: UUID!) { draftGroundRules(caseId: $c, rules: [
                {category: COMMUNICATION, rules: ["Alleen per e-mail, antwoord binnen 48 uur."]},
                {category: HANDOVERS, rules: ["Wissel op vrijdag om 15:00 bij school."]}]) }
        """, c=case_id)["draftGroundRules"]
        text_hash = run(coordinator, "mutation($c: UUID!, $v: Int!) { offerGroundRules(caseId: $c, version: $v) }",
                        c=case_id, v=version)["offerGroundRules"]
        sign = """mutation($c: UUID!, $v: Int!, $p: Parent!, $h: String!) {
            signGroundRules(caseId: $c, version: $v, parent: $p, textHash: $h, method: IN_PERSON) { status } }"""
        with pytest.raises(TransportQueryError, match="INVALID|not the text|offered"):
            run(coordinator, sign, c=case_id, v=version, p="PARENT_A", h="0" * 64)
        run(coordinator, sign, c=case_id, v=version, p="PARENT_A", h=text_hash)
        signed = run(coordinator, sign, c=case_id, v=version, p="PARENT_B", h=text_hash)
        assert signed["signGroundRules"]["status"] == "IN_FORCE"

        rules = run(counsellors[COUNSELLOR_A], """
            query($c: UUID!) { groundRules(caseId: $c) { inForce { version textHash signatures { parent } } } }
        """, c=case_id)["groundRules"]["inForce"]
        assert rules["version"] == version and rules["textHash"] == text_hash
        assert sorted(s["parent"] for s in rules["signatures"]) == ["PARENT_A", "PARENT_B"]
