"""The isolation attack suite's scene: who attacks, what side B planted, and what no answer may carry.

Counsellor B (whose very user id and display name are canaries) wrote a canary into every
field side B can write, and a second child counsellor (an id that is a canary too) one more
on side B (see attack_planting). B also counsels side B of a second case nobody else works
on. The attackers, counsellor A, the coordinator and the child counsellor, work on the
first case with data of their own.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from gateway.audiences import path
from services.staff_directory.api import Role
from services.staff_directory.domain.staffing import staffing_id
from services.parent_side.domain.trajectory import trajectory_id
from services.shared_agreements.domain.contact_schedule import contact_schedule_id
from services.shared_agreements.domain.joint_sessions import joint_sessions_id

COUNSELLOR_A = "counsellor-a-aanvaller-3301"
COORDINATOR = "coordinator-aanvaller-3302"
CHILD = "child-counsellor-aanvaller-3303"
COUNSELLOR_B = "counsellor-b-KANARIE-ID-5521"
COUNSELLOR_B_NAME = "KANARIE-NAAM-B-5523"  # B's display name in the staff directory
CHILD_B = "child-counsellor-b-KANARIE-ID-5522"
ATTACKERS = {COUNSELLOR_A: Role.COUNSELLOR, COORDINATOR: Role.COORDINATOR, CHILD: Role.CHILD_COUNSELLOR}

#: What side B wrote, one canary per field it can write. The parent's name and the children are the case
#: header's, written by the coordinator, so they are no side's secret.
CANARIES = {
    "goal": "KANARIE-DOEL-B-4413",
    "theme": "KANARIE-THEMA-B-4414", "consent": "KANARIE-TOESTEMMING-B-4415", "cancel": "KANARIE-AFZEGGING-B-4416",
    "note": "KANARIE-NOTITIE-B-4417", "missed": "KANARIE-VERZUIM-B-4418", "withdrawn": "KANARIE-INTREKKING-B-4419",
    "evaluation": "KANARIE-EVALUATIE-B-4420", "release": "KANARIE-REDEN-B-4421",
    "summary": "KANARIE-KINDGESPREK-B-4422",
}
#: What the coordinator relayed for parent B in a dispute: the coordinator's to read, no counsellor's.
POSITION_B = "KANARIE-POSITIE-B-4423"
SIDE_B_SECRETS = (*CANARIES.values(), COUNSELLOR_B, COUNSELLOR_B_NAME, CHILD_B)
#: Anything a response must never carry, whatever the request: traces, SQL, paths, library names.
INTERNALS = ("Traceback", 'File "', "/work/", ".py\"", "psycopg", "sqlite", "eventsourcing", "strawberry",
             "stored_events", "SELECT ", "INSERT INTO", "OperationalError", "IntegrityError")

TRAJECTORY = """caseId version status parent children { firstName } goals themes { code label } counsellor
  counsellorHistory { counsellor reason } consents { givenBy withdrawnBy } plannedSessions { on cancelledReason }
  sessions { on note missedReason themes { code label } } childConversations { child heldBy summary }
  evaluation releaseDecisions { reason }"""


@dataclass
class AttackScene:
    gateway: Any
    case: uuid.UUID  # side A counselled by the attacker A, side B by B
    b_only: uuid.UUID  # only counsellor B works on this case (side B)
    tokens: dict[str, str] = field(default_factory=dict)
    heads: dict[str, int] = field(default_factory=dict)

    def post(self, user: str, query: str, variables: dict[str, Any] | None = None, role: Role | None = None):
        role = role or ATTACKERS.get(user) or (Role.CHILD_COUNSELLOR if user == CHILD_B else Role.COUNSELLOR)
        if user not in self.tokens:
            self.tokens[user] = self.gateway.token(user, role)
        return self.gateway.client.post(path(role), json={"query": query, "variables": variables or {}},
                                        headers={"Authorization": f"Bearer {self.tokens[user]}"})

    def ok(self, user: str, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = self.post(user, query, variables)
        assert response.status_code == 200 and not response.json().get("errors"), response.text
        return response.json()["data"]

    def positions(self) -> dict[str, int]:
        return {name: app.position for name, app in self.gateway.contexts.by_name().items()}

    def log_heads(self) -> dict[str, int]:
        """Each context's access-log position, read on from the last look."""
        for name, app in self.gateway.contexts.by_name().items():
            head = self.heads.get(name, 0)
            while entries := app.access_log.entries(after=head, limit=1000):
                head = entries[-1].position
            self.heads[name] = head
        return dict(self.heads)

    def guessed_ids(self) -> list[uuid.UUID]:
        """Ids of side B's and the shared context's aggregates, as an attacker could derive them."""
        ids = [self.case, self.b_only]
        for case in (self.case, self.b_only):
            ids += [trajectory_id(case), staffing_id(case), joint_sessions_id(case), contact_schedule_id(case, 2026),
                    uuid.uuid5(case, "spelregels"), uuid.uuid5(case, "bindende-beslissingen")]
        return ids + [uuid.uuid5(joint_sessions_id(self.case), "session/1")]


def hidden_from(attacker: str) -> tuple[str, ...]:
    """What this attacker may never read: all of side B, and (but for the coordinator) B's relayed position."""
    return SIDE_B_SECRETS if attacker == COORDINATOR else (*SIDE_B_SECRETS, POSITION_B)


def problems_in(attacker: str, response, label: str) -> list[str]:  # noqa: ANN001
    """What is wrong with one response to an attacker: a server error, a secret, an internal detail."""
    text, found = response.text, []
    if response.status_code >= 500:
        found.append(f"{label}: status {response.status_code}")
    found += [f"{label}: shows {secret}" for secret in hidden_from(attacker) if secret in text]
    found += [f"{label}: shows the internal detail {word!r}" for word in INTERNALS if word.lower() in text.lower()]
    if '"INTERNAL"' in text:
        found.append(f"{label}: an internal error: {text[:300]}")
    return found
