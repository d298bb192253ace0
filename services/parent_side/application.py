"""The parent-side application: one parent's trajectory, in whichever store it is given."""

from __future__ import annotations

from services.platform.application import ContextApplication


class ParentSide(ContextApplication):
    """The application of one parent's side; A and B subclass it only to get a name."""
