"""The shared context's part of the report: the case header, ground rules, decisions, joint sessions.

Plain data only (str, int, bool, None, lists, dicts), times in UTC ISO 8601. Staff ids
(who drafted, recorded or planned) stay out: a court needs what was agreed and when,
and the report names no member of staff but the one who held a child conversation.
Relayed positions in disputes, reasons for an absence and for a cancellation stay out.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from services.platform.errors import Invalid
from services.platform.trajectory_types import trajectory_type
from services.shared_agreements.api import (
    CaseView, DisputeView, GroundRulesView, JointSessionView, MediationView, RuleVersionView,
)

Section = dict[str, Any]


def utc(moment: datetime | None) -> str | None:
    """A stored moment as UTC ISO 8601 (None stays None)."""
    return None if moment is None else moment.astimezone(timezone.utc).isoformat()


def case_section(case: CaseView, rules: GroundRulesView | None = None) -> Section:
    """Case header: trajectory type, its phases in order (with the coordinator's reason for each move),
    children (first name, year of birth), parents and who follows the trajectory; flagged: parents without the
    authority the type requires, and parents the rules in force lack a signature of."""
    title = _title(case.trajectory_type)
    return {
        "case_id": str(case.case_id), "registered_at": utc(case.registered_at),
        "trajectory_type": case.trajectory_type, "trajectory_type_title": title,
        "children": [{"first_name": c.first_name, "year_of_birth": c.date_of_birth.year} for c in case.children],
        "parents": [{"side": p.slot, "name": p.display_name, "follows_trajectory": p.enrolled,
                     "parental_authority": p.parental_authority} for p in case.parents],
        "phases": [{"number": p.number, "trajectory_type": p.trajectory_type, "title": _title(p.trajectory_type),
                    "since": utc(p.since), "reason": p.reason} for p in case.phases],
        "authority_missing": list(case.authority_missing),
        "rules_awaiting_signature_of": _awaiting(case, rules),
    }


def _title(code: str) -> str:
    try:
        return trajectory_type(code).name_nl
    except Invalid:  # a type the catalogue no longer has: its code is still what was registered
        return code


def _awaiting(case: CaseView, rules: GroundRulesView | None) -> list[str]:
    in_force = rules.in_force if rules is not None else None
    return [] if in_force is None else [p for p in case.enrolled_parents if p not in in_force.signers]


def rules_section(rules: GroundRulesView | None) -> list[Section]:
    """Every version of the ground rules: text, offer, signatures, the period in force, its end."""
    return [] if rules is None else [_version(v) for v in rules.versions]


def _version(v: RuleVersionView) -> Section:
    return {
        "version": v.version, "status": v.status, "drafted_at": utc(v.drafted_at), "offered_at": utc(v.offered_at),
        "text": v.text, "text_hash": v.text_hash, "signers": list(v.signers),
        # A draft has no signed text yet: its rules are shown as they stand.
        "draft_rules": None if v.text is not None else [{"category": c.title, "rules": list(c.rules)}
                                                          for c in v.categories],
        "signatures": [{"parent": s.parent, "method": s.method, "text_hash": s.text_hash,
                        "signed_on": s.signed_on.isoformat() if s.signed_on else None,
                        "recorded_at": utc(s.recorded_at)} for s in v.signatures],
        "in_force_from": utc(v.in_force_from), "in_force_until": utc(v.in_force_until),
        "withdrawn_at": utc(v.withdrawn_at),
        "revocation": None if v.revocation is None else {"reason": v.revocation.reason,
                                                          "revoked_at": utc(v.revocation.revoked_at)},
    }


def decisions_section(disputes: tuple[DisputeView, ...]) -> list[Section]:
    """The binding decisions with their reasoning (disputes not decided yet are no decision)."""
    return [{
        "dispute": d.number, "subject": d.subject, "raised_by": d.raised_by, "raised_at": utc(d.recorded_at),
        "decision": d.decision.decision, "reasoning": d.decision.reasoning, "decided_at": utc(d.decision.decided_at),
        "binds": list(d.decision.binds), "missing_positions": dict(sorted(d.decision.missing_positions.items())),
    } for d in disputes if d.decision is not None]


def joint_sessions_section(sessions: list[JointSessionView]) -> list[Section]:
    """Joint sessions in calendar order, with each parent's attendance and every pause."""
    return [{
        "number": s.number, "day": s.day.isoformat(), "start": s.start.isoformat(timespec="minutes"),
        "duration_minutes": s.duration_minutes, "kind": s.kind, "place": s.place, "status": s.status,
        "moved_from": [d.isoformat() for d in s.moved_from],
        "attendance": {a.parent: a.attended for a in s.attendance},
        "pauses": [{"paused_at": utc(p.paused_at), "because_of": p.parent, "reason": p.reason,
                    "resumed_at": utc(p.resumed_at)} for p in s.pauses],
    } for s in sessions]


def mediation_section(view: MediationView | None) -> list[Section]:
    """Each gezinsbemiddeling phase with, per parent and kind of conversation, how many were attended and
    missed; never a note (the begeleider's notes are private text)."""
    if view is None:
        return []
    return [{
        "phase": p.number, "trajectory_type": p.trajectory_type,
        "began_on": p.began_on and p.began_on.isoformat(), "term_end": p.term_end and p.term_end.isoformat(),
        "holiday_calendar_missing": p.holiday_calendar_missing,
        "parents": {counts.parent: {kind: {
            "attended": sum(1 for c in p.conversations if c.kind == kind and counts.parent in c.parents
                            and counts.parent in c.attended),
            "missed": sum(1 for c in p.conversations if c.kind == kind and counts.parent in c.parents
                          and counts.parent not in c.attended),
        } for kind in ("intake", "joint", "individual")} for counts in p.parents},
        # Meetings with the Sociaal Team or Jeugdbescherming: counted, never their note; only a phase that had
        # one carries the key, so every other report keeps its exact bytes.
        **({"network_meetings": {who: sum(1 for m in p.network_meetings if m.with_whom == who)
                                 for who in ("sociaal_team", "jeugdbescherming")}} if p.network_meetings else {}),
    } for p in view.phases if p.conversations]
