"""A flow survives the process dying between the upstream event and its downstream effect (both stores).

A real process registers a case (one write to the shared-agreements store) and is killed
with ``os._exit`` at a chosen point of the flow to the staff directory: before the effect,
or inside its transaction. Restarted, the deployment catches up and the registering
coordinator is assigned exactly once; catching up again changes nothing.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import uuid

import pytest

from evenwijdig.bootstrap import bootstrap
from services.staff_directory.api import Role
from services.staff_directory.domain.staffing import staffing_id
from tests.support.processes import environ_for

CHILD = textwrap.dedent("""
    import os, sys, uuid
    from datetime import date
    from evenwijdig.bootstrap import bootstrap
    from evenwijdig.settings import Settings
    from services.shared_agreements.application import Child, Parent

    contexts = bootstrap(Settings.from_environ(os.environ))
    directory, point = contexts.directory, sys.argv[2]
    if point == "before the effect":
        directory.process_event = lambda *args, **kwargs: os._exit(9)
    else:  # inside the transaction that stores the effect and the position: nothing is committed
        insert = directory.recorder._insert_tracking
        def dying(*args, **kwargs):
            insert(*args, **kwargs)
            os._exit(9)
        directory.recorder._insert_tracking = dying
    contexts.shared.register_case(
        parent_a=Parent("Sanne", True), parent_b=Parent("Mark", True), children=[Child("Noor", date(2014, 5, 3))],
        trajectory_type="parallel_solo_ouderschap_loman", actor="coordinator-1", case_id=uuid.UUID(sys.argv[1]))
    os._exit(0)  # not reached when the flow ran in this process
""")


@pytest.mark.parametrize("point", ["before the effect", "inside its transaction"])
def test_the_registering_coordinator_is_assigned_exactly_once_after_a_crash(settings, point):
    contexts = bootstrap(settings)
    contexts.directory.register_staff("coordinator-1", "Co", [Role.COORDINATOR], actor="admin-0")
    contexts.close()
    case = uuid.uuid4()

    died = subprocess.run([sys.executable, "-c", CHILD, str(case), point], env=environ_for(settings),
                          capture_output=True, text=True, timeout=120)
    assert died.returncode == 9, died.stderr

    restarted = bootstrap(settings)
    try:
        assert case in restarted.shared.repository  # the upstream write was committed
        staffing_events = lambda: restarted.directory.recorder.select_events(staffing_id(case))  # noqa: E731
        assert not staffing_events()  # the effect never half-happened
        restarted.catch_up()
        assert restarted.directory.assignment("coordinator-1", case).role is Role.COORDINATOR
        once = [type(e).__name__ for e in map(restarted.directory.mapper.to_domain_event, staffing_events())]
        assert [s.topic.rsplit(".", 1)[-1] for s in staffing_events()] == ["Opened", "CoordinatorAssigned"], once
        restarted.catch_up()
        assert len(staffing_events()) == 2
    finally:
        restarted.close()
