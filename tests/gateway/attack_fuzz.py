"""Generated attacks: hypothesis-graphql operations from each attacker's own schema, valid and invalid.

Case ids are drawn mostly from what an attacker could know or derive (the shared case id,
the case only B works on, the uuid5 ids of B's trajectory and of the shared aggregates) and
otherwise at random; dates mostly from the trajectory's own weeks. Runs are derandomized,
so a failure names a query that reproduces. Every response is checked by ``problems_in``;
an invalid operation must be refused as a request (INVALID, no data), and all of them
together must leave every store and access log as it was.
"""

from __future__ import annotations

from datetime import date, timedelta, timezone

import graphql
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import nodes
from hypothesis_graphql import strategies as gql_st

from gateway.audiences import SCHEMAS
from tests.gateway.attack_scene import ATTACKERS, AttackScene, problems_in

Mode = gql_st.Mode
DAYS = [date(2025, 1, 6) + timedelta(days=7 * week) for week in range(12)] + [date(2026, 3, 10)]


def scalars(scene: AttackScene, sdl: str) -> dict[str, st.SearchStrategy]:
    derived = sorted(str(i) for i in scene.guessed_ids())
    every = {
        # As likely the attacker's own case as B's, as an id derived from either, as a random one.
        "UUID": st.one_of(st.just(str(scene.case)), st.just(str(scene.b_only)), st.sampled_from(derived),
                          st.uuids().map(str)).map(nodes.String),
        "Date": st.one_of(st.sampled_from(DAYS), st.dates()).map(lambda d: nodes.String(d.isoformat())),
        "DateTime": st.datetimes(timezones=st.just(timezone.utc)).map(lambda d: nodes.String(d.isoformat())),
        "Time": st.times().map(lambda t: nodes.String(t.isoformat())),
    }
    return {name: strategy for name, strategy in every.items() if f"scalar {name}" in sdl}


def operations(sdl: str, custom: dict[str, st.SearchStrategy], mode: Mode) -> st.SearchStrategy[str]:
    """Operations on several root fields at once, and (valid ones) on one: one refused field nulls all the data."""
    several = gql_st.from_schema(sdl, custom_scalars=custom, mode=mode)
    if mode is Mode.NEGATIVE:
        return several  # a field without arguments has nothing to break
    parsed = graphql.build_schema(sdl)
    roots = sorted(name for root in (parsed.query_type, parsed.mutation_type) if root for name in root.fields)
    return st.one_of(several, st.sampled_from(roots).flatmap(
        lambda name: gql_st.from_schema(sdl, fields=[name], custom_scalars=custom, mode=mode)))


def fuzz(scene: AttackScene, attacker: str, mode: Mode, examples: int) -> tuple[list[str], int]:
    """Send ``examples`` generated operations as ``attacker``; the problems found, and how many were sent."""
    role = ATTACKERS[attacker]
    sdl = SCHEMAS[role](introspection=False).as_str()
    problems: list[str] = []
    sent = []
    before = (scene.positions(), scene.log_heads())

    # Each example is a request through every store: hypothesis' timing heuristics say nothing here, and a
    # failure is collected (not raised), so there is nothing to shrink; derandomized, a run reproduces.
    @settings(max_examples=examples, deadline=None, derandomize=True, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(operations(sdl, scalars(scene, sdl), mode))
    def attack(query: str) -> None:
        response = scene.post(attacker, query)
        label = f"{role.value} {mode.name.lower()} {' '.join(query.split())[:240]!r}"
        sent.append(query)
        problems.extend(problems_in(attacker, response, label))
        if mode is Mode.NEGATIVE:
            problems.extend(refused_as_a_request(response, label))

    attack()
    if mode is Mode.NEGATIVE and (scene.positions(), scene.log_heads()) != before:
        problems.append(f"{role.value}: operations refused as invalid changed a store or an access log")
    return problems, len(sent)


def refused_as_a_request(response, label: str) -> list[str]:  # noqa: ANN001
    """An operation that breaks the schema is refused before it runs: INVALID, and no data at all."""
    body = response.json() if response.headers.get("content-type", "").startswith("application/json") else {}
    codes = {e.get("extensions", {}).get("code") for e in body.get("errors", [])}
    if response.status_code != 200 or body.get("data") is not None or codes != {"INVALID"}:
        return [f"{label}: not refused as invalid: {response.status_code} {response.text[:200]}"]
    return []
