"""Dates and times the gateway accepts: within the years a case can concern.

Python takes 9999-12-31 and 0001-01-01T00:00:00+14:00 as dates, but a day added to the first, or
the second moved to UTC, overflows: such input used to fail deep in a command as an internal
error. Nothing in a counselling case lies outside these years, so anything else is refused while
the request's arguments are read (INVALID, naming the argument), before any store is touched.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Callable

from strawberry.schema.types.base_scalars import DateDefinition, DateTimeDefinition

#: Documented (docs/reliability.md): the first and last year a date or time may fall in.
FIRST_YEAR, LAST_YEAR = 1900, 2199


def _bounded(parse: Callable[[object], Any], kind: str) -> Callable[[object], Any]:
    def inner(value: object) -> Any:
        parsed = parse(value)
        # Both the moment as written and as UTC: an offset can carry the first over a year's end.
        moments = [parsed]
        if isinstance(parsed, dt.datetime) and parsed.tzinfo is not None and FIRST_YEAR <= parsed.year <= LAST_YEAR:
            moments.append(parsed.astimezone(dt.timezone.utc))
        if not all(FIRST_YEAR <= moment.year <= LAST_YEAR for moment in moments):
            # A ValueError, not strawberry's coercion error: GraphQL then points at the value (and so its argument).
            raise ValueError(f"a {kind} must lie in the years {FIRST_YEAR} to {LAST_YEAR}")
        return parsed

    return inner


BoundedDate = dataclasses.replace(DateDefinition, parse_value=_bounded(DateDefinition.parse_value, "Date"))
BoundedDateTime = dataclasses.replace(DateTimeDefinition,
                                      parse_value=_bounded(DateTimeDefinition.parse_value, "DateTime"))

#: For ``strawberry.Schema(scalar_overrides=...)``: same names and descriptions, so the SDL is unchanged.
SCALAR_OVERRIDES = {dt.date: BoundedDate, dt.datetime: BoundedDateTime}
