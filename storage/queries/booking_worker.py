"""A support worker's own pending offers and upcoming shifts, for the worker app and the API."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.vocabulary import OfferStatus, ShiftStatus
from storage.models import Booking, Client, Offer, Service, Shift


@dataclass(frozen=True)
class OfferRow:
    offer: Offer
    booking: Booking
    client_first_name: str
    suburb: str
    service: str
    held: tuple[Shift, ...]


@dataclass(frozen=True)
class ShiftRow:
    shift: Shift
    booking_number: str | None
    client_name: str
    street: str
    suburb: str
    service: str


def pending_offers(worker_id: int, *, now: datetime, session: Session) -> list[OfferRow]:
    """Open offers to the worker, soonest expiry first, each with the shifts held for it."""
    rows = session.execute(
        select(Offer, Booking, Client.preferred_name, Client.first_name, Client.home_suburb, Service.name)
        .join(Booking, Booking.id == Offer.booking_id)
        .join(Client, Client.id == Booking.client_id)
        .join(Service, Service.id == Booking.service_id)
        .where(Offer.worker_id == worker_id, Offer.status == OfferStatus.PENDING, Offer.expires_at > now)
        .order_by(Offer.expires_at, Offer.id)
    ).all()
    held = _held(worker_id, [booking.id for _o, booking, *_ in rows], session)
    return [
        OfferRow(offer, booking, preferred or first, suburb, service, tuple(held.get(booking.id, ())))
        for offer, booking, preferred, first, suburb, service in rows
    ]


def _held(worker_id: int, booking_ids: list[int], session: Session) -> dict[int, list[Shift]]:
    found: dict[int, list[Shift]] = {}
    if not booking_ids:
        return found
    shifts = session.scalars(
        select(Shift)
        .where(
            Shift.booking_id.in_(booking_ids),
            Shift.worker_id == worker_id,
            Shift.status == ShiftStatus.OFFERED,
        )
        .order_by(Shift.starts_at)
    )
    for shift in shifts:
        assert shift.booking_id is not None
        found.setdefault(shift.booking_id, []).append(shift)
    return found


def shifts_between(
    worker_id: int, start: datetime, end: datetime, statuses: tuple[ShiftStatus, ...], *, session: Session
) -> list[ShiftRow]:
    """The worker's shifts in those statuses that end after `start` and start before `end`."""
    rows = session.execute(
        select(Shift, Booking.number, Client, Service.name)
        .outerjoin(Booking, Booking.id == Shift.booking_id)
        .join(Client, Client.id == Shift.client_id)
        .join(Service, Service.id == Shift.service_id)
        .where(
            Shift.worker_id == worker_id,
            Shift.status.in_(statuses),
            Shift.ends_at > start,
            Shift.starts_at < end,
        )
        .order_by(Shift.starts_at, Shift.id)
    ).all()
    return [
        ShiftRow(shift, number, client.full_name, client.home_street, client.home_suburb, service)
        for shift, number, client, service in rows
    ]
