"""The court report of one case as of a moment, as plain data: what the renderers turn into JSON and PDF.

The report is a function of the stored history, the case, the moment and the language
alone: every context is read as of ``as_of`` through the reads its application offers
(``ParentSide.as_of``, ``SharedAgreements.as_of``: views, never aggregates), nothing is taken
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
from services.court_report.shared import (
    case_section, decisions_section, joint_sessions_section, mediation_section, rules_section,
)
from services.court_report.sides import check_release_still_stands, evaluation_included, side_section
from services.platform.as_of import Source
from services.platform.errors import Invalid, NotFound
from services.platform.stores import Store

if TYPE_CHECKING:
    from services.contexts import Contexts
    from services.parent_side.api import SideAsOf
    from services.shared_agreements.api import CaseView, TransparencyView

FORMAT = "evenwijdig/court-report"
FORMAT_VERSION = 1
SIDES = (("parent_a", Store.PARENT_A), ("parent_b", Store.PARENT_B))


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
    shared = contexts.shared.as_of(as_of)
    header = shared.case(case_id) if isinstance(case_id, UUID) else None
    if header is None:
        raise ReportNotFound("No such case at that moment.")
    transparency = shared.transparency(case_id)
    names = staff_name or _directory_names(contexts)
    sides, sources = [], []
    for slot, context in SIDES:
        side = getattr(contexts, slot).as_of(as_of)
        sides.append(_side(side, case_id, slot, header, transparency, as_of, names))
        sources.append(side)
    rules = shared.ground_rules(case_id)
    mediation = mediation_section(shared.mediation(case_id))
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION, "language": language,
        "title": i18n.word(language, "title"), "as_of": as_of.isoformat(),
        "case": case_section(header, rules), "sides": sides,
        "ground_rules": rules_section(rules),
        "decisions": decisions_section(shared.decisions(case_id)),
        "joint_sessions": joint_sessions_section(shared.joint_sessions(case_id)),
        # Only a case with mediation conversations has the section: every other report keeps its exact bytes.
        **({"mediation": mediation} if mediation else {}),
        "sources": [_source(r.source()) for r in (*sources, shared)],
        "verification": {"instructions": list(i18n.VERIFY[language]), "never_contains": i18n.NEVER[language]},
    }


def evaluations_in(report: dict[str, Any]) -> list[str]:
    """The parents whose released closing evaluation the report contains."""
    return [side["side"] for side in report["sides"] if evaluation_included(side)
            or any(phase["evaluation"]["included"] for phase in (side["trajectory"] or {}).get("earlier_phases", ()))]


def _side(side: SideAsOf, case_id: UUID, slot: str, header: CaseView, transparency: TransparencyView,
          as_of: datetime, names: Callable[[str], str]) -> dict[str, Any]:
    """The side's latest phase as ``trajectory``, its earlier phases in order as ``earlier_phases``."""
    parent_name = getattr(header, slot).display_name
    sections = []
    for phase in range(1, len(header.phases) + 1):
        trajectory = side.trajectory(case_id, phase=phase)
        if trajectory is None:
            continue
        section = side_section(slot, parent_name, trajectory, transparency, as_of, names,
                               lambda p=phase: side.closing_evaluation(case_id, phase=p))
        if evaluation_included(section):
            check_release_still_stands(side.release_withdrawn_since(case_id, phase=phase))
        sections.append(section)
    if not sections:
        return side_section(slot, parent_name, None, transparency, as_of, names, lambda: None)
    latest = sections[-1]
    latest["trajectory"]["earlier_phases"] = [section["trajectory"] for section in sections[:-1]]
    return latest


def _directory_names(contexts: Contexts) -> Callable[[str], str]:
    """A member of staff's display name as registered (the directory never renames), else their user id."""
    def name(user: str) -> str:
        found = contexts.directory.staff(user)
        return found.display_name if found is not None else user
    return name


def _source(source: Source) -> dict[str, Any]:
    return {"context": source.context, "position": source.position, "head": source.head, "events": source.events}
