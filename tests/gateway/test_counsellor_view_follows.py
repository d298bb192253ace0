"""A new field on the counsellor's view of existing state is one module, plus the regenerated SDL (issue 19).

The counsellor's ``Trajectory`` and ``Progress`` follow the parent side's views
(``gateway/schema/follow.py``): a fresh interpreter adds one derived property to each view
before anything else is imported, and the counsellor's SDL grows by exactly those two fields,
described by their docstrings; no other schema changes. ``Progress.sessions_left`` and
``child_conversations_left`` came in this way: they are written in ``domain/progress.py`` only.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gateway.schema.counsellor.plan import Progress
from gateway.schema.counsellor.types import Trajectory
from gateway.schema.follow import follows
from services.parent_side.api import Progress as ProgressView, TrajectoryView

ROOT = Path(__file__).resolve().parents[2]

NEW_FIELDS = '''
from services.parent_side.domain.progress import Progress
from services.parent_side.domain.view import TrajectoryView

def weeks_left(self) -> int | None:
    """Weeks this phase has left; null without a maximum."""
    return None if self.max_weeks is None else max(0, self.max_weeks - self.weeks_elapsed)

def goal_count(self) -> int:
    """How many goals the proposal named."""
    return len(self.goals)

Progress.weeks_left = property(weeks_left)
TrajectoryView.goal_count = property(goal_count)

import difflib
from gateway.schema.export import sdl_files
diff = []
for path, sdl in sdl_files().items():
    for line in difflib.unified_diff(path.read_text().splitlines(), sdl.splitlines(), lineterm="", n=0):
        if line[:1] in "+-" and line[:3] not in ("+++", "---") and line.strip("+ "):
            diff.append(f"{path.name}: {line}")
print(json.dumps(diff))
'''


def test_a_derived_field_on_a_view_reaches_the_counsellors_schema_with_no_other_change():
    done = subprocess.run([sys.executable, "-c", "import json\n" + NEW_FIELDS], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [
        'counsellor.graphql: +  """Weeks this phase has left; null without a maximum."""',
        "counsellor.graphql: +  weeksLeft: Int",
        'counsellor.graphql: +  """How many goals the proposal named."""',
        "counsellor.graphql: +  goalCount: Int!",
    ]


def test_the_counsellor_sees_every_field_of_the_views_but_those_named_as_not_shown():
    shown = {f.python_name for f in Trajectory.__strawberry_definition__.fields}
    assert set(TrajectoryView.__dataclass_fields__) - shown == {"trajectory_id", "assignments"}
    assert {"phase"} <= set(Trajectory.__followed__)
    progress = {f.python_name for f in Progress.__strawberry_definition__.fields}
    assert set(ProgressView.__dataclass_fields__) | {"sessions_left", "child_conversations_left"} <= progress


def test_a_view_field_that_is_not_a_plain_value_must_be_declared_by_hand():
    class View:
        @property
        def secret(self) -> object:
            return object()

    with pytest.raises(TypeError, match="View.secret is not a plain value"):
        follows(View)(type("Shown", (), {}))


def test_leaving_out_a_field_the_view_does_not_have_is_refused():
    with pytest.raises(TypeError, match="has no secret_notes to leave out"):
        follows(TrajectoryView, not_shown={"secret_notes": "renamed long ago"})(type("Shown", (), {}))
