"""A stand-in aggregate holding private text, and applications of two contexts around it.

The encryption does not depend on the parent-side domain, so the tests use this tiny
notebook: each note is a ``PrivateText`` plus a label that is *not* private, so a raw
search of the store can prove it finds what is there.
"""

from __future__ import annotations

from uuid import UUID

from eventsourcing.domain import Aggregate, event

from evenwijdig.settings import Settings
from services.platform.application import ContextApplication
from services.platform.private_text import PrivateText


class Notebook(Aggregate):
    @event("NotebookOpened")
    def __init__(self, case_id: UUID, actor: str) -> None:
        self.case_id = case_id
        self.notes: list[PrivateText] = []
        self.labels: list[str] = []

    @event("NoteWritten")
    def write(self, note: PrivateText, label: str, actor: str) -> None:
        self.notes.append(note)
        self.labels.append(label)


class NotebooksA(ContextApplication):
    name = "parent_a_context"


class NotebooksB(ContextApplication):
    name = "parent_b_context"


APPS = {"parent_a_context": NotebooksA, "parent_b_context": NotebooksB}


def open_notebooks(settings: Settings, context: str = "parent_a_context") -> ContextApplication:
    return APPS[context](settings.context_store(context))


def write_note(app: ContextApplication, case_id: UUID, text: str, label: str) -> UUID:
    notebook = Notebook(case_id, actor="counsellor-1")
    notebook.write(PrivateText(case_id, text), label, actor="counsellor-1")
    app.save(notebook)
    return notebook.id


def all_notifications(app: ContextApplication) -> list[tuple[int, str, bytes]]:
    return [(n.id, n.topic, n.state) for n in app.recorder.select_notifications(start=1, limit=10**6)]
