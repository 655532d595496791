"""Where a booking's visits fall: the local dates of a once-only or repeating pattern, and the
UTC span of each visit at its local wall-clock start (DESIGN.md §3.2). Pure: no database.

Daylight saving: a start time that does not exist on a day (the clocks jump forward) moves forward
by the jump; an ambiguous one (the clocks go back) takes the first occurrence. Either way the
duration is kept, and the visit carries a note the client can read.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from storage.models.enums import Recurrence

STEP_DAYS = {Recurrence.WEEKLY: 7, Recurrence.FORTNIGHTLY: 14, Recurrence.FOUR_WEEKLY: 28}


@dataclass(frozen=True)
class Span:
    """One visit: its pattern date, UTC start and end, and a note when daylight saving moved it."""

    local_date: date
    starts_at: datetime
    ends_at: datetime
    time_note: str | None = None


def dates(
    first: date, recurrence: Recurrence, *, until: date, ends_on: date | None = None, after: date | None = None
) -> Iterator[date]:
    """The pattern's local dates from `first` up to `until` and `ends_on` (both included), skipping
    those on or before `after` (what is already generated)."""
    raise NotImplementedError


def span(local_date: date, start: time, duration_minutes: int, zone: ZoneInfo) -> Span:
    """The UTC span of a visit starting at local wall time `start` on `local_date`."""
    raise NotImplementedError
