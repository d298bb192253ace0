"""A first operation per audience: what GraphiQL opens with, runnable as it stands once signed in.

``$user`` in a text is the signed-in user's id, filled in by the page. Each example reads only
what its role may see and needs no id carried by hand.
"""

from __future__ import annotations

EXAMPLES: dict[str, str] = {
    "counsellor": """# Your cases and where each trajectory stands.
# Run: the ▶ button or Ctrl-Enter. Docs (left): every field.
query MyCases {
  myCases {
    caseId
    side
    trajectory { title status parent openedOn startedOn }
  }
}
""",
    "child_counsellor": """# The cases whose child conversations you hold.
# Then: childConversations(caseId: "…")
query MyCases {
  myCases
}
""",
    "coordinator": """# The cases you coordinate.
# Then: case(caseId: "…"), groundRules(caseId: "…")
query MyCases {
  myCases
}
""",
    "mediator": """# The cases you are the begeleider of (gezinsbemiddeling).
# Then: mediation(caseId: "…") { number termEnd jointLeft parents { parent individualLeft } }
query MyCases {
  myCases
}
""",
    "auditor": """# Verify a history's hash chain; its first events.
query Verify {
  verify(context: SHARED_AGREEMENTS) {
    ok
    eventsChecked
    headPosition
    firstBrokenPosition
  }
  history(context: SHARED_AGREEMENTS, first: 5) {
    edges { node { position time eventType caseId } }
  }
}
""",
    "admin": """# Your own entry in the staff directory.
query Me {
  staffMember(user: "$user") {
    user
    displayName
    roles
    active
  }
}
""",
    "status": """# Whether every store answers (no sign-in).
query Status {
  status { service environment contexts { name ready } }
}
""",
}
