"""A shift's time seen the way the rules read it: agency-local days, windows, week and day."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from domain.errors import DomainError
from domain.language import _
from domain.matching.distance import Spot
from domain.matching.model import ShiftToFill

# Travel is checked against the worker's previous and next busy shift within this much time
# of the shift; a gap longer than a day always leaves time to travel.
LOOKAROUND = timedelta(hours=24)
LOOKAROUND_SECONDS = int(LOOKAROUND.total_seconds())
LONGEST_SHIFT = timedelta(hours=24)  # bookings last at most 1440 minutes


@dataclass(frozen=True)
class Slot:
    shift: ShiftToFill
    place: Spot
    local_start: datetime
    local_end: datetime
    day: date  # the local date it starts on: competencies, age and distance are judged on it
    day_start: datetime  # UTC instant of that day's local midnight
    week: tuple[datetime, datetime]  # UTC instants of its local Monday–Sunday week
    segments: tuple[tuple[int, int, int], ...]  # (weekday, from minute, to minute) per local day
    minutes: int
    starts: int  # epoch seconds, as busy shifts are read
    ends: int
    day_starts: int

    @property
    def starts_at(self) -> datetime:
        return self.shift.starts_at

    @property
    def ends_at(self) -> datetime:
        return self.shift.ends_at

    def nearby(self) -> tuple[datetime, datetime, datetime]:
        """Busy shifts that can clash, or need travel to or from, start between the first two
        (the longest shift before the look-around) and end after the third."""
        return (
            self.starts_at - LOOKAROUND - LONGEST_SHIFT,
            self.ends_at + LOOKAROUND,
            self.starts_at - LOOKAROUND,
        )


def slot_of(shift: ShiftToFill, place: Spot, zone: ZoneInfo) -> Slot:
    check(shift)
    local_start, local_end = shift.starts_at.astimezone(zone), shift.ends_at.astimezone(zone)
    day = local_start.date()
    monday = day - timedelta(days=day.weekday())
    return Slot(
        shift=shift,
        place=place,
        local_start=local_start,
        local_end=local_end,
        day=day,
        day_start=_midnight(day, zone),
        week=(_midnight(monday, zone), _midnight(monday + timedelta(days=7), zone)),
        segments=segments(local_start, local_end),
        minutes=int((shift.ends_at - shift.starts_at).total_seconds()) // 60,
        starts=int(shift.starts_at.timestamp()),
        ends=int(shift.ends_at.timestamp()),
        day_starts=int(_midnight(day, zone).timestamp()),
    )


def check(shift: ShiftToFill) -> None:
    if shift.starts_at.tzinfo is None or shift.ends_at.tzinfo is None:
        raise DomainError(_("Shift times must say their time zone."))
    if shift.ends_at <= shift.starts_at:
        raise DomainError(_("A shift must end after it starts."))
    if shift.ends_at - shift.starts_at > LONGEST_SHIFT:
        raise DomainError(_("A shift lasts at most 24 hours."))


def segments(local_start: datetime, local_end: datetime) -> tuple[tuple[int, int, int], ...]:
    """The part of the shift on each local day it touches; a window must cover each part."""
    parts = []
    day, begin = local_start.date(), local_start.hour * 60 + local_start.minute
    end_day, end_minute = local_end.date(), local_end.hour * 60 + local_end.minute
    if end_minute == 0:  # ending at midnight: the end of the day before
        end_day, end_minute = end_day - timedelta(days=1), 1440
    while day < end_day:
        parts.append((day.weekday(), begin, 1440))
        day, begin = day + timedelta(days=1), 0
    parts.append((day.weekday(), begin, end_minute))
    return tuple(parts)


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), zone).astimezone(UTC)
