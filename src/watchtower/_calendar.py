"""Working days for the 24-hour rule: which dates count, and why a date does not.

design.md: working days are Monday to Friday, less the bank holidays of the school's UK nation and any
closure dates in config. School term holidays are working days (policy: monitor during holidays).

Bank holidays come from the ``holidays`` library rather than a hand-written table: it knows each
nation's rules (Scotland's 2 January and first Monday of August, St Andrew's Day, Northern Ireland's
St Patrick's Day and Battle of the Boyne), the substitute days when a holiday falls at a weekend, and
one-off proclamations (royal events, Scotland's 15 June 2026). A table in this repository would go
stale every year; the library is pinned in requirements.lock and updated with the other dependencies.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from types import MappingProxyType

#: The nations a school can be in, as config spells them, mapped to the ``holidays`` subdivision codes.
NATION_SUBDIVISIONS: Mapping[str, str] = MappingProxyType(
    {"england": "ENG", "wales": "WLS", "scotland": "SCT", "northern_ireland": "NIR"}
)

#: Longest run of non-working days searched before giving up (a config closing the school for a
#: year or more is a mistake, not a calendar).
_MAX_SEARCH_DAYS = 400


@functools.lru_cache(maxsize=64)
def _bank_holidays(subdivision: str, year: int) -> Mapping[date, str]:
    """The bank holidays of one UK nation in one year, as ``{date: name}`` (read-only, cached)."""
    import holidays  # imported here: ``watchtower deadline --help`` should not pay for it

    found = holidays.country_holidays("GB", subdiv=subdivision, years=year)
    return MappingProxyType(dict(found.items()))


class WorkingCalendar:
    """Working days for one school: weekdays, less its nation's bank holidays, less its closure dates."""

    def __init__(self, nation: str = "england", closure_dates: Iterable[date] = ()) -> None:
        if nation not in NATION_SUBDIVISIONS:
            raise ValueError(f"unknown nation {nation!r}: use one of {', '.join(NATION_SUBDIVISIONS)}")
        self.nation = nation
        self._subdivision = NATION_SUBDIVISIONS[nation]
        self.closure_dates = frozenset(closure_dates)

    def bank_holiday(self, day: date) -> str | None:
        """The bank holiday's name if ``day`` is one in this nation, else ``None``."""
        return _bank_holidays(self._subdivision, day.year).get(day)

    def non_working_reason(self, day: date) -> str | None:
        """Why ``day`` is not a working day ("Saturday", "bank holiday: Easter Monday", "closure date"),
        or ``None`` when it is one. A bank holiday that falls at a weekend is reported as the weekend."""
        if day.weekday() >= 5:
            return day.strftime("%A")
        holiday = self.bank_holiday(day)
        if holiday is not None:
            return f"bank holiday: {holiday}"
        if day in self.closure_dates:
            return "closure date"
        return None

    def is_working_day(self, day: date) -> bool:
        return self.non_working_reason(day) is None

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        candidate = day
        for _ in range(_MAX_SEARCH_DAYS):
            candidate += timedelta(days=1)
            if self.is_working_day(candidate):
                return candidate
        raise ValueError(
            f"no working day within {_MAX_SEARCH_DAYS} days after {day.isoformat()}: check closure_dates"
        )
