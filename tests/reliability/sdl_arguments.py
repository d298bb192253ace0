"""Every place a text or a date can be sent, read from an audience's SDL, and a request that sends a bad one there.

For each root field, each argument and each ``String``/``ID``/``Date``/``DateTime`` inside it (in input
objects and lists too), ``bad_requests`` gives one operation whose other required arguments are valid,
with the bad value at that place, sent as variables named after the arguments.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Iterator

import graphql
from graphql import (
    GraphQLEnumType, GraphQLInputObjectType, GraphQLInputType, GraphQLList, GraphQLNonNull, GraphQLScalarType,
)

BAD = {
    "String": ["\ud800", "text \udfff"],
    "ID": ["\ud800"],
    "Date": ["9999-12-31", "0001-01-01"],
    "DateTime": ["9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+14:00"],
}


@dataclass(frozen=True)
class BadRequest:
    field: str
    argument: str
    place: str  # where inside the argument, e.g. ".children[0].dateOfBirth"
    kind: str
    query: str
    variables: dict[str, Any]

    @property
    def label(self) -> str:
        return f"{self.field}({self.argument}{self.place}: bad {self.kind})"


def bad_requests(sdl: str, case: str) -> Iterator[BadRequest]:
    schema = graphql.build_schema(sdl)
    for operation, root in (("query", schema.query_type), ("mutation", schema.mutation_type)):
        for name, field in (root.fields.items() if root else ()):
            for argument, definition in field.args.items():
                for place, kind in _places(definition.type, "", 0):
                    for bad in BAD[kind]:
                        variables = {a: _sample(d.type, case) for a, d in field.args.items()
                                     if isinstance(d.type, GraphQLNonNull) or a == argument}
                        variables[argument] = _put(variables[argument], definition.type, place, bad, case)
                        yield BadRequest(name, argument, place, kind, _operation(operation, name, field, variables),
                                         variables)


def _operation(operation: str, name: str, field: Any, variables: dict[str, Any]) -> str:
    declared = ", ".join(f"${a}: {field.args[a].type}" for a in variables)
    passed = ", ".join(f"{a}: ${a}" for a in variables)
    selection = "" if graphql.is_leaf_type(graphql.get_named_type(field.type)) else " { __typename }"
    return (f"{operation} ({declared}) {{ {name}({passed}){selection} }}" if variables
            else f"{operation} {{ {name}{selection} }}")


def _places(type_: GraphQLInputType, place: str, depth: int) -> Iterator[tuple[str, str]]:
    type_ = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    if isinstance(type_, GraphQLList):
        yield from _places(type_.of_type, f"{place}[0]", depth)
    elif isinstance(type_, GraphQLScalarType) and type_.name in BAD:
        yield place, type_.name
    elif isinstance(type_, GraphQLInputObjectType) and depth < 4:
        for name, field in type_.fields.items():
            yield from _places(field.type, f"{place}.{name}", depth + 1)


SAMPLES = {"String": "x", "ID": "x", "Date": "2025-01-20", "DateTime": "2025-01-20T10:00:00+00:00",
           "Time": "10:00:00", "Int": 1, "Float": 1.0, "Boolean": True}


def _sample(type_: GraphQLInputType, case: str) -> Any:
    type_ = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    if isinstance(type_, GraphQLList):
        return [_sample(type_.of_type, case)]
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        return {name: _sample(field.type, case) for name, field in type_.fields.items()
                if isinstance(field.type, GraphQLNonNull) and field.default_value is graphql.Undefined}
    return case if type_.name == "UUID" else SAMPLES[type_.name]


def _put(value: Any, type_: GraphQLInputType, place: str, bad: Any, case: str) -> Any:
    """``value`` with ``bad`` at ``place`` (filling in optional objects and lists on the way)."""
    if not place:
        return bad
    type_ = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    value = copy.deepcopy(value)
    if place.startswith("[0]"):
        inner = value[0] if value else _sample(type_.of_type, case)
        return [_put(inner, type_.of_type, place[3:], bad, case)]
    name, _, rest = place[1:].partition(".")
    name, bracket, after = name.partition("[")
    rest = (f"[{after}" + (f".{rest}" if rest else "")) if bracket else (f".{rest}" if rest else "")
    field = type_.fields[name]
    current = value.get(name) if isinstance(value, dict) else None
    value = dict(value or {})
    value[name] = _put(current if current is not None else _sample(field.type, case), field.type, rest, bad, case)
    return value
