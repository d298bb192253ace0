"""Hand-written attacks: documents built from an attacker's schema, and the tricks a person would try.

``probes`` builds, for every root field of a schema that takes a ``caseId``, the smallest
valid document that calls it with ``$case``: so a new operation is probed as soon as it
exists. The rest are the hand-made documents: many aliases, fragments, errors next to
valid fields.
"""

from __future__ import annotations

import graphql

from gateway.audiences import SCHEMAS
from services.staff_directory.api import Role

#: Literal values that satisfy each scalar; the calls they go into are refused before they matter.
LITERALS = {"UUID": '"00000000-0000-4000-8000-000000000001"', "Date": '"2025-02-10"', "Time": '"10:00:00"',
            "DateTime": '"2026-03-10T09:30:00+00:00"', "String": '"x"', "Int": "1", "Float": "1.0",
            "Boolean": "true", "ID": '"1"', "JSON": "{}"}


def literal(type_: graphql.GraphQLInputType) -> str:
    """A literal of ``type_`` with every required part filled in."""
    type_ = graphql.get_nullable_type(type_)
    if isinstance(type_, graphql.GraphQLList):
        return f"[{literal(type_.of_type)}]"
    if isinstance(type_, graphql.GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, graphql.GraphQLInputObjectType):
        required = [f"{name}: {literal(f.type)}" for name, f in type_.fields.items()
                    if graphql.is_required_input_field(f)]
        return "{" + ", ".join(required) + "}"
    return LITERALS[type_.name]


def probes(role: Role) -> dict[str, str]:
    """Root field -> a document calling it about ``$case`` with every other required argument filled in."""
    schema = graphql.build_schema(SCHEMAS[role](introspection=False).as_str())
    found = {}
    for kind, root in (("query", schema.query_type), ("mutation", schema.mutation_type)):
        for name, field in (root.fields if root else {}).items():
            if "caseId" not in field.args:
                continue
            args = ["caseId: $case"] + [f"{arg}: {literal(a.type)}" for arg, a in field.args.items()
                                        if arg != "caseId" and graphql.is_required_argument(a)]
            leaf = graphql.get_named_type(field.type)
            selection = "" if graphql.is_leaf_type(leaf) else " { __typename }"
            found[name] = f"{kind}($case: UUID!) {{ {name}({', '.join(args)}){selection} }}"
    return found


#: The attacker's main read of a case, with everything it can show.
MAIN_READ = {
    Role.COUNSELLOR: """trajectory(caseId: $ID) { ...Everything }""",
    Role.COORDINATOR: """disputes(caseId: $ID) { number subject positions { parent position relayedBy } }""",
    Role.CHILD_COUNSELLOR: """childConversations(caseId: $ID) { side on child heldByYou summary }""",
}
FRAGMENTS = {
    Role.COUNSELLOR: """fragment Everything on Trajectory { __typename caseId parent goals counsellor
        counsellorHistory { counsellor reason } children { firstName } themes { code label }
        consents { givenBy withdrawnBy } plannedSessions { cancelledReason } sessions { note missedReason }
        childConversations { child heldBy summary } evaluation releaseDecisions { reason } }""",
    Role.COORDINATOR: "", Role.CHILD_COUNSELLOR: "",
}


def aliased(role: Role, ids: list[str]) -> str:
    """One document reading every id in ``ids`` at once, each under its own alias."""
    reads = " ".join(f"id{n}: {MAIN_READ[role].replace('$ID', graphql.print_ast(graphql.StringValueNode(value=i)))}"
                     for n, i in enumerate(ids))
    return f"query {{ {reads} }} {FRAGMENTS[role]}"


def with_fragments(role: Role) -> str:
    """Another id's main read through a named fragment on Query, beside inline fragments on the caller's own case."""
    inline = {
        Role.COUNSELLOR: '... on Query { myCases { ... on MyCase { caseId side trajectory { ... on TrajectorySummary '
                         '{ parent status } } } } mine: progress(caseId: $own, on: "2025-02-10") { ... on Progress '
                         '{ sessionsHeld childConversationsHeld } } }',
        Role.COORDINATOR: "... on Query { jointSessions(caseId: $own) { ... on JointSession { plannedBy pauses { "
                          "... on SessionPause { reason pausedBy } } } } }",
        Role.CHILD_COUNSELLOR: "... on Query { mine: childConversations(caseId: $own) { ... on ChildConversation "
                               "{ side heldByYou summary } } }",
    }[role]
    read = MAIN_READ[role].replace("$ID", "$other")
    return (f"query($own: UUID!, $other: UUID!) {{ __typename ...Attack {inline} }} fragment Attack on Query {{ "
            f"__typename theirs: {read} }} {FRAGMENTS[role]}")


def errors_beside_valid_fields(role: Role) -> str:
    """The caller's own case beside another id that fails: only one field can fail, so the answer is stable.

    For a counsellor the failing field is nullable, so their own data comes back beside the error.
    """
    own = MAIN_READ[role].replace("$ID", "$own")
    theirs = ("contactSchedule(caseId: $other, year: 2026) { version ranges { parent } }" if role is Role.COUNSELLOR
              else MAIN_READ[role].replace("$ID", "$other"))
    return f"query($own: UUID!, $other: UUID!) {{ __typename mine: {own} theirs: {theirs} }} {FRAGMENTS[role]}"
