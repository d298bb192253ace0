"""The court report of one case as of a moment, as plain data: what the renderers turn into JSON and PDF.

The report is a function of the stored history, the case, the moment and the language
alone: every context is read as of ``as_of`` (``history.AsOfReader``), nothing is taken
from the clock, and who asks or for which proceeding is not part of it (that goes into
the register of reports). So the same case and moment give the same report, today and
after more events were added. The one exception is the law's: private text that was
erased later (a released evaluation after its retention term) cannot come back.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Callable
from uuid import UUID

from services.court_report import i18n
from services.court_report.history import AsOfReader, Source
from services.court_report.shared import case_section, decisions_section, joint_sessions_section, rules_section
from services.court_report.sides import check_release_still_stands, evaluation_included, side_section
from services.parent_side.domain.trajectory import Trajectory, trajectory_id
from services.parent_side.domain.view import view_of
from services.platform.errors import Invalid, NotFound
from services.shared_agreements.domain.case import Case
from services.shared_agreements.domain.decisions import DecisionLog
from services.shared_agreements.domain.ground_rules import RuleSet
from services.shared_agreements.domain.joint_sessions import JointSessions, joint_sessions_id
from services.shared_agreements.domain.transparency import TransparencyAgreements
from services.shared_agreements.domain.views import TransparencyView

if TYPE_CHECKING:
    from services.contexts import Contexts

FORMAT = "evenwijdig/court-report"
FORMAT_VERSION = 1
SIDES = (("parent_a", "parent_a_context"), ("parent_b", "parent_b_context"))


class ReportNotFound(NotFound):
    """No case with that id was registered at the report's moment."""


def report_moment(as_of: datetime) -> datetime:
    """The moment as the report states it: in UTC, so one moment written in any zone gives one report."""
    if not isinstance(as_of, datetime) or as_of.tzinfo is None:
        raise Invalid("the moment of a report needs a date, a time and a time zone (UTC: add +00:00 or Z)")
    return as_of.astimezone(timezone.utc)


def build_report(
    contexts: Contexts, case_id: UUID, as_of: datetime, *, language: str = "nl",
    staff_name: Callable[[str], str] | None = None,
) -> dict[str, Any]:
    """The report of ``case_id`` as of ``as_of`` in ``language`` ("nl" or "en"), as plain data.

    Reads the three contexts and, for who held a child conversation, the staff directory
    (``staff_name`` replaces that look-up). Raises ``ReportNotFound`` when the case was not
    registered by then, and ``ReleaseWithdrawnSince`` (a Conflict) when the moment has a
    released evaluation that its parent has withdrawn since. Records nothing.
    """
    if language not in i18n.LANGUAGES:
        raise Invalid(f"a report is written in {' or '.join(i18n.LANGUAGES)}")
    as_of = report_moment(as_of)
    shared = AsOfReader(contexts.shared, as_of)
    case = shared.load(case_id) if isinstance(case_id, UUID) else None
    if not isinstance(case, Case):
        raise ReportNotFound("No such case at that moment.")
    header = case.view()
    transparency = _transparency(shared, case_id)
    names = staff_name or _directory_names(contexts)
    sides, sources = [], []
    for slot, context in SIDES:
        reader = AsOfReader(getattr(contexts, slot), as_of)
        sides.append(_side(reader, case_id, slot, header, transparency, as_of, names))
        sources.append(reader)
    rules, log, sessions = (shared.load(RuleSet.id_for(case_id)), shared.load(DecisionLog.id_for(case_id)),
                            shared.load(joint_sessions_id(case_id)))
    rules_view = rules.view() if isinstance(rules, RuleSet) else None
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION, "language": language,
        "title": i18n.word(language, "title"), "as_of": as_of.isoformat(),
        "case": case_section(header, rules_view), "sides": sides,
        "ground_rules": rules_section(rules_view),
        "decisions": decisions_section(log.view() if isinstance(log, DecisionLog) else ()),
        "joint_sessions": joint_sessions_section(sessions.views() if isinstance(sessions, JointSessions) else []),
        "sources": [_source(r.source()) for r in (*sources, shared)],
        "verification": {"instructions": list(i18n.VERIFY[language]), "never_contains": i18n.NEVER[language]},
    }


def evaluations_in(report: dict[str, Any]) -> list[str]:
    """The parents whose released closing evaluation the report contains."""
    return [side["side"] for side in report["sides"] if evaluation_included(side)]


def _side(reader: AsOfReader, case_id: UUID, slot: str, header: Any, transparency: TransparencyView,
          as_of: datetime, names: Callable[[str], str]) -> dict[str, Any]:
    aggregate_id = trajectory_id(case_id)
    trajectory = reader.load(aggregate_id)
    view = view_of(trajectory) if isinstance(trajectory, Trajectory) else None
    parent_name = getattr(header, slot).display_name
    section = side_section(slot, parent_name, view, transparency, as_of, names,
                           lambda: _text(reader.decrypted(aggregate_id, "TrajectoryClosed", "evaluation")))
    if evaluation_included(section):
        check_release_still_stands(reader.topics_after(aggregate_id))
    return section


def _transparency(shared: AsOfReader, case_id: UUID) -> TransparencyView:
    agreements = shared.load(TransparencyAgreements.id_for(case_id))
    if isinstance(agreements, TransparencyAgreements):
        return agreements.view()
    return TransparencyView(case_id=case_id, history=())


def _text(private: Any) -> str | None:
    return None if private is None else private.text


def _directory_names(contexts: Contexts) -> Callable[[str], str]:
    """A member of staff's display name as registered (the directory never renames), else their user id."""
    def name(user: str) -> str:
        found = contexts.directory.staff(user)
        return found.display_name if found is not None else user
    return name


def _source(source: Source) -> dict[str, Any]:
    return {"context": source.context, "position": source.position, "head": source.head, "events": source.events}
