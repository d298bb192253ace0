"""Query texts that parsed and validated before skip both: about half a read's GraphQL time.

Validation depends only on the schema and the document (variables are coerced later), and
every limit the gateway sets (depth, aliases, tokens, introspection) is checked while parsing
or validating: a text that passed them once passes them again, so nothing is weakened.
Texts that fail are never remembered. Strawberry's own parser and validation caches do not
help here: the limiter extensions are built per request, so their validation key never repeats.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Iterator

from graphql import DocumentNode
from strawberry.extensions import SchemaExtension

#: How many texts one schema remembers, and the longest it remembers: clients send a few
#: fixed queries; a bound on both keeps a flood of distinct valid texts from growing memory.
REMEMBERED = 256
LONGEST_REMEMBERED = 16 * 1024


class _Remembered:
    def __init__(self) -> None:
        self._texts: OrderedDict[str, DocumentNode] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str) -> DocumentNode | None:
        with self._lock:
            document = self._texts.get(text)
            if document is not None:
                self._texts.move_to_end(text)
            return document

    def keep(self, text: str, document: DocumentNode) -> None:
        if len(text) > LONGEST_REMEMBERED:
            return
        with self._lock:
            self._texts[text] = document
            self._texts.move_to_end(text)
            while len(self._texts) > REMEMBERED:
                self._texts.popitem(last=False)


class KnownGoodQueries(SchemaExtension):
    def __init__(self, remembered: _Remembered) -> None:
        self._remembered = remembered

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        document = self._remembered.get(context.query) if context.query else None
        if document is not None:
            context.graphql_document = document
            context.pre_execution_errors = []  # validated when first seen: strawberry skips validation
        yield

    def on_validate(self) -> Iterator[None]:
        yield
        context = self.execution_context
        if context.pre_execution_errors == [] and context.query and context.graphql_document is not None:
            self._remembered.keep(context.query, context.graphql_document)


def known_good_queries() -> Callable[[], KnownGoodQueries]:
    """An extension factory with its own memory: one per schema, shared by that schema's requests."""
    remembered = _Remembered()
    return lambda: KnownGoodQueries(remembered)
