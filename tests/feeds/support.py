"""Reading a calendar feed back with two parsers that share no code: icalendar (which also writes
the feed) and vobject. A test that passes with both is not just the writer agreeing with itself."""

from dataclasses import dataclass
from datetime import UTC, datetime

import vobject
from icalendar import Calendar
from sqlalchemy import select

from domain.feeds import addresses
from storage import db
from storage.models import CalendarFeed

PUBLIC_URL = "https://portal.example.org"


@dataclass(frozen=True)
class Seen:
    uid: str
    start: datetime  # UTC
    end: datetime
    sequence: int
    status: str
    summary: str
    location: str | None

    @property
    def shift_id(self) -> int:
        return int(self.uid.removeprefix("shift-").split("@")[0])


def with_icalendar(text: bytes) -> dict[str, Seen]:
    calendar = Calendar.from_ical(text)
    found = {}
    for event in calendar.walk("VEVENT"):
        location = event.get("location")
        found[str(event["uid"])] = Seen(
            str(event["uid"]),
            event.decoded("dtstart").astimezone(UTC),
            event.decoded("dtend").astimezone(UTC),
            int(event["sequence"]),
            str(event["status"]),
            str(event["summary"]),
            str(location) if location is not None else None,
        )
    return found


def with_vobject(text: bytes) -> dict[str, Seen]:
    calendar = vobject.readOne(text.decode("utf-8"))
    found = {}
    for event in getattr(calendar, "vevent_list", []):
        location = event.contents.get("location")
        found[event.uid.value] = Seen(
            event.uid.value,
            event.dtstart.value.astimezone(UTC),
            event.dtend.value.astimezone(UTC),
            int(event.sequence.value),
            event.status.value,
            event.summary.value,
            location[0].value if location else None,
        )
    return found


def both(token: str) -> dict[str, Seen]:
    """The feed's events as both parsers read them; they must agree on every one."""
    text = addresses.read(token, PUBLIC_URL)
    first, second = with_icalendar(text), with_vobject(text)
    assert first == second
    return first


def feed_rows() -> list[CalendarFeed]:
    with db.read() as session:
        return list(session.scalars(select(CalendarFeed).order_by(CalendarFeed.id)))
