"""Every free text of the shared context that can describe a person is private text (both stores, raw bytes).

Dispute subjects, relayed positions, a decision and its reasoning, why a position is missing, the
reasons a joint session was missed, cancelled, moved or stopped, why a session or pause is recorded
afterwards, why the case moved on, why rules were revoked or a contact schedule replaced: the
coordinator writes them about the parents and children ("vader dreigde", "opname ziekenhuis").
No plaintext byte of them reaches the store; once the case's private text is erased its key is
gone and every read says "[gewist]". Events stored before they were private still load.
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from uuid import uuid4

import pytest

from services.platform.errors import Invalid
from services.platform.private_text import ERASED_MARK
from services.platform.replay import Replay
from services.shared_agreements.application import Child, Parent, SharedAgreements
from services.shared_agreements.domain.case import ERASURE_REQUEST
from services.shared_agreements.domain.contact_schedule import ContactRange
from services.shared_agreements.domain.decisions import DecisionLog
from services.shared_agreements.domain.joint_sessions import JointSessions
from tests.platform.raw_pages import raw_store_bytes, wrapped_keys

COORDINATOR = "coordinator-anna"
PLANNED_ON = date(2026, 1, 5)
DAY = date(2026, 2, 10)
AT = datetime(2026, 2, 10, 10, 0, tzinfo=timezone.utc)
YEAR = [ContactRange(date(2026, 1, 1), date(2026, 6, 30), "parent_a"),
        ContactRange(date(2026, 7, 1), date(2026, 12, 31), "parent_b")]
YEAR_AGAIN = [ContactRange(date(2026, 1, 1), date(2026, 7, 31), "parent_a"),
              ContactRange(date(2026, 8, 1), date(2026, 12, 31), "parent_b")]


@pytest.fixture
def app(settings):
    application = SharedAgreements(settings.context_store("shared_agreements"))
    yield application
    application.close()


def canary(what: str) -> str:
    return f"{what}-{uuid4().hex}"


def planted_case(app: SharedAgreements) -> tuple:
    """A Kind en Ik case with a canary in every private field of the shared context; returns (case, canaries)."""
    c = {w: canary(w) for w in (
        "subject-omgang-met-nieuwe-partner", "position-vader-vreest-voor-veiligheid", "decision-moeder-haalt-op",
        "reasoning-vader-dreigde", "missing-moeder-opgenomen", "absence-opname-ziekenhuis", "cancel-vader-in-detentie",
        "moved-moeder-ziek", "pause-vader-schreeuwde", "pause-late-moeder-huilde", "pause-late-why",
        "past-why-vorige-praktijk", "phase-moeder-blijft-afwijzend", "revoked-vader-verhuisd", "schedule-moeder-verhuist")}
    case = app.register_case(parent_a=Parent("Sanne", True), parent_b=Parent("Mark", True),
                             children=[Child("Noor", date(2014, 5, 3))], trajectory_type="gezinsbemiddeling_fase_1",
                             actor=COORDINATOR)
    number = app.raise_dispute(case, c["subject-omgang-met-nieuwe-partner"], "parent_a", COORDINATOR)
    app.relay_position(case, number, "parent_b", c["position-vader-vreest-voor-veiligheid"], COORDINATOR)
    app.decide_dispute(case, number, c["decision-moeder-haalt-op"], c["reasoning-vader-dreigde"], COORDINATOR,
                       missing_positions={"parent_a": c["missing-moeder-opgenomen"]})
    held = _plan(app, case)
    app.record_attendance(case, held, parent="parent_a", attended=False, actor=COORDINATOR, on=DAY,
                                absence_reason=c["absence-opname-ziekenhuis"])
    app.pause_joint_session(case, held, reason=c["pause-vader-schreeuwde"], actor=COORDINATOR, parent="parent_b",
                            at=AT)
    app.resume_joint_session(case, held, actor=COORDINATOR, at=AT.replace(hour=11))
    app.record_pause_afterwards(case, held, paused_at=AT.replace(hour=12), resumed_at=AT.replace(hour=13),
                                reason=c["pause-late-moeder-huilde"], led_by="begeleider-bo",
                                why=c["pause-late-why"], actor=COORDINATOR)
    app.reschedule_joint_session(case, _plan(app, case, date(2026, 3, 10)), day=date(2026, 3, 17), start=time(9),
                                 reason=c["moved-moeder-ziek"], actor=COORDINATOR, on=PLANNED_ON)
    app.cancel_joint_session(case, _plan(app, case, date(2026, 4, 7)), reason=c["cancel-vader-in-detentie"],
                             actor=COORDINATOR)
    app.record_past_joint_session(case, day=date(2025, 12, 2), start=time(9), duration_minutes=60,
                                  place="Praktijk Utrecht", why=c["past-why-vorige-praktijk"], actor=COORDINATOR)
    _rules_in_force(app, case)
    app.revoke_ground_rules(case, 1, c["revoked-vader-verhuisd"], COORDINATOR)
    app.set_contact_schedule(case, 2026, YEAR, COORDINATOR)
    app.set_contact_schedule(case, 2026, YEAR_AGAIN, COORDINATOR, reason=c["schedule-moeder-verhuist"])
    app.move_to_next_phase(case, trajectory_type="parallel_ouderschap_fase_1",
                           reason=c["phase-moeder-blijft-afwijzend"], actor=COORDINATOR)
    return case, c


def _plan(app, case, day=DAY):
    return app.plan_joint_session(case, day=day, start=time(9, 30), duration_minutes=120, place="Praktijk Utrecht",
                                  actor=COORDINATOR, planned_on=PLANNED_ON)


def _rules_in_force(app, case):
    app.draft_ground_rules(case, {"communication": ["Alleen per e-mail."]}, COORDINATOR)
    text_hash = app.offer_ground_rules(case, 1, COORDINATOR)
    for parent in ("parent_a", "parent_b"):
        app.sign_ground_rules(case, 1, parent, text_hash, "in_person", COORDINATOR)


def every_text(app: SharedAgreements, case) -> set[str]:
    """Each private text as the application's reads show it."""
    [dispute] = app.decisions(case)
    sessions = app.joint_sessions(case)
    return {
        dispute.subject, *(p.position for p in dispute.positions), dispute.decision.decision,
        dispute.decision.reasoning, *dispute.decision.missing_positions.values(),
        *(a.absence_reason for s in sessions for a in s.attendance if a.absence_reason),
        *(p.reason for s in sessions for p in s.pauses), *(p.recorded_afterwards for s in sessions for p in s.pauses
                                                         if p.recorded_afterwards),
        *(s.cancel_reason for s in sessions if s.cancel_reason),
        *(s.recorded_afterwards for s in sessions if s.recorded_afterwards),
        app.ground_rules(case).versions[0].revocation.reason, app.contact_schedule(case, 2026).reason,
        app.case(case).phases[-1].reason,
    }


