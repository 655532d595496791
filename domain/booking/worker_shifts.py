"""A support worker's own offers and shifts: the worker app pages and the JSON API share these."""

from dataclasses import dataclass
from datetime import date, datetime

from domain.access import Actor
from storage.models.enums import Recurrence, ShiftStatus


@dataclass(frozen=True)
class OfferedVisit:
    local_date: date
    starts_at: datetime  # UTC
    ends_at: datetime
    time_note: str | None


@dataclass(frozen=True)
class OfferView:
    id: int
    booking_number: str
    client_first_name: str
    suburb: str
    service: str
    recurrence: Recurrence
    starts_at: datetime  # the first held visit, UTC
    ends_at: datetime
    expires_at: datetime
    notes: str
    occurrences: tuple[OfferedVisit, ...]


@dataclass(frozen=True)
class WorkerShiftView:
    id: int
    booking_number: str | None
    client_name: str
    address: str
    service: str
    starts_at: datetime  # UTC
    ends_at: datetime
    status: ShiftStatus
    notes: str
    time_note: str | None
    can_complete: bool


def pending_offers(actor: Actor) -> tuple[OfferView, ...]:
    """The worker's pending offers, soonest expiry first."""
    raise NotImplementedError


def upcoming(actor: Actor, days: int = 14) -> tuple[WorkerShiftView, ...]:
    """The worker's allocated (and started, not yet completed) shifts from today for `days` days."""
    raise NotImplementedError


def mark_completed(actor: Actor, shift_id: int) -> None:
    """The worker's own ALLOCATED shift that has started becomes COMPLETED."""
    raise NotImplementedError
