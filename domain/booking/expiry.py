"""Offers to nominated workers. Here: an offer nobody answered in time expires (DESIGN.md §3.2) —
its booking becomes unallocated, the shifts held for the worker are released, and the client and
the roster department are told. Run by the scheduler; safe to run twice or in two processes at
once (each offer's booking is locked before the offer, and an offer expires only while pending)."""

from domain import action, events
from domain.action import Action
from domain.booking import parties
from domain.booking.letters import OfferExpiredToClient, OfferExpiredToRoster, OfferExpiredToWorker
from domain.messaging import outbox
from domain.vocabulary import BookingStatus, OfferStatus, ShiftStatus
from storage.models import Offer, Shift
from storage.queries import offer_expiry as offer_queries

BATCH = 100


def expire_due() -> int:
    """Expire every pending offer past its expiry; returns how many expired."""
    total = 0
    while True:
        count = _expire_batch()
        total += count
        if count < BATCH:
            return total


def _expire_batch() -> int:
    """One batch in one action: its changes commit, and are announced, together."""
    with action.writing() as act:
        due = offer_queries.due(now=act.now, limit=BATCH, session=act.session)
        expired = [offer for offer_id in due if (offer := _still_due(act, offer_id)) is not None]
        released = [shift for offer in expired for shift in expire(act, offer)]
        if released:
            act.announce(
                events.ShiftChanged.of(
                    [shift.id for shift in released],
                    [shift.client_id for shift in released],
                    [offer.worker_id for offer in expired],
                )
            )
        return len(due)


def _still_due(act: Action, offer_id: int) -> Offer | None:
    """The offer, locked in the order every booking use case keeps (its booking, then the offer),
    if it is still pending and past its time: the worker may have answered, or another process
    expired it, while this one waited for the lock."""
    peek = offer_queries.offer(offer_id, session=act.session)
    offer_queries.booking(peek.booking_id, session=act.session)
    offer = offer_queries.locked_offer(offer_id, session=act.session)
    return offer if offer.status == OfferStatus.PENDING and offer.expires_at <= act.now else None


def expire(act: Action, offer: Offer) -> list[Shift]:
    """Expire one locked, pending offer; the shifts it released."""
    offer.status = OfferStatus.EXPIRED
    booking = offer_queries.booking(offer.booking_id, session=act.session)
    if booking.status == BookingStatus.OFFERED:
        booking.status = BookingStatus.UNALLOCATED
    shifts = offer_queries.held_shifts(booking.id, offer.worker_id, session=act.session)
    for shift in shifts:
        shift.status, shift.worker_id = ShiftStatus.UNALLOCATED, None
    told = parties.of(
        act,
        booking_number=booking.number,
        client_id=booking.client_id,
        worker_id=offer.worker_id,
        service_id=booking.service_id,
        starts_at=min((shift.starts_at for shift in shifts or booking.shifts), default=offer.sent_at),
        shifts=len(shifts),
    )
    _tell(act, offer, told)
    return shifts


def _tell(act: Action, offer: Offer, told: parties.Parties) -> None:
    """The client by e-mail, the roster department, and the worker in the app."""
    if told.client.email:
        to_client = OfferExpiredToClient(told.booking)
        outbox.email(act, to=[told.client.email], letter=to_client, offer_id=offer.id)
    outbox.email(
        act,
        to=[act.settings.roster_email],
        letter=OfferExpiredToRoster(told.booking, offer.expires_at),
        offer_id=offer.id,
    )
    if told.worker.account_id is not None:
        outbox.app_message(
            act,
            account_id=told.worker.account_id,
            letter=OfferExpiredToWorker(told.booking),
            offer_id=offer.id,
        )
