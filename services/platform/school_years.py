"""School years (schooljaren) and what an imported year's holiday list makes known.

The government publishes the school holidays per region and school year ("2026-2027"):
herfst-, kerst-, voorjaars-, mei- and zomervakantie. A school year runs from 1 August to
31 July (WPO art. 1); its summer holiday starts in July and may end in early September.

What one year's list makes known is the span from its first holiday to the last day of
its summer holiday: before the autumn holiday lie the last days of the previous summer,
which only the previous year's list names. When the previous year is imported too, the
weeks between its summer and this autumn are known as well (two complete lists with
nothing between them), so consecutive years join into one span. A gap between imported
years stays unknown: the calendar never guesses a school week.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterable, Mapping, Sequence

from services.platform.errors import Invalid
from services.platform.holidays import HolidayPeriod, KnownSpan, scope_key

_SCHOOL_YEAR = re.compile(r"^(\d{4})-(\d{4})$")
# The latest a summer holiday of any region has ended: the first days of September.
SUMMER_ENDS_BY = (9, 15)


class InvalidSchoolYear(Invalid):
    """Not a school year such as "2026-2027", or a holiday outside it."""


def first_year(school_year: object) -> int:
    """2026 for "2026-2027"; refuses anything that is not two consecutive years."""
    found = _SCHOOL_YEAR.match(school_year.strip()) if isinstance(school_year, str) else None
    if not found or int(found[2]) != int(found[1]) + 1 or not 2000 <= int(found[1]) <= 2100:
        raise InvalidSchoolYear(f"a school year is written as two consecutive years, e.g. 2026-2027, not {school_year!r}")
    return int(found[1])


def checked_school_year(school_year: object, periods: Sequence[HolidayPeriod]) -> str:
    """The school year as written, once every holiday lies inside it (a wrong file is refused)."""
    year = first_year(school_year)
    opens, closes = date(year, 8, 1), date(year + 1, *SUMMER_ENDS_BY)
    if not periods:
        raise InvalidSchoolYear(f"the holiday list of school year {year}-{year + 1} is empty")
    for period in periods:
        if period.first_day < opens or period.last_day > closes:
            raise InvalidSchoolYear(
                f"{period.name!r} ({period.first_day.isoformat()} to {period.last_day.isoformat()}) does not fall "
                f"in school year {year}-{year + 1} (1 August {year} to the summer of {year + 1}); "
                "is this the list of another school year?"
            )
    return f"{year}-{year + 1}"


def known_spans(scope: str, years: Mapping[str, Iterable[HolidayPeriod]]) -> tuple[KnownSpan, ...]:
    """The spans ``scope``'s holidays are known for, given each imported school year's list."""
    spans: list[KnownSpan] = []
    previous: int | None = None
    for school_year in sorted(years, key=first_year):
        periods = sorted(years[school_year])
        if not periods:
            continue
        year, first, last = first_year(school_year), periods[0].first_day, max(p.last_day for p in periods)
        if spans and previous == year - 1:
            spans[-1] = KnownSpan(scope_key(scope), spans[-1].first_day, last)
        else:
            spans.append(KnownSpan(scope_key(scope), first, last))
        previous = year
    return tuple(spans)
