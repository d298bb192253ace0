"""Why a counsellor was assigned or left is private text where it is written and where it arrives (both stores).

The administrator's why ("ouder dreigde de begeleider", "b1 met zwangerschapsverlof") can name a
parent or a counsellor. The directory stores it encrypted with the case's key in its own store;
the flow carries it to that side only, which stores it again as its own private text, never in
clear. Erasing the case's private text in the directory destroys the directory's key; erasing it
on the side destroys the side's: each store's why then reads "[gewist]".
"""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from evenwijdig.bootstrap import bootstrap
from services.platform.private_text import ERASED_MARK, PrivateText
from services.platform.replay import Replay
from services.staff_directory.api import Role, Side
from services.staff_directory.domain.staffing import ERASURE_REQUEST
from tests.platform.raw_pages import raw_store_bytes, wrapped_keys
from tests.support.cases import register_case

INTAKE = date(2025, 1, 6)
STORES = ("gateway", "parent_a_context", "parent_b_context", "shared_agreements")


@pytest.fixture
def contexts(settings):
    contexts = bootstrap(settings)
    directory = contexts.directory
    directory.register_staff("coordinator-1", "Co", [Role.COORDINATOR], actor="admin-0")
    for user in ("a1", "a2", "b1"):
        directory.register_staff(user, user.upper(), [Role.COUNSELLOR], actor="admin-0")
    directory.register_staff("admin-1", "Admin", [Role.ADMIN], actor="admin-0")
    yield contexts
    contexts.close()


def canary(what: str) -> str:
    return f"{what}-{uuid.uuid4().hex}"


def test_the_why_of_an_assignment_never_reaches_a_store_in_clear_and_erasure_destroys_it(settings, contexts):
    directory, side_a = contexts.directory, contexts.parent_a
    first, moved, b_first, b_left = (canary(w) for w in (
        "moeder-wil-een-vrouw", "ouder-dreigde-de-begeleider", "vader-wil-een-man", "b1-ziek-thuis"))
    case = register_case(contexts, actor="coordinator-1")
    directory.assign_counsellor(case, Side.PARENT_A, "a1", "admin-1", first)
    directory.assign_counsellor(case, Side.PARENT_B, "b1", "admin-1", b_first)
    side_a.open_trajectory(case, on=INTAKE, actor="a1")
    directory.assign_counsellor(case, Side.PARENT_A, "a2", "admin-1", moved)
    directory.unassign(case, "b1", "admin-1", b_left)

    assert [a.reason for a in side_a.trajectory(case).assignments] == ["intake", moved], "the why arrived"
    canaries = [text.encode() for text in (first, moved, b_first, b_left)]
    raw = {store: raw_store_bytes(settings, store) for store in STORES}
    assert not {store for store, found in raw.items() if any(c in found for c in canaries)}, "a why is in clear"
    assert wrapped_keys(settings, "gateway")[case] in raw["gateway"], "the raw search must find what is there"
    assert not [e for e in Replay(directory).events() if moved in str(e)], "the auditor reads the why redacted"

    directory.erase_private_text(case, "admin-1", ERASURE_REQUEST)
    side_a.close_trajectory(case, on=side_a.today(), evaluation=PrivateText(case, "Afgesloten."), actor="a2")
    side_a.erase_private_text(case, actor="a2", reason=ERASURE_REQUEST)

    assert case not in {c for c, key in wrapped_keys(settings, "gateway").items() if key is not None}
    shown = "\n".join(str(e) for e in Replay(directory, show_private_text=True).events())
    assert moved not in shown and b_left not in shown and ERASED_MARK in shown
    assert [a.reason for a in side_a.trajectory(case).assignments] == ["intake", ERASED_MARK]


def test_why_a_role_or_an_account_ended_never_reaches_the_directory_store_in_clear(settings, contexts):
    directory = contexts.directory
    revoked, deactivated = canary("grensoverschrijdend-gedrag"), canary("langdurig-ziek")
    directory.revoke_role("a2", Role.COUNSELLOR, "admin-1", revoked)
    directory.deactivate("b1", "admin-1", deactivated)

    assert not [c for c in (revoked, deactivated) if c.encode() in raw_store_bytes(settings, "gateway")]
    redacted = "\n".join(str(e) for e in Replay(directory).events())
    assert revoked not in redacted and deactivated not in redacted and "[redacted]" in redacted
    shown = "\n".join(str(e) for e in Replay(directory, show_private_text=True).events())
    assert revoked in shown and deactivated in shown, "an auditor allowed private text reads the why"
