"""Generated operations with hostile strings, valid and invalid, against every audience's schema.

hypothesis-graphql builds operations from each audience's own schema (positive: valid ones,
negative: ones that break it); every String, id and date argument is drawn from
``hostile.hostile_text``. No answer is a server error or an internal error, none shows a stack
trace, SQL, a file path or a library's name, and an operation that was refused changed no store.
Runs are derandomized: a failure names an operation that reproduces it.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import strategies as gql_st

from gateway.audiences import SCHEMAS, path
from tests.reliability.hostile import SENDERS, HostileScene, problems_in, root_fields
from tests.reliability.scene import positions

Mode = gql_st.Mode
EXAMPLES = {Mode.POSITIVE: 30, Mode.NEGATIVE: 15}


def operations(sdl: str, scalars: dict, mode: Mode) -> st.SearchStrategy[str]:
    """Operations on several root fields at once, or (valid ones) on a single field, so every field gets its turn."""
    several = gql_st.from_schema(sdl, custom_scalars=scalars, mode=mode)
    if mode is Mode.NEGATIVE:
        return several
    return st.one_of(several, st.sampled_from(root_fields(sdl)).flatmap(
        lambda name: gql_st.from_schema(sdl, fields=[name], custom_scalars=scalars, mode=mode)))


@pytest.mark.parametrize("role", list(SENDERS), ids=[role.value for role in SENDERS])
def test_hostile_operations_get_a_clear_answer_and_refused_ones_change_nothing(gateway, role):
    scene = HostileScene.set_up(gateway.contexts)
    sdl = SCHEMAS[role](introspection=False).as_str()
    headers = {"Authorization": f"Bearer {gateway.token(SENDERS[role], role)}"}
    problems: list[str] = []
    for mode, examples in EXAMPLES.items():
        # Every example goes through the stores: hypothesis' timing checks say nothing here, and problems are
        # collected rather than raised, so there is nothing to shrink.
        @settings(max_examples=examples, deadline=None, derandomize=True, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(operations(sdl, scene.scalars(sdl), mode))
        def attack(query: str) -> None:
            before = positions(gateway.contexts)
            response = gateway.client.post(path(role), json={"query": query}, headers=headers)
            problems.extend(f"{mode.name.lower()}: {p}" for p in problems_in(response, query, before,
                                                                             positions(gateway.contexts)))

        attack()
    assert not problems, "\n".join(problems[:15])
