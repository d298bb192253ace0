"""A trajectory type is data in one place: every reader follows one new entry, nothing else changes.

The commit-sized example of issue 19 ("a new trajectory type = one data entry, plus the
regenerated SDL"): a fresh interpreter adds one entry to ``services.platform.trajectory_types``
before anything else is imported, and then the case header accepts the type, the parent side
plans from it, the court report names it in both languages, the joint-session rules apply its
meeting frame, the Opnieuw Verbinden-like year takes its visit minimum and hour budget, and the only
SDL change is one enum value in the counsellor's and one in the coordinator's schema.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from services.court_report import i18n
from services.parent_side.domain.catalogue import TEMPLATES
from services.platform.trajectory_types import TYPES
from services.shared_agreements.domain.case import PARALLEL_PARENTING, TRAJECTORY_TYPES

ROOT = Path(__file__).resolve().parents[2]

# The one data entry: a type with a fixed meeting frame of its own (February mornings, Mondays).
NEW_TYPE = '''
from dataclasses import replace
from types import MappingProxyType
import services.platform.trajectory_types as types

base = types.TYPES["opnieuw_verbinden"].template
entry = types.TrajectoryType(
    replace(base, template="ouderschapscoaching_kort", title="Kortdurende ouderschapscoaching",
            joint_meeting_months=(2,), joint_meeting_weekdays=(0,), joint_sessions=1, max_joint_sessions=1,
            min_child_visits_per_year=3, min_professional_hours_per_year=40, max_professional_hours_per_year=60),
    name_en="Short parenting coaching", parallel_parenting=False, meeting_notice_weeks=2,
)
types.TYPES = MappingProxyType({**types.TYPES, entry.code: entry})
'''

READERS = '''
import difflib, json
from datetime import date, time
from uuid import uuid4
from gateway.schema.export import sdl_files
from services.court_report import i18n
from services.court_report.shared import case_section
from services.parent_side.domain.catalogue import template
from services.shared_agreements.domain.case import Case, Child, Parent
from services.shared_agreements.domain.joint_sessions import JointSessions
from services.shared_agreements.domain.reconnecting import YearFrame
from services.platform.errors import Invalid

code = "ouderschapscoaching_kort"
case = Case.register(uuid4(), Parent("Anna", True), Parent("Bram", True), [Child("Cas", date(2016, 1, 1))],
                     code, "coordinator")
sessions = JointSessions(case_id=case.id, actor="coordinator")
def plan(day):
    try:
        sessions.plan(day=day, start=time(9), duration_minutes=60, place="Utrecht", kind="in_person",
                      trajectory_type=code, planned_on=date(2027, 1, 1), actor="coordinator")
        return "planned"
    except Invalid as refused:
        return str(refused)
sdl_diff = []
for path, sdl in sdl_files().items():
    for line in difflib.unified_diff(path.read_text().splitlines(), sdl.splitlines(), lineterm="", n=0):
        if line[:1] in "+-" and line[:3] not in ("+++", "---"):
            sdl_diff.append(f"{path.name}: {line}")
print(json.dumps({
    "case_type": case.view().trajectory_type,
    "template_title": template(code).title,
    "report_nl": case_section(case.view())["trajectory_type_title"],
    "report_en": i18n.TRAJECTORY_TYPES_EN[code],
    "in_frame": plan(date(2027, 2, 1)),
    "outside_frame": plan(date(2027, 3, 1)),
    "year_frame": [YearFrame.of(code).min_visits_per_parent, list(YearFrame.of(code).budget_hours)],
    "sdl_diff": sdl_diff,
}))
'''


def test_every_reader_takes_its_trajectory_types_from_the_one_data_module():
    assert TRAJECTORY_TYPES == tuple(TYPES)
    assert dict(TEMPLATES) == {code: entry.template for code, entry in TYPES.items()}
    assert i18n.TRAJECTORY_TYPES_EN == {code: entry.name_en for code, entry in TYPES.items()}
    assert PARALLEL_PARENTING == {code for code, entry in TYPES.items() if entry.parallel_parenting}


def test_a_new_trajectory_type_is_one_data_entry_and_one_new_enum_value_in_the_sdl():
    done = subprocess.run([sys.executable, "-c", NEW_TYPE + READERS], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["case_type"] == "ouderschapscoaching_kort"
    assert seen["template_title"] == seen["report_nl"] == "Kortdurende ouderschapscoaching"
    assert seen["report_en"] == "Short parenting coaching"
    assert seen["in_frame"] == "planned"  # a Monday morning in February, in person, a month ahead
    assert "are held in February" in seen["outside_frame"]
    assert seen["year_frame"] == [3, [40, 60]]  # its child visits and hour budget, from the entry alone
    assert seen["sdl_diff"] == ["counsellor.graphql: +  OUDERSCHAPSCOACHING_KORT",
                                "coordinator.graphql: +  OUDERSCHAPSCOACHING_KORT",
                                "mediator.graphql: +  OUDERSCHAPSCOACHING_KORT"]
