"""What a client asks for and what the request gives back: plain values that `requests` (the use
cases) and `making` (the rules and the rows they write) both speak, so neither imports the other
for its words."""

from dataclasses import dataclass
from datetime import date, datetime, time

from domain import matching
from domain.vocabulary import BookingStatus, Recurrence


@dataclass(frozen=True)
class Wanted:
    """What the client asks for, in agency-local dates and wall time."""

    client_id: int
    approved_service_id: int
    first_date: date
    start_time: time
    duration_minutes: int
    recurrence: Recurrence = Recurrence.ONCE
    ends_on: date | None = None
    wishes: tuple[matching.Wish, ...] | None = None  # None = the client's saved preferences
    notes: str = ""


@dataclass(frozen=True)
class Occurrence:
    """One visit the request makes: its local date and UTC span; a note when daylight saving moved it."""

    local_date: date
    starts_at: datetime
    ends_at: datetime
    time_note: str | None
    rate_cents: int = 0  # the bill rate with no worker chosen yet (domain.pricing)


@dataclass(frozen=True)
class Booked:
    booking_id: int
    number: str
    status: BookingStatus
    shift_count: int
    time_notes: tuple[str, ...]
    rates: tuple[int, ...] = ()  # each visit's bill rate, as stored on its shift
    price: str = ""  # the rates in words, as every surface says them
    beyond: str = ""  # the warning when it goes past the approved amount left (domain.pricing.allowance)
