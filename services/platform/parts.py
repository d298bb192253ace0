"""A method of one part of an application, offered by the application itself.

A context with many commands splits them into parts (the shared context's joint sessions, court
reports, school holidays ...). Each part is an object the application builds in its constructor
with exactly what it needs (the application's load/save idiom, a case lookup, the clock), never a
mixin that finds those on its host. The application stays the context's only way in: it offers
each part's method under the same name, signature and docstring, named once in its class body.
"""

from __future__ import annotations

import functools
from typing import Any, Callable


class Offered:
    """``plan_joint_session = Offered("_scheduling", JointSessionsAndSchedule.plan_joint_session)``."""

    def __init__(self, part: str, method: Callable[..., Any]) -> None:
        self.part = part
        self.method = method
        functools.update_wrapper(self, method)

    def __get__(self, app: Any, owner: type | None = None) -> Any:
        if app is None:
            return self
        return getattr(getattr(app, self.part), self.method.__name__)

    def __call__(self, app: Any, *args: Any, **kwargs: Any) -> Any:
        # Called on the class (``SharedAgreements.plan_joint_session(app, ...)``), as a plain method would be.
        return self.__get__(app)(*args, **kwargs)
