"""The four applications of one deployment, held together (built by ``evenwijdig.bootstrap``).

Holding the applications here keeps their connection pools alive for as long as the process
needs them (an eventsourcing application closes its pool when collected). This module only
names them; which store each opens and which flows connect them is the composition root's.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.parent_a_context.application import ParentAContext
from services.parent_b_context.application import ParentBContext
from services.platform.application import ContextApplication
from services.shared_agreements.application import SharedAgreements
from services.staff_directory.application import StaffDirectory


@dataclass
class Contexts:
    """The three case contexts of one deployment and the staff directory, each on its own store."""

    parent_a: ParentAContext
    parent_b: ParentBContext
    shared: SharedAgreements
    directory: StaffDirectory

    def by_name(self) -> dict[str, ContextApplication]:
        """Every store of the deployment by name: the three contexts and the staff directory."""
        return {app.name: app for app in (self.parent_a, self.parent_b, self.shared, self.directory)}

    def catch_up(self) -> None:
        """Bring every flow up to date (strict: a store that cannot be reached raises)."""
        self.directory.catch_up()
        self.parent_a.catch_up()
        self.parent_b.catch_up()

    def close(self) -> None:
        for app in self.by_name().values():
            app.close()
