"""A GraphQL type that follows a context's view: a new field on the view is one module.

Issue 19: "a new field on the counsellor's view of existing state = one module". A type
decorated with ``follows(View)`` declares only what needs more than the view gives (a nested
type, an enum, a description, another name); every other public field and property of the
view becomes a field of the same name, typed from its annotation and described by its
docstring. So a derived fact added to a view (``Progress.sessions_left``) reaches the
counsellor's schema with no change to the gateway; the SDL files are regenerated.

Only plain values follow (text, numbers, yes/no, days, moments, ids, and lists of these): a
view field of another kind fails at import with the field's name, to be declared by hand,
because a record may hold what its reader must not see. What a view holds and the type does
not show is named, with why, in ``not_shown``.
"""

from __future__ import annotations

import typing
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from types import NoneType, UnionType
from typing import Any, Callable, Mapping, TypeVar
from uuid import UUID

import strawberry

T = TypeVar("T")

_PLAIN = (str, int, bool, date, datetime, UUID)


def follows(view: type, *, not_shown: Mapping[str, str] = {}) -> Callable[[T], T]:  # noqa: B006 - read only
    """Apply under ``@strawberry.type``: add every plain field and property of ``view`` the class does not declare."""
    def decorate(cls: T) -> T:
        annotations = cls.__dict__.get("__annotations__", {})
        exposed = _exposed(view)
        unknown = set(not_shown) - {name for name, _, _ in exposed}
        if unknown:  # a stale entry would hide nothing and mislead its reader
            raise TypeError(f"{view.__name__} has no {', '.join(sorted(unknown))} to leave out")
        followed = []
        for name, annotation, doc in exposed:
            if name in annotations or name in not_shown:
                continue
            annotations[name] = _graphql_type(view, name, annotation)
            if doc:
                setattr(cls, name, strawberry.field(description=doc))
            followed.append(name)
        cls.__annotations__ = annotations  # type: ignore[attr-defined]
        cls.__followed__ = tuple(followed)  # type: ignore[attr-defined]
        return cls
    return decorate


def followed_values(graphql_type: type, view: object) -> dict[str, Any]:
    """The values of the fields ``graphql_type`` takes from ``view`` as they are."""
    return {name: _plain(getattr(view, name)) for name in graphql_type.__followed__}  # type: ignore[attr-defined]


def _exposed(view: type) -> list[tuple[str, Any, str | None]]:
    hints = typing.get_type_hints(view)
    found = [(f.name, hints[f.name], None) for f in fields(view)] if is_dataclass(view) else []
    for name, member in vars(view).items():
        if isinstance(member, property) and not name.startswith("_"):
            doc = " ".join((member.__doc__ or "").split()) or None
            found.append((name, typing.get_type_hints(member.fget)["return"], doc))
    return [entry for entry in found if not entry[0].startswith("_")]


def _graphql_type(view: type, name: str, annotation: Any) -> Any:
    args = typing.get_args(annotation)
    if isinstance(annotation, UnionType) or typing.get_origin(annotation) is typing.Union:
        inner = [a for a in args if a is not NoneType]
        if len(inner) == 1:
            return _graphql_type(view, name, inner[0]) | None
    elif typing.get_origin(annotation) in (tuple, list) and args and args[0] in _PLAIN:
        return list[args[0]]  # type: ignore[valid-type]
    elif annotation in _PLAIN:
        return annotation
    raise TypeError(f"{view.__name__}.{name} is not a plain value ({annotation!r}): declare it in the GraphQL type, "
                    "or name it in not_shown with why")


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
