"""Where a booking's visits fall: the local dates of a once-only or repeating pattern, and the
UTC span of each visit at its local wall-clock start (DESIGN.md §3.2). Pure: no database.

Daylight saving: a start time that does not exist on a day (the clocks jump forward) moves forward
by the jump; an ambiguous one (the clocks go back) takes the first occurrence. Either way the
duration is kept, and the visit carries a note the client can read.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from domain.language import DEFAULT, _, use
from domain.language.formats import clock_time
from domain.vocabulary import Recurrence

STEP_DAYS = {Recurrence.WEEKLY: 7, Recurrence.FORTNIGHTLY: 14, Recurrence.FOUR_WEEKLY: 28}


@dataclass(frozen=True)
class Span:
    """One visit: its pattern date, UTC start and end, and a note when daylight saving moved it."""

    local_date: date
    starts_at: datetime
    ends_at: datetime
    time_note: str | None = None  # in the language in force: the person booking reads it
    stored_note: str | None = None  # the same in English, as the shift keeps it for everyone


def dates(
    first: date,
    recurrence: Recurrence,
    *,
    until: date,
    ends_on: date | None = None,
    after: date | None = None,
) -> Iterator[date]:
    """The pattern's local dates from `first` up to `until` and `ends_on` (both included), skipping
    those on or before `after` (what is already generated)."""
    last = min(until, ends_on) if ends_on else until
    if recurrence == Recurrence.ONCE:
        if first <= last and (after is None or first > after):
            yield first
        return
    step = STEP_DAYS[recurrence]
    day = first
    if after is not None and after >= first:
        day = first + timedelta(days=((after - first).days // step + 1) * step)
    while day <= last:
        yield day
        day += timedelta(days=step)


def span(local_date: date, start: time, duration_minutes: int, zone: ZoneInfo) -> Span:
    """The UTC span of a visit starting at local wall time `start` on `local_date`."""
    wall = datetime.combine(local_date, start)
    first = wall.replace(tzinfo=zone, fold=0)
    second = wall.replace(tzinfo=zone, fold=1)
    # A wall time in the gap: fold=0 uses the offset before the jump, which lands the instant
    # exactly "the jump" later on the new clock.
    starts = first.astimezone(UTC)
    exists = _round_trips(first)
    twice = exists and first.utcoffset() != second.utcoffset()
    moved = None if exists else starts.astimezone(zone).time()
    note = stored = None
    if twice or moved is not None:
        note = _note(start, moved)
        with use(DEFAULT.code):
            stored = _note(start, moved)
    return Span(local_date, starts, starts + timedelta(minutes=duration_minutes), note, stored)


def _note(start: time, moved: time | None) -> str:
    """The note of a visit the clocks move: `moved` when `start` does not exist that night, None
    when it happens twice (the visit starts at the first)."""
    if moved is None:
        return _("The clocks go back that night: the visit starts at the first {start}.").format(
            start=clock_time(start)
        )
    return _(
        "The clocks go forward that night, so {start} does not exist: the visit starts at {moved} instead."
    ).format(start=clock_time(start), moved=clock_time(moved))


def _round_trips(local: datetime) -> bool:
    """Whether the wall time exists: going to UTC and back gives the same wall time."""
    back = local.astimezone(UTC).astimezone(local.tzinfo)
    return back.replace(tzinfo=None) == local.replace(tzinfo=None)
