"""Staff decide on bookings past the approved hours.

A client may book past what is left of the approved hours (or visits) in the period: she is warned
with the hours left and what the part beyond costs (`allowance`), the booking is made, and what
goes beyond is kept on it. **The visits past what is left are held back** (`ShiftStatus.WAITING`):
not offered to a worker, not allocatable, not unallocated work in the Day Manager; the client sees
each as "Waiting for the agency to approve the extra hours". The visits within the approved amount
go ahead as usual.

A case manager, roster officer or administrator then decides, here (the pages and the JSON API
both call these functions):

- `allow`: recorded on the booking (who, when) and audited; the waiting visits become unallocated
  work for the roster department (the nominated worker, if any, is not offered them again: the
  roster chooses), and the client is e-mailed that it goes ahead;
- `decline`, with a reason: recorded (who, when, why) and audited; the waiting visits are
  cancelled without any cancellation charge (the booking too when nothing else is left of it), and
  the client is e-mailed why.

Each booking is decided once: allowing or declining again is refused with who decided.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from domain import action, events, validation
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from domain.errors import InvalidInput, NotFound
from domain.messaging import outbox
from domain.messaging.letterhead import Letter
from domain.pricing.letters import BeyondAllowedToClient, BeyondDeclinedToClient
from domain.visits.lines import CANCELLABLE
from domain.vocabulary import BookingStatus, ShiftStatus
from storage.models import Booking
from storage.queries import over_hours as queries
from storage.queries import recipients
from storage.queries import shift_changes as changes

MAY_ALLOW = tuple(access.SCREENS["/admin/over-hours"])
LIST_LIMIT = 200
REASON_LENGTH = 300


@dataclass(frozen=True)
class Waiting:
    booking_id: int
    number: str
    client_id: int
    client: str
    service: str
    first_date: date
    beyond: str  # what goes past the approved amount, and what it costs


def waiting(actor: Actor) -> list[Waiting]:
    access.require_role(actor, *MAY_ALLOW)
    with action.reading(actor) as act:
        rows = queries.waiting(session=act.session, limit=LIST_LIMIT)
    return [
        Waiting(
            r.id,
            r.number,
            r.client_id,
            f"{r.first_name} {r.last_name}",
            r.service,
            r.first_date,
            r.beyond_approved or "",
        )
        for r in rows
    ]


def allow(actor: Actor, booking_id: int) -> list[Waiting]:
    """Allow a booking past the approved hours: recorded on it (who, when) and audited; its waiting
    visits become unallocated for the roster department; the client is e-mailed."""
    access.require_role(actor, *MAY_ALLOW)
    with action.writing(actor) as act:
        booking = _undecided(act, booking_id)
        booking.beyond_allowed_at, booking.beyond_allowed_by = act.now, actor.display_name[:120]
        shifts = queries.waiting_shifts(booking.id, session=act.session)
        for shift in shifts:
            shift.status = ShiftStatus.UNALLOCATED
        if shifts and booking.status == BookingStatus.ALLOCATED:  # it has visits without a worker again
            booking.status = BookingStatus.UNALLOCATED
        beyond = booking.beyond_approved or ""
        act.audit("allow_beyond", "booking", booking.id, beyond, client_id=booking.client_id)
        _tell(act, booking, lambda name: BeyondAllowedToClient(name, booking.number, beyond))
        act.announce(events.ShiftChanged.of([s.id for s in shifts], [booking.client_id], []))
        act.session.flush()
    return waiting(actor)


def decline(actor: Actor, booking_id: int, reason: str) -> list[Waiting]:
    """Decline a booking past the approved hours, with the reason the client is told: recorded on it
    (who, when, why) and audited; its waiting visits are cancelled without any cancellation charge
    (and the booking, when none of its visits is left); the client is e-mailed.

    InvalidInput at `reason` when there is none (nothing written)."""
    access.require_role(actor, *MAY_ALLOW)
    try:
        why = validation.text(reason, "the reason the client is told", max_length=REASON_LENGTH)
    except ValueError as error:
        raise InvalidInput({"reason": str(error)}) from None
    with action.writing(actor) as act:
        booking = _undecided(act, booking_id)
        booking.beyond_declined_at, booking.beyond_declined_by = act.now, actor.display_name[:120]
        booking.beyond_declined_reason = why
        shifts = queries.waiting_shifts(booking.id, session=act.session)
        for shift in shifts:  # declined by the agency: never a cancellation fee
            shift.status, shift.cancelled_at, shift.cancelled_by_account_id = (
                ShiftStatus.CANCELLED,
                act.now,
                act.account_id,
            )
            shift.cancel_band, shift.cancel_reason, shift.cancel_fee_cents = None, None, 0
        act.session.flush()
        if not changes.live_in_booking(booking.id, CANCELLABLE, session=act.session):
            booking.status, booking.cancelled_at = BookingStatus.CANCELLED, act.now
            changes.withdraw_pending_offers(booking.id, act.now, session=act.session)
        act.audit("decline_beyond", "booking", booking.id, why, client_id=booking.client_id)
        _tell(
            act,
            booking,
            lambda name: BeyondDeclinedToClient(
                name, booking.number, booking.beyond_approved or "", len(shifts), why
            ),
        )
        act.announce(events.ShiftChanged.of([s.id for s in shifts], [booking.client_id], []))
        act.session.flush()
    return waiting(actor)


def _undecided(act: Action, booking_id: int) -> Booking:
    """The booking, locked, still waiting for a decision; else NotFound or InvalidInput."""
    booking = queries.booking(booking_id, session=act.session)
    if booking is None or booking.beyond_approved is None:
        raise NotFound("That booking does not go past the approved hours.")
    if booking.beyond_allowed_at is not None:
        raise InvalidInput(
            {"booking": f"Booking {booking.number} was already allowed by {booking.beyond_allowed_by}."}
        )
    if booking.beyond_declined_at is not None:
        raise InvalidInput(
            {"booking": f"Booking {booking.number} was already declined by {booking.beyond_declined_by}."}
        )
    return booking


def _tell(act: Action, booking: Booking, letter: Callable[[str], Letter]) -> None:
    """The client is e-mailed the decision (the warning promised that the agency tells her)."""
    client = recipients.client(booking.client_id, session=act.session)
    if client.email:
        outbox.email(act, to=[client.email], letter=letter(client.name))
