"""The composition root: the one place where settings become running contexts, connected by their flows."""

from __future__ import annotations

from typing import Mapping

from evenwijdig import flows
from evenwijdig.settings import Settings
from services.platform.application import Clock
from services.contexts import Contexts
from services.parent_a_context.application import ParentAContext
from services.parent_b_context.application import ParentBContext
from services.shared_agreements.application import SharedAgreements
from services.staff_directory.application import StaffDirectory
from services.platform.stores import Store

__all__ = ["APPLICATIONS", "Contexts", "bootstrap"]

#: The application of each store (its name is the store's).
APPLICATIONS = {"parent_a_context": ParentAContext, "parent_b_context": ParentBContext,
                "shared_agreements": SharedAgreements, "gateway": StaffDirectory}


def bootstrap(settings: Settings, *, clocks: Mapping[str, Clock] | None = None) -> Contexts:
    """The contexts of ``settings``, their flows connected; ``clocks`` (tests): a fixed "now" per store name."""
    clocks = clocks or {}
    contexts = Contexts(
        parent_a=ParentAContext(settings.context_store(Store.PARENT_A), clock=clocks.get(Store.PARENT_A)),
        parent_b=ParentBContext(settings.context_store(Store.PARENT_B), clock=clocks.get(Store.PARENT_B)),
        shared=SharedAgreements(settings.context_store(Store.SHARED), clock=clocks.get(Store.SHARED)),
        directory=StaffDirectory(settings.context_store(Store.DIRECTORY)),
    )
    flows.connect(contexts.shared, contexts.directory, (contexts.parent_a, contexts.parent_b))
    return contexts
