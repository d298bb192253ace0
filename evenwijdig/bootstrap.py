"""The composition root: the one place where settings become running contexts."""

from __future__ import annotations

from dataclasses import dataclass

from evenwijdig import flows
from evenwijdig.settings import Settings
from services.staff_directory.application import StaffDirectory
from services.parent_a_context.application import ParentAContext
from services.parent_b_context.application import ParentBContext
from services.platform.application import ContextApplication
from services.shared_agreements.application import SharedAgreements


@dataclass
class Contexts:
    """The three contexts of one deployment and the gateway's staff directory, each on its own store.

    Holding the applications here keeps their connection pools alive for as long as
    the process needs them (an eventsourcing application closes its pool when collected).
    """

    parent_a: ParentAContext
    parent_b: ParentBContext
    shared: SharedAgreements
    directory: StaffDirectory

    def by_name(self) -> dict[str, ContextApplication]:
        """Every store of the deployment by name: the three contexts and the staff directory."""
        return {app.name: app for app in (self.parent_a, self.parent_b, self.shared, self.directory)}

    def close(self) -> None:
        for app in self.by_name().values():
            app.close()


    def catch_up(self) -> None:
        """Bring every flow up to date (strict: a store that cannot be reached raises)."""
        self.directory.catch_up()
        self.parent_a.catch_up()
        self.parent_b.catch_up()


def bootstrap(settings: Settings) -> Contexts:
    contexts = Contexts(
        parent_a=ParentAContext(settings.context_store("parent_a_context")),
        parent_b=ParentBContext(settings.context_store("parent_b_context")),
        shared=SharedAgreements(settings.context_store("shared_agreements")),
        directory=StaffDirectory(settings.context_store("gateway")),
    )
    flows.connect(contexts.shared, contexts.directory, (contexts.parent_a, contexts.parent_b))
    return contexts
