"""A nominated worker answers an offer (DESIGN.md §3.2): accepting allocates the held shifts and
confirms to the client; rejecting releases them. Only the worker the offer was made to may answer."""

from datetime import datetime

from sqlalchemy.orm import Session

from domain import audit, clock, events
from domain.accounts import access
from domain.accounts.access import Actor
from domain.agency import settings as agency
from domain.booking import fit
from domain.booking import letters as booking_notices
from domain.errors import DomainError, NotAllowed
from domain.messaging import outbox
from domain.vocabulary import BookingStatus, OfferStatus, Role, ShiftStatus
from storage import db
from storage.models import Booking, Offer, Shift
from storage.queries import booking as queries
from storage.queries import offer_expiry, recipients

assert booking_notices  # NOTE: importing it registers the message templates used here

GONE = {
    OfferStatus.ACCEPTED: "You have already accepted this offer.",
    OfferStatus.REJECTED: "You have already rejected this offer.",
    OfferStatus.EXPIRED: "This offer has expired and was passed back to the roster team.",
    OfferStatus.WITHDRAWN: "This offer was withdrawn: the booking was cancelled or changed.",
}
MAX_NOTE = 500


class OfferGone(DomainError):
    """The offer was answered already, expired or was withdrawn."""


def accept(actor: Actor, offer_id: int) -> None:
    """Worker only, own offer (else NotAllowed). Shifts and booking ALLOCATED; the client is e-mailed
    a confirmation and the roster department is e-mailed. OfferGone if no longer pending; SlotTaken
    if the database refuses an overlap."""
    now = clock.now()
    with fit.overlap_refused(), db.write() as session:
        offer = _open_offer(actor, offer_id, now, session)
        booking, shifts = _booking_and_held(offer, session)
        if not shifts:  # every visit it held was cancelled meanwhile
            raise OfferGone(GONE[OfferStatus.WITHDRAWN])
        # Held shifts already count as busy, but a shift may have been held by a bug or an old
        # version without the check: look again before making it final.
        fit.require_free(
            offer.worker_id,
            [(s.starts_at, s.ends_at) for s in shifts],
            [s.id for s in shifts],
            session=session,
        )
        offer.status, offer.answered_at = OfferStatus.ACCEPTED, now
        for shift in shifts:
            shift.status = ShiftStatus.ALLOCATED
        session.flush()
        # Visits of a series the worker could not do wait for the roster department.
        waiting = queries.unallocated_left(booking.id, session=session)
        booking.status = BookingStatus.UNALLOCATED if waiting else BookingStatus.ALLOCATED
        _tell(offer, booking, shifts, "booking_confirmed_client", "offer_accepted_roster", session)
        audit.record(session, actor.account_id, "accept", "offer", offer.id)
    _announce(shifts, booking.client_id, offer.worker_id)


def reject(actor: Actor, offer_id: int, note: str = "") -> None:
    """Worker only, own offer. Shifts UNALLOCATED, booking UNALLOCATED; client and roster told."""
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise DomainError(f"Please keep the note under {MAX_NOTE} characters.")
    now = clock.now()
    with db.write() as session:
        offer = _open_offer(actor, offer_id, now, session)
        booking, shifts = _booking_and_held(offer, session)
        offer.status, offer.answered_at, offer.answer_note = OfferStatus.REJECTED, now, note
        for shift in shifts:
            shift.status, shift.worker_id = ShiftStatus.UNALLOCATED, None
        booking.status = BookingStatus.UNALLOCATED
        session.flush()
        _tell(offer, booking, shifts, "offer_rejected_client", "offer_rejected_roster", session)
        audit.record(session, actor.account_id, "reject", "offer", offer.id, note)
    _announce(shifts, booking.client_id, offer.worker_id)


def _open_offer(actor: Actor, offer_id: int, now: datetime, session: Session) -> Offer:
    access.require_role(actor, Role.WORKER)
    offer = queries.offer(offer_id, session=session, for_update=True)
    if offer is None or offer.worker_id != actor.worker_id:
        raise NotAllowed()
    if offer.status != OfferStatus.PENDING:
        raise OfferGone(GONE[offer.status])
    if offer.expires_at <= now:  # the expiry job has not run yet; it will tell everyone
        raise OfferGone(GONE[OfferStatus.EXPIRED])
    return offer


def _booking_and_held(offer: Offer, session: Session) -> tuple[Booking, list[Shift]]:
    booking = offer_expiry.booking(offer.booking_id, session=session)
    return booking, offer_expiry.held_shifts(booking.id, offer.worker_id, session=session)


def _tell(
    offer: Offer, booking: Booking, shifts: list[Shift], to_client: str, to_roster: str, session: Session
) -> None:
    client = recipients.client(booking.client_id, session=session)
    worker = recipients.worker(offer.worker_id, session=session)
    context = {
        "booking_number": booking.number,
        "client": client.name,
        "service": recipients.service_name(booking.service_id, session=session),
        "starts_at": shifts[0].starts_at if shifts else offer.sent_at,
        "shifts": len(shifts),
        "worker": worker.name,
        "note": offer.answer_note,
    }
    if client.email:
        outbox.queue_email(session, to=[client.email], template=to_client, context=context, offer_id=offer.id)
    outbox.queue_email(
        session, to=[agency.settings().roster_email], template=to_roster, context=context, offer_id=offer.id
    )


def _announce(shifts: list[Shift], client_id: int, worker_id: int) -> None:
    events.publish(events.ShiftChanged.of([s.id for s in shifts], [client_id], [worker_id]))
