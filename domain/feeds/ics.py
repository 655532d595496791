"""The iCalendar text of a feed, from plain values (no database): one VEVENT per visit.

Times are written in UTC (…Z): every calendar converts them to the phone's own zone, and no
VTIMEZONE is needed, so a daylight-saving change can never be described wrongly.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from domain.vocabulary import ShiftStatus

# not yet settled: no worker yet, or extra hours the agency has still to allow
PENDING = frozenset({ShiftStatus.UNALLOCATED, ShiftStatus.OFFERED, ShiftStatus.WAITING})
REFRESH = timedelta(hours=1)  # how often a calendar app is asked to look again


@dataclass(frozen=True)
class FeedVisit:
    shift_id: int
    starts_at: datetime  # aware
    ends_at: datetime
    status: ShiftStatus
    version: int  # starts at 1, up by one at every change (migration 0017's triggers)
    summary: str
    location: str | None  # only in a worker's feed: the client knows their own address


def uid(shift_id: int, host: str) -> str:
    """Stable for the life of the visit, whatever changes: the calendar updates it in place."""
    return f"shift-{shift_id}@{host}"


def status_of(status: ShiftStatus) -> str:
    if status == ShiftStatus.CANCELLED:
        return "CANCELLED"
    return "TENTATIVE" if status in PENDING else "CONFIRMED"


def calendar_text(visits: Iterable[FeedVisit], *, name: str, host: str, now: datetime) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//{host}//Care Portal calendar feed//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH)
    for visit in visits:
        event = Event()
        event.add("uid", uid(visit.shift_id, host))
        event.add("dtstamp", now.astimezone(UTC))
        event.add("dtstart", visit.starts_at.astimezone(UTC))
        event.add("dtend", visit.ends_at.astimezone(UTC))
        event.add("sequence", visit.version - 1)
        event.add("summary", visit.summary)
        event.add("status", status_of(visit.status))
        event.add("transp", "TRANSPARENT" if visit.status == ShiftStatus.CANCELLED else "OPAQUE")
        if visit.location:
            event.add("location", visit.location)
        calendar.add_component(event)
    return bytes(calendar.to_ical())
