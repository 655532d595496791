"""A client (or carer, or roster staff for a caller) asks for a service: checking the request,
finding the providers who can do it, nominating one, or letting the agency choose (DESIGN.md §3.2).

Every use case checks the actor may act for the client and that the service is one of the
client's approved services, whoever calls it (page, API or test).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from domain.access import Actor
from storage.models.enums import BookingStatus, Recurrence

if TYPE_CHECKING:
    from domain import matching


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


@dataclass(frozen=True)
class Booked:
    booking_id: int
    number: str
    status: BookingStatus
    shift_count: int
    time_notes: tuple[str, ...]


def check(actor: Actor, wanted: Wanted) -> tuple[Occurrence, ...]:
    """Validate the request and return its visits over the rolling horizon; changes nothing.

    Raises NotAllowed (not this actor's client, or a service the client is not approved for),
    InvalidInput (duration, end before start, too far ahead, notes too long) or
    cancellation.LeadTimeTooShort (with the agency's phone number)."""
    raise NotImplementedError


def providers(actor: Actor, wanted: Wanted) -> matching.SeriesMatch:
    """The ranked providers for the request. Clients and carers get `left_out` empty; staff get
    every left-out worker with every reason."""
    raise NotImplementedError


def nominate(actor: Actor, wanted: Wanted, worker_id: int) -> Booked:
    """Book with a nominated worker: booking OFFERED, its shifts OFFERED to (held for) the worker,
    an Offer expiring after Agency.offer_expiry_minutes, an app message to the worker and an e-mail
    to the roster department, all in one transaction. The worker is checked again inside it:
    SlotTaken if their time was just taken, NotSuitable if they no longer qualify."""
    raise NotImplementedError


def let_agency_choose(actor: Actor, wanted: Wanted) -> Booked:
    """Book without a worker: booking REQUESTED, its shifts UNALLOCATED, the roster department e-mailed."""
    raise NotImplementedError
