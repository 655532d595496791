"""Offers to nominated workers. Here: an offer nobody answered in time expires (DESIGN.md §3.2) —
its booking becomes unallocated, the shifts held for the worker are released, and the client and
the roster department are told. Run by the scheduler; safe to run twice or in two processes at
once (offers are locked, skipped by the other, and expire only while pending)."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from domain import clock, events
from domain.agency import settings as agency
from domain.messaging import notices, outbox
from domain.vocabulary import BookingStatus, OfferStatus, ShiftStatus
from storage import db
from storage.models import Offer, Shift
from storage.queries import offer_expiry as offer_queries
from storage.queries import recipients

BATCH = 100
assert notices  # NOTE: importing notices registers the templates used below


@dataclass
class Released:
    """What changed, for the announcement after the transaction."""

    offers: int = 0
    shift_ids: set[int] = field(default_factory=set)
    client_ids: set[int] = field(default_factory=set)
    worker_ids: set[int] = field(default_factory=set)


def expire_due() -> int:
    """Expire every pending offer past its expiry; returns how many expired."""
    total = 0
    while True:
        released = _expire_batch(clock.now())
        total += released.offers
        if released.shift_ids:
            events.publish(
                events.ShiftChanged.of(
                    sorted(released.shift_ids), sorted(released.client_ids), sorted(released.worker_ids)
                )
            )
        if released.offers < BATCH:
            return total


def _expire_batch(now: datetime) -> Released:
    released = Released()
    with db.write() as session:
        for offer in offer_queries.due(now=now, limit=BATCH, session=session):
            shifts = expire(offer, session)
            released.offers += 1
            released.shift_ids.update(shift.id for shift in shifts)
            released.client_ids.update(shift.client_id for shift in shifts)
            released.worker_ids.add(offer.worker_id)
    return released


def expire(offer: Offer, session: Session) -> list[Shift]:
    """Expire one locked, pending offer; the shifts it released."""
    offer.status = OfferStatus.EXPIRED
    booking = offer_queries.booking(offer.booking_id, session=session)
    if booking.status == BookingStatus.OFFERED:
        booking.status = BookingStatus.UNALLOCATED
    shifts = offer_queries.held_shifts(booking.id, offer.worker_id, session=session)
    for shift in shifts:
        shift.status, shift.worker_id = ShiftStatus.UNALLOCATED, None
    first_visit = min((shift.starts_at for shift in shifts or booking.shifts), default=offer.sent_at)
    _tell(offer, booking.number, booking.client_id, booking.service_id, first_visit, len(shifts), session)
    return shifts


def _tell(
    offer: Offer,
    booking_number: str,
    client_id: int,
    service_id: int,
    first_visit: datetime,
    shift_count: int,
    session: Session,
) -> None:
    client = recipients.client(client_id, session=session)
    worker = recipients.worker(offer.worker_id, session=session)
    context = {
        "client": client.name,
        "worker": worker.name,
        "service": recipients.service_name(service_id, session=session),
        "booking_number": booking_number,
        "starts_at": first_visit,
        "expired_at": offer.expires_at,
        "shifts": shift_count,
    }
    if client.email:
        outbox.queue_email(
            session, to=[client.email], template="offer_expired_client", context=context, offer_id=offer.id
        )
    outbox.queue_email(
        session,
        to=[agency.settings().roster_email],
        template="offer_expired_roster",
        context=context,
        offer_id=offer.id,
    )
    if worker.account_id is not None:
        outbox.queue_app_message(
            session,
            account_id=worker.account_id,
            template="offer_expired_worker",
            context=context,
            offer_id=offer.id,
        )
