"""One parent's side of the report: the course of the trajectory and what the parent agreed to share.

What the transparency agreements decide (the report reaches both parties in the
proceedings, so it shows of a side only what that parent agreed the other side may see,
as agreed at the report's moment):

- always: the steps and their dates (intake, goals proposed, consent given or withdrawn
  and for what, agreement, start, closing) and whether there is a trajectory at all;
- "attendance": individual sessions held, missed, planned and cancelled (counts and dates);
- "child_conversation_held": child conversations (date, child, who held them);
- "evaluation": the closing evaluation, and only when the parent also released it for a
  court report and that release still stands;
- never, whatever was agreed: the text of goals and session themes (the design's court
  report lists neither; "goals" and "session_themes" open nothing here), private notes,
  summaries of child conversations, reasons for missed or cancelled sessions, why a
  counsellor was replaced.
- "practitioner": who counselled the parent from when (the counsellor of each moment, as the
  staff directory assigned them and the flow recorded it on the trajectory). Without it the
  report names no counsellor: the coordinator who makes it never learns who counsels a side.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Callable

from services.parent_side.api import TrajectoryView
from services.platform.errors import Conflict
from services.shared_agreements.api import TransparencyView

Section = dict[str, Any]
STEP_ORDER = ("intake", "goals_proposed", "consent_given", "agreed", "consent_withdrawn", "started", "closed")


class ReleaseWithdrawnSince(Conflict):
    """The report's moment has a released evaluation that the parent has since withdrawn."""


def side_section(
    slot: str, parent_name: str, view: TrajectoryView | None, transparency: TransparencyView, as_of: datetime,
    staff_name: Callable[[str], str], evaluation_text: Callable[[], str | None],
) -> Section:
    """The side's section as plain data; ``evaluation_text`` decrypts the evaluation when it is included."""
    if view is None:
        return {"side": slot, "parent": parent_name, "trajectory": None}
    shared = _shared_categories(transparency, slot, as_of.date())
    return {"side": slot, "parent": parent_name, "trajectory": {
        "type_title": view.rules.title, "status": view.status, "steps": _steps(view),
        "counsellors": ([{"name": staff_name(a.counsellor), "since": a.since.isoformat()} for a in view.assignments]
                        if _shares(shared, "practitioner") else None),
        "transparency": shared,
        "sessions": _sessions(view) if _shares(shared, "attendance") else None,
        "child_conversations": ([_conversation(c, staff_name) for c in view.child_conversations]
                                if _shares(shared, "child_conversation_held") else None),
        "evaluation": _evaluation(view, _shares(shared, "evaluation"), evaluation_text),
    }}


def evaluation_included(section: Section) -> bool:
    trajectory = section["trajectory"]
    return bool(trajectory and trajectory["evaluation"]["included"])


def check_release_still_stands(withdrawn_since: bool) -> None:
    """Refuse when the release in force at the moment was withdrawn afterwards (and not given again)."""
    if withdrawn_since:
        raise ReleaseWithdrawnSince(
            "the parent has withdrawn the release of the closing evaluation since that moment, so a report as of "
            "that moment can no longer be made; make it as of a moment after the withdrawal"
        )


def _shared_categories(transparency: TransparencyView, slot: str, on: date) -> Section:
    agreement = next((a for a in reversed(transparency.history) if a.parent == slot and a.agreed_on <= on), None)
    if agreement is None:
        return {"agreed_on": None, "categories": []}
    return {"agreed_on": agreement.agreed_on.isoformat(), "categories": list(agreement.categories)}


def _shares(shared: Section, category: str) -> bool:
    return category in shared["categories"]


def _steps(view: TrajectoryView) -> list[Section]:
    steps: list[Section] = [{"step": "intake", "on": view.opened_on, "scope": None}]
    for step, on in (("goals_proposed", view.proposed_on), ("agreed", view.agreed_on), ("started", view.started_on),
                     ("closed", view.closed_on)):
        if on is not None:
            steps.append({"step": step, "on": on, "scope": None})
    for consent in view.consents:
        steps.append({"step": "consent_given", "on": consent.given_on, "scope": consent.scope})
        if consent.withdrawn_on is not None:
            steps.append({"step": "consent_withdrawn", "on": consent.withdrawn_on, "scope": consent.scope})
    steps.sort(key=lambda s: (s["on"], STEP_ORDER.index(s["step"]), s["scope"] or ""))
    return [{**s, "on": s["on"].isoformat()} for s in steps]


def _sessions(view: TrajectoryView) -> Section:
    recorded = {s.on for s in view.sessions}
    return {
        "held": _days(s.on for s in view.sessions if s.attended),
        "missed": _days(s.on for s in view.sessions if not s.attended),
        "upcoming": _days(p.on for p in view.planned_sessions if p.is_pending and p.on not in recorded),
        "cancelled": _days(p.on for p in view.planned_sessions if not p.is_pending),
        "plan": view.rules.planned_sessions,
    }


def _days(days: Any) -> list[str]:
    return [on.isoformat() for on in sorted(days)]


def _conversation(conversation: Any, staff_name: Callable[[str], str]) -> Section:
    return {"on": conversation.on.isoformat(), "child": conversation.child, "held_by": staff_name(conversation.held_by)}


def _evaluation(view: TrajectoryView, shared: bool, text: Callable[[], str | None]) -> Section:
    released = next((d for d in reversed(view.release_decisions) if d.decision == "released"), None)
    if not (shared and view.evaluation_released and released and view.closed_on and view.erased_on is None):
        return {"included": False, "released_on": None, "text": None}
    content = text()
    if content is None:  # the case key is gone: erased after the moment of the report
        return {"included": False, "released_on": None, "text": None}
    return {"included": True, "released_on": released.on.isoformat(), "text": content}
