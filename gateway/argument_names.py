"""Which argument a refused input value belongs to, so a refusal can name it.

GraphQL points at a bad value by its place in the query text; a client (and a counsellor reading
the message) wants the argument: ``givenOn``, or ``case.children[0].dateOfBirth`` inside one.
A bad variable is named by the arguments it is used in.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    ArgumentNode, DocumentNode, ListValueNode, Node, ObjectValueNode, VariableDefinitionNode, VariableNode, Visitor,
    visit,
)


def argument_named(document: DocumentNode | None, nodes: list[Node] | None) -> str | None:
    """The argument (with the place inside it) holding the value GraphQL refused; None when unknown."""
    if document is None or not nodes:
        return None
    node = nodes[0]
    variable = node.variable.name.value if isinstance(node, VariableDefinitionNode) else None
    finder = _Finder(node, variable)
    visit(document, finder)
    return ", ".join(f"'{name}'" for name in dict.fromkeys(finder.found)) or None


class _Finder(Visitor):
    def __init__(self, node: Node, variable: str | None) -> None:
        super().__init__()
        self.node, self.variable, self.found = node, variable, []

    def enter_argument(self, argument: ArgumentNode, *_: Any) -> None:
        inside = _place(argument.value, self.node, self.variable)
        if inside is not None:
            self.found.append(argument.name.value + inside)


def _place(value: Any, node: Node, variable: str | None) -> str | None:
    if value is node or (variable is not None and isinstance(value, VariableNode) and value.name.value == variable):
        return ""
    if isinstance(value, ObjectValueNode):
        for field in value.fields:
            inside = _place(field.value, node, variable)
            if inside is not None:
                return f".{field.name.value}{inside}"
    if isinstance(value, ListValueNode):
        for index, item in enumerate(value.values):
            inside = _place(item, node, variable)
            if inside is not None:
                return f"[{index}]{inside}"
    return None
