"""A budget per request: expensive fields count against it, and a request over it never starts.

Aliases let one request ask for the same field many times: fifteen PDF court reports in one
request took seconds of server time, each rendered in full. The depth, alias and token limits do
not see that; a cost does. Every root field costs 1, the expensive ones more; the cost is read from
the document while it is validated (fragments included), so a request over the budget is refused
as INVALID before any resolver runs, and a text remembered as valid (``known_queries``) stays so.
"""

from __future__ import annotations

from typing import Any, Callable

from graphql import (
    FieldNode, FragmentSpreadNode, GraphQLError, InlineFragmentNode, OperationDefinitionNode, SelectionSetNode,
    ValidationRule,
)

#: Documented (docs/reliability.md, "Request limits"): the budget of one request and the fields that cost more than 1.
MAX_COST = 20
COSTS = {
    "courtReport": 10,          # renders a whole case, PDF/A included, and records it
    "verify": 10,               # recomputes a context's whole hash chain
    "history": 5,               # up to 500 events decoded and redacted
    "caseStateAsOf": 3,         # replays a case up to a moment
    "accessLog": 3,             # up to 500 entries
    "contactScheduleIcal": 3,   # an export
}
FREE = frozenset({"__typename"})


def cost_of(selection_set: SelectionSetNode, fragment: Callable[[str], Any],
            _seen: frozenset[str] = frozenset()) -> int:
    """What the root fields of ``selection_set`` cost, each alias and each fragment spread counted."""
    total = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            total += 0 if selection.name.value in FREE else COSTS.get(selection.name.value, 1)
        elif isinstance(selection, InlineFragmentNode):
            total += cost_of(selection.selection_set, fragment, _seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            found = fragment(name)
            if found is not None and name not in _seen:  # a cycle is refused by GraphQL's own rules
                total += cost_of(found.selection_set, fragment, _seen | {name})
    return total


class CostLimit(ValidationRule):
    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
        cost = cost_of(node.selection_set, self.context.get_fragment)
        if cost > MAX_COST:
            self.report_error(GraphQLError(
                f"This request costs {cost}; at most {MAX_COST} may be asked at once (a court report or a "
                f"verification costs 10, a history page 5). Send it as several requests.", node))

