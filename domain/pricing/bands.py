"""Which time band a visit falls in, on the agency's local clock.

One visit has one band, decided the way the NDIS Pricing Arrangements decide it, so that a client
pays one rate for the whole visit (never a split bill):

- the day is the local day the visit *starts* on: a public holiday of the agency's state (from the
  `holidays` package) wins over Sunday, Sunday over Saturday; a Saturday visit running past
  midnight is still a Saturday visit;
- on a weekday, a visit that starts before 06:00, or finishes after midnight, is a night visit;
  one that finishes after 20:00 (and by midnight) is an evening visit; any other is weekday daytime.
  A visit finishing at exactly 20:00 is daytime; at exactly midnight, evening.

Times are converted with `zoneinfo`, so a daylight-saving change moves nothing: 19:00 is 19:00 in
January (UTC+11) as in June (UTC+10).
"""

from datetime import date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from domain.vocabulary import TimeBand

DAYTIME_STARTS = time(6, 0)
EVENING_AFTER = time(20, 0)  # finishing after this makes an evening visit

SATURDAY, SUNDAY = 5, 6


@lru_cache(maxsize=64)
def public_holidays(state: str, year: int) -> frozenset[date]:
    """The state's public holidays in a year (Australia, from the `holidays` package)."""
    return frozenset(holidays.country_holidays("AU", subdiv=state, years=year).keys())


def is_public_holiday(day: date, state: str) -> bool:
    return day in public_holidays(state, day.year)


def band_of_visit(starts_at: datetime, ends_at: datetime, zone: ZoneInfo, state: str) -> TimeBand:
    """The one time band a visit is priced at (rules in the module docstring)."""
    start, end = starts_at.astimezone(zone), ends_at.astimezone(zone)
    day = start.date()
    if is_public_holiday(day, state):
        return TimeBand.PUBLIC_HOLIDAY
    if day.weekday() == SUNDAY:
        return TimeBand.SUNDAY
    if day.weekday() == SATURDAY:
        return TimeBand.SATURDAY
    return _weekday_band(start, end)


def _weekday_band(start: datetime, end: datetime) -> TimeBand:
    ends_by_midnight = end.date() == start.date() or (end.date() == _next(start) and end.time() == time(0))
    if start.time() < DAYTIME_STARTS or not ends_by_midnight:
        return TimeBand.NIGHT
    if end.date() != start.date() or end.time() > EVENING_AFTER:
        return TimeBand.EVENING
    return TimeBand.WEEKDAY


def _next(moment: datetime) -> date:
    return date.fromordinal(moment.date().toordinal() + 1)