def test_every_reason_and_position_never_reaches_the_store_in_clear_and_erasure_destroys_it(settings, app):
    case, c = planted_case(app)
    # A move keeps no reason in the views (only the day it moved from); the event holds it.
    assert every_text(app, case) | {c["moved-moeder-ziek"]} == set(c.values()), "a canary went missing on the way"
    key = wrapped_keys(settings, "shared_agreements")[case]
    before = raw_store_bytes(settings, "shared_agreements")
    assert key in before and b"Praktijk Utrecht" in before, "the raw search must find what is there"
    assert not [w for w, text in c.items() if text.encode() in before], "private free text reached the store in clear"

    erased = app.erase_private_text(case, COORDINATOR, ERASURE_REQUEST)

    assert (erased.erasure.reason, erased.erasure.erased_by) == (ERASURE_REQUEST, COORDINATOR)
    assert key not in raw_store_bytes(settings, "shared_agreements"), "the case key survives the erasure"
    fresh = SharedAgreements(settings.context_store("shared_agreements"))  # no cache: only what the store holds
    try:
        assert every_text(fresh, case) == {ERASED_MARK}
        audited = [e for e in Replay(fresh, show_private_text=True).events() if e["case_id"] == str(case)]
        assert audited and not [w for w, text in c.items() if any(text in str(e) for e in audited)]
        assert ERASED_MARK in str(audited), "the auditor allowed to read private text reads it as erased"
        with pytest.raises(Invalid, match="erased"):
            fresh.raise_dispute(case, "nieuw geschil", "parent_a", COORDINATOR)
    finally:
        fresh.close()


def test_the_auditor_reads_the_reasons_redacted_unless_the_deployment_allows_them(app):
    case, c = planted_case(app)
    redacted = "\n".join(str(e) for e in Replay(app).events())
    shown = "\n".join(str(e) for e in Replay(app, show_private_text=True).events())
    assert not [w for w, text in c.items() if text in redacted] and "[redacted]" in redacted
    assert c["reasoning-vader-dreigde"] in shown and c["phase-moeder-blijft-afwijzend"] in shown


def test_reasons_stored_in_clear_before_they_were_private_still_load_as_the_text_they_are(settings, app):
    case = app.register_case(parent_a=Parent("Sanne", True), parent_b=Parent("Mark", True),
                             children=[Child("Noor", date(2014, 5, 3))], trajectory_type="gezinsbemiddeling_fase_1",
                             actor=COORDINATOR)
    # As the release before stored them: the event methods given plain text, no command wrapping it.
    log = DecisionLog.open(case, COORDINATOR)
    log._dispute_raised(number=1, subject="Zomervakantie", raised_by="parent_a", actor=COORDINATOR)
    log._decided(dispute=1, decision="Twee weken.", reasoning="Rust voor Noor.", binds=["parent_a", "parent_b"],
                 missing_positions={"parent_a": "geen reactie", "parent_b": "geen reactie"}, actor=COORDINATOR)
    sessions = JointSessions(case_id=case, actor=COORDINATOR)
    sessions._recorded_afterwards(session_id=uuid4(), day=date(2025, 12, 2), start="09:00", duration_minutes=60,
                                  place="Praktijk", kind="in_person", trajectory_type="gezinsbemiddeling_fase_1",
                                  why="overgenomen", actor=COORDINATOR)
    header = app.repository.get(case)
    header._phase_started(trajectory_type="parallel_ouderschap_fase_1", reason="afwijzend", actor=COORDINATOR)
    app.save(log, sessions, header)

    fresh = SharedAgreements(settings.context_store("shared_agreements"))
    try:
        [dispute] = fresh.decisions(case)
        assert (dispute.subject, dispute.decision.decision, dispute.decision.reasoning) == (
            "Zomervakantie", "Twee weken.", "Rust voor Noor.")
        assert dispute.decision.missing_positions == {"parent_a": "geen reactie", "parent_b": "geen reactie"}
        assert fresh.joint_sessions(case)[0].recorded_afterwards == "overgenomen"
        assert fresh.case(case).phases[-1].reason == "afwijzend"
        fresh.erase_private_text(case, COORDINATOR, ERASURE_REQUEST)
        # Clear text of an old event is what it is: it was never encrypted, so a destroyed key cannot erase it.
        assert fresh.case(case).phases[-1].reason == "afwijzend"
    finally:
        fresh.close()
