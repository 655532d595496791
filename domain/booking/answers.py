"""A nominated worker answers an offer (DESIGN.md §3.2): accepting allocates the held shifts and
confirms to the client; rejecting releases them. Only the worker the offer was made to may answer."""

from domain import action, events
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from domain.booking import fit, parties
from domain.booking.letters import (
    BookingConfirmed,
    OfferAcceptedToRoster,
    OfferRejectedToClient,
    OfferRejectedToRoster,
)
from domain.errors import DomainError, NotAllowed
from domain.language import N_, _
from domain.messaging import outbox
from domain.messaging.letterhead import Letter
from domain.vocabulary import BookingStatus, OfferStatus, Role, ShiftStatus
from storage.models import Booking, Offer, Shift
from storage.queries import booking as queries
from storage.queries import offer_expiry

GONE = {  # shown as _(GONE[status])
    OfferStatus.ACCEPTED: N_("You have already accepted this offer."),
    OfferStatus.REJECTED: N_("You have already rejected this offer."),
    OfferStatus.EXPIRED: N_("This offer has expired and was passed back to the roster team."),
    OfferStatus.WITHDRAWN: N_("This offer was withdrawn: the booking was cancelled or changed."),
}
MAX_NOTE = 500


class OfferGone(DomainError):
    """The offer was answered already, expired or was withdrawn."""


@action.retried
def accept(actor: Actor, offer_id: int) -> None:
    """Worker only, own offer (else NotAllowed). Shifts and booking ALLOCATED; the client is e-mailed
    a confirmation and the roster department is e-mailed. OfferGone if no longer pending; SlotTaken
    if the database refuses an overlap."""
    access.require_role(actor, Role.WORKER)
    with fit.overlap_refused(), action.writing(actor) as act:
        offer = _open_offer(act, actor.worker_id, offer_id)
        booking, shifts = _booking_and_held(act, offer)
        if not shifts:  # every visit it held was cancelled meanwhile
            raise OfferGone(_(GONE[OfferStatus.WITHDRAWN]))
        # Held shifts already count as busy, but a shift may have been held by a bug or an old
        # version without the check: look again before making it final.
        fit.require_free(
            offer.worker_id,
            [(s.starts_at, s.ends_at) for s in shifts],
            [s.id for s in shifts],
            session=act.session,
        )
        offer.status, offer.answered_at = OfferStatus.ACCEPTED, act.now
        for shift in shifts:
            shift.status = ShiftStatus.ALLOCATED
        act.session.flush()
        # Visits of a series the worker could not do wait for the roster department.
        waiting = queries.unallocated_left(booking.id, session=act.session)
        booking.status = BookingStatus.UNALLOCATED if waiting else BookingStatus.ALLOCATED
        told = _parties(act, offer, booking, shifts)
        _tell(act, offer, told, BookingConfirmed(told.booking), OfferAcceptedToRoster(told.booking))
        act.audit("accept", "offer", offer.id)
        _announce(act, shifts, booking.client_id, offer.worker_id)


@action.retried
def reject(actor: Actor, offer_id: int, note: str = "") -> None:
    """Worker only, own offer. Shifts UNALLOCATED, booking UNALLOCATED; client and roster told."""
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise DomainError(_("Please keep the note under {n} characters.").format(n=MAX_NOTE))
    access.require_role(actor, Role.WORKER)
    with action.writing(actor) as act:
        offer = _open_offer(act, actor.worker_id, offer_id)
        booking, shifts = _booking_and_held(act, offer)
        offer.status, offer.answered_at, offer.answer_note = OfferStatus.REJECTED, act.now, note
        for shift in shifts:
            shift.status, shift.worker_id = ShiftStatus.UNALLOCATED, None
        booking.status = BookingStatus.UNALLOCATED
        act.session.flush()
        told = _parties(act, offer, booking, shifts)
        to_roster = OfferRejectedToRoster(told.booking, note)
        _tell(act, offer, told, OfferRejectedToClient(told.booking), to_roster)
        act.audit("reject", "offer", offer.id, note)
        _announce(act, shifts, booking.client_id, offer.worker_id)


def _open_offer(act: Action, worker_id: int | None, offer_id: int) -> Offer:
    """The worker's own pending offer, locked after its booking and the shifts it holds: the order
    every booking use case keeps (a cancellation of one of those visits waits, or is waited for)."""
    peek = queries.offer(offer_id, session=act.session)
    if peek is None or peek.worker_id != worker_id:
        raise NotAllowed()
    booking = offer_expiry.booking(peek.booking_id, session=act.session)
    offer_expiry.held_shifts(booking.id, peek.worker_id, session=act.session)
    offer = offer_expiry.locked_offer(offer_id, session=act.session)
    if offer.status != OfferStatus.PENDING:
        raise OfferGone(_(GONE[offer.status]))
    if offer.expires_at <= act.now:  # the expiry job has not run yet; it will tell everyone
        raise OfferGone(_(GONE[OfferStatus.EXPIRED]))
    return offer


def _booking_and_held(act: Action, offer: Offer) -> tuple[Booking, list[Shift]]:
    booking = offer_expiry.booking(offer.booking_id, session=act.session)
    return booking, offer_expiry.held_shifts(booking.id, offer.worker_id, session=act.session)


def _parties(act: Action, offer: Offer, booking: Booking, shifts: list[Shift]) -> parties.Parties:
    return parties.of(
        act,
        booking_number=booking.number,
        client_id=booking.client_id,
        worker_id=offer.worker_id,
        service_id=booking.service_id,
        starts_at=shifts[0].starts_at if shifts else offer.sent_at,
        shifts=len(shifts),
        rates=[shift.bill_rate_cents for shift in shifts],
    )


def _tell(act: Action, offer: Offer, told: parties.Parties, to_client: Letter, to_roster: Letter) -> None:
    """The client by e-mail (when they have an address) and the roster department."""
    if told.client.email:
        outbox.email(act, to=[told.client.email], letter=to_client, offer_id=offer.id)
    outbox.email(act, to=[act.settings.roster_email], letter=to_roster, offer_id=offer.id)


def _announce(act: Action, shifts: list[Shift], client_id: int, worker_id: int) -> None:
    act.announce(events.ShiftChanged.of([s.id for s in shifts], [client_id], [worker_id]))
