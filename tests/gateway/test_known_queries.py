"""Remembering query texts that passed once never lets through what the limits would refuse."""

from __future__ import annotations

import strawberry

from gateway.schema import known_queries
from gateway.schema.base import MAX_DEPTH, build_schema


@strawberry.type
class Node:
    name: str

    @strawberry.field
    def child(self) -> "Node":
        return Node(name=f"{self.name}'")


@strawberry.type
class CaseQuery:
    @strawberry.field
    def node(self, name: str) -> Node:
        return Node(name=name)


@strawberry.type
class OtherQuery:
    @strawberry.field
    def other(self) -> str:
        return "other"


def nested(depth: int) -> str:
    return 'query { node(name: "a") { ' + "child { " * depth + "name" + " }" * depth + " } }"


def test_a_repeated_query_gives_the_same_answer():
    schema = build_schema(CaseQuery, introspection=False)
    text = "query($n: String!) { node(name: $n) { name child { name } } }"
    first = schema.execute_sync(text, variable_values={"n": "Sanne"})
    again = schema.execute_sync(text, variable_values={"n": "Joost"})
    assert first.errors is None and again.errors is None
    assert again.data == {"node": {"name": "Joost", "child": {"name": "Joost'"}}}


def test_a_query_refused_for_its_depth_is_refused_every_time():
    schema = build_schema(CaseQuery, introspection=False)
    for _ in range(3):
        result = schema.execute_sync(nested(MAX_DEPTH + 2))
        assert result.errors and "exceeds maximum operation depth" in result.errors[0].message


def test_bad_variables_for_a_remembered_query_are_still_refused():
    schema = build_schema(CaseQuery, introspection=False)
    text = "query($n: String!) { node(name: $n) { name } }"
    assert schema.execute_sync(text, variable_values={"n": "Sanne"}).errors is None
    result = schema.execute_sync(text, variable_values={"n": 12})
    assert result.errors and result.data is None


def test_a_text_valid_for_one_audience_is_validated_anew_by_another():
    case_schema = build_schema(CaseQuery, introspection=False)
    other_schema = build_schema(OtherQuery, introspection=False)
    text = 'query { node(name: "a") { name } }'
    assert case_schema.execute_sync(text).errors is None
    result = other_schema.execute_sync(text)
    assert result.errors and result.data is None


def test_introspection_stays_refused_where_it_is_disabled_after_it_was_allowed_elsewhere():
    open_schema = build_schema(CaseQuery, introspection=True)
    closed_schema = build_schema(CaseQuery, introspection=False)
    text = "query { __schema { queryType { name } } }"
    assert open_schema.execute_sync(text).errors is None
    for _ in range(2):
        assert closed_schema.execute_sync(text).errors


def test_memory_is_bounded_in_count_and_in_text_length():
    remembered = known_queries._Remembered()
    document = object()
    for n in range(known_queries.REMEMBERED + 10):
        remembered.keep(f"query {{ a{n} }}", document)  # type: ignore[arg-type]
    assert remembered.get("query { a0 }") is None
    assert remembered.get(f"query {{ a{known_queries.REMEMBERED + 9} }}") is document
    long_text = "query { a }" + " " * known_queries.LONGEST_REMEMBERED
    remembered.keep(long_text, document)  # type: ignore[arg-type]
    assert remembered.get(long_text) is None
